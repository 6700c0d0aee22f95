package employer_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestFillingARoleAsksFirstAndCanBeUndoneForAWeek(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.SetRole("r1", map[string]any{"next_statuses": []string{"paused", "filled", "closed"}})

	// "Mark filled" only asks: nothing changes yet.
	home := b.Get("/home")
	home.MustContain(t, "Mark filled", `name="version" value="1"`)
	p := b.Submit("/home", "/roles/r1/status", url.Values{"status": {"filled"}, "version": {"1"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusOK)
	p.MustContain(t, "Mark “Barista” as filled?", "you can no longer edit it", "you can reopen the role within 7 days",
		`name="confirm" value="1"`, `name="version" value="1"`, "Yes, mark it filled", `<a class="btn btn-secondary" href="/home">Cancel</a>`)
	if n := e.Count(http.MethodPost, "/api/v1/roles/r1/status"); n != 0 {
		t.Fatalf("the role's status changed before the employer confirmed (%d calls)", n)
	}

	// Confirmed, it is filled and the home page offers to reopen it.
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"filled"}, "version": {"1"}, "confirm": {"1"}})
	p.MustBeAt(t, "/home", http.StatusOK)
	p.MustContain(t, "“Barista” is now filled.", "Reopen", "You can reopen it until ")
	if got := e.Last(t, http.MethodPost, "/api/v1/roles/r1/status").Body; got["status"] != "filled" || got["version"] != float64(1) {
		t.Errorf("status change sent %v", got)
	}
	if strings.Contains(p.Body, "Mark filled") {
		t.Error("a filled role still offers to be marked filled")
	}

	// Reopening is one tap.
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"open"}, "version": {"2"}})
	p.MustContain(t, "“Barista” is now open.")

	// Closing from the role's own page comes back there on Cancel.
	p = b.Submit("/roles/r1", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"3"}, "back": {"/roles/r1"}})
	p.MustContain(t, "Close “Barista”?", `href="/roles/r1">Cancel</a>`, "Yes, close the role")

	// In Dutch.
	b.Lang = "nl"
	b.Submit("/home", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"3"}}).
		MustContain(t, "„Barista” sluiten?", "binnen 7 dagen heropenen", "Annuleren")
}

func TestARoleChangedMeanwhileShowsTheConfirmationAgain(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.SetRole("r1", map[string]any{"status": "paused", "version": 4, "next_statuses": []string{"open", "filled", "closed"}})

	p := b.Submit("/home", "/roles/r1/status", url.Values{"status": {"closed"}, "version": {"1"}, "confirm": {"1"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.MustContain(t, "This role changed meanwhile: it is paused now.", "Close “Barista”?", `name="version" value="4"`)

	// A move the role no longer allows is explained with the ones it does.
	e.SetRole("r1", map[string]any{"status": "draft", "version": 5, "next_statuses": []string{"open", "closed"}})
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}, "version": {"4"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.MustContain(t, "That change is no longer possible. From here the role can become: open, closed.")

	// Another employer's role is not found.
	b.Submit("/home", "/roles/elsewhere/status", url.Values{"status": {"filled"}}).MustBeAt(t, "/roles/elsewhere/status", http.StatusNotFound)
}

func TestReopeningExplainsTheWindowAndAsksForANewClosingDate(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "closed")

	// After the 7 days: explained, with when the window ended.
	e.SetRole("r1", map[string]any{"next_statuses": []string{}, "reopen_ended": "2026-12-01T09:30:00Z"})
	if strings.Contains(b.Get("/home").Body, "Reopen") {
		t.Error("a final role offers to be reopened")
	}
	p := b.Submit("/home", "/roles/r1/status", url.Values{"status": {"open"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.MustContain(t, "“Barista” can no longer be reopened", "The time to reopen it ended on 1 December 2026, 10:30.", `href="/roles/new"`)

	// Within the window, a passed closing date asks for a new one.
	until := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	e.SetRole("r1", map[string]any{"status": "filled", "reopen_until": until, "next_statuses": []string{"open"}, "closing_date": "2026-01-10"})
	home := b.Get("/home")
	home.MustContain(t, "Reopen", "You can reopen it until ")
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"open"}, "version": {"1"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusUnprocessableEntity)
	p.MustContain(t, "Choose a new closing date for “Barista”", `name="closing_date" type="date" value=""`, `name="with_closing_date" value="1"`)

	form := url.Values{"status": {"open"}, "version": {"1"}, "confirm": {"1"}, "with_closing_date": {"1"}, "closing_date": {"2025-03-01"}}
	p = b.Submit("/home", "/roles/r1/status", form)
	p.MustBeAt(t, "/roles/r1/status", http.StatusUnprocessableEntity)
	p.MustContain(t, `value="2025-03-01"`, `href="#closing_date"`, "Choose a date from today on, or leave the field empty.")

	form.Set("closing_date", "2099-03-01")
	b.Submit("/home", "/roles/r1/status", form).MustContain(t, "“Barista” is now open.")
	if got := e.Last(t, http.MethodPost, "/api/v1/roles/r1/status").Body["closing_date"]; got != "2099-03-01" {
		t.Errorf("closing date sent = %v", got)
	}
}
