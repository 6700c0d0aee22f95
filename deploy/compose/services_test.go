package compose

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServicesFitTheImages checks the two things each Dockerfile relies on
// in code owned by the services: the module builds without go.work (images
// build with GOWORK=off), and main dispatches `/<name> healthcheck` to a
// probe (healthcheck.RunIfRequested, directly or through platform.Main)
// instead of starting a second server.
func TestServicesFitTheImages(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	for _, svc := range onwardServices {
		t.Run(svc.name, func(t *testing.T) {
			t.Parallel()
			moduleDir := filepath.Join(root, "services", svc.name)
			mainGo := filepath.Join(moduleDir, "cmd", svc.name, "main.go")
			src, err := os.ReadFile(mainGo)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), "healthcheck.RunIfRequested(") && !strings.Contains(string(src), "platform.Main(") {
				t.Errorf("%s does not call healthcheck.RunIfRequested; the image's HEALTHCHECK would start a second server", mainGo)
			}

			// go list resolves the module graph and go.sum exactly as the
			// image build does, without compiling anything.
			cmd := exec.Command("go", "list", "-deps", "-mod=readonly", "./cmd/"+svc.name)
			cmd.Dir = moduleDir
			cmd.Env = append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("GOWORK=off go list ./cmd/%s in services/%s: %v\n%s\n"+
					"Run `GOWORK=off go mod tidy` in services/%s so the image can build.",
					svc.name, svc.name, err, stderr.String(), svc.name)
			}
		})
	}
}
