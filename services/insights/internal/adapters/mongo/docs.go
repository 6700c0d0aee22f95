package mongo

import (
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
	// Contrib are the addresses the candidate's counts were last added
	// to, by document: what the next change is the difference from.
	Contrib []addressesDoc `bson:"contrib,omitempty"`
	// Pending is the change being applied, until it is finished.
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

// addressesDoc is the fields of one counts document a candidate adds 1 to.
type addressesDoc struct {
	Doc    string   `bson:"d"`
	Fields []string `bson:"f"`
}

// incrementsDoc is what one change adds to the fields of one counts
// document, as parallel lists (field names are data, not keys).
type incrementsDoc struct {
	Doc    string   `bson:"d"`
	Fields []string `bson:"f"`
	N      []int    `bson:"n"`
}

// pendingDoc is a change stored with the progress it leads to, in the
// same write, and kept until its counts are applied: op names the
// journal entry.
type pendingDoc struct {
	Op        string          `bson:"op"`
	Living    []incrementsDoc `bson:"living,omitempty"`
	Anonymous []incrementsDoc `bson:"anonymous,omitempty"`
	Erase     bool            `bson:"erase,omitempty"`
}

// toProgressDoc renders a change's new progress document.
func toProgressDoc(c service.Change, version int64) progressDoc {
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
	for doc, fields := range contributionAddresses(c.Contributions) {
		d.Contrib = append(d.Contrib, addressesDoc{Doc: doc, Fields: fields})
	}
	return d
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
	byDoc := make(map[string][]string, len(d.Contrib))
	for _, a := range d.Contrib {
		byDoc[a.Doc] = append(byDoc[a.Doc], a.Fields...)
	}
	contrib, err := contributionsAt(byDoc)
	if err != nil {
		return service.Stored{}, err
	}
	return service.Stored{Progress: p, Contributions: contrib, FoldedAt: utc(d.FoldedAt), Version: d.Version}, nil
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

// toIncrementsDocs renders increments as stored in a pending change.
func toIncrementsDocs(inc increments) []incrementsDoc {
	out := make([]incrementsDoc, 0, len(inc))
	for doc, fields := range inc {
		d := incrementsDoc{Doc: doc}
		for f, n := range fields {
			d.Fields, d.N = append(d.Fields, f), append(d.N, n)
		}
		if len(d.Fields) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// addIncrementsDocs adds stored increments to inc.
func addIncrementsDocs(inc increments, docs []incrementsDoc) {
	for _, d := range docs {
		for i, f := range d.Fields {
			if inc[d.Doc] == nil {
				inc[d.Doc] = map[string]int{}
			}
			inc[d.Doc][f] += d.N[i]
			if inc[d.Doc][f] == 0 {
				delete(inc[d.Doc], f)
			}
		}
	}
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
