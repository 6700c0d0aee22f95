package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Defaults for VerifierConfig.
const (
	DefaultLeeway        = 30 * time.Second
	DefaultMaxTokenBytes = 4096
)

// VerifierConfig configures a Verifier.
type VerifierConfig struct {
	// Issuer is the required iss claim: the gateway's issuer URL.
	Issuer string
	// Audiences lists the aud values this service accepts; a token is
	// accepted if its aud contains any of them. A service normally lists
	// the public API audience and its own name, the audience of service
	// tokens meant for it.
	Audiences []string
	// Keys finds the public key named by a token's kid.
	Keys KeySource
	// Leeway absorbs clock skew between gateway and service when checking
	// exp, nbf and iat. Default: DefaultLeeway.
	Leeway time.Duration
	// MaxTokenBytes is the longest token accepted. Default:
	// DefaultMaxTokenBytes.
	MaxTokenBytes int
	// MaxLifetime, when set, refuses a token whose exp − iat exceeds it
	// (and a token without iat): the configured access-token lifetime, so
	// that a token minted with a long life, by a mistake or a stolen key,
	// is not accepted for longer than any revocation is remembered.
	MaxLifetime time.Duration
	// Revocations, when set, is asked about every user token's session and
	// user; a revoked one is refused, and a failure to ask (Redis down, or
	// not yet restored after a restart: ErrRevocationsNotRestored) refuses
	// the token too (errs.Unavailable) rather than letting it through.
	Revocations RevocationChecker
}

// Verifier checks access tokens. It is safe for concurrent use.
type Verifier struct {
	parser      *jwt.Parser
	validator   *jwt.Validator
	verified    verifiedTokens
	keys        KeySource
	maxBytes    int
	maxLifetime time.Duration
	revocations RevocationChecker
}

// NewVerifier returns a Verifier for cfg, or an error if cfg is incomplete.
func NewVerifier(cfg VerifierConfig) (*Verifier, error) {
	switch {
	case cfg.Issuer == "":
		return nil, errors.New("auth: verifier needs an issuer")
	case len(cfg.Audiences) == 0:
		return nil, errors.New("auth: verifier needs at least one audience")
	case cfg.Keys == nil:
		return nil, errors.New("auth: verifier needs a key source")
	}
	if cfg.Leeway <= 0 {
		cfg.Leeway = DefaultLeeway
	}
	if cfg.MaxTokenBytes <= 0 {
		cfg.MaxTokenBytes = DefaultMaxTokenBytes
	}
	parser := jwt.NewParser(
		// Pinning the algorithm defeats "none" and the HS256-with-public-key
		// confusion before any key is looked up.
		jwt.WithValidMethods([]string{algEdDSA}),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audiences...),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(cfg.Leeway),
		// Strict base64 makes each signature have exactly one encoding.
		jwt.WithStrictDecoding(),
	)
	// The validator repeats the parser's checks of the claims for a token
	// whose signature was checked before (verified.go).
	validator := jwt.NewValidator(jwt.WithIssuer(cfg.Issuer), jwt.WithAudience(cfg.Audiences...),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithLeeway(cfg.Leeway))
	return &Verifier{
		parser: parser, validator: validator, keys: cfg.Keys, maxBytes: cfg.MaxTokenBytes,
		maxLifetime: cfg.MaxLifetime, revocations: cfg.Revocations,
	}, nil
}

// Verify checks raw and returns its claims. Every failure wraps
// errs.Unauthenticated with a fixed reason that never repeats the token.
func (v *Verifier) Verify(ctx context.Context, raw string) (Claims, error) {
	if raw == "" {
		return Claims{}, fmt.Errorf("missing access token: %w", errs.Unauthenticated)
	}
	// Checked before parsing so that a huge header cannot cost us a base64
	// and JSON decode.
	if len(raw) > v.maxBytes {
		return Claims{}, fmt.Errorf("access token longer than %d bytes: %w", v.maxBytes, errs.Unauthenticated)
	}
	claims, err := v.checkToken(ctx, raw)
	if err != nil {
		return Claims{}, fmt.Errorf("invalid access token: %s: %w", reason(err), errs.Unauthenticated)
	}
	if err := v.checkLifetime(claims); err != nil {
		return Claims{}, err
	}
	if err := v.checkRevoked(ctx, claims); err != nil {
		return Claims{}, err
	}
	return claims, nil
}

// checkToken checks raw's header, signature and claims and returns the
// claims. A token this verifier checked before under the key its kid
// still names has its claims checked again, not its signature.
func (v *Verifier) checkToken(ctx context.Context, raw string) (Claims, error) {
	if seen, ok := v.verified.get(raw); ok && v.stillSigned(ctx, seen) {
		claims := seen.claims
		if err := v.validator.Validate(&claims); err != nil {
			return Claims{}, err
		}
		return claims, nil
	}
	var checked verifiedToken
	if _, err := v.parser.ParseWithClaims(raw, &checked.claims, v.keyFunc(ctx, &checked)); err != nil {
		return Claims{}, err
	}
	v.verified.put(raw, checked)
	return checked.claims, nil
}

// checkLifetime refuses a token meant to live longer than MaxLifetime.
func (v *Verifier) checkLifetime(c Claims) error {
	if v.maxLifetime <= 0 {
		return nil
	}
	if c.IssuedAt == nil {
		return fmt.Errorf("invalid access token: token has no iat: %w", errs.Unauthenticated)
	}
	if c.ExpiresAt.Sub(c.IssuedAt.Time) > v.maxLifetime {
		return fmt.Errorf("invalid access token: lifetime longer than %s: %w", v.maxLifetime, errs.Unauthenticated)
	}
	return nil
}

// checkRevoked refuses a user token whose session or user was revoked.
// Service tokens name no session and live five minutes at most.
func (v *Verifier) checkRevoked(ctx context.Context, c Claims) error {
	if v.revocations == nil || c.Role == RoleService {
		return nil
	}
	revoked, err := v.revocations.Revoked(ctx, c.SessionID, c.Subject)
	if err != nil {
		return fmt.Errorf("cannot check whether the access token was revoked: %w: %w", errs.Unavailable, err)
	}
	if revoked {
		return fmt.Errorf("invalid access token: session ended or account switched off: %w", errs.Unauthenticated)
	}
	return nil
}

var (
	errWrongType  = errors.New("token typ is not " + TokenType)
	errMissingKid = errors.New("token has no kid")
)

// keyFunc checks the header before looking up the key, so that a token of
// the wrong type never triggers a JWKS fetch.
// The kid and key are noted in checked.
func (v *Verifier) keyFunc(ctx context.Context, checked *verifiedToken) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if typ, _ := t.Header["typ"].(string); !isAccessTokenType(typ) {
			return nil, errWrongType
		}
		kid, _ := t.Header["kid"].(string)
		if kid == "" {
			return nil, errMissingKid
		}
		key, err := v.keys.Key(ctx, kid)
		if err != nil {
			return nil, err
		}
		checked.kid, checked.key = kid, key
		return key, nil
	}
}

// isAccessTokenType accepts typ "at+jwt" and its full media type form, in
// any case, as RFC 9068 section 4 and RFC 7515 section 4.1.9 allow.
func isAccessTokenType(typ string) bool {
	return strings.EqualFold(typ, TokenType) || strings.EqualFold(typ, "application/"+TokenType)
}

// reasons maps causes to fixed client-safe texts, most specific first.
var reasons = []struct {
	cause error
	text  string
}{
	{errWrongType, errWrongType.Error()},
	{errMissingKid, errMissingKid.Error()},
	{ErrUnknownKey, "unknown signing key"},
	{errMissingSubject, errMissingSubject.Error()},
	{errUnknownRole, errUnknownRole.Error()},
	{errUnknownOrgKind, errUnknownOrgKind.Error()},
	{errOrgKindAlone, errOrgKindAlone.Error()},
	{errServiceSubject, errServiceSubject.Error()},
	{jwt.ErrTokenMalformed, "malformed token"},
	{jwt.ErrTokenSignatureInvalid, "bad signature or algorithm"},
	{jwt.ErrTokenUnverifiable, "unverifiable token"},
	{jwt.ErrTokenExpired, "token expired"},
	{jwt.ErrTokenNotValidYet, "token not valid yet"},
	{jwt.ErrTokenUsedBeforeIssued, "token issued in the future"},
	{jwt.ErrTokenInvalidAudience, "wrong audience"},
	{jwt.ErrTokenInvalidIssuer, "wrong issuer"},
	{jwt.ErrTokenRequiredClaimMissing, "required claim missing"},
}

// reason describes err without quoting any part of the token.
func reason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.cause) {
			return r.text
		}
	}
	return "rejected"
}
