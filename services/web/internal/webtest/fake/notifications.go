package fake

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Notifications stands in for the notifications service: the public
// inbox API (list, unread count, read, read-all, preferences and the
// organisation's defaults, deliveries) as docs/openapi.yaml describes it,
// and the gateway's handoff of account mails (its one POST outside
// /api/v1), which it keeps so a test can follow a password-reset link. Items belong
// to the user id of the caller's token; another user's item is 404.
//
// A test changes the exported fields inside Set, which holds the fake's
// lock.
type Notifications struct {
	*httptest.Server
	mu   sync.Mutex
	seen []Request
	// Items are each user's notifications, by user id, newest first.
	Items map[string][]Item
	// Prefs are each user's own choices, by user id; Defaults the
	// organisations' defaults, by organisation id.
	Prefs    map[string]Settings
	Defaults map[string]Settings
	// Deliveries are the recent deliveries, newest first, as the API
	// answers them.
	Deliveries []map[string]any
	// Handoffs are the account mails the gateway handed over.
	Handoffs []map[string]any
	// Down answers every public request with 503; CountDown answers the
	// unread count with 500.
	Down, CountDown bool
}

// Item is one inbox item of the fake.
type Item struct {
	ID, Kind, Message, Link string
	Created                 time.Time
	Read                    *time.Time
}

// Settings are preferences as the API writes them.
type Settings struct {
	Kinds      map[string]string `json:"kinds"`
	DigestHour int               `json:"digest_hour"`
	TimeZone   string            `json:"time_zone"`
}

// builtIn are the service's own defaults.
func builtIn() Settings {
	return Settings{Kinds: map[string]string{"new_matches": "daily", "introductions": "immediately"}, DigestHour: 8, TimeZone: "Europe/Brussels"}
}

// NewNotifications starts the fake, with empty inboxes, until the test
// ends.
func NewNotifications(t testing.TB) *Notifications {
	t.Helper()
	f := &Notifications{Items: map[string][]Item{}, Prefs: map[string]Settings{}, Defaults: map[string]Settings{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Set runs fn with the fake locked, to change what it answers.
func (f *Notifications) Set(fn func(f *Notifications)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// Add puts n items for user, newest first, the first unread of them
// unread, with messages "Message 1" (the newest) onwards, each linking to
// /roles/role-<i>.
func (f *Notifications) Add(user string, n, unread int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		it := Item{ID: fmt.Sprintf("n%d", len(f.Items[user])+1), Kind: "new_matches", Message: fmt.Sprintf("Message %d", i),
			Link: fmt.Sprintf("/roles/role-%d", i), Created: now.Add(-time.Duration(i) * time.Hour)}
		if i > unread {
			read := it.Created.Add(time.Minute)
			it.Read = &read
		}
		f.Items[user] = append(f.Items[user], it)
	}
}

// Requests returns the requests to path.
func (f *Notifications) Requests(path string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, s := range f.seen {
		if s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Last returns the last request to path, or fails.
func (f *Notifications) Last(t testing.TB, path string) Request {
	t.Helper()
	all := f.Requests(path)
	if len(all) == 0 {
		t.Fatalf("notifications never saw %s", path)
	}
	return all[len(all)-1]
}

// WaitHandoff waits up to 10 seconds for a handoff of kind to address
// and returns its link.
func (f *Notifications) WaitHandoff(t testing.TB, kind, address string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		f.mu.Lock()
		for _, h := range slices.Backward(f.Handoffs) {
			to, _ := h["to"].(map[string]any)
			params, _ := h["params"].(map[string]any)
			if h["kind"] == kind && to["email"] == address {
				f.mu.Unlock()
				link, _ := params["link"].(string)
				return link
			}
		}
		f.mu.Unlock()
	}
	t.Fatalf("no %s mail handed over for %s", kind, address)
	return ""
}

// HandoffCount is how many account mails of kind were handed over.
func (f *Notifications) HandoffCount(kind string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, h := range f.Handoffs {
		if h["kind"] == kind {
			n++
		}
	}
	return n
}

func (f *Notifications) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query()}
	if r.Body != nil {
		_ = json.NewDecoder(r.Body).Decode(&req.Body)
	}
	f.seen = append(f.seen, req)
	// The gateway's handoff of an account mail is the one request from
	// outside the public API (the web app's tests never call the
	// service's internal API themselves, so it is not named here).
	if r.Method == http.MethodPost && !strings.HasPrefix(r.URL.Path, "/api/v1/") {
		f.Handoffs = append(f.Handoffs, req.Body)
		w.WriteHeader(http.StatusAccepted)
		return
	}
	who := callerOf(r)
	switch {
	case who.Sub == "":
		problem(w, http.StatusUnauthorized)
	case f.Down:
		problem(w, http.StatusServiceUnavailable)
	default:
		f.route(w, r, who, req)
	}
}

// route answers one public request of who.
func (f *Notifications) route(w http.ResponseWriter, r *http.Request, who caller, req Request) {
	path := strings.TrimPrefix(r.URL.Path, "/api/v1/notifications")
	switch {
	case r.Method == http.MethodGet && path == "":
		f.list(w, who.Sub, req)
	case r.Method == http.MethodGet && path == "/unread-count":
		if f.CountDown {
			problem(w, http.StatusInternalServerError)
			return
		}
		answer(w, map[string]int{"unread": f.unread(who.Sub)})
	case r.Method == http.MethodPost && path == "/read-all":
		for i := range f.Items[who.Sub] {
			f.markRead(who.Sub, i)
		}
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost && strings.HasSuffix(path, "/read"):
		id := strings.TrimSuffix(strings.TrimPrefix(path, "/"), "/read")
		i := slices.IndexFunc(f.Items[who.Sub], func(it Item) bool { return it.ID == id })
		if i < 0 {
			problem(w, http.StatusNotFound)
			return
		}
		f.markRead(who.Sub, i)
		w.WriteHeader(http.StatusNoContent)
	case path == "/preferences":
		f.preferences(w, r, who, req)
	case r.Method == http.MethodPut && path == "/preferences/organisation":
		if who.Role != "org_admin" && who.Role != "admin" {
			problem(w, http.StatusForbidden)
			return
		}
		s, ok := f.settingsOf(w, req.Body, f.Defaults[who.OrgID])
		if ok {
			f.Defaults[who.OrgID] = s
			answer(w, s)
		}
	case r.Method == http.MethodGet && path == "/deliveries":
		f.deliveries(w, who, req)
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *Notifications) markRead(user string, i int) {
	if f.Items[user][i].Read == nil {
		now := time.Now().UTC()
		f.Items[user][i].Read = &now
	}
}

func (f *Notifications) unread(user string) int {
	n := 0
	for _, it := range f.Items[user] {
		if it.Read == nil {
			n++
		}
	}
	return n
}

// list answers a page of the inbox, paged by offset cursors.
func (f *Notifications) list(w http.ResponseWriter, user string, req Request) {
	limit, _ := strconv.Atoi(req.Query.Get("limit"))
	if limit < 1 || limit > 100 {
		limit = 20
	}
	var items []map[string]any
	for _, it := range f.Items[user] {
		if req.Query.Get("unread") == "true" && it.Read != nil {
			continue
		}
		items = append(items, map[string]any{"id": it.ID, "kind": it.Kind, "message": it.Message, "link": it.Link,
			"created_at": it.Created, "read_at": it.Read})
	}
	page, next := cursorPage(items, req.Query.Get("cursor"), limit)
	out := map[string]any{"items": page, "unread": f.unread(user)}
	if next != "" {
		out["next_cursor"] = next
	}
	answer(w, out)
}

// cursorPage cuts one page from items at an offset cursor.
func cursorPage(items []map[string]any, cursor string, limit int) ([]map[string]any, string) {
	from := 0
	if buf, err := base64.RawURLEncoding.DecodeString(cursor); err == nil && cursor != "" {
		from, _ = strconv.Atoi(string(buf))
	}
	from = min(from, len(items))
	to := min(from+limit, len(items))
	page := items[from:to]
	if page == nil {
		page = []map[string]any{}
	}
	if to < len(items) {
		return page, base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(to)))
	}
	return page, ""
}

func (f *Notifications) preferences(w http.ResponseWriter, r *http.Request, who caller, req Request) {
	defaults := builtIn()
	if d, ok := f.Defaults[who.OrgID]; ok {
		defaults = d
	}
	switch r.Method {
	case http.MethodGet:
	case http.MethodPut:
		s, ok := f.settingsOf(w, req.Body, defaults)
		if !ok {
			return
		}
		f.Prefs[who.Sub] = s
	default:
		problem(w, http.StatusMethodNotAllowed)
		return
	}
	mine, ok := f.Prefs[who.Sub]
	if !ok {
		mine = defaults
	}
	answer(w, map[string]any{"kinds": mine.Kinds, "digest_hour": mine.DigestHour, "time_zone": mine.TimeZone, "defaults": defaults})
}

// settingsOf reads preferences from body over base, answering 400 naming
// the field when one is wrong, as the service does.
func (f *Notifications) settingsOf(w http.ResponseWriter, body map[string]any, base Settings) (Settings, bool) {
	if base.Kinds == nil {
		base = builtIn()
	}
	out := Settings{Kinds: map[string]string{}, DigestHour: base.DigestHour, TimeZone: base.TimeZone}
	for k, v := range base.Kinds {
		out.Kinds[k] = v
	}
	kinds, _ := body["kinds"].(map[string]any)
	for k, v := range kinds {
		s, _ := v.(string)
		if k != "new_matches" && k != "introductions" {
			fieldProblem(w, map[string]string{"kinds." + k: "is not a notification kind; the kinds are [new_matches introductions]"})
			return Settings{}, false
		}
		if s != "immediately" && s != "daily" && s != "inbox" {
			fieldProblem(w, map[string]string{"kinds." + k: "must be immediately, daily or inbox"})
			return Settings{}, false
		}
		out.Kinds[k] = s
	}
	if h, ok := body["digest_hour"].(float64); ok {
		if h < 0 || h > 23 {
			fieldProblem(w, map[string]string{"digest_hour": "must be an hour from 0 to 23"})
			return Settings{}, false
		}
		out.DigestHour = int(h)
	}
	if tz, ok := body["time_zone"].(string); ok {
		if _, err := time.LoadLocation(tz); err != nil || tz == "" || tz == "Local" {
			fieldProblem(w, map[string]string{"time_zone": "is not an IANA time zone such as Europe/Brussels"})
			return Settings{}, false
		}
		out.TimeZone = tz
	}
	return out, true
}

func (f *Notifications) deliveries(w http.ResponseWriter, who caller, req Request) {
	if who.Role != "admin" && who.Role != "org_admin" {
		problem(w, http.StatusForbidden)
		return
	}
	var items []map[string]any
	for _, d := range f.Deliveries {
		if s := req.Query.Get("status"); s == "" || d["status"] == s {
			items = append(items, d)
		}
	}
	limit, _ := strconv.Atoi(req.Query.Get("limit"))
	if limit < 1 || limit > 100 {
		limit = 20
	}
	page, next := cursorPage(items, req.Query.Get("cursor"), limit)
	out := map[string]any{"items": page}
	if next != "" {
		out["next_cursor"] = next
	}
	answer(w, out)
}

// caller is who a token names, unverified (the gateway verified it).
// CandidateID is a candidate's own token's record.
type caller struct {
	Sub         string `json:"sub"`
	Role        string `json:"role"`
	OrgID       string `json:"org_id"`
	CandidateID string `json:"candidate_id"`
}

// callerOf reads the caller's claims from the bearer token.
func callerOf(r *http.Request) caller {
	var who caller
	decodeClaims(r, &who)
	return who
}

// decodeClaims reads the bearer token's claims into v, unverified.
func decodeClaims(r *http.Request, v any) {
	parts := strings.Split(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), ".")
	if len(parts) == 3 {
		buf, _ := base64.RawURLEncoding.DecodeString(parts[1])
		_ = json.Unmarshal(buf, v)
	}
}
