package launcher

import (
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// The matrix's introductions, disclosures, placements and follow-ups.
//
// Each object is one of a pair: an employer's role and a programme
// organisation's candidate. An operation both sides reach calls with
// objects of kind "org", and pairOf decides the pair: the object of an
// employer organisation is one of its role about programme organisation
// 1's candidate, that of a programme organisation one about its
// candidate on employer A's role. So "own" is an object the caller's
// organisation is a party to, on its side, and "other" one it is no party
// to, as the matrix's doc comment says of every object.
//
// Everything is built through the API, as the parties would: the
// employer's admin asks to meet from the role's shortlist (the world's
// candidates fully match its roles), the candidate's staff answer, the
// employer records the hire. A hire takes its candidate off every
// shortlist and counts on its role, so hires are of candidates of their
// own, registered for it, on a role of their own with a hundred
// positions: the world's standing candidates and roles stay as they were.

// introPair is an employer and a programme organisation: the employer's
// role and the programme organisation's candidate.
type introPair struct{ emp, prog *matrixOrg }

// introWorld is what the matrix has built of introductions so far.
type introWorld struct {
	// accepted is an accepted introduction of each pair, with its
	// disclosure, for the operations that only read it or write in its
	// thread.
	accepted map[introPair]api.Introduction
	// unspent is, per operation that consumes an accepted introduction,
	// the pair's one it has not consumed yet.
	unspent map[spendKey]api.Introduction
	// placements is an active placement of each pair.
	placements map[introPair]string
	// hiringRoles is each employer's role for hires.
	hiringRoles map[*matrixOrg]string
	// hired are the candidates registered for a hire: their ids are
	// identity marks too.
	hired []string
}

// pairOf is the pair whose object an "org" operation calls with on o's
// object: o's role about programme organisation 1's candidate for an
// employer, o's candidate on employer A's role for a programme
// organisation.
func (w *world) pairOf(o *matrixOrg) introPair {
	if o.kind == "employer" {
		return introPair{o, w.progA}
	}
	return introPair{w.empA, o}
}

// meetingBody proposes a meeting in three days.
func meetingBody() map[string]any {
	start := time.Now().Add(72 * time.Hour).UTC()
	return map[string]any{"mode": "at_site", "windows": []any{map[string]any{
		"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339)}}}
}

// aliasOf is the alias of candidate id of o, as its staff read it.
func aliasOf(o *matrixOrg, id string) string {
	var c struct{ Alias string }
	o.member.do("GET", "/api/v1/candidates/"+id, nil, http.StatusOK, &c)
	return c.Alias
}

// candidateRef returns the reference of o's candidate id on role of emp's
// shortlist, waiting up to 30 seconds for it to be listed: the matching
// service works from events.
func (w *world) candidateRef(emp *matrixOrg, role string, o *matrixOrg, id string) string {
	w.t.Helper()
	alias := aliasOf(o, id)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var s api.Shortlist
		emp.admin.do("GET", "/api/v1/roles/"+role+"/shortlist?limit=100", nil, http.StatusOK, &s)
		for _, it := range s.Items {
			if it.Alias == alias {
				return it.CandidateRef
			}
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("candidate %s of %s is not on role %s of %s after 30s", alias, o.name, role, emp.name)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// askBody is emp's request to meet o's candidate id on role.
func (w *world) askBody(emp *matrixOrg, role string, o *matrixOrg, id string) map[string]any {
	return map[string]any{"candidate_ref": w.candidateRef(emp, role, o, id), "message": "We would like to meet for the barista role.", "meeting": meetingBody()}
}

// openOf returns the id of the requested introduction of the pair's role
// and standing candidate, "" when there is none.
func (w *world) openOf(pr introPair) string {
	q := url.Values{"status": {"requested"}, "role": {pr.emp.roleID}, "candidate": {pr.prog.candidateID}}
	var page api.IntroductionPage
	pr.prog.member.do("GET", "/api/v1/introductions?"+q.Encode(), nil, http.StatusOK, &page)
	if len(page.Items) == 0 {
		return ""
	}
	return page.Items[0].ID
}

// freePair withdraws the pair's open request, if any, so the employer may
// ask again: one open request per role and candidate.
func (w *world) freePair(pr introPair) {
	if id := w.openOf(pr); id != "" {
		pr.emp.admin.do("POST", "/api/v1/introductions/"+id+"/withdraw", nil, http.StatusOK, nil)
	}
}

// openIntroduction returns a requested introduction of the pair's role
// about its standing candidate: the open one, or a new request.
func (w *world) openIntroduction(pr introPair) string {
	w.t.Helper()
	if id := w.openOf(pr); id != "" {
		return id
	}
	var in api.Introduction
	pr.emp.admin.do("POST", "/api/v1/roles/"+pr.emp.roleID+"/introductions", w.askBody(pr.emp, pr.emp.roleID, pr.prog, pr.prog.candidateID), http.StatusCreated, &in)
	return in.ID
}

// accept has the candidate's staff accept introduction id, disclosing the
// name and phone, to be reached directly.
func (w *world) accept(prog *matrixOrg, id string) api.Introduction {
	w.t.Helper()
	var in api.Introduction
	prog.member.do("POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12", "disclose": []string{"phone"}, "contact": "direct"}, http.StatusOK, &in)
	if in.DisclosureID == nil {
		w.t.Fatalf("the accepted introduction %s has no disclosure", id)
	}
	return in
}

// freshAccepted is a new accepted introduction of the pair, for an
// operation that consumes it (an outcome, a withdrawn disclosure).
func (w *world) freshAccepted(pr introPair) api.Introduction {
	return w.accept(pr.prog, w.openIntroduction(pr))
}

// spendKey names an operation's accepted introduction of a pair.
type spendKey struct {
	op string
	pr introPair
}

// unspentAccepted returns the pair's accepted introduction kept for op,
// which consumes it, while unspent says it is not consumed yet (a refused
// call leaves it as it was); a fresh one otherwise.
func (w *world) unspentAccepted(op string, pr introPair, unspent func(api.Introduction) bool) api.Introduction {
	k := spendKey{op, pr}
	if in, ok := w.intro.unspent[k]; ok && unspent(in) {
		return in
	}
	in := w.freshAccepted(pr)
	if w.intro.unspent == nil {
		w.intro.unspent = map[spendKey]api.Introduction{}
	}
	w.intro.unspent[k] = in
	return in
}

// withoutOutcome reports an introduction with no outcome recorded yet.
func (w *world) withoutOutcome(in api.Introduction) bool {
	var now api.Introduction
	w.platform.do("GET", "/api/v1/introductions/"+in.ID, nil, http.StatusOK, &now)
	return now.Outcome == nil
}

// grantActive returns whether the disclosure of an introduction of o's
// candidate is still active, as its staff list the candidate's grants.
func (w *world) grantActive(o *matrixOrg) func(api.Introduction) bool {
	return func(in api.Introduction) bool {
		var list api.DisclosureGrantList
		o.member.do("GET", "/api/v1/candidates/"+o.candidateID+"/disclosures", nil, http.StatusOK, &list)
		for _, g := range list.Items {
			if g.ID == *in.DisclosureID {
				return g.Status == api.DisclosureStatusActive
			}
		}
		return false
	}
}

// acceptedIntroduction is the pair's accepted introduction, made once.
func (w *world) acceptedIntroduction(pr introPair) api.Introduction {
	if in, ok := w.intro.accepted[pr]; ok {
		return in
	}
	in := w.freshAccepted(pr)
	if w.intro.accepted == nil {
		w.intro.accepted = map[introPair]api.Introduction{}
	}
	w.intro.accepted[pr] = in
	return in
}

// disclosureOf is the disclosure of the pair's accepted introduction.
func (w *world) disclosureOf(pr introPair) string {
	return *w.acceptedIntroduction(pr).DisclosureID
}

// placementOf returns an active placement of the pair: the last one while
// it is active, a new hire otherwise.
func (w *world) placementOf(pr introPair) string {
	if id, ok := w.intro.placements[pr]; ok {
		var pl api.Placement
		w.platform.do("GET", "/api/v1/placements/"+id, nil, http.StatusOK, &pl)
		if pl.Status == api.PlacementStatusActive {
			return id
		}
	}
	return w.hire(pr)
}

// hire registers a new candidate of the pair's programme organisation,
// waits for it on the employer's hiring role, and has the employer ask,
// the staff accept and the employer record the hire, started 200 days
// ago so that every follow-up is due. It returns the placement.
func (w *world) hire(pr introPair) string {
	w.t.Helper()
	if w.intro.hiringRoles == nil {
		w.intro.hiringRoles = map[*matrixOrg]string{}
		w.intro.placements = map[introPair]string{}
	}
	role, ok := w.intro.hiringRoles[pr.emp]
	if !ok {
		body := roleBody("open")
		body["positions"] = 100
		var r struct{ ID string }
		pr.emp.admin.do("POST", "/api/v1/roles", body, http.StatusCreated, &r)
		role = r.ID
		w.intro.hiringRoles[pr.emp] = role
	}
	cand := w.newCandidate(pr.prog)
	w.intro.hired = append(w.intro.hired, cand)
	pr.prog.member.do("POST", "/api/v1/candidates/"+cand+"/skills", attestationBody(pr.prog), http.StatusCreated, nil)
	pr.prog.member.do("PUT", "/api/v1/candidates/"+cand+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
	var in api.Introduction
	pr.emp.admin.do("POST", "/api/v1/roles/"+role+"/introductions", w.askBody(pr.emp, role, pr.prog, cand), http.StatusCreated, &in)
	w.accept(pr.prog, in.ID)
	start := time.Now().AddDate(0, 0, -200).Format(time.DateOnly)
	pr.emp.admin.do("POST", "/api/v1/introductions/"+in.ID+"/outcome", map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": start, "contract": "permanent", "hours_per_week": 24}}, http.StatusOK, &in)
	if in.PlacementID == nil {
		w.t.Fatalf("the hire of introduction %s gave no placement", in.ID)
	}
	w.intro.placements[pr] = *in.PlacementID
	return *in.PlacementID
}

// followUpOf returns an open follow-up of one of the pair's placements
// for side ("employer" or "programme"), as that side lists it; a new hire
// when the active placement has none open left.
func (w *world) followUpOf(pr introPair, side string) string {
	w.t.Helper()
	lister := pr.emp.admin
	if side == "programme" {
		lister = pr.prog.admin
	}
	for range 2 {
		pl := w.placementOf(pr)
		deadline := time.Now().Add(10 * time.Second)
		for {
			var page api.FollowUpPage
			lister.do("GET", "/api/v1/followups?status=open&limit=100", nil, http.StatusOK, &page)
			seen := false
			for _, f := range page.Items {
				if f.PlacementID == pl {
					seen = true
					if string(f.Audience) == side {
						return f.ID
					}
				}
			}
			if seen || time.Now().After(deadline) {
				break
			}
			// The hire's follow-ups are one of its steps: wait for them.
			time.Sleep(200 * time.Millisecond)
		}
		w.hire(pr)
	}
	w.t.Fatalf("no open %s follow-up of %s and %s", side, pr.emp.name, pr.prog.name)
	return ""
}
