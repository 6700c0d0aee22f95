package helm_test

import (
	"testing"

	appsv1 "k8s.io/api/apps/v1"
)

// checkCompanions requires that every Deployment selects its own pods and
// has a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget, and
// that every autoscaler and budget belongs to a rendered Deployment.
func checkCompanions(t *testing.T, objs objects) {
	t.Helper()
	for _, d := range objs.deployments {
		pods := d.Spec.Template.Labels
		if !selects(d.Spec.Selector, pods) {
			t.Errorf("Deployment %s does not select its own pods", d.Name)
		}
		if n := countServices(objs, pods); n != 1 {
			t.Errorf("Deployment %s has %d Services, want 1", d.Name, n)
		}
		if n := countAutoscalers(objs, d); n != 1 {
			t.Errorf("Deployment %s has %d HorizontalPodAutoscalers, want 1", d.Name, n)
		}
		budgets := 0
		for _, b := range objs.budgets {
			if selects(b.Spec.Selector, pods) {
				budgets++
			}
		}
		if budgets != 1 {
			t.Errorf("Deployment %s has %d PodDisruptionBudgets, want 1", d.Name, budgets)
		}
	}
	for _, h := range objs.autoscalers {
		ref := h.Spec.ScaleTargetRef
		if _, ok := deploymentNamed(objs, ref.Name); !ok || ref.Kind != "Deployment" || ref.APIVersion != "apps/v1" {
			t.Errorf("HorizontalPodAutoscaler %s targets %+v, no rendered Deployment", h.Name, ref)
		}
		if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 1 || *h.Spec.MinReplicas > h.Spec.MaxReplicas {
			t.Errorf("HorizontalPodAutoscaler %s scales between %v and %d", h.Name, h.Spec.MinReplicas, h.Spec.MaxReplicas)
		}
	}
	for _, b := range objs.budgets {
		if b.Spec.MinAvailable == nil && b.Spec.MaxUnavailable == nil {
			t.Errorf("PodDisruptionBudget %s sets no budget", b.Name)
		}
	}
}

// countServices counts the Services whose selector picks these pods and
// that forward both the http and the metrics ports.
func countServices(objs objects, pods map[string]string) int {
	n := 0
	for _, s := range objs.services {
		if len(s.Spec.Selector) == 0 || !selects(metaSelector(s.Spec.Selector), pods) {
			continue
		}
		ports := map[string]bool{}
		for _, p := range s.Spec.Ports {
			ports[p.TargetPort.String()] = true
		}
		if ports["http"] && ports["metrics"] {
			n++
		}
	}
	return n
}

// countAutoscalers counts the autoscalers that target one Deployment.
func countAutoscalers(objs objects, d appsv1.Deployment) int {
	n := 0
	for _, h := range objs.autoscalers {
		if h.Spec.ScaleTargetRef.Name == d.Name && h.Spec.ScaleTargetRef.Kind == "Deployment" {
			n++
		}
	}
	return n
}

// deploymentNamed finds a rendered Deployment by its object name.
func deploymentNamed(objs objects, name string) (appsv1.Deployment, bool) {
	for _, d := range objs.deployments {
		if d.Name == name {
			return d, true
		}
	}
	return appsv1.Deployment{}, false
}
