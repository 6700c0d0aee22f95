package helm_test

import (
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// composeFile is the single-host deployment the chart must agree with: the
// same services, the same calls between them, the same public entries.
const composeFile = "../../docker-compose.yml"

// topology is what docker-compose.yml says about how the services connect.
type topology struct {
	// calls maps each service to the services it calls over HTTP (its
	// <NAME>_URL variables that point at another service), sorted.
	calls map[string][]string
	// public holds the services that publish a port.
	public map[string]bool
	// secrets maps each service to the secret-carrying variables it gets
	// (those secretLooking matches), sorted.
	secrets map[string][]string
}

// callers returns the services that call one service, sorted.
func (tp topology) callers(callee string) []string {
	var out []string
	for caller, callees := range tp.calls {
		for _, c := range callees {
			if c == callee {
				out = append(out, caller)
			}
		}
	}
	sort.Strings(out)
	return out
}

// readTopology reads docker-compose.yml; YAML merge keys (<<: *onward-env)
// are resolved by the parser.
func readTopology(t *testing.T) topology {
	t.Helper()
	raw, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatalf("reading %s: %v", composeFile, err)
	}
	var compose struct {
		Services map[string]struct {
			Build       any               `json:"build"`
			Ports       []any             `json:"ports"`
			Environment map[string]string `json:"environment"`
		} `json:"services"`
	}
	if err := yaml.Unmarshal(raw, &compose); err != nil {
		t.Fatalf("parsing %s: %v", composeFile, err)
	}
	tp := topology{calls: map[string][]string{}, public: map[string]bool{}, secrets: map[string][]string{}}
	for name, svc := range compose.Services {
		if svc.Build == nil {
			continue // the stores and Mailpit: not Onward's images
		}
		tp.public[name] = len(svc.Ports) > 0
		callees, secrets := []string{}, []string{}
		for key, value := range svc.Environment {
			if secretLooking.MatchString(key) {
				secrets = append(secrets, key)
			}
			u, err := url.Parse(value)
			if !strings.HasSuffix(key, "_URL") || err != nil || u.Scheme != "http" {
				continue
			}
			if _, isService := compose.Services[u.Hostname()]; isService {
				callees = append(callees, u.Hostname())
			}
		}
		sort.Strings(callees)
		sort.Strings(secrets)
		tp.calls[name] = callees
		tp.secrets[name] = secrets
	}
	return tp
}
