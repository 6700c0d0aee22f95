package launcher

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/auth/authtest"
	"github.com/onward-jobs/onward/pkg/sealed"
)

// tokenTargets are a route of every service that needs a valid access
// token, with the service that answers it. Each is called through the
// gateway and at the service's own port. Notifications' is the caller's
// preferences, one document read by id, rather than the unread count: by
// the time these tests run the shared platform's inbox holds thousands of
// items, and on the embedded FerretDB (which looks up only by _id) the
// count scans them all, several seconds a call under -race.
var tokenTargets = []struct{ service, path string }{
	{"gateway", "/api/v1/me"},
	{"employers", "/api/v1/roles"},
	{"candidates", "/api/v1/candidates"},
	{"matching", "/api/v1/matching/status"},
	{"notifications", "/api/v1/notifications/preferences"},
}

// TestTokenAttacksRefused sends forged and malformed access tokens to every
// service, through the gateway and at the service's own port: each token
// differs from a real one (the platform administrator's) in one respect,
// and each must get 401 application/problem+json. A token with a jku or
// x5u header names a key server of the test's own, which must never be
// asked. The real token, sent the same way, is not refused, so a 401 is
// the forgery's doing. A token beyond the header limit gets 431.
func TestTokenAttacksRefused(t *testing.T) {
	p := stack(t)
	suiteContract(t)
	var tokens api.Tokens
	p.client(t, "").do("POST", "/api/v1/auth/login", map[string]string{"email": adminEmail, "password": adminPassword}, http.StatusOK, &tokens)
	real := tokens.AccessToken
	claims := authtest.ClaimsOf(t, real)
	kid, priv := gatewaySigningKey(t, real)
	pub := priv.Public().(ed25519.PublicKey)

	var asked atomic.Int64
	keyServer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		pk, _, _ := ed25519.GenerateKey(nil)
		_ = json.NewEncoder(w).Encode(auth.JWKS{Keys: []auth.JWK{auth.PublicJWK("attacker", pk)}})
	}))
	defer keyServer.Close()

	sign := func(mutate func(c *auth.Claims), headers map[string]any) string {
		c := authtest.Copy(claims)
		if mutate != nil {
			mutate(&c)
		}
		return authtest.Signed(t, kid, priv, c, headers)
	}
	hour := time.Hour
	attacks := map[string]string{
		"alg none":                        authtest.Unsigned(t, claims),
		"HS256 keyed with the public key": authtest.HMACSigned(t, pub, claims),
		"signed by a foreign key":         authtest.ForeignKey(t, kid, claims),
		"expired":                         sign(func(c *auth.Claims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-hour)) }, nil),
		"not yet valid":                   sign(func(c *auth.Claims) { c.NotBefore = jwt.NewNumericDate(time.Now().Add(hour)) }, nil),
		"wrong issuer":                    sign(func(c *auth.Claims) { c.Issuer = "https://evil.example" }, nil),
		"wrong audience":                  sign(func(c *auth.Claims) { c.Audience = jwt.ClaimStrings{"https://evil.example"} }, nil),
		"no audience":                     sign(func(c *auth.Claims) { c.Audience = nil }, nil),
		"wrong typ":                       sign(nil, map[string]any{"typ": "JWT"}),
		"unknown role":                    sign(func(c *auth.Claims) { c.Role = "superuser" }, nil),
		"injected kid, path":              authtest.Signed(t, "../../../../dev/null", foreignKey(t), claims, nil),
		"injected kid, SQL":               authtest.Signed(t, "x' OR '1'='1", foreignKey(t), claims, nil),
		"jku to an attacker's key set":    authtest.Signed(t, "attacker", foreignKey(t), claims, map[string]any{"jku": keyServer.URL + "/jwks.json"}),
		"x5u to an attacker's cert":       authtest.Signed(t, "attacker", foreignKey(t), claims, map[string]any{"x5u": keyServer.URL + "/cert.pem"}),
		"embedded jwk":                    authtest.Signed(t, "attacker", foreignKey(t), claims, map[string]any{"jwk": auth.PublicJWK("attacker", pub)}),
		"tampered signature":              authtest.FlipSignature(real),
		"tampered payload":                authtest.Escalated(t, real, "admin"),
		"refresh token as access token":   tokens.RefreshToken,
		"oversized":                       authtest.Oversized(real, 4000),
		"not a JWT":                       "not-a-token",
	}
	// A token re-signed unchanged with the gateway's key passes, so the
	// forgeries below differ from a good token only where they say.
	control := sign(nil, nil)
	tried := 0
	for _, target := range tokenTargets {
		for _, base := range []string{p.url("gateway"), p.url(target.service)} {
			where := target.service + " " + target.path + " at " + base
			for _, good := range []string{real, control} {
				if status, _, body := bearerCall(t, base+target.path, good); status == http.StatusUnauthorized {
					t.Fatalf("%s refuses a good token: %s", where, body)
				}
			}
			for name, token := range attacks {
				status, ctype, body := bearerCall(t, base+target.path, token)
				tried++
				if status != http.StatusUnauthorized || !strings.HasPrefix(ctype, "application/problem+json") {
					t.Errorf("%s, %s: %d %s %.200s; want 401 application/problem+json", where, name, status, ctype, body)
				}
			}
		}
	}
	if n := asked.Load(); n > 0 {
		t.Errorf("a service fetched keys from a jku or x5u header %d times", n)
	}
	t.Logf("token attacks: %d forged tokens × %d routes × 2 ways in = %d calls", len(attacks), len(tokenTargets), tried)
	// A token beyond the servers' header limit is refused before any
	// verifier reads it, with 431 (outside the description, so asked
	// without the contract check).
	huge := "Bearer " + strings.Repeat("a", 12000)
	for _, target := range tokenTargets {
		for _, base := range []string{p.url("gateway"), p.url(target.service)} {
			req, _ := http.NewRequest(http.MethodGet, base+target.path, nil)
			req.Header.Set("Authorization", huge)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
				t.Errorf("%s%s with a 12 kB token: %d %s; want 431 application/problem+json", base, target.path, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
	}
}

// bearerCall GETs url with token and returns the status, content type and
// body.
func bearerCall(t *testing.T, url, token string) (int, string, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := shared.p.http.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

func foreignKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// gatewaySigningKey reads the private key that signed token from the
// gateway's database, unsealed with the shared platform's key-encryption
// key, so a forged token can differ from a real one in one claim only.
func gatewaySigningKey(t *testing.T, token string) (string, ed25519.PrivateKey) {
	t.Helper()
	header, _, _ := strings.Cut(token, ".")
	raw, _ := base64.RawURLEncoding.DecodeString(header)
	var h struct{ Kid string }
	if err := json.Unmarshal(raw, &h); err != nil || h.Kid == "" {
		t.Fatalf("the token's header %s has no kid (%v)", raw, err)
	}
	ctx := context.Background()
	mc, err := mongo.Connect(options.Client().ApplyURI("mongodb://" + shared.p.env["ONWARD_FERRETDB_ADDR"] + "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer mc.Disconnect(ctx)
	var doc struct {
		Sealed []byte `bson:"sealed_private_key"`
	}
	if err := mc.Database("onward_gateway").Collection("signing_keys").FindOne(ctx, bson.D{{Key: "_id", Value: h.Kid}}).Decode(&doc); err != nil {
		t.Fatalf("signing key %s: %v", h.Kid, err)
	}
	box, err := sealed.NewBox(shared.kek)
	if err != nil {
		t.Fatal(err)
	}
	seed, err := box.Open(doc.Sealed, []byte(h.Kid))
	if err != nil || len(seed) != ed25519.SeedSize {
		t.Fatalf("signing key %s cannot be opened: %v", h.Kid, err)
	}
	return h.Kid, ed25519.NewKeyFromSeed(seed)
}
