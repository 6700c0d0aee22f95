package loadtest

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// WaitMatched waits until the matching service has indexed the world's
// candidates and every seeded role's shortlist is readable, so the first
// step reads lists, not 404s.
func WaitMatched(ctx context.Context, base string, w World) error {
	c := newAPIClient(base)
	adminToken, err := c.signIn(ctx, AdminEmail, AdminPassword)
	if err != nil {
		return err
	}
	var status struct{ Candidates int }
	deadline := time.Now().Add(10 * time.Minute)
	for {
		if err := c.with(adminToken).do(ctx, "GET", "/api/v1/matching/status", nil, http.StatusOK, &status); err != nil {
			return err
		}
		if status.Candidates >= w.Params.Candidates {
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("matching indexed %d of %d candidates", status.Candidates, w.Params.Candidates)
		}
		time.Sleep(time.Second)
	}
	for _, e := range w.Employers {
		token, err := c.signIn(ctx, e.Email, userPassword)
		if err != nil {
			return err
		}
		for _, id := range e.Roles {
			if err := waitShortlist(ctx, c.with(token), id, deadline); err != nil {
				return err
			}
		}
	}
	return nil
}

func waitShortlist(ctx context.Context, employer apiClient, roleID string, deadline time.Time) error {
	for {
		status, _, err := employer.send(ctx, "GET", "/api/v1/roles/"+roleID+"/shortlist?limit=1", nil)
		if err == nil && status == http.StatusOK {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("the shortlist of role %s is not readable (%d, %v)", roleID, status, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
