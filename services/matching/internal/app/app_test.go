package app

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
)

// TestServiceContract holds the matching service to the contract every domain
// service shares: it starts against real stores, reports itself ready,
// shuts down gracefully, refuses bad settings and has its own defaults. The
// owners and the gateway's service tokens are a fake, which the feed loads
// from before the service reports ready.
func TestServiceContract(t *testing.T) {
	t.Parallel()
	fake := ownerstest.New(t)
	fake.PutProgramme(ownerstest.Roastery())
	fake.PutCandidate(ownerstest.NewCandidate("c1", 1))
	fake.PutRole(ownerstest.NewRole("r1", 1))
	servicekittest.CheckContract(t, servicekittest.Contract{
		Run: func(ctx context.Context, environ map[string]string, logOut io.Writer) error {
			env := map[string]string{"GATEWAY_URL": fake.URL(), "EMPLOYERS_URL": fake.URL(), "CANDIDATES_URL": fake.URL()}
			for k, v := range environ {
				env[k] = v
			}
			fake.AcceptSecret(environ["ONWARD_SERVICE_SECRET"])
			cfg, err := LoadConfig(env)
			if err != nil {
				return err
			}
			return Run(ctx, cfg, logOut)
		},
		Load: func(environ map[string]string) (servicekit.Config, error) {
			cfg, err := LoadConfig(environ)
			return cfg.Config, err
		},
		HTTPAddr: ":8083", MongoDB: "onward_matching",
	})
}

// TestFeedDefaults: the owners, streams, intervals and a unique instance id
// default to what the platform uses; a bad instance id is refused.
func TestFeedDefaults(t *testing.T) {
	t.Parallel()
	env := map[string]string{"MONGO_URI": "mongodb://127.0.0.1:27017", "REDIS_URL": "redis://127.0.0.1:6379/0",
		"ONWARD_SERVICE_SECRET": ownerstest.Secret}
	a, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := LoadConfig(env)
	if a.EmployersURL != "http://localhost:8081" || a.CandidatesURL != "http://localhost:8082" ||
		a.CandidatesStream != "onward.candidates" || a.RolesStream != "onward.employers.roles" ||
		a.ReconcileInterval != 30*time.Second || a.MembershipRefresh != time.Minute || a.InstanceID == "" || a.InstanceID == b.InstanceID {
		t.Errorf("defaults: %+v / instance %q and %q", a, a.InstanceID, b.InstanceID)
	}
	env["MATCHING_INSTANCE_ID"] = "pod 7"
	if _, err := LoadConfig(env); err == nil {
		t.Error("an instance id with a space was accepted")
	}
}
