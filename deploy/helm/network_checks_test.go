package helm_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// namespacePeer builds the peer of pods in other namespaces an expectation names.
func namespacePeer(namespaceLabels, podLabels map[string]string) networkingv1.NetworkPolicyPeer {
	peer := networkingv1.NetworkPolicyPeer{NamespaceSelector: &metav1.LabelSelector{MatchLabels: namespaceLabels}}
	if podLabels != nil {
		peer.PodSelector = &metav1.LabelSelector{MatchLabels: podLabels}
	}
	return peer
}

// selects reports whether a label selector selects a set of labels; an
// unparsable selector selects nothing.
func selects(selector *metav1.LabelSelector, set map[string]string) bool {
	if selector == nil {
		return false
	}
	s, err := metav1.LabelSelectorAsSelector(selector)
	return err == nil && s.Matches(labels.Set(set))
}

// checkNetworkPolicies requires a deny-all policy over every pod, and that
// each service is reachable on its port only from the services that call it
// in docker-compose.yml (and the ingress controller, for the public
// entries), and on its metrics port only from the monitoring namespace.
func checkNetworkPolicies(t *testing.T, objs objects, tp topology, want expectation) {
	t.Helper()
	checkDenyAll(t, objs, want.egressRestricted)
	for _, d := range objs.deployments {
		name := serviceNameOf(d.Spec.Template.Labels)
		got := admitted(t, objs, d.Spec.Template.Labels)
		var http []string
		for _, caller := range tp.callers(name) {
			http = append(http, "pods of "+caller)
		}
		if tp.public[name] {
			http = append(http, describePeer(want.ingressPeer))
		}
		wantPorts := map[string][]string{"http": sortedCopy(http), "metrics": {describePeer(want.monitoringPeer)}}
		for port, peers := range wantPorts {
			if !slices.Equal(got[port], peers) {
				t.Errorf("%s's %s port admits %v, want %v", name, port, got[port], peers)
			}
		}
		if len(got) != len(wantPorts) {
			t.Errorf("%s admits traffic to ports %v; only http and metrics are expected", name, got)
		}
	}
}

// checkDenyAll requires a policy with no rules that selects every pod of
// the release, for ingress (and egress where it is restricted).
func checkDenyAll(t *testing.T, objs objects, egressRestricted bool) {
	t.Helper()
	for _, p := range objs.policies {
		types := p.Spec.PolicyTypes
		if len(p.Spec.Ingress) > 0 || !slices.Contains(types, networkingv1.PolicyTypeIngress) ||
			(egressRestricted && (len(p.Spec.Egress) > 0 || !slices.Contains(types, networkingv1.PolicyTypeEgress))) {
			continue
		}
		all := true
		for _, d := range objs.deployments {
			all = all && selects(&p.Spec.PodSelector, d.Spec.Template.Labels)
		}
		if all {
			return
		}
	}
	t.Errorf("no NetworkPolicy denies by default every pod's ingress (egress too: %v)", egressRestricted)
}

// admitted lists, per named port of pods with these labels, the peers the
// NetworkPolicies admit, described and sorted. A rule with no peers or no
// ports (which would admit anyone, or to any port) fails the test.
func admitted(t *testing.T, objs objects, podLabels map[string]string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, p := range objs.policies {
		if !selects(&p.Spec.PodSelector, podLabels) {
			continue
		}
		for _, rule := range p.Spec.Ingress {
			if len(rule.From) == 0 || len(rule.Ports) == 0 {
				t.Errorf("NetworkPolicy %s admits anyone or to any port: %+v", p.Name, rule)
				continue
			}
			for _, port := range rule.Ports {
				for _, peer := range rule.From {
					out[port.Port.String()] = append(out[port.Port.String()], describePeer(peer))
				}
			}
		}
	}
	for port, peers := range out {
		out[port] = slices.Compact(sortedCopy(peers))
	}
	return out
}

// describePeer names a peer: "pods of <service>" for the release's own pods,
// or its selectors as JSON for anything else.
func describePeer(peer networkingv1.NetworkPolicyPeer) string {
	if peer.NamespaceSelector == nil && peer.IPBlock == nil && peer.PodSelector != nil {
		ml := peer.PodSelector.MatchLabels
		if ml["app.kubernetes.io/instance"] == releaseName && len(peer.PodSelector.MatchExpressions) == 0 {
			return "pods of " + serviceNameOf(ml)
		}
	}
	if peer.PodSelector != nil && len(peer.PodSelector.MatchLabels)+len(peer.PodSelector.MatchExpressions) == 0 {
		peer.PodSelector = nil // an empty pod selector in a namespace means all its pods
	}
	described, _ := json.Marshal(peer)
	return string(described)
}

// checkIngress requires one Ingress, with TLS for every host, whose backends
// are only the public entries' Services, and which sends nothing under
// /internal or /metrics anywhere.
func checkIngress(t *testing.T, objs objects, tp topology) {
	t.Helper()
	if len(objs.ingresses) != 1 {
		t.Fatalf("%d Ingresses, want 1", len(objs.ingresses))
	}
	ing := objs.ingresses[0]
	tlsHosts := map[string]bool{}
	for _, tls := range ing.Spec.TLS {
		for _, h := range tls.Hosts {
			tlsHosts[h] = tls.SecretName != ""
		}
	}
	if ing.Spec.DefaultBackend != nil {
		t.Error("the Ingress has a default backend")
	}
	reached := map[string]bool{}
	for _, rule := range ing.Spec.Rules {
		if rule.Host == "" || !tlsHosts[rule.Host] {
			t.Errorf("host %q is served without TLS", rule.Host)
		}
		for _, path := range rule.HTTP.Paths {
			service := serviceOf(objs, path.Backend.Service.Name)
			reached[serviceNameOf(service.Labels)] = true
			if strings.HasPrefix(path.Path, "/internal") || strings.HasPrefix(path.Path, "/metrics") {
				t.Errorf("the Ingress publishes %s", path.Path)
			}
			if path.Backend.Service.Port.Name != "http" {
				t.Errorf("the Ingress sends %s to port %+v", path.Path, path.Backend.Service.Port)
			}
		}
	}
	for name := range tp.calls {
		if reached[name] != tp.public[name] {
			t.Errorf("the Ingress reaches %s: %v; public in docker-compose.yml: %v", name, reached[name], tp.public[name])
		}
	}
}

// serviceOf finds a rendered Service by its object name.
func serviceOf(objs objects, name string) corev1.Service {
	for _, s := range objs.services {
		if s.Name == name {
			return s
		}
	}
	return corev1.Service{}
}

// checkServiceMonitor requires a ServiceMonitor exactly when asked for, one
// that scrapes the metrics port of every Service of the release.
func checkServiceMonitor(t *testing.T, objs objects, wanted bool) {
	t.Helper()
	if got := len(objs.serviceMonitors); got != map[bool]int{false: 0, true: 1}[wanted] {
		t.Fatalf("%d ServiceMonitors, want one: %v", got, wanted)
	}
	for _, sm := range objs.serviceMonitors {
		if len(sm.Spec.Endpoints) == 0 || len(sm.Spec.Selector.MatchLabels)+len(sm.Spec.Selector.MatchExpressions) == 0 {
			t.Errorf("ServiceMonitor %s lacks endpoints or a selector", sm.Name)
		}
		if !slices.Equal(sm.Spec.NamespaceSelector.MatchNames, []string{releaseNamespace}) {
			t.Errorf("ServiceMonitor %s looks in namespaces %v", sm.Name, sm.Spec.NamespaceSelector.MatchNames)
		}
		for _, s := range objs.services {
			if !selects(&sm.Spec.Selector, s.Labels) {
				t.Errorf("ServiceMonitor %s misses Service %s", sm.Name, s.Name)
			}
			for _, e := range sm.Spec.Endpoints {
				if !slices.ContainsFunc(s.Spec.Ports, func(p corev1.ServicePort) bool { return p.Name == e.Port }) || e.Path != "/metrics" {
					t.Errorf("ServiceMonitor %s scrapes %s%s, which Service %s lacks", sm.Name, e.Port, e.Path, s.Name)
				}
			}
		}
	}
}

// metaSelector turns a Service's plain selector into a label selector.
func metaSelector(set map[string]string) *metav1.LabelSelector {
	return &metav1.LabelSelector{MatchLabels: set}
}
