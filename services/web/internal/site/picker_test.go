package site_test

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// suggestions is the /suggest answer.
type suggestions struct {
	Items []struct {
		ID, Label, Detail string
	}
	Message string
}

// suggest calls /suggest as the picker script does.
func suggest(t *testing.T, b *webtest.Browser, path string) (int, suggestions) {
	t.Helper()
	var s suggestions
	p := b.GetJSON(path, &s)
	if cc := p.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("%s: Cache-Control %q, want no-store", path, cc)
	}
	return p.Status, s
}

func TestSuggestAndExploreNeedASession(t *testing.T) {
	t.Parallel()
	m := fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	if status, s := suggest(t, b, "/suggest/skills?q=barista"); status != http.StatusUnauthorized || s.Message == "" {
		t.Fatalf("suggest without a session = %d %+v, want 401 with a message", status, s)
	}
	r := b.NoRedirects().Get("/explore?skill_q=barista")
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/login" {
		t.Fatalf("explore without a session = %d to %q, want 303 to /login", r.Status, r.Header.Get("Location"))
	}
	if len(m.Seen()) != 0 {
		t.Fatal("matching was asked without a session")
	}
}

func TestSuggestAsksMatchingInTheUsersLanguage(t *testing.T) {
	t.Parallel()
	m := fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	b.SignUp("Koffiebar Noord", "Lotte", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	b.Lang = "nl-BE,nl;q=0.9"

	status, s := suggest(t, b, "/suggest/skills?q=baristta")
	if status != http.StatusOK || len(s.Items) != 1 || s.Items[0].ID != "barista-skills" || s.Items[0].Label != "Baristavaardigheden" {
		t.Fatalf("skills = %d %+v", status, s)
	}
	if want := "Praktische vaardigheid"; s.Items[0].Detail != want {
		t.Errorf("skill detail = %q, want %q", s.Items[0].Detail, want)
	}
	req := m.Last(t, "/api/v1/skills")
	if q := req.URL.Query(); q.Get("lang") != "nl" || q.Get("q") != "baristta" || q.Get("limit") != "8" {
		t.Errorf("matching got %s, want q=baristta, lang=nl, limit=8", req.URL.RawQuery)
	}
	if s, _ := b.Session(); req.Header.Get("Authorization") != "Bearer "+s.AccessToken {
		got := req.Header.Get("Authorization")
		t.Errorf("matching got Authorization %q, want the session's access token", got)
	}

	_, s = suggest(t, b, "/suggest/occupations?q=barista")
	if len(s.Items) != 1 || s.Items[0].Detail != "2 essentiële vaardigheden" {
		t.Errorf("occupations = %+v", s)
	}
	_, s = suggest(t, b, "/suggest/places?q=Gent&country=be")
	if len(s.Items) != 1 || s.Items[0].Label != "Gent" || s.Items[0].Detail != "België · 262.219 inwoners" {
		t.Errorf("places = %+v", s)
	}
	if q := m.Last(t, "/api/v1/places").URL.Query(); q.Get("country") != "BE" || q.Has("lang") {
		t.Errorf("places query = %v, want country=BE and no lang", q)
	}
	if status, _ := suggest(t, b, "/suggest/skills?q="); status != http.StatusOK {
		t.Errorf("an empty query answered %d, want 200 with no items", status)
	}
	if status, _ := suggest(t, b, "/suggest/roles?q=x"); status != http.StatusNotFound {
		t.Errorf("an unknown vocabulary answered %d, want 404", status)
	}
}

func TestSuggestExplainsBadQueriesAndOutages(t *testing.T) {
	t.Parallel()
	m := fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	b.SignUp("Bakkerij Zuid", "Jonas", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)

	status, s := suggest(t, b, "/suggest/skills?q="+url.QueryEscape("bad query secret"))
	if status != http.StatusBadRequest || !strings.Contains(s.Message, "at most 100 characters") {
		t.Fatalf("a refused query = %d %+v, want 400 with an explanation", status, s)
	}
	if status, _ := suggest(t, b, "/suggest/places?q=Gent&country=Belgium"); status != http.StatusBadRequest {
		t.Errorf("a malformed country answered %d, want 400", status)
	}

	// With matching down, the picker says so, and the page still works.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String()
	ln.Close()
	g2 := webtest.Start(t, map[string]string{"MATCHING_URL": down})
	b2 := webtest.NewBrowser(t, g2)
	b2.SignUp("Fietsherstel", "Mira", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	status, s = suggest(t, b2, "/suggest/skills?q="+url.QueryEscape("private words"))
	if status != http.StatusServiceUnavailable || !strings.Contains(s.Message, "not available right now") {
		t.Fatalf("matching down = %d %+v, want 503 with an explanation", status, s)
	}
	p := b2.Get("/explore?skill_q=" + url.QueryEscape("private words"))
	p.MustBeAt(t, "/explore", http.StatusOK)
	p.MustContain(t, "Search is not available right now", `value="private words"`)

	for _, gw := range []interface{ Contains(string) bool }{g, g2} {
		for _, typed := range []string{"bad query secret", "bad+query+secret", "private words", "private+words"} {
			if gw.Contains(typed) {
				t.Errorf("the gateway logged what the user typed (%q)", typed)
			}
		}
	}
	if !g2.Contains("vocabulary lookup failed") {
		t.Error("the outage was not logged")
	}
}

func TestSuggestAfterTheAccessTokenExpired(t *testing.T) {
	t.Parallel()
	m := fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	b.SignUp("Tuincentrum Oost", "Sven", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	b.ExpireAccessToken()

	// The server renews the token itself; the type-ahead just works.
	if status, s := suggest(t, b, "/suggest/skills?q=barista"); status != http.StatusOK || len(s.Items) != 1 {
		t.Fatalf("suggest with an expired access token = %d %+v, want 200", status, s)
	}
	if r := b.Get("/session/renew"); r.Status != http.StatusNoContent {
		t.Fatalf("renew = %d, want 204", r.Status)
	}
	b.SetCookie("onward_session", "")
	if status, _ := suggest(t, b, "/suggest/skills?q=barista"); status != http.StatusUnauthorized {
		t.Fatalf("suggest without a session = %d, want 401", status)
	}
	if r := b.Get("/session/renew"); r.Status != http.StatusUnauthorized {
		t.Fatalf("renew without a session = %d, want 401", r.Status)
	}
}

func TestExploreWithoutJavaScript(t *testing.T) {
	t.Parallel()
	m := fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	home := b.SignUp("Koffiehuis West", "Ilse", webtest.UniqueEmail(t))
	home.MustContain(t, `href="/explore"`, "Skills, jobs and places")
	if strings.Contains(home.Body, "picker.js") {
		t.Error("the home page loads the picker script without a picker")
	}

	// A misspelt skill is searched by the server and offered as radio buttons.
	p := b.Get("/explore?skill_q=baristta")
	p.MustBeAt(t, "/explore", http.StatusOK)
	p.MustContain(t, "Skills, jobs and places", "Matches for “baristta”", `type="radio" name="skill" value="barista-skills"`,
		"Barista skills", `name="skill_shown" value="baristta"`, "picker.js")

	// Choosing one shows its kind and broader skills.
	p = b.Get("/explore?skill=barista-skills&skill_q=baristta&skill_shown=baristta")
	p.MustContain(t, `id="skill-title">Barista skills<`, "Practical skill", "Coffee production", `value="barista-skills"`)
	if strings.Contains(p.Body, `type="radio" name="skill"`) {
		t.Error("the matches are still listed after a choice")
	}
	// "Choose" without a choice asks for one.
	b.Get("/explore?skill_q=baristta&skill_shown=baristta&skill_choose=1").MustContain(t, "Choose one of the matches below")
	// A changed text is a new search, even with an earlier choice.
	b.Get("/explore?skill=barista-skills&skill_q=barista&skill_shown=Barista+skills").MustContain(t, "Matches for “barista”")
	// A refused query is explained at the field.
	b.Get("/explore?skill_q=bad").MustContain(t, "Type at most 100 characters", `aria-invalid="true"`)
	b.Get("/explore?skill_q=zzz").MustContain(t, "No matches.")

	// An occupation lists its skills with their levels in words.
	p = b.Get("/explore?occupation=barista")
	p.MustContain(t, "Essential skills", "Espresso preparation", "Works independently", "level 2 of 4",
		"Customer service", "Works under supervision", "Optional skills", "Latte art", "Experienced and consistent")
	p.MustContain(t, `href="/explore?occupation=barista&skill=espresso-preparation#skills"`)

	// A place search narrowed to one country.
	p = b.Get("/explore?place_q=Gent&place_country=BE")
	p.MustContain(t, `value="2797656"`, "Belgium · 262,219 inhabitants", `<option value="BE" selected>`)
	if q := m.Last(t, "/api/v1/places").URL.Query(); q.Get("country") != "BE" {
		t.Errorf("the place search was not narrowed: %v", q)
	}
	p = b.Get("/explore?place=2797656&place_q=Gent&place_shown=Gent&place_country=BE")
	p.MustContain(t, `id="place-title">Gent<`, "Belgium", "(BE)", "262,219")

	// In Dutch, with the language switcher keeping the choices.
	p = b.Get("/lang/nl?next=" + url.QueryEscape("/explore?place=2797656&skill=barista-skills"))
	p.MustContain(t, "Vaardigheden, beroepen en plaatsen", "Baristavaardigheden", "262.219", "Praktische vaardigheid")
	if g.Contains("baristta") {
		t.Error("the gateway logged what the user typed")
	}
}
