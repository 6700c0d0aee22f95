package compose

import (
	"maps"
	"slices"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// mailpitImage is Mailpit's published image at the version pkg/mailpit
// pins for `make run` and the tests.
const mailpitImage = "axllent/mailpit:v1.33.1"

// loadDevProject loads the compose file with the dev profile on, as
// `docker compose --profile dev up` does, and env over the required
// variables.
func loadDevProject(t *testing.T, env map[string]string) *types.Project {
	t.Helper()
	all := maps.Clone(requiredEnv)
	maps.Copy(all, env)
	root := repoRoot(t)
	pairs := make([]string, 0, len(all))
	for k, v := range all {
		pairs = append(pairs, k+"="+v)
	}
	opts, err := cli.NewProjectOptions([]string{root + "/docker-compose.yml"},
		cli.WithWorkingDirectory(root), cli.WithEnv(pairs), cli.WithProfiles([]string{"dev"}))
	if err != nil {
		t.Fatal(err)
	}
	project, err := opts.LoadProject(t.Context())
	if err != nil {
		t.Fatalf("load docker-compose.yml with the dev profile: %v", err)
	}
	return project
}

// TestComposeMailpitOnlyInTheDevProfile: the mail catcher runs only when
// asked for (a production host must never swallow real mail), from the
// pinned image, hardened like the services, healthy through its own probe,
// and readable from this host alone.
func TestComposeMailpitOnlyInTheDevProfile(t *testing.T) {
	t.Parallel()
	if _, ok := mustLoadProject(t).Services["mailpit"]; ok {
		t.Error("mailpit runs without the dev profile")
	}
	project := loadDevProject(t, nil)
	mp := service(t, project, "mailpit")
	if mp.Image != mailpitImage || mp.Build != nil {
		t.Errorf("mailpit image = %q (build %v), want the published %s", mp.Image, mp.Build, mailpitImage)
	}
	if !mp.ReadOnly || !slices.Contains(mp.SecurityOpt, "no-new-privileges:true") || mp.Restart != types.RestartPolicyUnlessStopped {
		t.Errorf("mailpit is not hardened: read_only %v, security_opt %v, restart %q", mp.ReadOnly, mp.SecurityOpt, mp.Restart)
	}
	if hc := mp.HealthCheck; hc == nil || !slices.Equal(hc.Test, types.HealthCheckTest{"CMD", "/mailpit", "readyz"}) ||
		hc.Interval == nil || hc.Timeout == nil || hc.Retries == nil || hc.StartPeriod == nil {
		t.Errorf("mailpit healthcheck = %+v, want /mailpit readyz with full timing", hc)
	}
	if len(mp.Ports) != 1 || mp.Ports[0].HostIP != "127.0.0.1" || mp.Ports[0].Published != "8025" || mp.Ports[0].Target != 8025 {
		t.Errorf("mailpit ports = %+v, want 127.0.0.1:8025:8025 only", mp.Ports)
	}
	if networks := slices.Sorted(maps.Keys(mp.Networks)); !slices.Equal(networks, []string{"mail"}) {
		t.Errorf("mailpit networks = %v, want mail alone (never the stores' backend)", networks)
	}
	notifications := service(t, project, "notifications")
	if networks := notifications.NetworksByPriority(); !slices.Equal(networks, []string{"backend", "mail"}) {
		t.Errorf("notifications networks by priority = %v, want backend then mail", networks)
	}
	for name, svc := range project.Services {
		if _, on := svc.Networks["mail"]; on && name != "notifications" && name != "mailpit" {
			t.Errorf("%s joins the mail network", name)
		}
	}
	if got, _ := envValue(mp, "MP_DISABLE_VERSION_CHECK"); got != "true" {
		t.Errorf("MP_DISABLE_VERSION_CHECK = %q: mailpit would call GitHub", got)
	}
}

// TestComposeSMTPURLNamesARelay: an operator's SMTP_URL replaces Mailpit.
func TestComposeSMTPURLNamesARelay(t *testing.T) {
	t.Parallel()
	relay := "smtps://onward:secret@smtp.example.org:465"
	project := loadDevProject(t, map[string]string{"SMTP_URL": relay, "MAIL_FROM": "Onward <no-reply@example.org>"})
	svc := service(t, project, "notifications")
	for key, want := range map[string]string{"SMTP_URL": relay, "MAIL_FROM": "Onward <no-reply@example.org>"} {
		if got, _ := envValue(svc, key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}
