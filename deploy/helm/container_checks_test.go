package helm_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// checkContainers requires of every container: a pinned image, liveness and
// readiness probes on the health endpoints, CPU and memory requests and
// limits, a non-root read-only root file system with no privilege escalation
// and every capability dropped, and secrets only from Secrets.
func checkContainers(t *testing.T, objs objects) {
	t.Helper()
	for _, d := range objs.deployments {
		pod := d.Spec.Template.Spec
		if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
			t.Errorf("%s mounts a service account token it never uses", d.Name)
		}
		if len(pod.InitContainers)+len(pod.EphemeralContainers) > 0 {
			t.Errorf("%s has containers the checks below do not cover", d.Name)
		}
		for _, c := range pod.Containers {
			where := d.Name + "/" + c.Name
			checkImage(t, where, c.Image)
			checkProbes(t, where, c)
			checkResources(t, where, c.Resources)
			checkSecurity(t, where, pod.SecurityContext, c.SecurityContext)
			checkEnv(t, where, c.Env)
		}
	}
}

// checkImage refuses an image without a tag, or tagged latest.
func checkImage(t *testing.T, where, image string) {
	t.Helper()
	name := image[strings.LastIndex(image, "/")+1:]
	_, tag, _ := strings.Cut(name, ":")
	tag, _, _ = strings.Cut(tag, "@")
	if tag == "" || tag == "latest" {
		t.Errorf("%s runs %q: pin a release tag", where, image)
	}
}

// checkProbes requires liveness on /healthz and readiness on /readyz.
func checkProbes(t *testing.T, where string, c corev1.Container) {
	t.Helper()
	for kind, probe := range map[string]struct {
		probe *corev1.Probe
		path  string
	}{"liveness": {c.LivenessProbe, "/healthz"}, "readiness": {c.ReadinessProbe, "/readyz"}} {
		if probe.probe == nil || probe.probe.HTTPGet == nil || probe.probe.HTTPGet.Path != probe.path {
			t.Errorf("%s has no %s probe on %s", where, kind, probe.path)
		}
	}
}

// checkResources requires CPU and memory requests and limits, requests
// within limits.
func checkResources(t *testing.T, where string, r corev1.ResourceRequirements) {
	t.Helper()
	for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, hasReq := r.Requests[res]
		limit, hasLimit := r.Limits[res]
		switch {
		case !hasReq || req.IsZero():
			t.Errorf("%s requests no %s", where, res)
		case !hasLimit || limit.IsZero():
			t.Errorf("%s has no %s limit", where, res)
		case req.Cmp(limit) > 0:
			t.Errorf("%s requests more %s (%s) than its limit (%s)", where, res, req.String(), limit.String())
		}
	}
}

// checkSecurity requires non-root, a read-only root file system, no
// privilege escalation, every capability dropped and the runtime's seccomp
// profile (the pod's settings count where the container leaves them unset).
func checkSecurity(t *testing.T, where string, pod *corev1.PodSecurityContext, c *corev1.SecurityContext) {
	t.Helper()
	if pod == nil {
		pod = &corev1.PodSecurityContext{}
	}
	if c == nil {
		t.Errorf("%s has no securityContext", where)
		return
	}
	nonRoot := c.RunAsNonRoot
	if nonRoot == nil {
		nonRoot = pod.RunAsNonRoot
	}
	seccomp := c.SeccompProfile
	if seccomp == nil {
		seccomp = pod.SeccompProfile
	}
	switch {
	case nonRoot == nil || !*nonRoot:
		t.Errorf("%s may run as root", where)
	case c.ReadOnlyRootFilesystem == nil || !*c.ReadOnlyRootFilesystem:
		t.Errorf("%s may write its root file system", where)
	case c.AllowPrivilegeEscalation == nil || *c.AllowPrivilegeEscalation:
		t.Errorf("%s may escalate privileges", where)
	case c.Privileged != nil && *c.Privileged:
		t.Errorf("%s is privileged", where)
	case c.Capabilities == nil || !slices.Contains(c.Capabilities.Drop, "ALL") || len(c.Capabilities.Add) > 0:
		t.Errorf("%s keeps capabilities", where)
	case seccomp == nil || seccomp.Type != corev1.SeccompProfileTypeRuntimeDefault:
		t.Errorf("%s runs without the RuntimeDefault seccomp profile", where)
	}
}

// secretLooking matches the variables that carry secrets: they must come
// from a Secret, never a plain value in the chart.
var secretLooking = regexp.MustCompile(`SECRET|PASSWORD|_KEY$|_KEYS$|^MONGO_URI$|^REDIS_URL$|^SMTP_URL$`)

// checkEnv refuses a variable set twice, and a secret given as a plain value.
func checkEnv(t *testing.T, where string, env []corev1.EnvVar) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range env {
		if seen[e.Name] {
			t.Errorf("%s sets %s twice", where, e.Name)
		}
		seen[e.Name] = true
		if secretLooking.MatchString(e.Name) && (e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil) {
			t.Errorf("%s takes %s from no Secret", where, e.Name)
		}
	}
}
