package site_test

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// fakeMatching stands in for the matching service's vocabulary API, with
// a barista skill, a barista occupation and the city of Gent.
type fakeMatching struct {
	*httptest.Server
	mu   sync.Mutex
	seen []*http.Request
}

func newFakeMatching(t *testing.T) *fakeMatching {
	t.Helper()
	f := &fakeMatching{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// last returns the last request to path, or fails.
func (f *fakeMatching) last(t *testing.T, path string) *http.Request {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.seen) - 1; i >= 0; i-- {
		if f.seen[i].URL.Path == path {
			return f.seen[i]
		}
	}
	t.Fatalf("matching never saw %s", path)
	return nil
}

func (f *fakeMatching) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.seen = append(f.seen, r.Clone(r.Context()))
	f.mu.Unlock()
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	q, nl := strings.ToLower(r.URL.Query().Get("q")), r.URL.Query().Get("lang") == "nl"
	barista := map[string]any{"id": "barista-skills", "label": "Barista skills", "kind": "skill", "parents": []string{"coffee-production"}, "matched": "barista"}
	if nl {
		barista["label"] = "Baristavaardigheden"
	}
	occupation := map[string]any{"id": "barista", "label": "Barista",
		"essential_skills": []map[string]any{{"skill": "espresso-preparation", "label": "Espresso preparation", "min_level": 2}, {"skill": "customer-service", "label": "Customer service", "min_level": 1}},
		"optional_skills":  []map[string]any{{"skill": "latte-art", "label": "Latte art", "min_level": 3}}}
	gent := map[string]any{"id": "2797656", "name": "Gent", "country": "BE", "lat": 51.05, "lon": 3.72, "population": 262219}
	switch path := r.URL.Path; {
	case strings.Count(path, "/") == 3 && (q == "" || strings.Contains(q, "bad")):
		problem(w, http.StatusBadRequest)
	case path == "/api/v1/skills":
		items := []any{}
		if strings.Contains(q, "barist") {
			items = append(items, barista)
		}
		answer(w, map[string]any{"items": items})
	case path == "/api/v1/skills/barista-skills":
		answer(w, barista)
	case path == "/api/v1/skills/coffee-production":
		answer(w, map[string]any{"id": "coffee-production", "label": "Coffee production", "kind": "skill", "parents": []string{}})
	case path == "/api/v1/occupations":
		answer(w, map[string]any{"items": []any{occupation}})
	case path == "/api/v1/occupations/barista":
		answer(w, occupation)
	case path == "/api/v1/places":
		answer(w, map[string]any{"items": []any{gent}})
	case path == "/api/v1/places/2797656":
		answer(w, gent)
	default:
		problem(w, http.StatusNotFound)
	}
}

func answer(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func problem(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"type":"about:blank","title":%q,"status":%d}`, http.StatusText(status), status)
}

// suggestions is the /suggest answer.
type suggestions struct {
	Items []struct {
		ID, Label, Detail string
	}
	Message string
}

// suggest calls /suggest as the picker script does.
func (b *browser) suggest(path string) (int, suggestions) {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.g.URL+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	var s suggestions
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		b.t.Fatalf("%s answered %d with no JSON: %v", path, resp.StatusCode, err)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		b.t.Errorf("%s: Cache-Control %q, want no-store", path, cc)
	}
	return resp.StatusCode, s
}

func TestSuggestAndExploreNeedASession(t *testing.T) {
	t.Parallel()
	m := newFakeMatching(t)
	g := start(t, map[string]string{"MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	if status, s := b.suggest("/suggest/skills?q=barista"); status != http.StatusUnauthorized || s.Message == "" {
		t.Fatalf("suggest without a session = %d %+v, want 401 with a message", status, s)
	}
	r := b.noRedirects().get("/explore?skill_q=barista")
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/login" {
		t.Fatalf("explore without a session = %d to %q, want 303 to /login", r.Status, r.Header.Get("Location"))
	}
	if len(m.seen) != 0 {
		t.Fatal("matching was asked without a session")
	}
}

func TestSuggestAsksMatchingInTheUsersLanguage(t *testing.T) {
	t.Parallel()
	m := newFakeMatching(t)
	g := start(t, map[string]string{"MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	b.signUp("Koffiebar Noord", "Lotte", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	b.lang = "nl-BE,nl;q=0.9"

	status, s := b.suggest("/suggest/skills?q=baristta")
	if status != http.StatusOK || len(s.Items) != 1 || s.Items[0].ID != "barista-skills" || s.Items[0].Label != "Baristavaardigheden" {
		t.Fatalf("skills = %d %+v", status, s)
	}
	if want := "Praktische vaardigheid"; s.Items[0].Detail != want {
		t.Errorf("skill detail = %q, want %q", s.Items[0].Detail, want)
	}
	req := m.last(t, "/api/v1/skills")
	if q := req.URL.Query(); q.Get("lang") != "nl" || q.Get("q") != "baristta" || q.Get("limit") != "8" {
		t.Errorf("matching got %s, want q=baristta, lang=nl, limit=8", req.URL.RawQuery)
	}
	if s, _ := b.session(); req.Header.Get("Authorization") != "Bearer "+s.AccessToken {
		got := req.Header.Get("Authorization")
		t.Errorf("matching got Authorization %q, want the session's access token", got)
	}

	_, s = b.suggest("/suggest/occupations?q=barista")
	if len(s.Items) != 1 || s.Items[0].Detail != "2 essentiële vaardigheden" {
		t.Errorf("occupations = %+v", s)
	}
	_, s = b.suggest("/suggest/places?q=Gent&country=be")
	if len(s.Items) != 1 || s.Items[0].Label != "Gent" || s.Items[0].Detail != "België · 262.219 inwoners" {
		t.Errorf("places = %+v", s)
	}
	if q := m.last(t, "/api/v1/places").URL.Query(); q.Get("country") != "BE" || q.Has("lang") {
		t.Errorf("places query = %v, want country=BE and no lang", q)
	}
	if status, _ := b.suggest("/suggest/skills?q="); status != http.StatusOK {
		t.Errorf("an empty query answered %d, want 200 with no items", status)
	}
	if status, _ := b.suggest("/suggest/roles?q=x"); status != http.StatusNotFound {
		t.Errorf("an unknown vocabulary answered %d, want 404", status)
	}
}

func TestSuggestExplainsBadQueriesAndOutages(t *testing.T) {
	t.Parallel()
	m := newFakeMatching(t)
	g := start(t, map[string]string{"MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	b.signUp("Bakkerij Zuid", "Jonas", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)

	status, s := b.suggest("/suggest/skills?q=" + url.QueryEscape("bad query secret"))
	if status != http.StatusBadRequest || !strings.Contains(s.Message, "at most 100 characters") {
		t.Fatalf("a refused query = %d %+v, want 400 with an explanation", status, s)
	}
	if status, _ := b.suggest("/suggest/places?q=Gent&country=Belgium"); status != http.StatusBadRequest {
		t.Errorf("a malformed country answered %d, want 400", status)
	}

	// With matching down, the picker says so, and the page still works.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String()
	ln.Close()
	g2 := start(t, map[string]string{"MATCHING_URL": down})
	b2 := newBrowser(t, g2)
	b2.signUp("Fietsherstel", "Mira", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	status, s = b2.suggest("/suggest/skills?q=" + url.QueryEscape("private words"))
	if status != http.StatusServiceUnavailable || !strings.Contains(s.Message, "not available right now") {
		t.Fatalf("matching down = %d %+v, want 503 with an explanation", status, s)
	}
	p := b2.get("/explore?skill_q=" + url.QueryEscape("private words"))
	p.mustBeAt(t, "/explore", http.StatusOK)
	p.mustContain(t, "Search is not available right now", `value="private words"`)

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
	m := newFakeMatching(t)
	g := start(t, map[string]string{"MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	b.signUp("Tuincentrum Oost", "Sven", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	b.expireAccessToken()

	// The server renews the token itself; the type-ahead just works.
	if status, s := b.suggest("/suggest/skills?q=barista"); status != http.StatusOK || len(s.Items) != 1 {
		t.Fatalf("suggest with an expired access token = %d %+v, want 200", status, s)
	}
	if r := b.get("/session/renew"); r.Status != http.StatusNoContent {
		t.Fatalf("renew = %d, want 204", r.Status)
	}
	b.setCookie("onward_session", "")
	if status, _ := b.suggest("/suggest/skills?q=barista"); status != http.StatusUnauthorized {
		t.Fatalf("suggest without a session = %d, want 401", status)
	}
	if r := b.get("/session/renew"); r.Status != http.StatusUnauthorized {
		t.Fatalf("renew without a session = %d, want 401", r.Status)
	}
}

func TestExploreWithoutJavaScript(t *testing.T) {
	t.Parallel()
	m := newFakeMatching(t)
	g := start(t, map[string]string{"MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	home := b.signUp("Koffiehuis West", "Ilse", uniqueEmail(t))
	home.mustContain(t, `href="/explore"`, "Skills, jobs and places")
	if strings.Contains(home.Body, "picker.js") {
		t.Error("the home page loads the picker script without a picker")
	}

	// A misspelt skill is searched by the server and offered as radio buttons.
	p := b.get("/explore?skill_q=baristta")
	p.mustBeAt(t, "/explore", http.StatusOK)
	p.mustContain(t, "Skills, jobs and places", "Matches for “baristta”", `type="radio" name="skill" value="barista-skills"`,
		"Barista skills", `name="skill_shown" value="baristta"`, "picker.js")

	// Choosing one shows its kind and broader skills.
	p = b.get("/explore?skill=barista-skills&skill_q=baristta&skill_shown=baristta")
	p.mustContain(t, `id="skill-title">Barista skills<`, "Practical skill", "Coffee production", `value="barista-skills"`)
	if strings.Contains(p.Body, `type="radio" name="skill"`) {
		t.Error("the matches are still listed after a choice")
	}
	// "Choose" without a choice asks for one.
	b.get("/explore?skill_q=baristta&skill_shown=baristta&skill_choose=1").mustContain(t, "Choose one of the matches below")
	// A changed text is a new search, even with an earlier choice.
	b.get("/explore?skill=barista-skills&skill_q=barista&skill_shown=Barista+skills").mustContain(t, "Matches for “barista”")
	// A refused query is explained at the field.
	b.get("/explore?skill_q=bad").mustContain(t, "Type at most 100 characters", `aria-invalid="true"`)
	b.get("/explore?skill_q=zzz").mustContain(t, "No matches.")

	// An occupation lists its skills with their levels in words.
	p = b.get("/explore?occupation=barista")
	p.mustContain(t, "Essential skills", "Espresso preparation", "Works independently", "level 2 of 4",
		"Customer service", "Works under supervision", "Optional skills", "Latte art", "Experienced and consistent")
	p.mustContain(t, `href="/explore?occupation=barista&skill=espresso-preparation#skills"`)

	// A place search narrowed to one country.
	p = b.get("/explore?place_q=Gent&place_country=BE")
	p.mustContain(t, `value="2797656"`, "Belgium · 262,219 inhabitants", `<option value="BE" selected>`)
	if q := m.last(t, "/api/v1/places").URL.Query(); q.Get("country") != "BE" {
		t.Errorf("the place search was not narrowed: %v", q)
	}
	p = b.get("/explore?place=2797656&place_q=Gent&place_shown=Gent&place_country=BE")
	p.mustContain(t, `id="place-title">Gent<`, "Belgium", "(BE)", "262,219")

	// In Dutch, with the language switcher keeping the choices.
	p = b.get("/lang/nl?next=" + url.QueryEscape("/explore?place=2797656&skill=barista-skills"))
	p.mustContain(t, "Vaardigheden, beroepen en plaatsen", "Baristavaardigheden", "262.219", "Praktische vaardigheid")
	if g.Contains("baristta") {
		t.Error("the gateway logged what the user typed")
	}
}
