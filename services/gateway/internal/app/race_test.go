package app_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestConcurrentRefreshHasOneWinner sends one refresh token many times at
// once: exactly one request may rotate it. On FerretDB two conditional
// updates can both match, so the store serialises them with a lock.
func TestConcurrentRefreshHasOneWinner(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	signupEmployer(t, g, "race@bakery.be")
	for round := range 3 {
		_, refresh := login(t, g, "race@bakery.be", strongPassword)
		const n = 8
		statuses := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh}).Status
			}()
		}
		wg.Wait()
		ok := 0
		for _, s := range statuses {
			if s == http.StatusOK {
				ok++
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d of %d concurrent refreshes of one token succeeded (%v), want exactly 1", round, ok, n, statuses)
		}
	}
}

// TestConcurrentAcceptHasOneWinner accepts one invitation many times at
// once: exactly one account may be created.
func TestConcurrentAcceptHasOneWinner(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	org := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{"name": "House", "kind": "programme"}).expect(t, http.StatusCreated)
	inv := call(t, g, "POST", "/api/v1/organisations/"+org.str("id")+"/invitations", admin, map[string]string{"email": "once@house.be", "role": "member"}).expect(t, http.StatusCreated)
	const n = 6
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = call(t, g, "POST", "/api/v1/invitations/"+inv.str("token")+"/accept", "", map[string]string{"name": "Once", "password": strongPassword}).Status
		}()
	}
	wg.Wait()
	created := 0
	for _, s := range statuses {
		if s == http.StatusCreated {
			created++
		}
	}
	if created != 1 {
		t.Fatalf("%d of %d concurrent accepts succeeded (%v), want exactly 1", created, n, statuses)
	}
}
