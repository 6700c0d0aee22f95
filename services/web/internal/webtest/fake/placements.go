package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Placements stands in for the placements service's public API as
// docs/openapi.yaml describes it: introductions (askToMeet, list, get,
// answer, withdraw, messages, outcome), placements (list, get, end,
// still-looking) and follow-ups (list, answer). It keeps everything in
// memory and scopes it as the real service does, by the caller's token:
// an employer's member sees its organisation's introductions, programme
// staff those of their organisation's candidates, a platform
// administrator all; anything else is 404. An employer never gets a
// candidate's id.
//
// What the real service asks other services is set by the test: the
// shortlist's candidate references (AddRef), roles that are not open
// (RoleStatus), organisations not verified (NotVerified), and the
// disclosure grant made on acceptance (Grant, which LinkDisclosures points
// at the candidates fake). A test that changes the exported fields holds
// the fake's lock (Set).
type Placements struct {
	*httptest.Server
	mu   sync.Mutex
	seen []Request
	// Refs are each role's shortlist references: role id → candidate_ref.
	Refs map[string]map[string]Ref
	// RoleStatus is a role's status; a role not listed is open.
	RoleStatus map[string]string
	// RoleTitles name roles in the answers (role_title).
	RoleTitles map[string]string
	// EmployerNames name employer organisations in the answers
	// (employer_name), as the gateway names them at ask time.
	EmployerNames map[string]string
	// NotVerified are employer organisations answered 403
	// /problems/organisation-not-verified, as the gateway does.
	NotVerified map[string]bool
	// MaxOpen is the most open requests per role (10).
	MaxOpen int
	// Grant makes the disclosure grant when staff accept and returns its
	// id; without it the id is "d-" and the introduction's.
	Grant func(intro map[string]any, disclose []string, contact, recordedBy string) string
	// Now is the fake's clock.
	Now func() time.Time

	intros     []map[string]any // oldest first
	messages   map[string][]map[string]any
	placements []map[string]any
	followups  []map[string]any
}

// Ref is a candidate a shortlist's reference stands for.
type Ref struct{ CandidateID, Alias, OrgID string }

// NewPlacements starts the fake, empty, until the test ends.
func NewPlacements(t testing.TB) *Placements {
	t.Helper()
	f := &Placements{Refs: map[string]map[string]Ref{}, RoleStatus: map[string]string{}, RoleTitles: map[string]string{}, EmployerNames: map[string]string{},
		NotVerified: map[string]bool{}, MaxOpen: 10, Now: time.Now, messages: map[string][]map[string]any{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Set runs fn with the fake locked, to change what it answers.
func (f *Placements) Set(fn func(f *Placements)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// AddRef puts a candidate on a role's shortlist under ref.
func (f *Placements) AddRef(role, ref, candidateID, alias, candidateOrg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Refs[role] == nil {
		f.Refs[role] = map[string]Ref{}
	}
	f.Refs[role][ref] = Ref{CandidateID: candidateID, Alias: alias, OrgID: candidateOrg}
}

// Requests returns the requests with this method and path.
func (f *Placements) Requests(method, path string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Last returns the last request with this method and path, or fails.
func (f *Placements) Last(t testing.TB, method, path string) Request {
	t.Helper()
	all := f.Requests(method, path)
	if len(all) == 0 {
		t.Fatalf("placements never saw %s %s", method, path)
	}
	return all[len(all)-1]
}

// Introductions returns copies of the stored introductions, oldest first,
// with every field.
func (f *Placements) Introductions() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]map[string]any, len(f.intros))
	for i, in := range f.intros {
		out[i] = maps.Clone(in)
	}
	return out
}

// AddIntroduction stores an introduction as if employerOrg had asked to
// meet candidateID of candidateOrg on role, and returns its id. fields
// override what is stored (status, message, ...).
func (f *Placements) AddIntroduction(role, employerOrg, candidateID, candidateOrg string, fields map[string]any) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.Now().UTC()
	in := f.newIntroduction(role, employerOrg, "", Ref{CandidateID: candidateID, Alias: "K" + strings.ToUpper(candidateID), OrgID: candidateOrg},
		"", map[string]any{"mode": "at_site", "windows": []any{map[string]any{
			"start": now.Add(72 * time.Hour).Format(time.RFC3339), "end": now.Add(73 * time.Hour).Format(time.RFC3339)}}})
	maps.Copy(in, fields)
	return in["id"].(string)
}

// Accept answers an introduction yes, as the candidate's staff would
// (staffID), disclosing disclose and naming the contact route. It fails
// the test unless the introduction is waiting.
func (f *Placements) Accept(t testing.TB, id string, disclose []string, contact, staffID string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.find(id)
	if in == nil || in["status"] != "requested" {
		t.Fatalf("placements: introduction %s is not waiting for an answer", id)
	}
	f.accept(in, disclose, contact, staffID, "v1")
}

func (f *Placements) accept(in map[string]any, disclose []string, contact, by, consent string) {
	grant := "d-" + in["id"].(string)
	if f.Grant != nil {
		grant = f.Grant(maps.Clone(in), disclose, contact, by)
	}
	now := f.Now().UTC().Format(time.RFC3339)
	in["status"], in["disclosure_id"], in["version"] = "accepted", grant, in["version"].(int)+1
	in["answer"] = map[string]any{"accept": true, "answered_at": now, "answered_by": by, "disclose": disclose, "contact": contact,
		"consent_text_version": consent}
}

func (f *Placements) find(id string) map[string]any {
	for _, in := range f.intros {
		if in["id"] == id {
			return in
		}
	}
	return nil
}

// placementCaller is who a token names, with the organisation's kind.
type placementCaller struct {
	Sub     string `json:"sub"`
	Role    string `json:"role"`
	OrgID   string `json:"org_id"`
	OrgKind string `json:"org_kind"`
	// CandidateID is a candidate's own token's record: they see and
	// answer the requests to meet them, as their staff do.
	CandidateID string `json:"candidate_id"`
}

// candidate reports whether who is a candidate signed in to their own
// account.
func (who placementCaller) candidate() bool { return who.Role == "candidate" && who.CandidateID != "" }

// seesIntro reports whether who may see introduction in.
func (who placementCaller) seesIntro(in map[string]any) bool {
	if who.candidate() {
		return in["candidate_id"] == who.CandidateID
	}
	return who.sees(in["employer_org_id"], in["candidate_org_id"])
}

func (who placementCaller) admin() bool { return who.Role == "admin" }

// side is the caller's side of an introduction, or "".
func (who placementCaller) side() string {
	switch who.OrgKind {
	case "employer":
		return "employer"
	case "programme":
		return "programme"
	}
	return ""
}

// sees reports whether who may see an object of these organisations.
func (who placementCaller) sees(employerOrg, candidateOrg any) bool {
	switch {
	case who.admin():
		return true
	case who.OrgKind == "employer":
		return who.OrgID != "" && employerOrg == who.OrgID
	case who.OrgKind == "programme":
		return who.OrgID != "" && candidateOrg == who.OrgID
	}
	return false
}

// shown is obj as who gets it: an employer never sees the candidate's
// ids, nor why a request was declined, nor who answered.
func (who placementCaller) shown(obj map[string]any) map[string]any {
	out := maps.Clone(obj)
	if who.OrgKind == "employer" && !who.admin() {
		delete(out, "candidate_id")
		delete(out, "candidate_org_id")
		if a, ok := out["answer"].(map[string]any); ok {
			a = maps.Clone(a)
			delete(a, "decline_reason")
			delete(a, "answered_by")
			out["answer"] = a
		}
		if out["status"] != "accepted" {
			delete(out, "disclosure_id")
		}
	}
	return out
}

func (f *Placements) serve(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if buf, _ := io.ReadAll(r.Body); len(buf) > 0 {
		_ = json.Unmarshal(buf, &body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body})
	var who placementCaller
	decodeClaims(r, &who)
	if who.Sub == "" {
		problem(w, http.StatusUnauthorized)
		return
	}
	if who.OrgKind == "employer" && f.NotVerified[who.OrgID] {
		typedProblem(w, http.StatusForbidden, "/problems/organisation-not-verified", "Your organisation is not verified yet")
		return
	}
	path := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/"), "/")
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case len(path) == 3 && path[0] == "roles" && path[2] == "introductions" && post:
		f.ask(w, who, path[1], body)
	case len(path) == 1 && path[0] == "introductions" && get:
		f.listIntroductions(w, r, who)
	case len(path) >= 2 && path[0] == "introductions":
		in := f.find(path[1])
		if in == nil || !who.seesIntro(in) {
			problem(w, http.StatusNotFound)
			return
		}
		f.serveIntroduction(w, r, who, in, path[2:], body)
	case len(path) == 1 && path[0] == "placements" && get:
		f.list(w, r, who, f.placements, "status")
	case len(path) >= 2 && path[0] == "placements":
		f.servePlacement(w, r, who, path[1:], body)
	case len(path) == 1 && path[0] == "followups" && get:
		f.listFollowUps(w, r, who)
	case len(path) == 2 && path[0] == "followups" && post:
		f.answerFollowUp(w, who, path[1], body)
	default:
		problem(w, http.StatusNotFound)
	}
}

// newIntroduction stores a request and returns it.
func (f *Placements) newIntroduction(role, employerOrg, by string, ref Ref, message string, meeting any) map[string]any {
	now := f.Now().UTC()
	in := map[string]any{"id": fmt.Sprintf("i%d", len(f.intros)+1), "version": 1, "role_id": role, "employer_org_id": employerOrg,
		"candidate_id": ref.CandidateID, "candidate_org_id": ref.OrgID, "candidate_alias": ref.Alias, "status": "requested",
		"message": message, "message_warnings": []any{}, "meeting": meeting, "requested_at": now.Format(time.RFC3339),
		"requested_by": by, "expires_at": now.Add(14 * 24 * time.Hour).Format(time.RFC3339)}
	if title := f.RoleTitles[role]; title != "" {
		in["role_title"] = title
	}
	if name := f.EmployerNames[employerOrg]; name != "" {
		in["employer_name"] = name
	}
	f.intros = append(f.intros, in)
	return in
}

// ask is askToMeet.
func (f *Placements) ask(w http.ResponseWriter, who placementCaller, role string, body map[string]any) {
	if who.OrgKind != "employer" {
		problem(w, http.StatusNotFound)
		return
	}
	bad := map[string]string{}
	ref, _ := body["candidate_ref"].(string)
	if ref == "" {
		bad["candidate_ref"] = "is required"
	}
	message, _ := body["message"].(string)
	if len([]rune(message)) > 1000 {
		bad["message"] = "must be between 0 and 1000 characters"
	}
	meeting, _ := body["meeting"].(map[string]any)
	if mode, _ := meeting["mode"].(string); !slices.Contains([]string{"at_site", "at_programme", "phone"}, mode) {
		bad["meeting.mode"] = "must be one of at_site, at_programme, phone"
	}
	windows, _ := meeting["windows"].([]any)
	if len(windows) < 1 || len(windows) > 3 {
		bad["meeting.windows"] = "must hold 1 to 3 windows"
	}
	for i, raw := range windows {
		win, _ := raw.(map[string]any)
		start, err1 := time.Parse(time.RFC3339, fmt.Sprint(win["start"]))
		end, err2 := time.Parse(time.RFC3339, fmt.Sprint(win["end"]))
		switch {
		case err1 != nil:
			bad[fmt.Sprintf("meeting.windows[%d].start", i)] = "must be a date-time"
		case err2 != nil:
			bad[fmt.Sprintf("meeting.windows[%d].end", i)] = "must be a date-time"
		case !start.After(f.Now()):
			bad[fmt.Sprintf("meeting.windows[%d].start", i)] = "must be in the future"
		case !end.After(start):
			bad[fmt.Sprintf("meeting.windows[%d].end", i)] = "must be after start"
		}
	}
	if len(bad) > 0 {
		fieldProblem(w, bad)
		return
	}
	if status := f.RoleStatus[role]; status != "" && status != "open" {
		typedProblem(w, http.StatusConflict, "/problems/role-not-open", "The role is not open")
		return
	}
	cand, ok := f.Refs[role][ref]
	if !ok {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": "Not Found", "status": 404,
			"errors": []any{map[string]any{"field": "candidate_ref", "message": "is not on the role's shortlist"}}})
		return
	}
	open := 0
	for _, in := range f.intros {
		if in["role_id"] == role && in["status"] == "requested" {
			if in["candidate_id"] == cand.CandidateID {
				typedProblem(w, http.StatusConflict, "/problems/introduction-exists", "You already asked to meet this candidate")
				return
			}
			open++
		}
	}
	if open >= f.MaxOpen {
		typedProblem(w, http.StatusConflict, "/problems/too-many-introductions", "The role has the most open requests allowed")
		return
	}
	in := f.newIntroduction(role, who.OrgID, who.Sub, cand, message, meeting)
	if i := strings.Index(strings.ToLower(message), "clean record"); i >= 0 {
		in["message_warnings"] = []any{map[string]any{"field": "message", "phrase": "clean record", "start": i, "end": i + 12,
			"suggestion": "reliable", "reason": "puts people with a record off applying", "category": "criminal_record"}}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(who.shown(in))
}

func (f *Placements) listIntroductions(w http.ResponseWriter, r *http.Request, who placementCaller) {
	q := r.URL.Query()
	var items []map[string]any
	for _, in := range slices.Backward(f.intros) {
		if !who.seesIntro(in) ||
			(q.Get("status") != "" && in["status"] != q.Get("status")) || (q.Get("role") != "" && in["role_id"] != q.Get("role")) ||
			(q.Get("candidate") != "" && in["candidate_id"] != q.Get("candidate")) {
			continue
		}
		items = append(items, who.shown(in))
	}
	answerPage(w, r, items)
}

// answerPage answers one page of items at the request's offset cursor.
func answerPage(w http.ResponseWriter, r *http.Request, items []map[string]any) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit < 1 || limit > 100 {
		limit = 20
	}
	page, next := cursorPage(items, r.URL.Query().Get("cursor"), limit)
	out := map[string]any{"items": page}
	if next != "" {
		out["next_cursor"] = next
	}
	answer(w, out)
}

func (f *Placements) serveIntroduction(w http.ResponseWriter, r *http.Request, who placementCaller, in map[string]any, rest []string, body map[string]any) {
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	action := strings.Join(rest, "/")
	switch {
	case action == "" && get:
		answer(w, who.shown(in))
	case action == "answer" && post:
		f.answerIntroduction(w, who, in, body)
	case action == "withdraw" && post:
		if who.OrgKind != "employer" {
			problem(w, http.StatusNotFound)
			return
		}
		if in["status"] != "requested" {
			typedProblem(w, http.StatusConflict, "/problems/introduction-not-open", "The request is no longer open")
			return
		}
		in["status"], in["closed_at"], in["version"] = "withdrawn", f.Now().UTC().Format(time.RFC3339), in["version"].(int)+1
		answer(w, who.shown(in))
	case action == "messages" && get:
		if in["status"] != "accepted" {
			answer(w, map[string]any{"items": []any{}})
			return
		}
		answerPage(w, r, f.messages[in["id"].(string)])
	case action == "messages" && post:
		f.postMessage(w, who, in, body)
	case action == "outcome" && post:
		f.recordOutcome(w, who, in, body)
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *Placements) answerIntroduction(w http.ResponseWriter, who placementCaller, in map[string]any, body map[string]any) {
	if who.OrgKind != "programme" && !who.candidate() {
		problem(w, http.StatusNotFound)
		return
	}
	if in["status"] != "requested" {
		typedProblem(w, http.StatusConflict, "/problems/introduction-not-open", "The request is no longer open")
		return
	}
	accept, ok := body["accept"].(bool)
	if !ok {
		fieldProblem(w, map[string]string{"accept": "is required"})
		return
	}
	if !accept {
		reason, _ := body["decline_reason"].(string)
		in["status"], in["version"] = "declined", in["version"].(int)+1
		in["answer"] = map[string]any{"accept": false, "answered_at": f.Now().UTC().Format(time.RFC3339), "answered_by": who.Sub,
			"decline_reason": reason}
		answer(w, who.shown(in))
		return
	}
	consent, _ := body["consent_text_version"].(string)
	if consent == "" {
		fieldProblem(w, map[string]string{"consent_text_version": "is required"})
		return
	}
	contact, _ := body["contact"].(string)
	if contact != "direct" && contact != "through_staff" {
		fieldProblem(w, map[string]string{"contact": "must be one of direct, through_staff"})
		return
	}
	var disclose []string
	list, _ := body["disclose"].([]any)
	for _, d := range list {
		s, _ := d.(string)
		if s != "phone" && s != "email" {
			fieldProblem(w, map[string]string{"disclose": "must be phone or email"})
			return
		}
		disclose = append(disclose, s)
	}
	f.accept(in, disclose, contact, who.Sub, consent)
	answer(w, who.shown(in))
}

func (f *Placements) postMessage(w http.ResponseWriter, who placementCaller, in map[string]any, body map[string]any) {
	if who.side() == "" {
		problem(w, http.StatusNotFound)
		return
	}
	text, _ := body["text"].(string)
	if n := len([]rune(strings.TrimSpace(text))); n < 1 || len([]rune(text)) > 2000 {
		fieldProblem(w, map[string]string{"text": "must be between 1 and 2000 characters"})
		return
	}
	if in["status"] != "accepted" {
		typedProblem(w, http.StatusConflict, "/problems/introduction-not-accepted", "The thread opens once the candidate accepts")
		return
	}
	id := in["id"].(string)
	m := map[string]any{"id": fmt.Sprintf("%s-m%d", id, len(f.messages[id])+1), "introduction_id": id, "side": who.side(),
		"author_id": who.Sub, "text": text, "sent_at": f.Now().UTC().Format(time.RFC3339)}
	f.messages[id] = append(f.messages[id], m)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(m)
}

func (f *Placements) recordOutcome(w http.ResponseWriter, who placementCaller, in map[string]any, body map[string]any) {
	if who.side() == "" {
		problem(w, http.StatusNotFound)
		return
	}
	outcome, _ := body["outcome"].(string)
	reason, _ := body["reason"].(string)
	bad := map[string]string{}
	var placement map[string]any
	switch outcome {
	case "hired":
		placement, _ = body["placement"].(map[string]any)
		if _, err := time.Parse(time.DateOnly, fmt.Sprint(placement["start_date"])); err != nil {
			bad["placement.start_date"] = "must be a date YYYY-MM-DD"
		}
		if c, _ := placement["contract"].(string); !slices.Contains([]string{"trial", "fixed_term", "permanent", "day_release"}, c) {
			bad["placement.contract"] = "must be one of trial, fixed_term, permanent, day_release"
		}
		if h, _ := placement["hours_per_week"].(float64); h < 1 || h > 60 || h != float64(int(h)) {
			bad["placement.hours_per_week"] = "must be between 1 and 60"
		}
	case "not_hired":
		if !slices.Contains([]string{"skills", "availability", "candidate_declined", "employer_declined", "other"}, reason) {
			bad["reason"] = "must be one of skills, availability, candidate_declined, employer_declined, other"
		}
	case "did_not_take_place":
	default:
		bad["outcome"] = "must be one of hired, not_hired, did_not_take_place"
	}
	if len(bad) > 0 {
		fieldProblem(w, bad)
		return
	}
	if in["status"] != "accepted" || in["outcome"] != nil {
		typedProblem(w, http.StatusConflict, "/problems/outcome-recorded", "How it went is already recorded")
		return
	}
	now := f.Now().UTC()
	rec := map[string]any{"outcome": outcome, "side": who.side(), "recorded_by": who.Sub, "recorded_at": now.Format(time.RFC3339)}
	if reason != "" {
		rec["reason"] = reason
	}
	in["outcome"], in["version"] = rec, in["version"].(int)+1
	if outcome == "hired" {
		f.hire(in, placement, now)
	}
	answer(w, who.shown(in))
}

// hire stores the placement and its six follow-ups (30, 90 and 180 days
// after the start, for each side).
func (f *Placements) hire(in, input map[string]any, now time.Time) {
	id := fmt.Sprintf("p%d", len(f.placements)+1)
	start, _ := time.Parse(time.DateOnly, input["start_date"].(string))
	p := map[string]any{"id": id, "version": 1, "introduction_id": in["id"], "role_id": in["role_id"], "employer_org_id": in["employer_org_id"],
		"candidate_id": in["candidate_id"], "candidate_org_id": in["candidate_org_id"], "candidate_alias": in["candidate_alias"],
		"start_date": input["start_date"], "contract": input["contract"], "hours_per_week": int(input["hours_per_week"].(float64)),
		"status": "active", "still_looking": false, "created_at": now.Format(time.RFC3339)}
	if n, ok := in["employer_name"]; ok {
		p["employer_name"] = n
	}
	if t, ok := in["role_title"]; ok {
		p["role_title"] = t
	}
	f.placements = append(f.placements, p)
	in["placement_id"] = id
	for _, day := range []int{30, 90, 180} {
		for _, side := range []string{"programme", "employer"} {
			fu := map[string]any{"id": fmt.Sprintf("f%d", len(f.followups)+1), "placement_id": id, "introduction_id": in["id"],
				"role_id": in["role_id"], "candidate_id": in["candidate_id"], "candidate_alias": in["candidate_alias"], "audience": side,
				"day": day, "due_on": start.AddDate(0, 0, day).Format(time.DateOnly), "status": "open", "overdue": false,
				"employer_org_id": in["employer_org_id"], "candidate_org_id": in["candidate_org_id"]}
			if t, ok := in["role_title"]; ok {
				fu["role_title"] = t
			}
			f.followups = append(f.followups, fu)
		}
	}
}

// SetDue moves every open follow-up of a placement's day to due, so a
// test need not wait a month: its due date becomes today.
func (f *Placements) SetDue(placementID string, day int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, fu := range f.followups {
		if fu["placement_id"] == placementID && fu["day"] == day {
			fu["due_on"] = f.Now().UTC().Format(time.DateOnly)
		}
	}
}

// list answers the objects who sees, newest first, filtered by the
// query's filter parameter.
func (f *Placements) list(w http.ResponseWriter, r *http.Request, who placementCaller, all []map[string]any, filter string) {
	var items []map[string]any
	for _, p := range slices.Backward(all) {
		if who.sees(p["employer_org_id"], p["candidate_org_id"]) && (r.URL.Query().Get(filter) == "" || p[filter] == r.URL.Query().Get(filter)) {
			items = append(items, who.shown(p))
		}
	}
	answerPage(w, r, items)
}

func (f *Placements) servePlacement(w http.ResponseWriter, r *http.Request, who placementCaller, rest []string, body map[string]any) {
	var p map[string]any
	for _, x := range f.placements {
		if x["id"] == rest[0] && who.sees(x["employer_org_id"], x["candidate_org_id"]) {
			p = x
		}
	}
	if p == nil {
		problem(w, http.StatusNotFound)
		return
	}
	action := strings.Join(rest[1:], "/")
	switch {
	case action == "" && r.Method == http.MethodGet:
		answer(w, who.shown(p))
	case action == "end" && r.Method == http.MethodPost && who.OrgKind == "programme":
		if p["status"] == "ended" {
			conflict(w, nil)
			return
		}
		reason, _ := body["reason"].(string)
		if !slices.Contains(endReasons, reason) {
			fieldProblem(w, map[string]string{"reason": "must be one of " + strings.Join(endReasons, ", ")})
			return
		}
		p["status"], p["ended_on"], p["end_reason"], p["version"] = "ended", body["ended_on"], reason, p["version"].(int)+1
		answer(w, who.shown(p))
	case action == "still-looking" && r.Method == http.MethodPost && who.OrgKind == "programme":
		still, ok := body["still_looking"].(bool)
		if !ok {
			fieldProblem(w, map[string]string{"still_looking": "is required"})
			return
		}
		p["still_looking"], p["version"] = still, p["version"].(int)+1
		answer(w, who.shown(p))
	default:
		problem(w, http.StatusNotFound)
	}
}

// endReasons are why a placement ended.
var endReasons = []string{"contract_ended", "moved_job", "left", "let_go", "other"}

// listFollowUps answers the follow-ups of the caller's side, soonest due
// first.
func (f *Placements) listFollowUps(w http.ResponseWriter, r *http.Request, who placementCaller) {
	q := r.URL.Query()
	today := f.Now().UTC().Format(time.DateOnly)
	var items []map[string]any
	for _, fu := range f.followups {
		if !who.sees(fu["employer_org_id"], fu["candidate_org_id"]) || (!who.admin() && fu["audience"] != who.side()) ||
			(q.Get("status") != "" && fu["status"] != q.Get("status")) || (q.Get("due_before") != "" && fu["due_on"].(string) >= q.Get("due_before")) {
			continue
		}
		out := who.shown(fu)
		delete(out, "employer_org_id")
		delete(out, "candidate_org_id")
		out["overdue"] = fu["status"] == "open" && fu["due_on"].(string) < today
		items = append(items, out)
	}
	slices.SortStableFunc(items, func(a, b map[string]any) int { return strings.Compare(a["due_on"].(string), b["due_on"].(string)) })
	answerPage(w, r, items)
}

func (f *Placements) answerFollowUp(w http.ResponseWriter, who placementCaller, id string, body map[string]any) {
	var fu map[string]any
	for _, x := range f.followups {
		if x["id"] == id && who.sees(x["employer_org_id"], x["candidate_org_id"]) && x["audience"] == who.side() {
			fu = x
		}
	}
	if fu == nil {
		problem(w, http.StatusNotFound)
		return
	}
	still, ok := body["still_working"].(bool)
	reason, _ := body["reason"].(string)
	switch {
	case !ok:
		fieldProblem(w, map[string]string{"still_working": "is required"})
		return
	case !still && !slices.Contains(endReasons, reason):
		fieldProblem(w, map[string]string{"reason": "must be one of " + strings.Join(endReasons, ", ")})
		return
	case fu["status"] == "answered":
		typedProblem(w, http.StatusConflict, "/problems/followup-answered", "This follow-up is already answered")
		return
	}
	fu["status"], fu["still_working"], fu["answered_at"], fu["answered_by"] = "answered", still, f.Now().UTC().Format(time.RFC3339), who.Sub
	if !still {
		fu["reason"] = reason
		if who.side() == "programme" {
			for _, p := range f.placements {
				if p["id"] == fu["placement_id"] && p["status"] == "active" {
					p["status"], p["ended_on"], p["end_reason"] = "ended", f.Now().UTC().Format(time.DateOnly), reason
				}
			}
		}
	}
	out := who.shown(fu)
	delete(out, "employer_org_id")
	delete(out, "candidate_org_id")
	answer(w, out)
}

// typedProblem answers status with a problem of this type.
func typedProblem(w http.ResponseWriter, status int, typ, title string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"type": typ, "title": title, "status": status})
}
