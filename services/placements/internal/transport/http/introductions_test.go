package http

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAskToMeet(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	a := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "We look for someone with a clean record"))
	if a.status != 201 || a.str("status") != "requested" || a.str("candidate_alias") != "Alias of ref-1" || a.str("employer_org_id") != "emp-a" || a.str("role_title") != "Barista" ||
		a.str("employer_name") != "Org emp-a" {
		t.Fatalf("ask = %d %s", a.status, a.raw)
	}
	if strings.Contains(a.raw, "cand-1") || strings.Contains(a.raw, "prog-p") || a.body["candidate_id"] != nil {
		t.Fatalf("the employer learnt who the candidate is: %s", a.raw)
	}
	if w, _ := a.body["message_warnings"].([]any); len(w) != 1 {
		t.Fatalf("the wording check warned %v", a.body["message_warnings"])
	}
	id := a.str("id")
	if exp := a.str("expires_at"); exp != "2026-03-16T09:00:00Z" {
		t.Errorf("expires_at = %s", exp)
	}

	refusals := []struct {
		who, role string
		body      map[string]any
		status    int
		problem   string
		field     string
	}{
		{"empA", "role-a", h.ask("ref-1", ""), 409, "/problems/introduction-exists", ""},
		{"empA", "role-a2", h.ask("ref-1", ""), 409, "/problems/role-not-open", ""},
		{"empA", "role-b", h.ask("ref-9", ""), 404, "/problems/not-found", ""},
		{"empA", "nope", h.ask("ref-1", ""), 404, "/problems/not-found", ""},
		{"empA", "role-a", h.ask("ref-9", ""), 404, "/problems/not-found", ""},
		{"empA", "role-a", h.ask("forged", ""), 404, "/problems/not-found", ""},
		{"empA", "role-a", h.ask("ref-2", strings.Repeat("x", 1001)), 400, "/problems/invalid-request", "message"},
		{"empA", "role-a", map[string]any{"candidate_ref": "ref-2", "meeting": map[string]any{"mode": "zoom", "windows": []any{}}}, 400, "/problems/invalid-request", "meeting.mode"},
		{"empA", "role-a", map[string]any{"candidate_ref": "ref-2", "meeting": map[string]any{"mode": "phone", "windows": []map[string]string{{"start": "tomorrow", "end": "x"}}}}, 400, "/problems/invalid-request", "meeting.windows[0]"},
		{"staffP", "role-a", h.ask("ref-2", ""), 403, "/problems/forbidden", ""},
		{"admin", "role-a", h.ask("ref-2", ""), 403, "/problems/forbidden", ""},
	}
	for _, r := range refusals {
		got := h.call(t, r.who, "POST", "/api/v1/roles/"+r.role+"/introductions", r.body)
		if got.status != r.status || got.problem() != r.problem || got.field() != r.field || got.ctype != "application/problem+json" {
			t.Errorf("%s on %s %v = %d %s", r.who, r.role, r.body["candidate_ref"], got.status, got.raw)
		}
	}
	if got := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("forged", "")); !strings.Contains(got.str("detail"), "candidate_ref") {
		t.Errorf("a reference not on the shortlist is not named: %s", got.raw)
	}
	if list := h.call(t, "admin", "GET", "/api/v1/introductions", nil).items(); len(list) != 1 {
		t.Fatalf("refused asks stored something: %v", list)
	}

	// Who sees the request.
	if g := h.call(t, "empB", "GET", "/api/v1/introductions/"+id, nil); g.status != 404 {
		t.Errorf("another employer reads it: %d", g.status)
	}
	if g := h.call(t, "staffQ", "GET", "/api/v1/introductions/"+id, nil); g.status != 404 {
		t.Errorf("another programme reads it: %d", g.status)
	}
	if g := h.call(t, "staffP", "GET", "/api/v1/introductions/"+id, nil); g.status != 200 || g.str("candidate_id") != "cand-1" {
		t.Errorf("the candidate's staff = %d %s", g.status, g.raw)
	}
	if l := h.call(t, "empB", "GET", "/api/v1/introductions", nil); l.status != 200 || len(l.items()) != 0 {
		t.Errorf("another employer's list = %s", l.raw)
	}
	if l := h.call(t, "staffP", "GET", "/api/v1/introductions?status=requested&candidate=cand-1", nil); len(l.items()) != 1 {
		t.Errorf("staff's list = %s", l.raw)
	}
	if l := h.call(t, "empA", "GET", "/api/v1/introductions?role=role-a", nil); len(l.items()) != 1 {
		t.Errorf("the employer's list by role = %s", l.raw)
	}
	if l := h.call(t, "empA", "GET", "/api/v1/introductions?status=maybe", nil); l.status != 400 || l.field() != "status" {
		t.Errorf("a bad status filter = %d %s", l.status, l.raw)
	}
	if l := h.call(t, "cand", "GET", "/api/v1/introductions", nil); l.status != 403 {
		t.Errorf("someone of no organisation = %d", l.status)
	}
	if l := h.call(t, "", "GET", "/api/v1/introductions", nil); l.status != 401 {
		t.Errorf("no token = %d", l.status)
	}
	if types := h.eventTypes(t); !slices.Equal(types, []string{"introduction.requested"}) {
		t.Errorf("events = %v", types)
	}
}

func TestTooManyOpenRequests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 2)
	for _, ref := range []string{"ref-1", "ref-2"} {
		if a := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask(ref, "")); a.status != 201 {
			t.Fatalf("ask %s = %d %s", ref, a.status, a.raw)
		}
	}
	a := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-3", ""))
	if a.status != 409 || a.problem() != "/problems/too-many-introductions" {
		t.Fatalf("the third = %d %s", a.status, a.raw)
	}
}

func TestAnswerDisclosureAndThread(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	accept := map[string]any{"accept": true, "consent_text_version": "2026-01", "disclose": []string{"phone"}, "contact": "direct"}
	for who, want := range map[string]int{"empA": 404, "empB": 404, "staffQ": 404, "admin": 404} {
		if a := h.call(t, who, "POST", "/api/v1/introductions/"+id+"/answer", accept); a.status != want {
			t.Errorf("%s answering = %d %s", who, a.status, a.raw)
		}
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"accept": true, "contact": "direct"}); a.status != 400 || a.field() != "consent_text_version" {
		t.Errorf("no consent version = %d %s", a.status, a.raw)
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"contact": "direct"}); a.status != 400 || a.field() != "accept" {
		t.Errorf("no accept = %d %s", a.status, a.raw)
	}
	// The candidates service fails once after... before the grant: the
	// retry records the same grant.
	h.world.failGrants = 1
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", accept); a.status != 503 {
		t.Fatalf("answer while the candidates service fails = %d %s", a.status, a.raw)
	}
	a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", accept)
	if a.status != 200 || a.str("status") != "accepted" || a.str("disclosure_id") != "grant-"+id {
		t.Fatalf("accept = %d %s", a.status, a.raw)
	}
	if again := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", accept); again.status != 409 || again.problem() != "/problems/introduction-not-open" {
		t.Errorf("answering twice = %d %s", again.status, again.raw)
	}
	emp := h.call(t, "empA", "GET", "/api/v1/introductions/"+id, nil)
	if emp.str("disclosure_id") != "grant-"+id || emp.body["candidate_id"] != nil || strings.Contains(emp.raw, `"answered_by"`) {
		t.Errorf("the employer's view = %s", emp.raw)
	}
	if w := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/withdraw", nil); w.status != 409 {
		t.Errorf("withdrawing an accepted request = %d", w.status)
	}

	// A candidate without a phone: the candidates service names disclose.
	id2 := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-2", "")).str("id")
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id2+"/answer", accept); a.status != 400 || a.field() != "disclose" {
		t.Errorf("disclosing a phone the candidate lacks = %d %s", a.status, a.raw)
	}
	d := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id2+"/answer", map[string]any{"accept": false, "decline_reason": "travel"})
	if d.status != 200 || d.str("status") != "declined" {
		t.Fatalf("decline = %d %s", d.status, d.raw)
	}
	if emp := h.call(t, "empA", "GET", "/api/v1/introductions/"+id2, nil); strings.Contains(emp.raw, "travel") {
		t.Errorf("the employer sees the decline reason: %s", emp.raw)
	}
	if m := h.call(t, "empA", "POST", "/api/v1/introductions/"+id2+"/messages", map[string]any{"text": "hi"}); m.status != 409 {
		t.Errorf("a message on a declined request = %d", m.status)
	}

	// The thread.
	for who, text := range map[string]string{"empA": "When suits?", "staffP": "Tuesday"} {
		if m := h.call(t, who, "POST", "/api/v1/introductions/"+id+"/messages", map[string]any{"text": text}); m.status != 201 || m.str("author_id") == "" {
			t.Fatalf("%s posting = %d %s", who, m.status, m.raw)
		}
	}
	if m := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/messages", map[string]any{"text": strings.Repeat("x", 2001)}); m.status != 400 || m.field() != "text" {
		t.Errorf("a long message = %d %s", m.status, m.raw)
	}
	if m := h.call(t, "empB", "POST", "/api/v1/introductions/"+id+"/messages", map[string]any{"text": "x"}); m.status != 404 {
		t.Errorf("another employer posting = %d", m.status)
	}
	thread := h.call(t, "staffP", "GET", "/api/v1/introductions/"+id+"/messages", nil).items()
	if len(thread) != 2 {
		t.Fatalf("thread = %v", thread)
	}
	sides := []string{thread[0]["side"].(string), thread[1]["side"].(string)}
	slices.Sort(sides)
	if !slices.Equal(sides, []string{"employer", "programme"}) {
		t.Errorf("sides = %v", sides)
	}
	if m := h.call(t, "empB", "GET", "/api/v1/introductions/"+id+"/messages", nil); m.status != 404 {
		t.Errorf("another employer reading = %d", m.status)
	}

	// The internal operations are for services.
	p := h.call(t, "notifications", "GET", "/internal/v1/introductions/"+id, nil)
	if p.status != 200 || p.str("candidate_id") != "cand-1" || p.str("candidate_org_id") != "prog-p" || p.str("employer_org_id") != "emp-a" {
		t.Errorf("parties = %d %s", p.status, p.raw)
	}
	if g := h.call(t, "notifications", "GET", "/api/v1/introductions/"+id, nil); g.status != 403 {
		t.Errorf("a service token on the public API = %d", g.status)
	}
	if p := h.call(t, "staffP", "GET", "/internal/v1/introductions/"+id, nil); p.status != 403 {
		t.Errorf("a person on the internal API = %d", p.status)
	}
	rec := h.call(t, "candidates", "GET", "/internal/v1/placement-records/cand-1", nil)
	if rec.status != 200 || len(rec.body["introductions"].([]any)) != 1 || len(rec.body["messages"].([]any)) != 2 {
		t.Errorf("record = %d %s", rec.status, rec.raw)
	}
	if types := h.eventTypes(t); !slices.Equal(types, []string{"introduction.requested", "introduction.answered", "introduction.requested", "introduction.answered"}) {
		t.Errorf("events = %v", types)
	}
}

func TestExpiryReminderWithdrawalSuspensionAndErasure(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	ctx := t.Context()
	first := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	h.clock.Add(9 * 24 * time.Hour)
	if n, err := h.svc.Sweep(ctx); err != nil || n != 0 {
		t.Fatalf("sweep at day 9 = %d %v", n, err)
	}
	h.clock.Add(24 * time.Hour)
	if n, err := h.svc.Sweep(ctx); err != nil || n != 1 {
		t.Fatalf("sweep at day 10 = %d %v", n, err)
	}
	if n, _ := h.svc.Sweep(ctx); n != 0 {
		t.Fatalf("the reminder came twice")
	}
	h.clock.Add(4 * 24 * time.Hour)
	// Past the expiry, before the sweeper: answering is refused already.
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+first+"/answer", map[string]any{"accept": false, "decline_reason": "not_now"}); a.status != 409 {
		t.Fatalf("answer after expiry = %d %s", a.status, a.raw)
	}
	if n, err := h.svc.Sweep(ctx); err != nil || n != 1 {
		t.Fatalf("sweep at day 14 = %d %v", n, err)
	}
	if g := h.call(t, "empA", "GET", "/api/v1/introductions/"+first, nil); g.str("status") != "expired" || g.str("closed_at") == "" {
		t.Fatalf("expired = %s", g.raw)
	}
	// Expired frees the slot: the employer may ask again.
	second := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	if w := h.call(t, "staffP", "POST", "/api/v1/introductions/"+second+"/withdraw", nil); w.status != 403 {
		t.Errorf("staff withdrawing = %d", w.status)
	}
	if w := h.call(t, "empB", "POST", "/api/v1/introductions/"+second+"/withdraw", nil); w.status != 404 {
		t.Errorf("another employer withdrawing = %d", w.status)
	}
	if w := h.call(t, "empA", "POST", "/api/v1/introductions/"+second+"/withdraw", nil); w.status != 200 || w.str("status") != "withdrawn" {
		t.Fatalf("withdraw = %d %s", w.status, w.raw)
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+second+"/answer", map[string]any{"accept": false, "decline_reason": "not_now"}); a.status != 409 {
		t.Errorf("answer after withdrawal = %d", a.status)
	}

	// A suspended employer's waiting requests are withdrawn.
	third := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-2", "")).str("id")
	other := h.call(t, "empB", "POST", "/api/v1/roles/role-b/introductions", h.ask("ref-9", "")).str("id")
	h.world.orgStatus["emp-a"] = "suspended"
	if err := h.svc.HandleEvent(ctx, envelope(t, "organisation.status_changed", "emp-a")); err != nil {
		t.Fatal(err)
	}
	if g := h.call(t, "empA", "GET", "/api/v1/introductions/"+third, nil); g.str("status") != "withdrawn" {
		t.Errorf("after suspension = %s", g.raw)
	}
	if g := h.call(t, "empB", "GET", "/api/v1/introductions/"+other, nil); g.str("status") != "requested" {
		t.Errorf("another employer's request = %s", g.raw)
	}

	// Erasure leaves nothing about the candidate.
	if err := h.svc.HandleEvent(ctx, envelope(t, "candidate.erased", "cand-1")); err != nil {
		t.Fatal(err)
	}
	rec := h.call(t, "candidates", "GET", "/internal/v1/placement-records/cand-1", nil)
	if rec.status != 200 || rec.raw != `{"followups":[],"introductions":[],"messages":[],"placements":[]}` {
		t.Errorf("record after erasure = %s", rec.raw)
	}
	for _, id := range []string{first, second, other} {
		if g := h.call(t, "admin", "GET", "/api/v1/introductions/"+id, nil); g.status != 404 {
			t.Errorf("erased introduction %s = %d", id, g.status)
		}
	}
	want := []string{"introduction.requested", "introduction.reminder_due", "introduction.expired", "introduction.requested",
		"introduction.withdrawn", "introduction.requested", "introduction.requested", "introduction.withdrawn"}
	if types := h.eventTypes(t); !slices.Equal(types, want) {
		t.Errorf("events = %v", types)
	}
}

// TestConcurrentAnswersAcceptOnce races two staff answers: one is
// recorded, the other is refused with 409, and there is one grant.
func TestConcurrentAnswersAcceptOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	statuses := make(chan int, 4)
	for range 4 {
		go func() {
			statuses <- h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer",
				map[string]any{"accept": true, "consent_text_version": "v1", "contact": "direct"}).status
		}()
	}
	ok := 0
	for range 4 {
		switch s := <-statuses; s {
		case 200:
			ok++
		case 409:
		default:
			t.Errorf("status %d", s)
		}
	}
	if ok != 1 || len(h.world.grants) != 1 {
		t.Fatalf("accepted %d times, %d grants", ok, len(h.world.grants))
	}
}
