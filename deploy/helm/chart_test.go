package helm_test

import (
	"slices"
	"testing"

	networkingv1 "k8s.io/api/networking/v1"
)

// expectation is what one value set must produce, stated apart from the
// chart so that a template ignoring a value fails.
type expectation struct {
	// secretNames are exactly the Secrets the pods read.
	secretNames []string
	// ingressPeer and monitoringPeer are the peers the NetworkPolicies must
	// admit to the public entries' and the metrics ports.
	ingressPeer, monitoringPeer networkingv1.NetworkPolicyPeer
	// serviceMonitor says whether a ServiceMonitor is rendered.
	serviceMonitor bool
	// egressRestricted says whether the pods' egress is limited.
	egressRestricted bool
}

// defaultSecrets are the Secrets of the chart's defaults.
var defaultSecrets = []string{
	"onward-candidates", "onward-employers", "onward-gateway", "onward-insights", "onward-matching",
	"onward-notifications", "onward-placements", "onward-platform", "onward-redis", "onward-web",
}

// expectations holds one entry per value set.
var expectations = map[string]expectation{
	"defaults": {
		secretNames:    defaultSecrets,
		ingressPeer:    namespacePeer(map[string]string{"kubernetes.io/metadata.name": "ingress-nginx"}, nil),
		monitoringPeer: namespacePeer(map[string]string{"kubernetes.io/metadata.name": "monitoring"}, nil),
	},
	"ha": {
		secretNames:    defaultSecrets,
		ingressPeer:    namespacePeer(map[string]string{"kubernetes.io/metadata.name": "ingress-nginx"}, nil),
		monitoringPeer: namespacePeer(map[string]string{"kubernetes.io/metadata.name": "monitoring"}, nil),
		serviceMonitor: true,
	},
	"external": {
		secretNames: []string{
			"atlas-candidates", "atlas-employers", "atlas-gateway", "atlas-insights", "atlas-matching",
			"atlas-notifications", "atlas-placements", "candidates-keys", "managed-redis", "onward-gateway",
			"onward-shared", "onward-web", "relay",
		},
		ingressPeer: namespacePeer(map[string]string{"kubernetes.io/metadata.name": "traefik"},
			map[string]string{"app.kubernetes.io/name": "traefik"}),
		monitoringPeer:   namespacePeer(map[string]string{"team": "observability"}, nil),
		egressRestricted: true,
	},
}

// TestChartLintsCleanAndRendersSafeObjects lints the chart through Helm's SDK
// (no message of any severity is accepted), renders it for each value set,
// decodes every object strictly into the Kubernetes API types and checks the
// rules an operator relies on, object by object.
func TestChartLintsCleanAndRendersSafeObjects(t *testing.T) {
	tp := readTopology(t)
	for name, path := range valueSets {
		t.Run(name, func(t *testing.T) {
			overrides := readValues(t, path)
			if messages := lintMessages(t, overrides); len(messages) > 0 {
				t.Errorf("helm lint reports:\n%v", messages)
			}
			manifests, err := renderManifests(t, overrides)
			if err != nil {
				t.Fatalf("rendering: %v", err)
			}
			objs, err := decodeAll(manifests)
			if err != nil {
				t.Fatal(err)
			}
			want := expectations[name]
			checkEveryServiceDeployed(t, objs, tp)
			checkContainers(t, objs)
			checkSecrets(t, objs, want.secretNames)
			checkCompanions(t, objs)
			checkMatchingRollout(t, objs)
			checkNetworkPolicies(t, objs, tp, want)
			checkIngress(t, objs, tp)
			checkServiceMonitor(t, objs, want.serviceMonitor)
		})
	}
}

// TestChartRefusesUnsafeValues renders values an operator might try and the
// chart must refuse rather than deploy: a floating image tag, and a matching
// rollout that takes an instance away before its successor has loaded, an
// Ingress without TLS, and values the schema refuses.
func TestChartRefusesUnsafeValues(t *testing.T) {
	cases := map[string]map[string]any{
		"latest tag": {"image": map[string]any{"tag": "latest"}},
		"matching downtime": {"services": map[string]any{"matching": map[string]any{
			"strategy": map[string]any{"maxUnavailable": 1}}}},
		"no TLS":             {"ingress": map[string]any{"tlsSecretName": ""}},
		"misspelt value":     {"ingres": map[string]any{"host": "onward.example.org"}},
		"secret without key": {"secrets": map[string]any{"redisURL": map[string]any{"key": nil}}},
	}
	for name, overrides := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := renderManifests(t, overrides); err == nil {
				t.Fatal("the chart rendered; it must refuse these values")
			}
		})
	}
}

// serviceNameOf returns the Onward service a set of labels belongs to.
func serviceNameOf(labels map[string]string) string {
	return labels["app.kubernetes.io/name"]
}

// sortedCopy returns a sorted copy of a list, for comparisons.
func sortedCopy(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}
