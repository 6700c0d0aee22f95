package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestAttestationOffersItsCredentialAndQRCode: the attesting
// organisation's staff see the download and a QR code of the public
// address on a standing attestation; the download is the API's VC-JWT
// as a file; a revoked attestation offers neither, and its download is
// explained.
func TestAttestationOffersItsCredentialAndQRCode(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	correctionsCandidate(k)
	revoked := fake.RevokableAttestation("a3", "anyone")
	revoked["revoked"], revoked["revocation"] = true, map[string]any{"revoked_at": "2026-12-06T10:00:00Z", "reason": "other"}
	k.AddCandidate("c2", map[string]any{"attestations": []any{revoked}})
	coach := webtest.ProgrammeAdmin(t, g)

	p := coach.Get("/attestations/a1")
	p.MustBeAt(t, "/attestations/a1", http.StatusOK)
	p.MustContain(t, "Download credential (Open Badges 3.0)", `href="/attestations/a1/credential"`,
		`<svg class="qr-code" role="img" aria-label="QR code that opens the public check of this credential"`,
		g.URL+"/verify/credentials/a1")
	p.MustNotContain(t, "style=", "data:image")

	resp := coach.Get(webtest.Href(t, p, "Download credential (Open Badges 3.0)"))
	if resp.Status != http.StatusOK || resp.Header.Get("Content-Type") != "application/vc+jwt" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="onward-credential-a1.jwt"` ||
		resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("download: %d %v", resp.Status, resp.Header)
	}
	if resp.Body != fake.CredentialJWT("valid", "a1") {
		t.Errorf("download body = %q", resp.Body)
	}
	if q := k.Last(t, http.MethodGet, "/api/v1/attestations/a1/credential").Query; q.Get("format") != "jwt" {
		t.Errorf("the API was asked for format %q", q.Get("format"))
	}

	p = coach.Get("/attestations/a3")
	p.MustContain(t, "This attestation was revoked")
	p.MustNotContain(t, "/attestations/a3/credential", "qr-code")
	coach.Get("/attestations/a3/credential").MustContain(t, "A revoked attestation no longer has a credential.")
	coach.Get("/attestations/nothing/credential").MustBeAt(t, "/attestations/nothing/credential", http.StatusNotFound)
}

// TestAttestationCredentialIsTheAttestingStaffsOnly: an attestation the
// API names no candidate for (another organisation's) offers no
// download, and a signed-out visitor is sent to sign in.
func TestAttestationCredentialIsTheAttestingStaffsOnly(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	correctionsCandidate(k)
	coach := webtest.ProgrammeAdmin(t, g)
	p := coach.Get("/attestations/elsewhere")
	p.MustBeAt(t, "/attestations/elsewhere", http.StatusOK)
	p.MustNotContain(t, "/credential", "qr-code")
	stranger := webtest.NewBrowser(t, g).NoRedirects()
	if got := stranger.Get("/attestations/a1/credential"); got.Status != http.StatusSeeOther || got.Header.Get("Location") != "/login" {
		t.Errorf("signed out: %d to %q", got.Status, got.Header.Get("Location"))
	}
}

// TestPrintablePortfolioStreamsTheServicesPDF: the candidate page's small
// form asks for the PDF on the paper chosen, with programme names only
// when ticked, in the reader's language, and the answer is the
// service's PDF under its file name.
func TestPrintablePortfolioStreamsTheServicesPDF(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	correctionsCandidate(k)
	coach := webtest.ProgrammeAdmin(t, g)
	page := coach.Get("/candidates/c1")
	page.MustContain(t, "Printable portfolio (PDF)", `action="/candidates/c1/portfolio.pdf"`, `name="paper" value="a4" checked`,
		`name="paper" value="letter"`, `name="programmes" value="true"`, "Include programme names")

	for _, tc := range []struct {
		lang, query             string
		paper, programmes, want string
	}{
		{"en", "paper=a4", "a4", "false", "en"},
		{"nl", "paper=letter&programmes=true", "letter", "true", "nl"},
		{"de", "paper=tabloid&programmes=yes", "a4", "false", "de"},
	} {
		coach.Lang = tc.lang
		resp := coach.Get("/candidates/c1/portfolio.pdf?" + tc.query)
		if resp.Status != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" ||
			resp.Header.Get("Content-Disposition") != `attachment; filename="onward-portfolio-KC1.pdf"` || resp.Body != fake.PortfolioPDF {
			t.Fatalf("%s: %d %v %q", tc.query, resp.Status, resp.Header, resp.Body)
		}
		q := k.Last(t, http.MethodGet, "/api/v1/candidates/c1/portfolio.pdf").Query
		if want := (url.Values{"paper": {tc.paper}, "programmes": {tc.programmes}, "lang": {tc.want}}); q.Encode() != want.Encode() {
			t.Errorf("%s: the API was asked %s, want %s", tc.query, q.Encode(), want.Encode())
		}
	}
	coach.Lang = "en"
	coach.Get("/candidates/nobody/portfolio.pdf").MustBeAt(t, "/candidates/nobody/portfolio.pdf", http.StatusNotFound)
	if strings.Contains(page.Body, "_csrf=") {
		t.Error("the GET form leaks its CSRF token into an address")
	}
}
