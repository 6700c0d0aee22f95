package compose

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction with continuation lines joined.
type instruction struct {
	keyword string // upper case, such as FROM or RUN
	args    string
}

// stage is one build stage: its FROM image and the instructions after it.
type stage struct {
	image        string
	instructions []instruction
}

// parseDockerfile splits a Dockerfile into stages. It understands comments,
// blank lines and backslash continuations, which is all Onward's files use;
// it is a reader for tests, not a full Dockerfile parser.
func parseDockerfile(t *testing.T, path string) []stage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var stages []stage
	var pending strings.Builder
	flush := func() {
		line := strings.TrimSpace(pending.String())
		pending.Reset()
		if line == "" {
			return
		}
		keyword, args, _ := strings.Cut(line, " ")
		ins := instruction{keyword: strings.ToUpper(keyword), args: strings.TrimSpace(args)}
		if ins.keyword == "FROM" {
			image, _, _ := strings.Cut(ins.args, " ")
			stages = append(stages, stage{image: image})
			return
		}
		if len(stages) == 0 {
			t.Errorf("%s: %s before the first FROM", path, ins.keyword)
			return
		}
		last := &stages[len(stages)-1]
		last.instructions = append(last.instructions, ins)
	}
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if strings.HasPrefix(line, "#") {
			continue
		}
		if body, ok := strings.CutSuffix(line, `\`); ok {
			pending.WriteString(body + " ")
			continue
		}
		pending.WriteString(line)
		flush()
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return stages
}

// find returns the arguments of every instruction with keyword in s.
func (s stage) find(keyword string) []string {
	var args []string
	for _, ins := range s.instructions {
		if ins.keyword == keyword {
			args = append(args, ins.args)
		}
	}
	return args
}

func TestDockerfiles(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	for _, svc := range onwardServices {
		t.Run(svc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(root, "services", svc.name, "Dockerfile")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			stages := parseDockerfile(t, path)
			if len(stages) < 2 {
				t.Fatalf("%d FROM instructions, want a multi-stage build", len(stages))
			}
			checkBuilderStage(t, stages[0], string(raw), svc)
			checkFinalStage(t, stages[len(stages)-1], svc)
		})
	}
}

// checkBuilderStage asserts a pinned Go toolchain and a static,
// workspace-free build of the service's own command.
func checkBuilderStage(t *testing.T, builder stage, raw string, svc onwardService) {
	t.Helper()
	if builder.image != "golang:1.26-bookworm" {
		t.Errorf("builder image = %q, want golang:1.26-bookworm", builder.image)
	}
	for _, want := range []string{
		"CGO_ENABLED=0",
		"GOWORK=off",
		"go mod download",
		"-trimpath",
		`-ldflags="-s -w"`,
		"./cmd/" + svc.name,
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	copies := strings.Join(builder.find("COPY"), "\n")
	for _, want := range []string{"pkg/", "services/" + svc.name + "/"} {
		if !strings.Contains(copies, want) {
			t.Errorf("builder stage does not copy %s", want)
		}
	}
}

// checkFinalStage asserts a distroless image that runs as a non-root user,
// exposes the service's port and probes itself.
func checkFinalStage(t *testing.T, final stage, svc onwardService) {
	t.Helper()
	if !strings.HasPrefix(final.image, "gcr.io/distroless/static") && final.image != "scratch" {
		t.Errorf("final image = %q, want distroless static or scratch", final.image)
	}
	users := final.find("USER")
	if len(users) == 0 {
		t.Error("final stage sets no USER")
	} else if user, _, _ := strings.Cut(users[len(users)-1], ":"); user == "root" || user == "0" {
		t.Errorf("final stage runs as %q, want a non-root user", users[len(users)-1])
	}
	if exposes := final.find("EXPOSE"); !slices.Contains(exposes, svc.port) {
		t.Errorf("final stage exposes %v, want %s", exposes, svc.port)
	}
	binary := `"/` + svc.name + `"`
	if hc := strings.Join(final.find("HEALTHCHECK"), " "); !strings.Contains(hc, `CMD [`+binary+`, "healthcheck"]`) {
		t.Errorf("HEALTHCHECK = %q, want CMD [%s, \"healthcheck\"]", hc, binary)
	}
	if ep := final.find("ENTRYPOINT"); len(ep) != 1 || ep[0] != "["+binary+"]" {
		t.Errorf("ENTRYPOINT = %q, want [%s]", ep, binary)
	}
}

func TestDockerignore(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for line := range strings.Lines(string(raw)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			patterns = append(patterns, strings.TrimSuffix(line, "/"))
		}
	}
	for _, want := range []string{".git", "data", "artifacts", "**/.env"} {
		if !slices.Contains(patterns, want) {
			t.Errorf(".dockerignore does not exclude %s", want)
		}
	}
	// The builds need these; excluding them would break every image.
	for _, needed := range []string{"pkg", "services", "*", "**"} {
		if slices.Contains(patterns, needed) {
			t.Errorf(".dockerignore excludes %s, which image builds need", needed)
		}
	}
}
