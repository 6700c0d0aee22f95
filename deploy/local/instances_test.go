package launcher

import (
	"strings"
	"testing"
)

// TestWithInstancesGivesTheListsToGatewaysAndWebApps checks two of every
// service: each second instance has an address of its own, the other
// services keep calling the first instances, every gateway is given every
// instance of each service and every web app every gateway.
func TestWithInstancesGivesTheListsToGatewaysAndWebApps(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(map[string]string{"ONWARD_INSTANCES": "2"})
	if err != nil {
		t.Fatal(err)
	}
	svcs, err := withInstances(onwardServices(cfg, nil), cfg.Instances)
	if err != nil {
		t.Fatal(err)
	}
	if len(svcs) != 16 {
		t.Fatalf("%d services, want two of each of the eight", len(svcs))
	}
	byName := map[string]service{}
	for _, s := range svcs {
		byName[s.name] = s
	}
	second := byName["employers-2"]
	if second.kind != "employers" || second.addr == cfg.EmployersAddr || !strings.HasPrefix(second.addr, "127.0.0.1:") {
		t.Errorf("the second employers instance is %+v", second)
	}
	env := sharedEnviron(nil, cfg, &stores{}, nil, svcs)
	if env["EMPLOYERS_URL"] != "http://127.0.0.1:8081" {
		t.Errorf("the services call employers at %q, want its first instance", env["EMPLOYERS_URL"])
	}
	for _, gw := range []string{"gateway", "gateway-2"} {
		if got, want := byName[gw].set["EMPLOYERS_URL"], "http://127.0.0.1:8081,"+second.URL(); got != want {
			t.Errorf("%s calls employers at %q, want %q", gw, got, want)
		}
	}
	for _, web := range []string{"web", "web-2"} {
		if got, want := byName[web].set["GATEWAY_URL"], "http://127.0.0.1:8090,"+byName["gateway-2"].URL(); got != want {
			t.Errorf("%s calls the gateway at %q, want %q", web, got, want)
		}
	}
	one, err := withInstances(onwardServices(cfg, nil), 1)
	if err != nil || len(one) != 8 || one[0].set != nil {
		t.Errorf("one instance of each: %d services, %v", len(one), err)
	}
}
