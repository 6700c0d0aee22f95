package helm_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// checkEveryServiceDeployed requires one Deployment per Onward service of
// docker-compose.yml and no other, each given a <NAME>_URL for exactly the
// services it calls there, pointing at that service's Service and port, and
// exactly the secrets it gets there (the web app none of the platform's).
func checkEveryServiceDeployed(t *testing.T, objs objects, tp topology) {
	t.Helper()
	var deployed []string
	for _, d := range objs.deployments {
		name := serviceNameOf(d.Spec.Template.Labels)
		deployed = append(deployed, name)
		var callees, secrets []string
		for _, env := range d.Spec.Template.Spec.Containers[0].Env {
			if callee, ok := calleeOf(t, objs, env); ok {
				callees = append(callees, callee)
			}
			if secretLooking.MatchString(env.Name) {
				secrets = append(secrets, env.Name)
			}
		}
		if !slices.Equal(sortedCopy(secrets), tp.secrets[name]) {
			t.Errorf("%s gets the secrets %v, docker-compose.yml gives it %v", name, sortedCopy(secrets), tp.secrets[name])
		}
		if !slices.Equal(sortedCopy(callees), tp.calls[name]) {
			t.Errorf("%s calls %v, docker-compose.yml says %v", name, sortedCopy(callees), tp.calls[name])
		}
	}
	var composed []string
	for name := range tp.calls {
		composed = append(composed, name)
	}
	if !slices.Equal(sortedCopy(deployed), sortedCopy(composed)) {
		t.Errorf("Deployments of %v, docker-compose.yml has %v", sortedCopy(deployed), sortedCopy(composed))
	}
}

// calleeOf reads a <NAME>_URL variable: the service it names, after checking
// that a Service of that name has that port.
func calleeOf(t *testing.T, objs objects, env corev1.EnvVar) (string, bool) {
	t.Helper()
	if !strings.HasSuffix(env.Name, "_URL") || !strings.HasPrefix(env.Value, "http://") {
		return "", false
	}
	u, err := url.Parse(env.Value)
	if err != nil {
		t.Errorf("%s=%q: %v", env.Name, env.Value, err)
		return "", false
	}
	for _, s := range objs.services {
		if s.Name != u.Hostname() {
			continue
		}
		for _, p := range s.Spec.Ports {
			if fmt.Sprint(p.Port) == u.Port() {
				return serviceNameOf(s.Labels), true
			}
		}
	}
	t.Errorf("%s=%q names no Service with that port", env.Name, env.Value)
	return "", false
}

// checkSecrets refuses any Secret with data in the chart, and requires the
// pods to read exactly the expected Secrets.
func checkSecrets(t *testing.T, objs objects, want []string) {
	t.Helper()
	for _, s := range objs.secrets {
		if len(s.Data)+len(s.StringData) > 0 {
			t.Errorf("the chart renders Secret %s with data; secrets belong in existing Secrets", s.Name)
		}
	}
	var read []string
	for _, d := range objs.deployments {
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
					read = append(read, e.ValueFrom.SecretKeyRef.Name)
				}
			}
			for _, from := range c.EnvFrom {
				if from.SecretRef != nil {
					read = append(read, from.SecretRef.Name)
				}
			}
		}
	}
	read = slices.Compact(sortedCopy(read))
	if !slices.Equal(read, sortedCopy(want)) {
		t.Errorf("the pods read Secrets %v, want %v", read, sortedCopy(want))
	}
}

// checkMatchingRollout requires that a matching rollout never takes an
// instance away before its successor is ready, that readiness is the honest
// /readyz, and that the startup probe allows minutes for the index to load.
func checkMatchingRollout(t *testing.T, objs objects) {
	t.Helper()
	d, ok := deploymentOf(objs, "matching")
	if !ok {
		t.Error("no matching Deployment")
		return
	}
	ru := d.Spec.Strategy.RollingUpdate
	if d.Spec.Strategy.Type != appsv1.RollingUpdateDeploymentStrategyType || ru == nil || ru.MaxUnavailable == nil ||
		ru.MaxUnavailable.String() != "0" {
		t.Errorf("matching's rollout may take instances away: %+v", d.Spec.Strategy)
	}
	startup := d.Spec.Template.Spec.Containers[0].StartupProbe
	if startup == nil || startup.PeriodSeconds*startup.FailureThreshold < 300 {
		t.Errorf("matching's startup probe allows less than five minutes: %+v", startup)
	}
}

// deploymentOf finds the Deployment of one service.
func deploymentOf(objs objects, service string) (appsv1.Deployment, bool) {
	for _, d := range objs.deployments {
		if serviceNameOf(d.Spec.Template.Labels) == service {
			return d, true
		}
	}
	return appsv1.Deployment{}, false
}
