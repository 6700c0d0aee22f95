package launcher

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// actors are the matrix's columns, in the table's order.
var actors = []string{"anon", "emp_admin", "emp_member", "emp_other", "staff1", "admin1", "staff2", "admin2", "platform", "obs", "cand"}

// TestAuthorisationMatrix calls every operation of the public /api/v1
// surface of docs/openapi.yaml as every kind of actor, on an object of the
// actor's own organisation and on one of another's, and expects exactly the
// status authz_table_test.go gives for each. An operation of the
// description without rows in the table fails the test, as does any other
// status, and any refusal that is not application/problem+json. Every
// answer is also checked against the description. The objects are built
// through the API on the shared platform. MATRIX_RECORD=1 prints the table
// as observed, for reviewing a change of the rules.
func TestAuthorisationMatrix(t *testing.T) {
	p := stack(t)
	suiteContract(t)
	ops := publicOperations(t)
	expected := parseTable(t)
	for _, op := range ops {
		if _, ok := operations[op]; !ok {
			t.Errorf("operation %s has no call in matrix_calls_test.go: add one", op)
		}
		for _, owner := range ownersOf(op) {
			if _, ok := expected[op+" "+owner]; !ok {
				t.Errorf("operation %s (%s object) has no row in authz_table_test.go: add a row", op, owner)
			}
		}
	}
	for key := range expected {
		if !slices.Contains(ops, strings.Fields(key)[0]) {
			t.Errorf("the table has a row for %s, which docs/openapi.yaml does not describe", key)
		}
	}
	recording := os.Getenv("MATRIX_RECORD") != ""
	if t.Failed() && !recording {
		return
	}
	w := buildWorld(t, p)
	w.quietMail()
	marks := w.identityMarks()
	staffReadMarks := false
	disclosedReads := 0
	tally := map[string]int{}
	var record strings.Builder
	for _, op := range ops {
		for _, owner := range ownersOf(op) {
			want, ok := expected[op+" "+owner]
			if !ok {
				want = strings.Fields(strings.Repeat("? ", len(actors)))
			}
			got := make([]string, len(actors))
			for i, actor := range actors {
				o := w.objectOf(operations[op].objects, actor, owner)
				if want[i] == "-" || (operations[op].objects != "" && o == nil) {
					if want[i] != "-" && want[i] != "?" {
						t.Errorf("%s %s as %s: the table expects %s, but the actor has no object of its own", op, owner, actor, want[i])
					}
					got[i] = "-"
					continue
				}
				req := operations[op].build(w, w.mineOf(actor), o)
				a, err := call(p, w.tokens[actor], req.method, req.path, req.body)
				if err != nil {
					t.Errorf("%s (%s %s) as %s on %s object: %v", op, req.method, req.path, actor, owner, err)
					got[i] = "err"
					continue
				}
				got[i] = strconv.Itoa(a.status)
				tally[bucket(a.status)]++
				if got[i] != want[i] && !recording {
					t.Errorf("%s (%s %s) as %s on %s object = %s, want %s: %.300s", op, req.method, req.path, actor, owner, got[i], want[i], a.body)
				}
				if a.status >= 400 && !strings.HasPrefix(a.contentType, "application/problem+json") {
					t.Errorf("%s as %s answered %d as %q, not application/problem+json", op, actor, a.status, a.contentType)
				}
				// No answer to an employer names a candidate (see
				// TestPrivacyOfEveryEmployerAnswer); the staff's own read does.
				// The one exception is readDisclosure of the employer's own
				// grant: it is the identity the candidate agreed to give
				// that employer organisation, what the operation is for, so
				// checkDisclosed holds it to exactly the granted fields
				// instead. Employer B's read of A's grant, and every read of
				// another organisation's, stays under the check.
				if slices.Contains(employerActors, actor) && !slices.Contains(vocabularyOperations, op) {
					if op == "readDisclosure" && owner == "own" {
						disclosedReads++
						checkDisclosed(t, actor, a, leaksIn(a.body, req.path, append(marks, w.intro.hired...)))
					} else {
						for _, m := range leaksIn(a.body, req.path, append(marks, w.intro.hired...)) {
							t.Errorf("%s (%s %s) as %s answered %d holding %q, a candidate's identity", op, req.method, req.path, actor, a.status, m)
						}
					}
				}
				if op == "getCandidate" && owner == "own" && actor == "staff1" {
					staffReadMarks = len(leaksIn(a.body, "", []string{markGiven, markFamily, markBirth, w.progA.candidateID})) == 4
				}
			}
			// A space after each, even after a long name, keeps the
			// row readable by parseTable.
			fmt.Fprintf(&record, "\t\"%-21s %-5s ", op, owner)
			for i, g := range got {
				if i < len(got)-1 {
					g = fmt.Sprintf("%-5s", g)
				}
				record.WriteString(g)
			}
			record.WriteString("\",\n")
		}
	}
	if !staffReadMarks {
		t.Error("the staff's own read of their candidate holds not every identity mark: the employers' answers were scanned in vain")
	}
	if disclosedReads != len(employerActors) {
		t.Errorf("%d employer reads of their own disclosure were checked, want %d", disclosedReads, len(employerActors))
	}
	total := 0
	for _, n := range tally {
		total += n
	}
	t.Logf("authorisation matrix: %d operations, %d pairs tried: %s", len(ops), total, summary(tally))
	if recording {
		t.Logf("observed table:\n%s", record.String())
	}
}

// grantedMarks are the identity values the matrix's grants disclose to
// the employer: the name, always, and the phone (see world.accept).
var grantedMarks = []string{markGiven, markFamily, strings.ToLower(markGiven), strings.ToLower(markFamily), markPhone, "471 58 36"}

// checkDisclosed checks an employer's read of its own disclosure, whose
// answer holds found of the identity marks: it gives the granted name and
// phone, and nothing else of the candidate's (no e-mail, birth date,
// house, programme or id).
func checkDisclosed(t *testing.T, actor string, a answer, found []string) {
	t.Helper()
	if a.status != 200 {
		return
	}
	for _, m := range []string{markGiven, markFamily, markPhone} {
		if !slices.Contains(found, m) {
			t.Errorf("readDisclosure of its own grant as %s lacks %q, which was granted: %.300s", actor, m, a.body)
		}
	}
	for _, m := range found {
		if !slices.Contains(grantedMarks, m) {
			t.Errorf("readDisclosure of its own grant as %s holds %q, which was not granted", actor, m)
		}
	}
	if strings.Contains(string(a.body), markEmail) {
		t.Errorf("readDisclosure of its own grant as %s holds the e-mail, which was not granted", actor)
	}
}

// publicOperations lists the operation ids of docs/openapi.yaml under
// /api/v1, sorted.
func publicOperations(t *testing.T) []string {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(testkit.RepoRoot(t), "docs", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for path, item := range doc.Paths.Map() {
		if !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		for _, op := range item.Operations() {
			ops = append(ops, op.OperationID)
		}
	}
	slices.Sort(ops)
	return ops
}

// ownersOf is "own" and "other" for an operation on an object, "-" for one
// on none.
func ownersOf(op string) []string {
	if operations[op].objects == "" {
		return []string{"-"}
	}
	return []string{"own", "other"}
}

// objectOf returns the organisation whose object actor calls with: its own
// (nil when it has none of the kind) or another's. The platform
// administrator and the anonymous caller have no organisation, so "other"
// is the first employer's or the first programme organisation's; so it is
// for the observer, whose own organisation holds only its people.
func (w *world) objectOf(kind, actor, owner string) *matrixOrg {
	if kind == "" {
		return nil
	}
	mine := w.mineOf(actor)
	if owner == "own" {
		if mine == nil || (kind != "org" && mine.kind != kind) {
			return nil
		}
		return mine
	}
	switch {
	case kind == "employer" || (kind == "org" && mine != nil && mine.kind == "employer"):
		if mine == w.empA {
			return w.empB
		}
		return w.empA
	case mine == w.progA:
		return w.progB
	case kind == "org" && mine == nil:
		return w.empA
	}
	return w.progA
}

// parseTable reads authorisationTable into "operation owner" → the
// expected status of each actor.
func parseTable(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, row := range authorisationTable {
		f := strings.Fields(row)
		if len(f) != 2+len(actors) {
			t.Fatalf("the row %q has %d fields, want the operation, the owner and %d outcomes", row, len(f), len(actors))
		}
		key, want := f[0]+" "+f[1], f[2:]
		if _, dup := out[key]; dup {
			t.Fatalf("the table has two rows for %s", key)
		}
		out[key] = want
	}
	return out
}

func bucket(status int) string {
	switch {
	case status < 300:
		return "2xx"
	case status == 401, status == 403, status == 404, status == 409, status == 400:
		return strconv.Itoa(status)
	}
	return "other " + strconv.Itoa(status)
}

func summary(tally map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(tally)) {
		parts = append(parts, fmt.Sprintf("%s: %d", k, tally[k]))
	}
	return strings.Join(parts, ", ")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// mineOf is actor's organisation, nil for the anonymous caller and the
// platform administrator. The candidate's is the programme organisation
// that holds them, so their "own" candidate objects are their own record's
// and "other" ones another organisation's candidate's.
func (w *world) mineOf(actor string) *matrixOrg {
	return map[string]*matrixOrg{"emp_admin": w.empA, "emp_member": w.empA, "emp_other": w.empB,
		"staff1": w.progA, "admin1": w.progA, "staff2": w.progB, "admin2": w.progB, "obs": w.obs, "cand": w.progA}[actor]
}
