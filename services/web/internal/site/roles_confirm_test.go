package site_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestFillingARoleAsksFirstAndCanBeUndoneForAWeek(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "open")
	e.setRole("r1", map[string]any{"next_statuses": []string{"paused", "filled", "closed"}})

	// "Mark filled" only asks: nothing changes yet.
	home := b.get("/home")
	home.mustContain(t, "Mark filled", `name="version" value="1"`)
	p := b.submit("/home", "/roles/r1/status", url.Values{"status": {"filled"}, "version": {"1"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusOK)
	p.mustContain(t, "Mark “Barista” as filled?", "you can no longer edit it", "you can reopen the role within 7 days",
		`name="confirm" value="1"`, `name="version" value="1"`, "Yes, mark it filled", `<a class="btn btn-secondary" href="/home">Cancel</a>`)
	if n := e.count(http.MethodPost, "/api/v1/roles/r1/status"); n != 0 {
		t.Fatalf("the role's status changed before the employer confirmed (%d calls)", n)
	}

	// Confirmed, it is filled and the home page offers to reopen it.
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"filled"}, "version": {"1"}, "confirm": {"1"}})
	p.mustBeAt(t, "/home", http.StatusOK)
	p.mustContain(t, "“Barista” is now filled.", "Reopen", "You can reopen it until ")
	if got := e.last(t, http.MethodPost, "/api/v1/roles/r1/status").Body; got["status"] != "filled" || got["version"] != float64(1) {
		t.Errorf("status change sent %v", got)
	}
	if strings.Contains(p.Body, "Mark filled") {
		t.Error("a filled role still offers to be marked filled")
	}

	// Reopening is one tap.
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"open"}, "version": {"2"}})
	p.mustContain(t, "“Barista” is now open.")

	// Closing from the role's own page comes back there on Cancel.
	p = b.submit("/roles/r1", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"3"}, "back": {"/roles/r1"}})
	p.mustContain(t, "Close “Barista”?", `href="/roles/r1">Cancel</a>`, "Yes, close the role")

	// In Dutch.
	b.lang = "nl"
	b.submit("/home", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"3"}}).
		mustContain(t, "„Barista” sluiten?", "binnen 7 dagen heropenen", "Annuleren")
}

func TestARoleChangedMeanwhileShowsTheConfirmationAgain(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "open")
	e.setRole("r1", map[string]any{"status": "paused", "version": 4, "next_statuses": []string{"open", "filled", "closed"}})

	p := b.submit("/home", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"1"}, "confirm": {"1"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.mustContain(t, "This role changed meanwhile: it is paused now.", "Close “Barista”?", `name="version" value="4"`)

	// A move the role no longer allows is explained with the ones it does.
	e.setRole("r1", map[string]any{"status": "draft", "version": 5, "next_statuses": []string{"open", "closed"}})
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}, "version": {"4"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.mustContain(t, "That change is no longer possible. From here the role can become: open, closed.")

	// Another employer's role is not found.
	b.submit("/home", "/roles/elsewhere/status", url.Values{"status": {"filled"}}).mustBeAt(t, "/roles/elsewhere/status", http.StatusNotFound)
}

func TestReopeningExplainsTheWindowAndAsksForANewClosingDate(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "closed")

	// After the 7 days: explained, with when the window ended.
	e.setRole("r1", map[string]any{"next_statuses": []string{}, "reopen_ended": "2026-12-01T09:30:00Z"})
	if strings.Contains(b.get("/home").Body, "Reopen") {
		t.Error("a final role offers to be reopened")
	}
	p := b.submit("/home", "/roles/r1/status", url.Values{"status": {"open"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.mustContain(t, "“Barista” can no longer be reopened", "The time to reopen it ended on 1 December 2026, 10:30.", `href="/roles/new"`)

	// Within the window, a passed closing date asks for a new one.
	until := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	e.setRole("r1", map[string]any{"status": "filled", "reopen_until": until, "next_statuses": []string{"open"}, "closing_date": "2026-01-10"})
	home := b.get("/home")
	home.mustContain(t, "Reopen", "You can reopen it until ")
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"open"}, "version": {"1"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusUnprocessableEntity)
	p.mustContain(t, "Choose a new closing date for “Barista”", `name="closing_date" type="date" value=""`, `name="with_closing_date" value="1"`)

	form := url.Values{"status": {"open"}, "version": {"1"}, "confirm": {"1"}, "with_closing_date": {"1"}, "closing_date": {"2025-03-01"}}
	p = b.submit("/home", "/roles/r1/status", form)
	p.mustBeAt(t, "/roles/r1/status", http.StatusUnprocessableEntity)
	p.mustContain(t, `value="2025-03-01"`, `href="#closing_date"`, "Choose a date from today on, or leave the field empty.")

	form.Set("closing_date", "2099-03-01")
	b.submit("/home", "/roles/r1/status", form).mustContain(t, "“Barista” is now open.")
	if got := e.last(t, http.MethodPost, "/api/v1/roles/r1/status").Body["closing_date"]; got != "2099-03-01" {
		t.Errorf("closing date sent = %v", got)
	}
}
