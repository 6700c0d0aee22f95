package verify_test

import (
	"bytes"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/verify"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// verifyStack starts a stack on the candidates fake holding a1, a
// standing attestation, and a2, a revoked one.
func verifyStack(t *testing.T) (*webtest.Stack, *fake.Candidates) {
	t.Helper()
	s, k := webtest.StaffGateway(t)
	revoked := fake.RevokableAttestation("a2", "anyone")
	revoked["revoked"], revoked["revocation"] = true, map[string]any{"revoked_at": "2026-12-06T10:00:00Z", "reason": "other"}
	k.AddCandidate("c1", map[string]any{"attestations": []any{fake.RevokableAttestation("a1", "anyone"), revoked}})
	return s, k
}

// TestVerifyWordsEveryVerdict: a credential pasted by someone who is
// not signed in gets the verdict in plain words, and what a valid or
// revoked one vouches for; the API hears the credential as pasted, its
// line breaks dropped.
func TestVerifyWordsEveryVerdict(t *testing.T) {
	t.Parallel()
	s, k := verifyStack(t)
	b := webtest.NewBrowser(t, s)
	b.Get("/verify").MustContain(t, "Check a credential", "Paste the credential", `enctype="multipart/form-data"`, `type="file"`)
	for _, tc := range []struct {
		credential string
		want       []string
		not        []string
	}{
		{fake.CredentialJWT("valid", "a1"), []string{"You can trust this credential", "Barista skills", "level 3 of 4", "600 hours", "20 November 2026"}, []string{"Taken back on"}},
		{fake.CredentialJWT("revoked", "a2"), []string{"This credential was taken back", "It no longer counts", "Barista skills", "Taken back on", "6 December 2026"}, nil},
		{fake.CredentialJWT("tampered", "a1"), []string{"Do not trust this credential", "Someone changed it"}, []string{"What it showed"}},
		{fake.CredentialJWT("unknown_issuer", "a1"), []string{"Onward did not make this credential"}, []string{"Barista skills"}},
		{"not-a-credential-at-all", []string{"We cannot read this credential"}, []string{"Barista skills"}},
	} {
		wrapped := tc.credential[:20] + "\n  " + tc.credential[20:]
		p := b.Submit("/verify", "/verify", url.Values{"credential": {wrapped}})
		p.MustBeAt(t, "/verify", http.StatusOK)
		p.MustContain(t, tc.want...)
		p.MustContain(t, "Check another credential")
		for _, s := range tc.not {
			if strings.Contains(p.Body, s) {
				t.Errorf("the verdict on %q shows %q", tc.credential, s)
			}
		}
		if got := k.Last(t, http.MethodPost, "/api/v1/credentials/verify").Body["credential"]; got != tc.credential {
			t.Errorf("the API heard %q, want %q", got, tc.credential)
		}
	}
}

// TestVerifyNamesTheSkillFromTheVocabularyWhenSignedIn: a signed-in
// reader gets the skill's label in their language.
func TestVerifyNamesTheSkillFromTheVocabularyWhenSignedIn(t *testing.T) {
	t.Parallel()
	s, _ := verifyStack(t)
	coach := webtest.ProgrammeAdmin(t, s)
	coach.Lang = "nl"
	p := coach.Submit("/verify", "/verify", url.Values{"credential": {fake.CredentialJWT("valid", "a1")}})
	p.MustContain(t, "Je kunt dit bewijs vertrouwen", "Baristavaardigheden", "600 uur")
}

// multipartForm is a form with the page's CSRF token, a text box and an
// optional file, as a browser sends it.
func multipartForm(t *testing.T, b *webtest.Browser, text string, file []byte) (*bytes.Buffer, string) {
	t.Helper()
	token := webtest.FormValue(t, b.Get("/verify").Body, "_csrf")
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", token)
	_ = w.WriteField("credential", text)
	if file != nil {
		fw, err := w.CreateFormFile("file", "onward-credential-a1.jwt")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = w.Close()
	return &body, w.FormDataContentType()
}

func postMultipart(t *testing.T, b *webtest.Browser, text string, file []byte) webtest.Page {
	t.Helper()
	body, contentType := multipartForm(t, b, text, file)
	req, err := http.NewRequest(http.MethodPost, b.Stack().URL+"/verify", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	return b.Do(req)
}

// TestVerifyReadsAFileAndCapsItsSize: a .jwt file is checked like a
// pasted credential; a file or text over 64 KiB is refused with a clear
// message before the API is asked; an empty form asks for one.
func TestVerifyReadsAFileAndCapsItsSize(t *testing.T) {
	t.Parallel()
	s, k := verifyStack(t)
	b := webtest.NewBrowser(t, s)

	p := postMultipart(t, b, "", []byte(fake.CredentialJWT("valid", "a1")+"\n"))
	p.MustBeAt(t, "/verify", http.StatusOK)
	p.MustContain(t, "You can trust this credential", "Barista skills")

	before := len(k.Requests(http.MethodPost, "/api/v1/credentials/verify"))
	big := bytes.Repeat([]byte("a"), verify.MaxCredential+1)
	p = postMultipart(t, b, "", big)
	p.MustBeAt(t, "/verify", http.StatusRequestEntityTooLarge)
	p.MustContain(t, "This is too big to be a credential. A credential is at most 64 KB.", `id="file-error"`, `href="#file"`)

	p = postMultipart(t, b, string(big), nil)
	p.MustBeAt(t, "/verify", http.StatusRequestEntityTooLarge)
	p.MustContain(t, "This is too big to be a credential.", `id="credential-error"`)
	p.MustNotContain(t, string(big[:1000]))

	// Exactly 64 KiB is still read and sent.
	p = postMultipart(t, b, "", bytes.Repeat([]byte("a"), verify.MaxCredential))
	p.MustBeAt(t, "/verify", http.StatusOK)
	p.MustContain(t, "We cannot read this credential")

	p = postMultipart(t, b, "  \n", nil)
	p.MustBeAt(t, "/verify", http.StatusUnprocessableEntity)
	p.MustContain(t, "Paste the credential, or choose its file.")
	if got := len(k.Requests(http.MethodPost, "/api/v1/credentials/verify")) - before; got != 1 {
		t.Errorf("the API was asked %d times, want once (only for the 64 KiB file)", got)
	}
}

// TestVerifyNeedsTheFormsCSRFToken: a post without the page's token, or
// from another site, is refused and never reaches the API.
func TestVerifyNeedsTheFormsCSRFToken(t *testing.T) {
	t.Parallel()
	s, k := verifyStack(t)
	b := webtest.NewBrowser(t, s)
	b.Get("/verify")
	b.Post("/verify", url.Values{"credential": {fake.CredentialJWT("valid", "a1")}}).MustBeAt(t, "/verify", http.StatusForbidden)
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/verify", strings.NewReader(url.Values{
		"credential": {fake.CredentialJWT("valid", "a1")}, "_csrf": {webtest.FormValue(t, b.Get("/verify").Body, "_csrf")},
	}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	b.Do(req).MustBeAt(t, "/verify", http.StatusForbidden)
	if n := len(k.Requests(http.MethodPost, "/api/v1/credentials/verify")); n != 0 {
		t.Errorf("the API was asked %d times", n)
	}
}

// TestScannedCredentialPage: what a QR code opens, signed out: the
// verdict on a standing and a revoked attestation, and the not-found
// page for an id that names none.
func TestScannedCredentialPage(t *testing.T) {
	t.Parallel()
	s, _ := verifyStack(t)
	b := webtest.NewBrowser(t, s)
	p := b.Get("/verify/credentials/a1")
	p.MustBeAt(t, "/verify/credentials/a1", http.StatusOK)
	p.MustContain(t, "Is this credential real?", "You can trust this credential", "Barista skills", "600 hours", "Check a credential file")
	p.MustNotContain(t, `<form method="post" action="/verify"`, "Jan", "Peeters", "KC1")
	b.Get("/verify/credentials/a2").MustContain(t, "This credential was taken back", "Taken back on", "6 December 2026")
	b.Lang = "de"
	b.Get("/verify/credentials/a2").MustContain(t, "Dieser Nachweis wurde zurückgezogen", "Zurückgezogen am")
	b.Get("/verify/credentials/nothing").MustBeAt(t, "/verify/credentials/nothing", http.StatusNotFound)
}

// TestVerifyMessagesExistInEveryLanguage: the verify. family has the
// same messages in all four languages, a verdict for every status among
// them.
func TestVerifyMessagesExistInEveryLanguage(t *testing.T) {
	en := webtest.Messages(t, verify.Locales, "verify.en")
	webtest.RequireMessages(t, verify.Locales, "verify.", slices.Sorted(maps.Keys(en)))
	var built []string
	for _, s := range verify.Statuses {
		built = append(built, "VerifyStatus_"+s, "VerifyStatusBody_"+s)
	}
	built = append(built, "VerifyErrEmpty", "VerifyErrTooLarge", "VerifyErrFile", "VerifyErrFileEmpty")
	webtest.RequireMessages(t, verify.Locales, "verify.", built)
	for _, lang := range webtest.Languages[1:] {
		for id := range webtest.Messages(t, verify.Locales, "verify."+lang) {
			if en[id] == nil {
				t.Errorf("verify message %q exists in verify.%s.json only", id, lang)
			}
		}
	}
}
