package mongo

import (
	"fmt"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// progressDoc is one living candidate's progress document: ids, times and
// categories only, never a name, a place id or free text.
type progressDoc struct {
	ID         string         `bson:"_id"`
	Version    int64          `bson:"version"`
	FoldedAt   time.Time      `bson:"at"`
	Org        string         `bson:"org,omitempty"`
	Programmes []programmeDoc `bson:"programmes,omitempty"`
	Setting    string         `bson:"setting,omitempty"`
	Country    string         `bson:"country,omitempty"`
	Region     string         `bson:"region,omitempty"`
	Urban      string         `bson:"urban,omitempty"`
	Created    time.Time      `bson:"created"`
	Consent    *time.Time     `bson:"consent,omitempty"`
	Shortlist  *time.Time     `bson:"shortlisted,omitempty"`
	Intros     []introDoc     `bson:"intros,omitempty"`
	// Keys are the keys of the counts the candidate was last added to:
	// what the next change is the difference from. It is one blob
	// (encodeContributions), which FerretDB stores and reads far faster
	// than hundreds of array elements.
	Keys []byte `bson:"keys,omitempty"`
	// Contrib is how documents written before Keys hold the same: the
	// addresses by document, compressed (packed). It is read, never
	// written.
	Contrib []byte `bson:"contrib,omitempty"`
	// Pending is the last change written with this document. It is being
	// applied while the journal holds its op, and stale after.
	Pending *pendingDoc `bson:"pending,omitempty"`
}

type programmeDoc struct {
	ID   string `bson:"id"`
	Kind string `bson:"kind,omitempty"`
}

type introDoc struct {
	ID         string        `bson:"id"`
	Role       string        `bson:"role,omitempty"`
	Employer   string        `bson:"employer,omitempty"`
	Contract   string        `bson:"contract,omitempty"`
	Occupation string        `bson:"occupation,omitempty"`
	Requested  time.Time     `bson:"requested"`
	Answer     *answerDoc    `bson:"answer,omitempty"`
	Outcome    *outcomeDoc   `bson:"outcome,omitempty"`
	Placement  *placementDoc `bson:"placement,omitempty"`
	FollowUps  []followUpDoc `bson:"followups,omitempty"`
}

type answerDoc struct {
	Accepted bool      `bson:"accepted"`
	At       time.Time `bson:"at"`
}

type outcomeDoc struct {
	Kind string    `bson:"kind"`
	At   time.Time `bson:"at"`
}

type placementDoc struct {
	ID       string     `bson:"id"`
	Recorded time.Time  `bson:"recorded"`
	Start    *time.Time `bson:"start,omitempty"`
	Contract string     `bson:"contract,omitempty"`
	Status   string     `bson:"status,omitempty"`
	Ended    *time.Time `bson:"ended,omitempty"`
}

type followUpDoc struct {
	Day      int        `bson:"day"`
	Side     string     `bson:"side"`
	Due      time.Time  `bson:"due"`
	Working  *bool      `bson:"working,omitempty"`
	Answered *time.Time `bson:"answered,omitempty"`
}

// pendingDoc is a change stored with the progress it leads to, in the
// same write, and kept until its counts are applied: op names the
// journal entry.
type pendingDoc struct {
	Op string `bson:"op"`
	// Living and Anonymous are the increments, each one compressed blob
	// (packed).
	Living    []byte `bson:"living,omitempty"`
	Anonymous []byte `bson:"anonymous,omitempty"`
	Erase     bool   `bson:"erase,omitempty"`
	// New says the document is the candidate's first: the change adds
	// their contributions (Keys) to the living counts, and Living and
	// Anonymous are empty.
	New bool `bson:"new,omitempty"`
}

// toProgressDoc renders a change's new progress document.
func toProgressDoc(c service.Change, version int64) (progressDoc, error) {
	p := c.Progress
	d := progressDoc{ID: c.CandidateID, Version: version, FoldedAt: c.FoldedAt, Org: p.OrganisationID, Setting: p.Setting,
		Country: p.Country, Region: p.Region, Urban: p.Urban, Created: p.CreatedAt,
		Consent: timePtr(p.ConsentFirstGivenAt), Shortlist: timePtr(p.FirstShortlistedAt)}
	for _, pr := range p.Programmes {
		d.Programmes = append(d.Programmes, programmeDoc{ID: pr.ID, Kind: pr.Kind})
	}
	for _, in := range p.Introductions {
		d.Intros = append(d.Intros, toIntroDoc(in))
	}
	d.Keys = encodeContributions(c.Contributions)
	return d, nil
}

func toIntroDoc(in domain.IntroductionFacts) introDoc {
	d := introDoc{ID: in.ID, Role: in.RoleID, Employer: in.EmployerOrgID, Contract: in.RoleContract,
		Occupation: in.RoleOccupation, Requested: in.RequestedAt}
	if a := in.Answer; a != nil {
		d.Answer = &answerDoc{Accepted: a.Accepted, At: a.AnsweredAt}
	}
	if o := in.Outcome; o != nil {
		d.Outcome = &outcomeDoc{Kind: o.Kind, At: o.RecordedAt}
	}
	if pl := in.Placement; pl != nil {
		d.Placement = &placementDoc{ID: pl.ID, Recorded: pl.RecordedAt, Start: timePtr(pl.StartDate), Contract: pl.Contract,
			Status: pl.Status, Ended: timePtr(pl.EndedOn)}
	}
	for _, f := range in.FollowUps {
		d.FollowUps = append(d.FollowUps, followUpDoc{Day: f.Day, Side: f.Side, Due: f.DueAt, Working: f.StillWorking,
			Answered: timePtr(f.AnsweredAt)})
	}
	return d
}

// toStored reads a progress document back.
func toStored(d progressDoc) (service.Stored, error) {
	p := domain.Progress{CandidateID: d.ID, OrganisationID: d.Org, Setting: d.Setting, Country: d.Country, Region: d.Region,
		Urban: d.Urban, CreatedAt: utc(d.Created), ConsentFirstGivenAt: timeOf(d.Consent), FirstShortlistedAt: timeOf(d.Shortlist)}
	for _, pr := range d.Programmes {
		p.Programmes = append(p.Programmes, domain.ProgrammeFacts{ID: pr.ID, Kind: pr.Kind})
	}
	for _, in := range d.Intros {
		p.Introductions = append(p.Introductions, toIntroductionFacts(in))
	}
	contrib, err := storedContributions(d)
	if err != nil {
		return service.Stored{}, err
	}
	return service.Stored{Progress: p, Contributions: contrib, FoldedAt: utc(d.FoldedAt), Version: d.Version}, nil
}

// storedContributions reads the contributions a progress document holds,
// in either form.
func storedContributions(d progressDoc) (domain.Contributions, error) {
	if len(d.Keys) > 0 {
		return decodeContributions(d.Keys)
	}
	var byDoc map[string][]string
	if err := unpack(d.Contrib, &byDoc); err != nil {
		return domain.Contributions{}, fmt.Errorf("contributions: %w", err)
	}
	return contributionsAt(byDoc)
}

func toIntroductionFacts(d introDoc) domain.IntroductionFacts {
	in := domain.IntroductionFacts{ID: d.ID, RoleID: d.Role, EmployerOrgID: d.Employer, RoleContract: d.Contract,
		RoleOccupation: d.Occupation, RequestedAt: utc(d.Requested)}
	if a := d.Answer; a != nil {
		in.Answer = &domain.AnswerFacts{Accepted: a.Accepted, AnsweredAt: utc(a.At)}
	}
	if o := d.Outcome; o != nil {
		in.Outcome = &domain.OutcomeFacts{Kind: o.Kind, RecordedAt: utc(o.At)}
	}
	if pl := d.Placement; pl != nil {
		in.Placement = &domain.PlacementFacts{ID: pl.ID, RecordedAt: utc(pl.Recorded), StartDate: timeOf(pl.Start),
			Contract: pl.Contract, Status: pl.Status, EndedOn: timeOf(pl.Ended)}
	}
	for _, f := range d.FollowUps {
		in.FollowUps = append(in.FollowUps, domain.FollowUpFacts{Day: f.Day, Side: f.Side, DueAt: utc(f.Due),
			StillWorking: f.Working, AnsweredAt: timeOf(f.Answered)})
	}
	return in
}

// encodeIncrements renders increments as a pending change keeps them.
func encodeIncrements(inc increments) ([]byte, error) {
	if len(inc) == 0 {
		return nil, nil
	}
	return pack(inc)
}

// addEncoded adds increments a pending change kept to inc.
func addEncoded(inc increments, encoded []byte) error {
	var more increments
	if err := unpack(encoded, &more); err != nil {
		return fmt.Errorf("pending increments: %w", err)
	}
	for doc, fields := range more {
		for f, n := range fields {
			if inc[doc] == nil {
				inc[doc] = map[string]int{}
			}
			inc[doc][f] += n
			if inc[doc][f] == 0 {
				delete(inc[doc], f)
			}
		}
	}
	return nil
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return utc(*t)
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
