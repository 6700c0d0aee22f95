package launcher

import (
	"bytes"
	"cmp"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// The identity of every candidate the security suite registers
// (candidateBody) and the name of every programme it creates
// (programmeBody): values that appear nowhere else, so finding one by
// substring in an employer's answer, a log line or a stream entry can only
// mean a leak.
const (
	markGiven     = "Ysalinde"
	markFamily    = "Zwartegoedt"
	markBirth     = "1983-11-29"
	markPhone     = "+32 471 58 36 92"
	markEmail     = "ysalinde.zwartegoedt@example.org"
	markProgramme = "Koffiebranderij Zwerfkei"
	// harelbeke, a town 6 km from Kortrijk, is the suite's candidates'
	// house; no role or programme is placed there.
	harelbeke = "2796542"
)

// personalMarks are the candidates' identity values that no log line and
// no stream entry may hold. Ids are not among them: events and logs name
// candidates by id.
var personalMarks = []string{markGiven, markFamily, strings.ToLower(markGiven), strings.ToLower(markFamily), markBirth, markPhone, "471 58 36", markProgramme, `"` + harelbeke + `"`}

// employerActors are the matrix's callers who act for an employer.
var employerActors = []string{"emp_admin", "emp_member", "emp_other"}

// vocabularyOperations answer the same public vocabulary to everyone and
// know nothing of candidates; a place search may list the house's town.
var vocabularyOperations = []string{"searchPlaces", "getPlace"}

// identityMarks are every value an employer must never read about the
// world's candidates: their personal values, the town and place of their
// house, the programmes' free-text name, the programme organisations'
// names and the candidates' ids.
func (w *world) identityMarks() []string {
	marks := append(slices.Clone(personalMarks), "Harelbeke")
	for _, o := range []*matrixOrg{w.progA, w.progB} {
		marks = append(marks, o.candidateID, o.name)
	}
	return marks
}

// leaksIn returns the marks body holds, leaving out those the request's
// path names: a refusal may repeat the path it refused (a problem's
// instance), which tells the caller nothing it did not send.
func leaksIn(body []byte, path string, marks []string) []string {
	var found []string
	for _, m := range marks {
		if m != "" && !strings.Contains(path, m) && bytes.Contains(body, []byte(m)) {
			found = append(found, m)
		}
	}
	return found
}

// TestPrivacyOfEveryEmployerAnswer builds the matrix's world on the shared
// platform, adds a role the world's candidates nearly match (it asks a
// skill they lack, which the world's programmes train, so the shortlist
// lists programmes), waits until both of the employer's shortlists list
// its candidate, then GETs every GET operation of the public API as each
// kind of employer caller on its own and another's objects: no answer
// holds a candidate's name, birth date, contact, house, programme name,
// programme organisation or id. The same walk as programme staff must find
// every one of these values (the staff's own full read), so the scan
// cannot pass for want of data. Then no log line of any service, no
// entry of any Redis stream and no e-mail the mail catcher holds (subject,
// text and HTML; after a role opened for the walk's employer has mailed
// its people and the candidates' staff) of the shared platform, since it
// started, holds a personal value or a candidate's alias.
func TestPrivacyOfEveryEmployerAnswer(t *testing.T) {
	p := stack(t)
	suiteContract(t)
	w := buildWorld(t, p)
	near := roleBody("open")
	near["essential_skills"] = []any{
		map[string]any{"skill": "espresso-preparation", "min_level": 2},
		map[string]any{"skill": "coffee-roasting", "min_level": 2},
	}
	var nearRole struct{ ID string }
	w.empA.admin.do("POST", "/api/v1/roles", near, http.StatusCreated, &nearRole)
	var cand struct{ Alias string }
	w.progA.member.do("GET", "/api/v1/candidates/"+w.progA.candidateID, nil, http.StatusOK, &cand)
	for _, role := range []string{w.empA.roleID, nearRole.ID} {
		awaitOnShortlist(t, w.empA.admin, role, cand.Alias)
	}
	var shortlist []byte
	shortlist = w.empA.admin.do("GET", "/api/v1/roles/"+nearRole.ID+"/shortlist", nil, http.StatusOK, nil)
	if !bytes.Contains(shortlist, []byte(`"kind":"coffee_roastery"`)) {
		t.Errorf("the near match lists no programme, so the programme name is not put to the test: %.400s", shortlist)
	}

	marks := w.identityMarks()
	staffSaw := map[string]bool{}
	answers := 0
	for _, op := range getOperations(t) {
		if slices.Contains(vocabularyOperations, op) {
			continue
		}
		for _, owner := range ownersOf(op) {
			for _, actor := range append(slices.Clone(employerActors), "staff1") {
				o := w.objectOf(operations[op].objects, actor, owner)
				if operations[op].objects != "" && o == nil {
					continue
				}
				req := operations[op].build(w, w.mineOf(actor), o)
				a, err := call(p, w.tokens[actor], req.method, req.path, nil)
				if err != nil {
					t.Errorf("%s as %s: %v", req.path, actor, err)
					continue
				}
				answers++
				found := leaksIn(a.body, req.path, append(marks, w.intro.hired...))
				if actor == "staff1" {
					for _, m := range found {
						staffSaw[m] = true
					}
					continue
				}
				if op == "readDisclosure" && owner == "own" {
					// The identity the candidate agreed to give this
					// employer: TestAuthorisationMatrix holds it to the
					// granted fields (checkDisclosed).
					checkDisclosed(t, actor, a, found)
					continue
				}
				for _, m := range found {
					t.Errorf("%s (GET %s) as %s answered %d holding %q", op, req.path, actor, a.status, m)
				}
			}
		}
	}
	for _, m := range marks {
		// The staff read their own organisation's candidate and
		// programme; the other's id and name stay unseen.
		if !staffSaw[m] && m != w.progB.candidateID && m != w.progB.name && m != "Harelbeke" && m != "471 58 36" {
			t.Errorf("the staff's own reads never hold %q: the scan would not see it either", m)
		}
	}
	t.Logf("privacy walk: %d GET answers to employers and staff scanned for %d marks", answers, len(marks))

	t.Run("no personal value in any log", func(t *testing.T) {
		logs := p.logs.String() + p.console.String()
		for _, service := range []string{"gateway", "employers", "candidates", "matching", "notifications", "web"} {
			if !strings.Contains(logs, "service="+service) && !strings.Contains(logs, `"service":"`+service+`"`) {
				t.Fatalf("no log line of %s: the scan is not reading its logs", service)
			}
		}
		for _, m := range personalMarks {
			if strings.Contains(logs, m) {
				t.Errorf("a log line holds %q", m)
			}
		}
	})
	t.Run("no personal value in any stream entry or key", func(t *testing.T) {
		stores := openStores(t, p)
		if stores.lastEvent(t, cmp.Or(p.env["CANDIDATES_STREAM"], "onward.candidates"), w.progA.candidateID) == "" {
			t.Fatal("no event about the walk's candidate: the scan is not reading the platform's streams")
		}
		stores.streamsMustNotHold(t, personalMarks)
	})
	t.Run("no personal value in any e-mail", func(t *testing.T) {
		// Two of the walk's people hear of new full matches at once: a
		// role opened now fully matches both candidates, so the employer
		// and the candidate's staff each get a mail about it.
		for _, c := range []apiClient{w.empA.member, w.progA.member} {
			c.do("PUT", "/api/v1/notifications/preferences", map[string]any{"kinds": map[string]string{"new_matches": "immediately"}}, http.StatusOK, nil)
		}
		w.newRole(w.empA, "open")
		mc := platformMail(t, p)
		// The delivery worker sends whatever other tests queued first;
		// the matrix keeps its people's mail in the inbox (quietMail).
		const mailWait = time.Minute
		awaitMail(t, mc, w.empA.memberEmail, "New full matches for your role", mailWait)
		awaitMail(t, mc, w.progA.memberEmail, "New roles for a candidate of yours", mailWait)
		awaitMail(t, mc, w.progB.memberEmail, "You are invited to Onward", mailWait)
		var aliases []string
		for _, o := range []*matrixOrg{w.progA, w.progB} {
			var c struct{ Alias string }
			o.member.do("GET", "/api/v1/candidates/"+o.candidateID, nil, http.StatusOK, &c)
			aliases = append(aliases, c.Alias)
		}
		mails := caughtMail(t, mc)
		mailsMustNotHold(t, mails, append(slices.Clone(personalMarks), "Harelbeke"), aliases)
		t.Logf("%d e-mails scanned (subject, text and HTML)", len(mails))
	})
}

// awaitOnShortlist polls role's shortlist as c until it lists alias, for
// up to ten seconds: the matching service computes lists from events, and
// until it has heard of a role just posted it answers 404 for its list.
func awaitOnShortlist(t *testing.T, c apiClient, role, alias string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, body := c.try("GET", "/api/v1/roles/"+role+"/shortlist", nil, nil)
		if status == http.StatusOK && bytes.Contains(body, []byte(`"alias":"`+alias+`"`)) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("role %s's shortlist does not list %s after 10s (%d): %.400s", role, alias, status, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// getOperations lists the operation ids of the public /api/v1 surface of
// docs/openapi.yaml that are GETs, sorted.
func getOperations(t *testing.T) []string {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(testkit.RepoRoot(t), "docs", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for path, item := range doc.Paths.Map() {
		if strings.HasPrefix(path, "/api/v1/") && item.Get != nil {
			if _, ok := operations[item.Get.OperationID]; !ok {
				t.Errorf("GET %s (%s) has no call in matrix_calls_test.go", path, item.Get.OperationID)
				continue
			}
			ops = append(ops, item.Get.OperationID)
		}
	}
	slices.Sort(ops)
	return ops
}
