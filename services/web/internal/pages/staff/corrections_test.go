package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// correctionsCandidate is a candidate with a programme record, a
// certificate and two signed attestations, at version 4.
func correctionsCandidate(k *fake.Candidates) {
	k.AddProgramme("p1", "Coffee roastery — Kortrijk house")
	k.AddCandidate("c1", map[string]any{"version": 4,
		"programme_records": []any{map[string]any{"id": "r1", "programme": "p1", "from": "2026-01-05", "to": "2026-06-30", "hours": 600}},
		"certificates":      []any{map[string]any{"id": "x1", "name": "Food hygiene", "issuer": "FAVV", "date": "2026-09-15"}},
		"skills":            []any{fake.RevokableAttestation("a1", "anyone"), fake.RevokableAttestation("a2", "someone-else")},
		"attestations":      []any{fake.RevokableAttestation("a1", "anyone"), fake.RevokableAttestation("a2", "someone-else")},
	})
}

// TestCorrectingAndRemovingProgrammeHoursAndCertificates: the candidate
// page offers to correct and remove each record and certificate; the
// forms carry the candidate's version, keep input on a refusal, show
// what is stored when someone changed the candidate meanwhile, and
// removal asks first.
func TestCorrectingAndRemovingProgrammeHoursAndCertificates(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	correctionsCandidate(k)
	coach := webtest.ProgrammeAdmin(t, g)

	coach.Get("/candidates/c1").MustContain(t, `href="/candidates/c1/records/r1/edit"`, `href="/candidates/c1/records/r1/remove"`,
		`href="/candidates/c1/certificates/x1/edit"`, `href="/candidates/c1/certificates/x1/remove"`)

	form := coach.Get("/candidates/c1/records/r1/edit")
	form.MustBeAt(t, "/candidates/c1/records/r1/edit", http.StatusOK)
	form.MustContain(t, "Correct programme hours", `name="version" value="4"`, `value="600"`, `value="2026-06-30"`, `<option value="p1" selected>`)

	edit := url.Values{"version": {"4"}, "rec_programme": {"p1"}, "rec_from": {"2026-01-05"}, "rec_to": {""}, "rec_hours": {"99999"}}
	refused := coach.Submit("/candidates/c1/records/r1/edit", "/candidates/c1/records/r1/edit", edit)
	refused.MustBeAt(t, "/candidates/c1/records/r1/edit", http.StatusUnprocessableEntity)
	refused.MustContain(t, "Enter the hours, from 1 to 10,000.", `value="99999"`, `name="version" value="4"`)

	edit.Set("rec_hours", "640")
	saved := coach.Submit("/candidates/c1/records/r1/edit", "/candidates/c1/records/r1/edit", edit)
	saved.MustBeAt(t, "/candidates/c1", http.StatusOK)
	saved.MustContain(t, "The programme hours are corrected.", "640 hours")
	body := k.Last(t, http.MethodPut, "/api/v1/candidates/c1/programme-records/r1").Body
	if body["version"] != float64(4) || body["hours"] != float64(640) || body["programme"] != "p1" || body["to"] != nil {
		t.Errorf("PUT body = %v", body)
	}

	// The candidate is at version 5 now: the old form's version is stale.
	edit.Set("rec_hours", "700")
	stale := coach.Submit("/candidates/c1/records/r1/edit", "/candidates/c1/records/r1/edit", edit)
	stale.MustBeAt(t, "/candidates/c1/records/r1/edit", http.StatusConflict)
	stale.MustContain(t, "Someone changed this candidate meanwhile.", `name="version" value="5"`, `value="640"`)

	// A certificate: corrected, then removed after the confirmation.
	cert := url.Values{"version": {"5"}, "cert_name": {"Food hygiene level 2"}, "cert_issuer": {"FAVV"}, "cert_date": {"2026-09-15"}}
	coach.Submit("/candidates/c1/certificates/x1/edit", "/candidates/c1/certificates/x1/edit", cert).
		MustContain(t, "The certificate is corrected.", "Food hygiene level 2")
	confirm := coach.Get("/candidates/c1/certificates/x1/remove")
	confirm.MustBeAt(t, "/candidates/c1/certificates/x1/remove", http.StatusOK)
	confirm.MustContain(t, "Remove this certificate?", "Food hygiene level 2", "Yes, remove this certificate", `name="version" value="6"`)
	if n := len(k.Requests(http.MethodDelete, "/api/v1/candidates/c1/certificates/x1")); n != 0 {
		t.Fatal("showing the confirmation removed the certificate")
	}
	staleRemove := coach.Submit("/candidates/c1/certificates/x1/remove", "/candidates/c1/certificates/x1/remove", url.Values{"version": {"5"}})
	staleRemove.MustBeAt(t, "/candidates/c1/certificates/x1/remove", http.StatusConflict)
	staleRemove.MustContain(t, "Someone changed this candidate meanwhile.", `name="version" value="6"`)
	removed := coach.Submit("/candidates/c1/certificates/x1/remove", "/candidates/c1/certificates/x1/remove", url.Values{"version": {"6"}})
	removed.MustBeAt(t, "/candidates/c1", http.StatusOK)
	removed.MustContain(t, "The certificate is removed.", "No certificates yet")
	if q := k.Last(t, http.MethodDelete, "/api/v1/candidates/c1/certificates/x1").Query.Get("version"); q != "6" {
		t.Errorf("DELETE version = %q", q)
	}

	// Removed entries and other organisations' candidates are not found.
	coach.Get("/candidates/c1/certificates/x1/edit").MustBeAt(t, "/candidates/c1/certificates/x1/edit", http.StatusNotFound)
	coach.Get("/candidates/zz/records/r1/remove").MustBeAt(t, "/candidates/zz/records/r1/remove", http.StatusNotFound)
}

// TestRevokingAnAttestation: the reason is a radio choice, the note's
// hint warns off personal data, the confirmation must be ticked, the
// service's refusals come back at their fields, and a revoked
// attestation shows as revoked on the candidate page and the verify page.
func TestRevokingAnAttestation(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	correctionsCandidate(k)
	coach := webtest.ProgrammeAdmin(t, g)

	coach.Get("/candidates/c1").MustContain(t, `href="/candidates/c1/attestations/a1/revoke"`)
	form := coach.Get("/candidates/c1/attestations/a1/revoke")
	form.MustBeAt(t, "/candidates/c1/attestations/a1/revoke", http.StatusOK)
	form.MustContain(t, "Revoke an attestation", `type="radio" name="reason" value="wrong_skill_or_level"`, "Wrong skill or level",
		"never about the person, their history or any offence", "The skill stops counting for matching at once",
		"Employers who verify this attestation see that it was revoked", `maxlength="280"`, `name="version" value="4"`)

	missing := coach.Submit("/candidates/c1/attestations/a1/revoke", "/candidates/c1/attestations/a1/revoke", url.Values{"version": {"4"}, "note": {"typed"}})
	missing.MustBeAt(t, "/candidates/c1/attestations/a1/revoke", http.StatusUnprocessableEntity)
	missing.MustContain(t, "Choose why the attestation is revoked.", "Tick this to confirm", ">typed</textarea>")

	other := coach.Submit("/candidates/c1/attestations/a1/revoke", "/candidates/c1/attestations/a1/revoke",
		url.Values{"version": {"4"}, "reason": {"other"}, "confirm": {"1"}})
	other.MustBeAt(t, "/candidates/c1/attestations/a1/revoke", http.StatusUnprocessableEntity)
	other.MustContain(t, "“Another reason” needs one.", `value="other" checked`)

	k.SetVersion("c1", 5)
	stale := coach.Submit("/candidates/c1/attestations/a1/revoke", "/candidates/c1/attestations/a1/revoke",
		url.Values{"version": {"4"}, "reason": {"wrong_skill_or_level"}, "note": {"Level 3 was meant for the garden."}, "confirm": {"1"}})
	stale.MustBeAt(t, "/candidates/c1/attestations/a1/revoke", http.StatusConflict)
	stale.MustContain(t, "Someone changed this candidate meanwhile.", `name="version" value="5"`, `value="wrong_skill_or_level" checked`,
		">Level 3 was meant for the garden.</textarea>")

	done := coach.Submit("/candidates/c1/attestations/a1/revoke", "/candidates/c1/attestations/a1/revoke",
		url.Values{"version": {"5"}, "reason": {"wrong_skill_or_level"}, "note": {"Level 3 was meant for the garden."}, "confirm": {"1"}})
	done.MustBeAt(t, "/candidates/c1", http.StatusOK)
	done.MustContain(t, "The attestation is revoked.", "Revoked attestations", "Revoked on 2026-12-06", "Reason: Wrong skill or level.",
		"Note: Level 3 was meant for the garden.")
	body := k.Last(t, http.MethodPost, "/api/v1/attestations/a1/revocation").Body
	if body["version"] != float64(5) || body["reason"] != "wrong_skill_or_level" || body["note"] != "Level 3 was meant for the garden." {
		t.Errorf("revocation body = %v", body)
	}
	coach.Get("/attestations/a1").MustContain(t, "This attestation was revoked", "It no longer vouches for this skill",
		"Revoked on 2026-12-06", "Reason: Wrong skill or level.")
	coach.Get("/candidates/c1/attestations/a1/revoke").MustContain(t, "Revoked on 2026-12-06")

	// A member who did not sign a2 is refused by the service; the page says why.
	member := webtest.ProgrammeMember(t, g, coach)
	if p := member.Get("/candidates/c1"); p.Status != http.StatusOK || strings.Contains(p.Body, "/attestations/a2/revoke") {
		t.Errorf("a member is offered to revoke someone else's attestation (status %d)", p.Status)
	}
	refused := member.Submit("/candidates/c1/attestations/a2/revoke", "/candidates/c1/attestations/a2/revoke",
		url.Values{"version": {"6"}, "reason": {"entered_in_error"}, "confirm": {"1"}})
	refused.MustBeAt(t, "/candidates/c1/attestations/a2/revoke", http.StatusForbidden)
	refused.MustContain(t, "Only the supervisor who signed this attestation or your organisation's administrator may revoke it.")
}

// TestEditingAProgramme: the form is filled from the programme with its
// version, needs a supervisor, explains a refusal and a stale version.
func TestEditingAProgramme(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	k.AddProgramme("p1", "Coffee roastery — Kortrijk house")
	coach := webtest.ProgrammeAdmin(t, g)

	coach.Get("/programmes/p1").MustContain(t, `href="/programmes/p1/edit"`)
	form := coach.Get("/programmes/p1/edit")
	form.MustBeAt(t, "/programmes/p1/edit", http.StatusOK)
	form.MustContain(t, "Edit the programme", `value="Coffee roastery — Kortrijk house"`, `name="version" value="1"`, "Save the correction")

	fields := url.Values{"action": {"save"}, "version": {"1"}, "name": {"Coffee roastery — Vorst house"}, "kind": {"coffee_roastery"},
		"site": {"2797656"}, "site_q": {"Gent"}, "site_shown": {"Gent"}}
	none := coach.Submit("/programmes/p1/edit", "/programmes/p1/edit", fields)
	none.MustBeAt(t, "/programmes/p1/edit", http.StatusUnprocessableEntity)
	none.MustContain(t, `value="Coffee roastery — Vorst house"`)
	none.MustMatch(t, `id="supervisors-error"`)

	fields["supervisors"] = []string{"u-lien", "u-sam"}
	saved := coach.Submit("/programmes/p1/edit", "/programmes/p1/edit", fields)
	saved.MustBeAt(t, "/programmes/p1", http.StatusOK)
	saved.MustContain(t, "The programme is saved.", "Coffee roastery — Vorst house")
	body := k.Last(t, http.MethodPut, "/api/v1/programmes/p1").Body
	if body["version"] != float64(1) || len(body["supervisors"].([]any)) != 2 {
		t.Errorf("PUT body = %v", body)
	}

	stale := coach.Submit("/programmes/p1/edit", "/programmes/p1/edit", fields)
	stale.MustBeAt(t, "/programmes/p1/edit", http.StatusConflict)
	stale.MustContain(t, "Someone changed this programme meanwhile.", `name="version" value="2"`)

	fields.Set("version", "2")
	fields.Set("name", "Refused")
	refused := coach.Submit("/programmes/p1/edit", "/programmes/p1/edit", fields)
	refused.MustBeAt(t, "/programmes/p1/edit", http.StatusForbidden)
	refused.MustContain(t, "Only this programme's supervisors or your organisation's administrator may change it.", `value="Refused"`)
}

// TestConsentTextComesFromTheAPIInTheReadersLanguage: both consent pages
// show the service's current text with the alias filled in, in Dutch for
// a Dutch reader and in English, said so, for a French one; consent on an
// older text is named on the candidate page with a way to the current one.
func TestConsentTextComesFromTheAPIInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	k.AddCandidate("c1", map[string]any{"alias": "K7Q2",
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "text_current": false, "recorded_at": "2026-11-02T09:30:00Z"}})
	k.AddCandidate("c2", map[string]any{"alias": "M3P8"})
	coach := webtest.ProgrammeAdmin(t, g)

	coach.Get("/candidates/c1").MustContain(t, "This consent was given on an earlier consent text (version 2026-11).",
		`href="/candidates/c1/consent"`, "Go through the current text")
	page := coach.Get("/candidates/c1/consent")
	page.MustContain(t, "version 2026-11); the current text is version 2026-12.", "under the alias K7Q2.",
		"The text they agreed to (version 2026-11)", "Employers see your alias K7Q2 and your skills (the 2026-11 text).",
		`name="text_version" value="2026-12"`)

	coach.Lang = "nl"
	coach.Get("/candidates/c2/register/consent").MustContain(t, "onder de schuilnaam M3P8.", "Versie 2026-12 van de toestemmingstekst.")
	coach.Lang = "fr"
	fr := coach.Get("/candidates/c2/register/consent")
	fr.MustContain(t, "Ce texte n'est pas encore publié dans votre langue ; il est affiché dans cette langue : English.",
		"under the alias M3P8.", `lang="en"`)
}

// TestAuditTrailNamesChangesInWords: change names and the corrections'
// actions are translated; a change name the page does not know is shown
// as it is.
func TestAuditTrailNamesChangesInWords(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	k.AddCandidate("c1", nil)
	coach := webtest.ProgrammeAdmin(t, g)
	p := coach.Get("/candidates/c1/audit")
	p.MustBeAt(t, "/candidates/c1/audit", http.StatusOK)
	p.MustContain(t, "Revoked an attestation<small>revoked attestation</small>", "Removed<small>certificate</small>",
		"Changed<small>identity, day release, programme hours</small>", "<small>shoe_size</small>")
	coach.Lang = "de"
	coach.Get("/candidates/c1/audit").MustContain(t, "Geändert<small>Identität, Freigang, Programmstunden</small>")
}
