package staff_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestStaffSeeTheEmployersNameWithoutAProfile: an employer that has not
// written its profile yet is named by the organisation's name the request
// carries, on the request, the list, the confirmation, the candidate's
// disclosures and their withdrawal, and the page says plainly that there
// is no profile yet rather than that it cannot be shown.
func TestStaffSeeTheEmployersNameWithoutAProfile(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	s.pl.Set(func(f *fake.Placements) { f.EmployerNames["e9"] = "Garage Zuid" })
	id := s.pl.AddIntroduction("r1", "e9", "c1", s.org, nil)
	path := "/introductions/" + id

	page := s.coach.Get(path)
	page.MustBeAt(t, path, http.StatusOK)
	page.MustContain(t, "Garage Zuid", "This employer has not written its profile yet")
	page.MustNotContain(t, "cannot be shown just now")
	s.coach.Get("/introductions").MustContain(t, "Garage Zuid")

	form := url.Values{"answer": {"accept"}, "disclose": {"phone"}, "contact": {"direct"}, "consent": {"1"}, "consent_text_version": {"2026-12"}}
	confirm := s.coach.Submit(path, path+"/answer", form)
	confirm.MustBeAt(t, path+"/answer", http.StatusOK)
	confirm.MustContain(t, "Garage Zuid will see this, for the role Barista:", "Yes, share this with Garage Zuid")
	confirm.MustNotContain(t, "The employer will see")

	form.Set("confirmed", "1")
	s.coach.Submit(path, path+"/answer", form).MustContain(t, "Garage Zuid can see:")
	s.coach.Get("/candidates/c1").MustContain(t, "Shared with employers", "Garage Zuid")
	withdraw := s.coach.Get("/candidates/c1/disclosures/d1/withdraw")
	withdraw.MustBeAt(t, "/candidates/c1/disclosures/d1/withdraw", http.StatusOK)
	withdraw.MustContain(t, "After this, Garage Zuid can no longer see")

	s.coach.Lang = "nl"
	s.coach.Get(path).MustContain(t, "Garage Zuid")
	s.pl.Set(func(f *fake.Placements) { f.EmployerNames["e8"] = "Bakkerij Oost" })
	s.coach.Get("/introductions/"+s.pl.AddIntroduction("r1", "e8", "c1", s.org, nil)).MustContain(t,
		"Bakkerij Oost", "Deze werkgever heeft zijn profiel nog niet ingevuld")
}

// TestStaffConfirmTheNameTheEmployerGets: the answer form, the
// confirmation and "what was shared" show the name exactly as the
// disclosure gives it: given and family name, and the preferred name.
func TestStaffConfirmTheNameTheEmployerGets(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	s.k.AddCandidate("c2", map[string]any{"given_name": "Sieglinde", "family_name": "Vermeulen", "preferred_name": "Quiri",
		"consent": map[string]any{"matching": true}})
	id := s.pl.AddIntroduction("r1", "e1", "c2", s.org, nil)
	path := "/introductions/" + id
	const full = "Sieglinde Vermeulen (goes by Quiri)"

	s.coach.Get(path).MustContain(t, full)
	form := url.Values{"answer": {"accept"}, "contact": {"through_staff"}, "consent": {"1"}, "consent_text_version": {"2026-12"}}
	confirm := s.coach.Submit(path, path+"/answer", form)
	confirm.MustBeAt(t, path+"/answer", http.StatusOK)
	confirm.MustContain(t, full)
	form.Set("confirmed", "1")
	done := s.coach.Submit(path, path+"/answer", form)
	done.MustContain(t, "What was shared", full)
}

// TestAFreshRequestHasItsFourteenDays: a request made a moment ago reads
// 14 days left, not 13.
func TestAFreshRequestHasItsFourteenDays(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	s.coach.Get("/introductions/"+id).MustContain(t, "14 days left.")
	s.coach.Get("/introductions").MustContain(t, "14 days left.")
	s.coach.Get("/introductions").MustNotContain(t, "13 days left.")
}
