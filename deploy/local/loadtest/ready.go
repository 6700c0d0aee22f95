package loadtest

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// WaitMatched waits until the matching service has indexed the world's
// candidates and the seeded roles' shortlists are readable, so the steps
// read lists, not 404s. A role whose list is still missing after a few
// minutes (matching busy with the seeding's backlog on FerretDB) is left
// out of the returned world, and log says so.
func WaitMatched(ctx context.Context, base string, w World, log func(string, ...any)) (World, error) {
	c := newAPIClient(base)
	adminToken, err := c.signIn(ctx, AdminEmail, AdminPassword)
	if err != nil {
		return w, err
	}
	var status struct{ Candidates int }
	deadline := time.Now().Add(10 * time.Minute)
	for {
		if err := c.with(adminToken).do(ctx, "GET", "/api/v1/matching/status", nil, http.StatusOK, &status); err != nil {
			return w, err
		}
		if status.Candidates >= w.Params.Candidates {
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return w, fmt.Errorf("matching indexed %d of %d candidates", status.Candidates, w.Params.Candidates)
		}
		time.Sleep(time.Second)
	}
	deadline = time.Now().Add(3 * time.Minute)
	out, missing := w, 0
	out.Employers = nil
	for _, e := range w.Employers {
		token, err := c.signIn(ctx, e.Email, userPassword)
		if err != nil {
			return w, err
		}
		kept := Employer{Email: e.Email}
		for _, id := range e.Roles {
			if waitShortlist(ctx, c.with(token), id, deadline) {
				kept.Roles = append(kept.Roles, id)
			} else {
				missing++
			}
		}
		if len(kept.Roles) > 0 {
			out.Employers = append(out.Employers, kept)
		}
	}
	if ctx.Err() != nil || len(out.Employers) == 0 {
		return w, fmt.Errorf("no shortlist became readable: %w", ctx.Err())
	}
	if missing > 0 {
		log("%d roles have no readable shortlist yet: the steps leave them out", missing)
	}
	return out, nil
}

// waitShortlist reports whether the role's shortlist became readable
// before deadline.
func waitShortlist(ctx context.Context, employer apiClient, roleID string, deadline time.Time) bool {
	for ctx.Err() == nil {
		status, _, err := employer.send(ctx, "GET", "/api/v1/roles/"+roleID+"/shortlist?limit=1", nil)
		if err == nil && status == http.StatusOK {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}
