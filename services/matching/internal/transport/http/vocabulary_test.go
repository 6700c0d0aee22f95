package http

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/skills"
)

const issuer = "https://onward.test"

// api is the matching API on the real embedded vocabulary, with a verifier
// that trusts one test key.
type api struct {
	server *httpx.Server
	token  string
}

func newAPI(t *testing.T) *api {
	t.Helper()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "matching"}, Keys: auth.StaticKeys{"k1": pub}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	token, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"},
		auth.Principal{Subject: "u1", OrgID: "o1", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	s := httpx.NewServer(httpx.AppConfig{Service: "matching", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BodyLimit: 1 << 20})
	Register(s.App, Deps{Verifier: v, Taxonomy: skills.Default(), Places: geo.Default()})
	s.NotFoundLast()
	return &api{server: s, token: token}
}

type answer struct {
	status int
	header http.Header
	items  []map[string]any
	body   map[string]any
}

func (a *api) get(t *testing.T, path string, params url.Values) answer {
	t.Helper()
	req := httptest.NewRequest("GET", path+"?"+params.Encode(), nil)
	req.Header.Set("Authorization", "Bearer "+a.token)
	resp, err := a.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	out := answer{status: resp.StatusCode, header: resp.Header}
	_ = json.Unmarshal(raw, &out.body)
	if list, ok := out.body["items"].([]any); ok {
		for _, it := range list {
			out.items = append(out.items, it.(map[string]any))
		}
	}
	return out
}

func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func TestSkillSearchFirstHits(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	cases := []struct{ query, lang, want string }{
		{"barista", "en", "barista-skills"},
		{"Barista", "en", "barista-skills"},
		{"baristta", "en", "barista-skills"},
		{"koffie branden", "nl", "coffee-roasting"},
		{"koffiebranden", "nl", "coffee-roasting"},
		{"heftruck", "nl", "forklift-operation"},
		{"hygiène alimentaire", "fr", "food-hygiene"},
	}
	for _, tc := range cases {
		r := a.get(t, "/api/v1/skills", q("q", tc.query, "lang", tc.lang))
		if r.status != 200 || len(r.items) == 0 || r.items[0]["id"] != tc.want {
			t.Errorf("skills?q=%q&lang=%s: status %d, first %v; want %s", tc.query, tc.lang, r.status, first(r.items), tc.want)
			continue
		}
		if r.header.Get("Content-Language") != tc.lang || r.items[0]["label"] == "" || r.items[0]["parents"] == nil {
			t.Errorf("skills?q=%q: item %v, Content-Language %q", tc.query, r.items[0], r.header.Get("Content-Language"))
		}
	}
	nl := a.get(t, "/api/v1/skills", q("q", "koffie branden", "lang", "nl"))
	if nl.items[0]["label"] != "Koffie branden" {
		t.Errorf("Dutch label: %v", nl.items[0])
	}
}

func TestOccupationSearch(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	r := a.get(t, "/api/v1/occupations", q("q", "barista"))
	if r.status != 200 || len(r.items) == 0 || r.items[0]["id"] != "barista" {
		t.Fatalf("occupations?q=barista: %d %v", r.status, first(r.items))
	}
	ess, _ := r.items[0]["essential_skills"].([]any)
	if len(ess) == 0 {
		t.Fatalf("barista has no essential skills: %v", r.items[0])
	}
	req := ess[0].(map[string]any)
	if lvl, _ := req["min_level"].(float64); lvl < 1 || lvl > 4 || req["skill"] == "" || req["label"] == "" {
		t.Fatalf("requirement shape: %v", req)
	}
	one := a.get(t, "/api/v1/occupations/forklift-driver", q("lang", "nl"))
	if one.status != 200 || one.body["id"] != "forklift-driver" || one.body["label"] == "" {
		t.Fatalf("occupation by id: %d %v", one.status, one.body)
	}
	if got := a.get(t, "/api/v1/occupations", q("q", "vorkheftruckchauffeur", "lang", "nl")); len(got.items) == 0 {
		t.Log("no hit for a long Dutch compound; acceptable")
	}
}

func TestPlaceSearchFirstHits(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	byID := func(query, country string) string {
		r := a.get(t, "/api/v1/places", q("q", query, "country", country))
		if r.status != 200 || len(r.items) == 0 {
			t.Fatalf("places?q=%q: status %d, no items", query, r.status)
		}
		return r.items[0]["id"].(string) + " " + r.items[0]["country"].(string) + " " + r.items[0]["name"].(string)
	}
	kortrijk := byID("Kortrijk", "")
	if !strings.Contains(kortrijk, " BE Kortrijk") {
		t.Errorf("Kortrijk: %s", kortrijk)
	}
	if gent, ghent := byID("Gent", ""), byID("Ghent", ""); gent != ghent || !strings.Contains(gent, " BE ") {
		t.Errorf("Gent %q and Ghent %q must be the same Belgian city", gent, ghent)
	}
	if fr, nl := byID("Bruxelles", ""), byID("Brussel", ""); fr != nl || !strings.Contains(fr, " BE ") {
		t.Errorf("Bruxelles %q and Brussel %q must be the same Belgian city", fr, nl)
	}
	if hague := byID("Den Haag", ""); !strings.Contains(hague, " NL ") {
		t.Errorf("Den Haag: %s", hague)
	}
	if oslo := byID("Oslo", ""); !strings.Contains(oslo, " NO Oslo") {
		t.Errorf("Oslo: %s", oslo)
	}
	if nl := byID("Bergen", "NL"); !strings.Contains(nl, " NL ") {
		t.Errorf("Bergen in NL: %s", nl)
	}
	id := strings.Fields(kortrijk)[0]
	one := a.get(t, "/api/v1/places/"+id, nil)
	if one.status != 200 || one.body["name"] != "Kortrijk" || one.body["population"].(float64) < 50000 {
		t.Fatalf("place by id: %d %v", one.status, one.body)
	}
	lat, lon := one.body["lat"].(float64), one.body["lon"].(float64)
	if lat < 50.7 || lat > 50.9 || lon < 3.1 || lon > 3.4 {
		t.Fatalf("Kortrijk at %v,%v", lat, lon)
	}
}

func TestBadSearchInput(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	for name, params := range map[string]url.Values{
		"empty":         q("q", "  "),
		"missing":       q(),
		"over long":     q("q", strings.Repeat("a", 101)),
		"control chars": q("q", "bar\x01ista"),
		"bad limit":     q("q", "bar", "limit", "0"),
		"huge limit":    q("q", "bar", "limit", "5000"),
	} {
		for _, path := range []string{"/api/v1/skills", "/api/v1/occupations", "/api/v1/places"} {
			r := a.get(t, path, params)
			errsList, _ := r.body["errors"].([]any)
			if r.status != 400 || r.header.Get("Content-Type") != httpx.ProblemContentType || len(errsList) == 0 {
				t.Errorf("%s %s: status %d %v", name, path, r.status, r.body)
			}
		}
	}
	if r := a.get(t, "/api/v1/places", q("q", "Gent", "country", "XX")); r.status != 400 {
		t.Errorf("unknown country: %d", r.status)
	}
	if r := a.get(t, "/api/v1/skills", q("q", strings.Repeat("é", 100))); r.status != 200 {
		t.Errorf("100 accented characters must be accepted: %d", r.status)
	}
}

func TestLanguageFallbackAndNotFound(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	r := a.get(t, "/api/v1/skills", q("q", "barista", "lang", "es"))
	if r.status != 200 || r.header.Get("Content-Language") != "en" || !strings.Contains(r.header.Get(HeaderLanguageFallback), `requested="es"`) {
		t.Fatalf("fallback: %d %v", r.status, r.header)
	}
	if r := a.get(t, "/api/v1/skills", q("q", "barista", "lang", "nl-BE")); r.header.Get("Content-Language") != "nl" || r.header.Get(HeaderLanguageFallback) != "" {
		t.Fatalf("nl-BE must answer in Dutch without a fallback: %v", r.header)
	}
	for _, path := range []string{"/api/v1/skills/no-such-skill", "/api/v1/occupations/no-such-job", "/api/v1/places/0"} {
		if r := a.get(t, path, nil); r.status != 404 {
			t.Errorf("%s: %d, want 404", path, r.status)
		}
	}
	req := httptest.NewRequest("GET", "/api/v1/skills?q=barista", nil)
	resp, _ := a.server.App.Test(req, -1)
	if resp.StatusCode != 401 {
		t.Fatalf("no token: %d, want 401", resp.StatusCode)
	}
}

func TestSkillByID(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	r := a.get(t, "/api/v1/skills/coffee-roasting", q("lang", "de"))
	labels, _ := r.body["labels"].(map[string]any)
	if r.status != 200 || r.body["label"] != labels["de"] || len(labels) != 4 {
		t.Fatalf("skill by id: %d %v", r.status, r.body)
	}
}

func first(items []map[string]any) any {
	if len(items) == 0 {
		return nil
	}
	return items[0]
}
