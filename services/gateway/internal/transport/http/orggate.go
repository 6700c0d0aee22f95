package http

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// GatedRoutes are the proxied paths a pending or suspended employer may
// not use: shortlists, introductions, placements, follow-ups and
// disclosures. A pattern matches a path with at least as many segments,
// as in Routes.
var GatedRoutes = []string{
	"/api/v1/roles/*/shortlist",
	"/api/v1/roles/*/introductions",
	"/api/v1/introductions",
	"/api/v1/placements",
	"/api/v1/followups",
	"/api/v1/disclosures",
}

// MaxOrgStatusAge bounds how stale the gate's view of a status may be.
const MaxOrgStatusAge = 30 * time.Second

// OrgStatusCache remembers organisations' statuses for at most TTL, so
// that the gate reads the store once per organisation and TTL, and a
// suspension reaches every replica within TTL.
type OrgStatusCache struct {
	TTL    time.Duration
	Lookup func(ctx context.Context, orgID string) (domain.OrgStatus, error)
	Now    func() time.Time

	mu      sync.Mutex
	entries map[string]cachedStatus
}

type cachedStatus struct {
	status domain.OrgStatus
	at     time.Time
}

// Status returns orgID's status, from the cache when fresh enough.
func (c *OrgStatusCache) Status(ctx context.Context, orgID string) (domain.OrgStatus, error) {
	now := c.now()
	c.mu.Lock()
	e, ok := c.entries[orgID]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < c.TTL {
		return e.status, nil
	}
	status, err := c.Lookup(ctx, orgID)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]cachedStatus{}
	}
	if len(c.entries) > 10000 {
		c.entries = map[string]cachedStatus{}
	}
	c.entries[orgID] = cachedStatus{status: status, at: now}
	c.mu.Unlock()
	return status, nil
}

// Forget drops orgID, whose status just changed on this replica.
func (c *OrgStatusCache) Forget(orgID string) {
	c.mu.Lock()
	delete(c.entries, orgID)
	c.mu.Unlock()
}

func (c *OrgStatusCache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// orgGate refuses the GatedRoutes to members of an employer that is not
// verified. A request without a valid token passes: the service behind
// answers 401 as it would anyway.
func orgGate(v *auth.Verifier, cache *OrgStatusCache) fiber.Handler {
	patterns := make([][]string, 0, len(GatedRoutes))
	for _, p := range GatedRoutes {
		patterns = append(patterns, splitPath(p))
	}
	return func(c *fiber.Ctx) error {
		rawPath, _, _ := strings.Cut(string(c.Request().Header.RequestURI()), "?")
		decoded, err := canonicalPath(rawPath)
		if err != nil || !matchesAny(patterns, decoded) {
			return c.Next()
		}
		scheme, raw, _ := strings.Cut(c.Get(fiber.HeaderAuthorization), " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return c.Next()
		}
		claims, err := v.Verify(c.UserContext(), strings.TrimSpace(raw))
		if err != nil {
			return c.Next()
		}
		p := claims.Principal()
		if p.OrgKind != auth.OrgKindEmployer || p.OrgID == "" {
			return c.Next()
		}
		status, err := cache.Status(c.UserContext(), p.OrgID)
		if errors.Is(err, errs.NotFound) {
			return c.Next()
		}
		if err != nil {
			return err
		}
		switch status {
		case domain.StatusPending:
			return orgStatusProblem(c, "organisation-not-verified", "Your organisation is waiting for verification",
				"A platform administrator verifies a new employer before it can see shortlists and meet candidates.")
		case domain.StatusSuspended:
			return orgStatusProblem(c, "organisation-suspended", "Your organisation is suspended",
				"A platform administrator suspended your organisation.")
		}
		return c.Next()
	}
}

// splitPath returns the segments of a path or pattern.
func splitPath(path string) []string { return strings.Split(strings.Trim(path, "/"), "/") }

// matchesAny reports whether path matches one of patterns, as Routes do.
func matchesAny(patterns [][]string, path string) bool {
	segs := splitPath(path)
	for _, pat := range patterns {
		if len(segs) < len(pat) {
			continue
		}
		ok := true
		for i, want := range pat {
			if want != "*" && want != segs[i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// orgStatusProblem answers 403 with the problem type of the status.
func orgStatusProblem(c *fiber.Ctx, slug, title, detail string) error {
	p := httpx.Problem{Type: httpx.ProblemType(slug), Title: title, Status: fiber.StatusForbidden, Detail: detail,
		Instance: c.Path(), RequestID: httpx.RequestID(c)}
	c.Set(fiber.HeaderContentType, httpx.ProblemContentType)
	return c.Status(fiber.StatusForbidden).JSON(p, httpx.ProblemContentType)
}
