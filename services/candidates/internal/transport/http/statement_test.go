package http

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/mongox"
)

// statementPath is where a candidate's statement lives.
func statementPath(id string) string { return "/api/v1/candidates/" + id + "/statement" }

// TestStatementReview: staff write a statement, which is pending with the
// checker's flags and absent from the matching view; approval puts it on
// the view; a new text sends it back to review; removal takes it away.
// Every write is announced with ids and versions and audited by change
// name, never text.
func TestStatementReview(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	text := "I roasted coffee for Marek in Kortrijk since 2021. Now I want a job as a roaster."
	v := h.candidateVersion(t, id)
	w := h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": v, "text": "  " + text + "\n"}).must(t, 200)
	if w.str("text") != text || w.str("status") != "pending" || w.str("written_by") != memberID {
		t.Errorf("written: %s", w.raw)
	}
	if got := flagsOf(w); got != "name:Marek place:Kortrijk digits:2021" {
		t.Errorf("flags = %q", got)
	}
	v++
	if int64(w.body["candidate_version"].(float64)) != v || !h.changedAt(t, id, v) {
		t.Errorf("write: candidate_version %v, announced at %d: %v", w.body["candidate_version"], v, h.changedAt(t, id, v))
	}
	if e := h.auditEntry(t, id, "update"); fmt.Sprint(e["fields"]) != "[statement]" {
		t.Errorf("audit of the write = %v", e)
	}
	if s := h.matchingView(t, id); s != "" {
		t.Errorf("a pending statement reached the matching view: %q", s)
	}
	raw, err := h.db.Collection("candidates").FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Raw()
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"roasted coffee", "Marek", "Kortrijk in", "2021"} {
		if strings.Contains(string(raw), word) {
			t.Errorf("the stored candidate holds %q in the clear", word)
		}
	}
	got := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	if st, _ := got.body["statement"].(map[string]any); st["text"] != text || st["status"] != "pending" {
		t.Errorf("the record's statement = %v", got.body["statement"])
	}

	r := h.call(t, "colleague", "POST", statementPath(id)+"/review", map[string]any{"version": v, "decision": "approve"}).must(t, 200)
	v++
	if r.str("status") != "approved" || r.str("reviewed_by") != colleagueID || r.str("reviewed_at") == "" || !h.changedAt(t, id, v) {
		t.Errorf("approved: %s", r.raw)
	}
	if e := h.auditEntry(t, id, "review"); fmt.Sprint(e["fields"]) != "[statement]" || e["actor"] != colleagueID {
		t.Errorf("audit of the review = %v", e)
	}
	if s := h.matchingView(t, id); s != text {
		t.Errorf("matching view statement = %q, want the approved text", s)
	}
	h.call(t, "member", "POST", statementPath(id)+"/review", map[string]any{"version": v, "decision": "approve"}).problem(t, 409, "")

	// The same text again changes nothing; a new one goes back to review.
	same := h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": v, "text": text}).must(t, 200)
	if same.str("status") != "approved" || h.candidateVersion(t, id) != v {
		t.Errorf("rewriting the same text: %s", same.raw)
	}
	h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": v, "text": "I bake bread."}).must(t, 200)
	v++
	if s := h.matchingView(t, id); s != "" {
		t.Errorf("the approved statement still shows after a rewrite: %q", s)
	}
	rej := h.call(t, "member", "POST", statementPath(id)+"/review", map[string]any{"version": v, "decision": "reject", "note": "Say more about the bread."}).must(t, 200)
	v++
	if rej.str("status") != "rejected" || rej.str("note") != "Say more about the bread." {
		t.Errorf("rejected: %s", rej.raw)
	}

	h.call(t, "member", "DELETE", statementPath(id)+fmt.Sprintf("?version=%d", v), nil).must(t, 200)
	v++
	if e := h.auditEntry(t, id, "remove"); fmt.Sprint(e["fields"]) != "[statement]" || !h.changedAt(t, id, v) {
		t.Errorf("audit of the removal = %v", e)
	}
	if got := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200); got.body["statement"] != nil {
		t.Errorf("removed statement still on the record: %v", got.body["statement"])
	}
	h.call(t, "member", "DELETE", statementPath(id)+fmt.Sprintf("?version=%d", v), nil).problem(t, 404, "")
	h.call(t, "member", "POST", statementPath(id)+"/review", map[string]any{"version": v, "decision": "approve"}).problem(t, 409, "")

	for _, e := range h.streamEvents(t) {
		if raw := fmt.Sprint(e.raw); strings.Contains(raw, "roast") || strings.Contains(raw, "bread") {
			t.Errorf("an event carries the statement: %s", raw)
		}
	}
}

// TestStatementRefusals: bad input is a 400 naming the field, a stale
// version a 409, and neither changes anything; observers are refused.
func TestStatementRefusals(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	v := h.candidateVersion(t, id)
	for _, tc := range []struct {
		method, path string
		body         any
		status       int
		field        string
	}{
		{"PUT", statementPath(id), map[string]any{"text": "I roast coffee."}, 400, "version"},
		{"PUT", statementPath(id), map[string]any{"version": v, "text": "   "}, 400, "text"},
		{"PUT", statementPath(id), map[string]any{"version": v, "text": strings.Repeat("ë", 601)}, 400, "text"},
		{"PUT", statementPath(id), map[string]any{"version": v, "text": 12}, 400, "text"},
		{"PUT", statementPath(id), map[string]any{"version": v + 1, "text": "I roast coffee."}, 409, ""},
		{"POST", statementPath(id) + "/review", map[string]any{"version": v, "decision": "approve"}, 409, ""},
		{"POST", statementPath(id) + "/review", map[string]any{"version": v, "decision": "maybe"}, 400, "decision"},
		{"POST", statementPath(id) + "/review", map[string]any{"version": v, "decision": "reject"}, 400, "note"},
		{"POST", statementPath(id) + "/review", map[string]any{"version": v, "decision": "approve", "note": strings.Repeat("n", 281)}, 400, "note"},
		{"DELETE", statementPath(id), nil, 400, "version"},
		{"DELETE", statementPath(id) + "?version=1", nil, 404, ""},
	} {
		before := h.snapshot(t, id)
		h.call(t, "member", tc.method, tc.path, tc.body).problem(t, tc.status, tc.field)
		h.unchanged(t, before, tc.method+" "+tc.path)
	}
	h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": v, "text": strings.Repeat("ë", 600)}).must(t, 200)
	before := h.snapshot(t, id)
	for _, who := range []string{"observer", "employer", "service"} {
		h.call(t, who, "PUT", statementPath(id), map[string]any{"version": v + 1, "text": "x"}).problem(t, 403, "")
		h.call(t, who, "POST", statementPath(id)+"/review", map[string]any{"version": v + 1, "decision": "approve"}).problem(t, 403, "")
	}
	h.call(t, "member2", "POST", statementPath(id)+"/review", map[string]any{"version": v + 1, "decision": "approve"}).problem(t, 404, "")
	h.unchanged(t, before, "refused reviews")
}

// TestExportHoldsTheStatement: the data subject's export carries the
// statement with its review.
func TestExportHoldsTheStatement(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": h.candidateVersion(t, id), "text": "I roast coffee."}).must(t, 200)
	e := h.call(t, "member", "GET", "/api/v1/candidates/"+id+"/export?purpose=data_subject_request", nil).must(t, 200)
	cand, _ := e.body["candidate"].(map[string]any)
	st, _ := cand["statement"].(map[string]any)
	if st["text"] != "I roast coffee." || st["status"] != "pending" {
		t.Errorf("export statement = %v", cand["statement"])
	}
}

// flagsOf lists an answer's flags as "kind:text", space separated.
func flagsOf(a answer) string {
	var out []string
	list, _ := a.body["flags"].([]any)
	for _, f := range list {
		m := f.(map[string]any)
		out = append(out, fmt.Sprint(m["kind"], ":", m["text"]))
	}
	return strings.Join(out, " ")
}

// matchingView returns the statement the matching service reads for id,
// from the single view and from the bulk views, which must agree.
func (h *harness) matchingView(t *testing.T, id string) string {
	t.Helper()
	one := h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200).str("statement")
	views, _, err := h.store.CandidateViews(context.Background(), mongox.PageRequest{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		if v.ID == id && v.Statement != one {
			t.Errorf("bulk view statement %q, single view %q", v.Statement, one)
		}
	}
	return one
}
