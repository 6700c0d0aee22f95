package auth

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/errs"
)

const (
	testIssuer   = "https://gateway.onward.test"
	testAudience = "onward-api"
)

// testKey is an Ed25519 key pair with its kid.
type testKey struct {
	kid  string
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newTestKey(t *testing.T, kid string) testKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return testKey{kid: kid, pub: pub, priv: priv}
}

func (k testKey) signer(t *testing.T) *Signer {
	t.Helper()
	s, err := NewSigner(k.kid, k.priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// memberClaims returns claims every test verifier accepts.
func memberClaims() Claims {
	now := time.Now()
	return Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    testIssuer,
			Subject:   "user-42",
			Audience:  jwt.ClaimStrings{testAudience},
			ExpiresAt: jwt.NewNumericDate(now.Add(10 * time.Minute)),
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ID:        "jti-1",
		},
		OrgID:   "org-7",
		OrgKind: OrgKindEmployer,
		Role:    RoleMember,
	}
}

// signJWT signs claims with any method and header, bypassing Signer's
// guards, to build the tokens an attacker or a buggy issuer would send.
func signJWT(t *testing.T, method jwt.SigningMethod, key any, header map[string]any, claims jwt.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	for k, v := range header {
		if v == nil {
			delete(tok.Header, k)
			continue
		}
		tok.Header[k] = v
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newTestVerifier(t *testing.T, keys KeySource, audiences ...string) *Verifier {
	t.Helper()
	if len(audiences) == 0 {
		audiences = []string{testAudience}
	}
	v, err := NewVerifier(VerifierConfig{Issuer: testIssuer, Audiences: audiences, Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// newTestApp stands in for a service: its error handler maps categories to
// statuses like the shared one and writes the error text, so tests can see
// why a request was refused. /me echoes the principal; /admin needs admin.
func newTestApp(v *Verifier) *fiber.App {
	app := fiber.New(fiber.Config{
		// Larger than fasthttp's 4 KiB default, so an oversize token reaches
		// the verifier instead of being refused by the HTTP parser.
		ReadBufferSize: 32 << 10,
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			status := fiber.StatusInternalServerError
			switch {
			case errors.Is(err, errs.Unauthenticated):
				status = fiber.StatusUnauthorized
			case errors.Is(err, errs.Forbidden):
				status = fiber.StatusForbidden
			}
			return c.Status(status).SendString(err.Error())
		},
	})
	app.Use(Middleware(v))
	app.Get("/me", func(c *fiber.Ctx) error {
		p, ok := PrincipalFrom(c)
		fromCtx, ok2 := FromContext(c.UserContext())
		if !ok || !ok2 || p != fromCtx {
			return errors.New("principal missing from locals or user context")
		}
		return c.JSON(p)
	})
	app.Get("/admin", RequireRole(RoleAdmin), func(c *fiber.Ctx) error { return c.SendString("ok") })
	return app
}

// call sends GET path with the given Authorization header ("" for none).
func call(t *testing.T, app *fiber.App, path, authorization string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// fakeClock is a settable clock for the caches.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Unix(1_800_000_000, 0)} }

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
