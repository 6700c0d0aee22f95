package compose

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// onwardService describes what the compose file must say about one of
// Onward's own services.
type onwardService struct {
	name     string
	port     string
	database string
}

// onwardServices are built from this repository; mongo and redis are not.
var onwardServices = []onwardService{
	{name: "web", port: "8080"},
	{name: "gateway", port: "8080", database: "onward_gateway"},
	{name: "employers", port: "8081", database: "onward_employers"},
	{name: "candidates", port: "8082", database: "onward_candidates"},
	{name: "matching", port: "8083", database: "onward_matching"},
	{name: "notifications", port: "8084", database: "onward_notifications"},
	{name: "placements", port: "8085", database: "onward_placements"},
	{name: "insights", port: "8086", database: "onward_insights"},
}

// requiredEnv are the variables the compose file refuses to start without.
// The values are placeholders for loading the file, never real secrets.
var requiredEnv = map[string]string{
	"ONWARD_SERVICE_SECRET":         "test-service-secret",
	"ONWARD_KEY_ENCRYPTION_KEY":     "test-key-encryption-key",
	"ONWARD_ADMIN_EMAIL":            "admin@example.org",
	"ONWARD_ADMIN_PASSWORD":         "test-admin-password",
	"CANDIDATES_IDENTITY_KEYS":      "k1:test-identity-key",
	"CANDIDATES_KEY_ENCRYPTION_KEY": "test-candidates-kek",
	"CANDIDATES_HMAC_KEY":           "test-candidates-hmac-key",
	"WEB_CSRF_KEY":                  "test-web-csrf-key-0123456789abcdef",
	"MONGO_ROOT_PASSWORD":           "test-mongo-root",
	"MONGO_REPLICA_SET_KEY":         "test-mongo-replica-set-key",
	"MONGO_GATEWAY_PASSWORD":        "test-mongo-gateway",
	"MONGO_EMPLOYERS_PASSWORD":      "test-mongo-employers",
	"MONGO_CANDIDATES_PASSWORD":     "test-mongo-candidates",
	"MONGO_MATCHING_PASSWORD":       "test-mongo-matching",
	"MONGO_NOTIFICATIONS_PASSWORD":  "test-mongo-notifications",
	"MONGO_PLACEMENTS_PASSWORD":     "test-mongo-placements",
	"MONGO_INSIGHTS_PASSWORD":       "test-mongo-insights",
	"REDIS_PASSWORD":                "test-redis-password",
}

// mongoURI is the address a service with its own database reaches MongoDB
// at in the compose file: as its own user, authenticated against and
// limited to its own database.
func mongoURI(database string) string {
	user := database
	password := requiredEnv["MONGO_"+strings.ToUpper(strings.TrimPrefix(database, "onward_"))+"_PASSWORD"]
	return "mongodb://" + user + ":" + password + "@mongo:27017/" + database + "?replicaSet=rs0&authSource=" + database
}

// redisURL is the address every service reaches Redis at, with its password.
var redisURL = "redis://:" + requiredEnv["REDIS_PASSWORD"] + "@redis:6379/0"

// candidatesSecrets are given to the candidates service and to no other.
var candidatesSecrets = []string{"CANDIDATES_IDENTITY_KEYS", "CANDIDATES_KEY_ENCRYPTION_KEY", "CANDIDATES_HMAC_KEY"}

// repoRoot is the repository root, where docker-compose.yml lives and
// which every image build uses as its context.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// loadProject loads docker-compose.yml as `docker compose` would, with env
// as the only variables for interpolation (the process environment and any
// .env file are ignored so the test does not depend on the machine).
func loadProject(t *testing.T, env map[string]string) (*types.Project, error) {
	t.Helper()
	root := repoRoot(t)
	pairs := make([]string, 0, len(env))
	for k, v := range env {
		pairs = append(pairs, k+"="+v)
	}
	opts, err := cli.NewProjectOptions(
		[]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root),
		cli.WithEnv(pairs),
	)
	if err != nil {
		t.Fatalf("compose options: %v", err)
	}
	return opts.LoadProject(context.Background())
}

// mustLoadProject loads the compose file with every required variable set.
func mustLoadProject(t *testing.T) *types.Project {
	t.Helper()
	project, err := loadProject(t, requiredEnv)
	if err != nil {
		t.Fatalf("load docker-compose.yml: %v", err)
	}
	return project
}

// service returns the named service or stops the test.
func service(t *testing.T, project *types.Project, name string) types.ServiceConfig {
	t.Helper()
	svc, ok := project.Services[name]
	if !ok {
		t.Fatalf("service %q is missing from docker-compose.yml", name)
	}
	return svc
}

// envValue returns a service's environment variable after interpolation.
func envValue(svc types.ServiceConfig, key string) (string, bool) {
	v, ok := svc.Environment[key]
	if !ok || v == nil {
		return "", false
	}
	return *v, true
}

func TestComposeNamesProject(t *testing.T) {
	t.Parallel()
	if got := mustLoadProject(t).Name; got != "onward" {
		t.Errorf("project name = %q, want onward", got)
	}
}

func TestComposeHasEveryService(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	want := []string{"mongo", "redis"}
	for _, s := range onwardServices {
		want = append(want, s.name)
	}
	for _, name := range want {
		if _, ok := project.Services[name]; !ok {
			t.Errorf("service %q is missing", name)
		}
	}
}

func TestComposeRefusesToLoadWithoutSecrets(t *testing.T) {
	t.Parallel()
	for missing := range requiredEnv {
		t.Run(missing, func(t *testing.T) {
			t.Parallel()
			env := make(map[string]string, len(requiredEnv))
			for k, v := range requiredEnv {
				if k != missing {
					env[k] = v
				}
			}
			_, err := loadProject(t, env)
			if err == nil {
				t.Fatalf("docker-compose.yml loaded without %s, want an error", missing)
			}
			if !strings.Contains(err.Error(), missing) {
				t.Errorf("error %q does not name %s", err, missing)
			}
		})
	}
}

func TestComposeEveryServiceHasHealthcheck(t *testing.T) {
	t.Parallel()
	for name, svc := range mustLoadProject(t).Services {
		hc := svc.HealthCheck
		switch {
		case hc == nil || hc.Disable || len(hc.Test) == 0:
			t.Errorf("%s: no healthcheck", name)
		case hc.Interval == nil || hc.Timeout == nil || hc.Retries == nil || hc.StartPeriod == nil:
			t.Errorf("%s: healthcheck needs interval, timeout, retries and start_period", name)
		}
	}
}

func TestComposeMongoIsSelfInitiatingReplicaSet(t *testing.T) {
	t.Parallel()
	mongo := service(t, mustLoadProject(t), "mongo")
	if !strings.HasPrefix(mongo.Image, "mongo:7") {
		t.Errorf("mongo image = %q, want mongo:7", mongo.Image)
	}
	if cmd := strings.Join(mongo.Command, " "); !strings.Contains(cmd, "--replSet rs0") {
		t.Errorf("mongo command %q lacks --replSet rs0", cmd)
	}
	if probe := strings.Join(mongo.HealthCheck.Test, " "); !strings.Contains(probe, "rs.initiate(") ||
		!strings.Contains(probe, "host:'mongo:27017'") {
		t.Errorf("mongo healthcheck %q does not initiate the replica set as mongo:27017", probe)
	}
	if !mountsVolumeAt(mongo, "/data/db") {
		t.Error("mongo keeps /data/db in no named volume")
	}
}

func TestComposeRedisKeepsStreams(t *testing.T) {
	t.Parallel()
	redis := service(t, mustLoadProject(t), "redis")
	if !strings.HasPrefix(redis.Image, "redis:7") {
		t.Errorf("redis image = %q, want redis:7", redis.Image)
	}
	cmd := strings.Join(redis.Command, " ")
	for _, want := range []string{"--appendonly yes", "--maxmemory-policy noeviction"} {
		if !strings.Contains(cmd, want) {
			t.Errorf("redis command %q lacks %q", cmd, want)
		}
	}
	if probe := strings.Join(redis.HealthCheck.Test, " "); !strings.Contains(probe, "redis-cli ping") {
		t.Errorf("redis healthcheck = %q, want redis-cli ping", probe)
	}
	if !mountsVolumeAt(redis, "/data") {
		t.Error("redis keeps /data in no named volume")
	}
}

// mountsVolumeAt reports whether a named volume is mounted at target.
func mountsVolumeAt(svc types.ServiceConfig, target string) bool {
	return slices.ContainsFunc(svc.Volumes, func(v types.ServiceVolumeConfig) bool {
		return v.Type == types.VolumeTypeVolume && v.Target == target && v.Source != ""
	})
}

// edges are the services people and their programs reach: the web app's
// pages on 8080 and the gateway's API on 8090.
var edges = map[string]string{"web": "8080", "gateway": "8090"}

func TestComposeOnlyTheEdgesPublishPorts(t *testing.T) {
	t.Parallel()
	for name, svc := range mustLoadProject(t).Services {
		published, edge := edges[name]
		switch {
		case !edge && len(svc.Ports) > 0:
			t.Errorf("%s publishes ports %v; only the web app and the gateway may", name, svc.Ports)
		case edge && (len(svc.Ports) != 1 || svc.Ports[0].Target != 8080 || svc.Ports[0].Published != published):
			t.Errorf("%s ports = %+v, want %s:8080 only", name, svc.Ports, published)
		}
	}
}

// TestComposeGatewayTrustsOnlyTheBackend checks that the gateway believes a
// forwarded client address only from the backend network, where the web
// app sits, and that the network has that range.
func TestComposeGatewayTrustsOnlyTheBackend(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	trusted, _ := envValue(service(t, project, "gateway"), "TRUSTED_PROXIES")
	ipam := project.Networks["backend"].Ipam
	if len(ipam.Config) != 1 || ipam.Config[0].Subnet != trusted || trusted == "" {
		t.Errorf("gateway TRUSTED_PROXIES = %q, backend subnets %+v: want the backend's one subnet", trusted, ipam.Config)
	}
}

func TestComposeGatewayPortIsReachable(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	// Docker publishes no port on an internal network, so each edge must
	// also join a network with a way out, and join it first.
	for name := range edges {
		svc := service(t, project, name)
		networks := svc.NetworksByPriority()
		if len(networks) == 0 || project.Networks[networks[0]].Internal {
			t.Errorf("%s networks by priority = %v; the first must not be internal", name, networks)
		}
	}
}

func TestComposeOnlyGatewayReachesOutside(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	for name, svc := range project.Services {
		if len(svc.Networks) == 0 {
			t.Errorf("%s is on the default network; name its networks", name)
		}
		for network := range svc.Networks {
			_, edge := edges[name]
			sendsMail := name == "notifications" && network == "mail"
			if !edge && !sendsMail && !project.Networks[network].Internal {
				t.Errorf("%s joins %q, which is not internal; only the web app and the gateway may (and notifications \"mail\", for SMTP)", name, network)
			}
		}
	}
}

func TestComposeOnwardServices(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	for _, want := range onwardServices {
		t.Run(want.name, func(t *testing.T) {
			t.Parallel()
			svc := service(t, project, want.name)
			checkBuild(t, project, svc, want)
			checkHardening(t, svc)
			checkHealthcheck(t, svc, want)
			checkDependsOnStores(t, svc)
			checkEnvironment(t, svc, want)
		})
	}
}

// checkBuild asserts the service is built from its own Dockerfile with the
// repository root as context, and tagged onward/<name>.
func checkBuild(t *testing.T, project *types.Project, svc types.ServiceConfig, want onwardService) {
	t.Helper()
	if svc.Build == nil {
		t.Fatal("no build section")
	}
	if svc.Build.Context != project.WorkingDir {
		t.Errorf("build context = %q, want the repository root %q", svc.Build.Context, project.WorkingDir)
	}
	dockerfile := svc.Build.Dockerfile
	if !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(svc.Build.Context, dockerfile)
	}
	wantDockerfile := filepath.Join(project.WorkingDir, "services", want.name, "Dockerfile")
	if dockerfile != wantDockerfile {
		t.Errorf("dockerfile = %q, want %q", dockerfile, wantDockerfile)
	}
	if _, err := os.Stat(wantDockerfile); err != nil {
		t.Errorf("dockerfile: %v", err)
	}
	if wantImage := "onward/" + want.name + ":latest"; svc.Image != wantImage {
		t.Errorf("image = %q, want %q", svc.Image, wantImage)
	}
}

// checkHardening asserts the container runs read-only, cannot gain
// privileges and comes back after a crash.
func checkHardening(t *testing.T, svc types.ServiceConfig) {
	t.Helper()
	if !svc.ReadOnly {
		t.Error("read_only is not true")
	}
	if !slices.Contains(svc.SecurityOpt, "no-new-privileges:true") {
		t.Errorf("security_opt = %v, want no-new-privileges:true", svc.SecurityOpt)
	}
	if svc.Restart != types.RestartPolicyUnlessStopped {
		t.Errorf("restart = %q, want unless-stopped", svc.Restart)
	}
}

// checkHealthcheck asserts the container probes itself through the binary's
// healthcheck mode, the only probe a distroless image can run.
func checkHealthcheck(t *testing.T, svc types.ServiceConfig, want onwardService) {
	t.Helper()
	if svc.HealthCheck == nil {
		t.Fatal("no healthcheck")
	}
	wantTest := types.HealthCheckTest{"CMD", "/" + want.name, "healthcheck"}
	if !slices.Equal(svc.HealthCheck.Test, wantTest) {
		t.Errorf("healthcheck test = %q, want %q", svc.HealthCheck.Test, wantTest)
	}
}

// checkDependsOnStores asserts the service starts only once the stores it
// uses (MongoDB and Redis; Redis alone for the web app) report healthy.
func checkDependsOnStores(t *testing.T, svc types.ServiceConfig) {
	t.Helper()
	stores := []string{"mongo", "redis"}
	if svc.Name == "web" {
		stores = []string{"redis", "gateway"}
		if _, ok := svc.DependsOn["mongo"]; ok {
			t.Error("the web app owns no database, yet waits for mongo")
		}
	}
	for _, store := range stores {
		dep, ok := svc.DependsOn[store]
		if !ok {
			t.Errorf("does not depend on %s", store)
			continue
		}
		if dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("depends on %s with condition %q, want %q", store, dep.Condition, types.ServiceConditionHealthy)
		}
	}
}

// checkEnvironment asserts the variables every service reads, plus the
// ones only the gateway or only the other services need.
func checkEnvironment(t *testing.T, svc types.ServiceConfig, want onwardService) {
	t.Helper()
	if want.name == "web" {
		checkWebEnvironment(t, svc)
		return
	}
	expect := map[string]string{
		"MONGO_URI":             mongoURI(want.database),
		"MONGO_DB":              want.database,
		"REDIS_URL":             redisURL,
		"LOG_FORMAT":            "json",
		"ONWARD_SERVICE_SECRET": requiredEnv["ONWARD_SERVICE_SECRET"],
		// The token issuer: signed with by the gateway, checked by the rest.
		"ONWARD_PUBLIC_URL": "http://localhost:8080",
	}
	if want.name == "gateway" {
		expect["EMPLOYERS_URL"] = "http://employers:8081"
		expect["CANDIDATES_URL"] = "http://candidates:8082"
		expect["MATCHING_URL"] = "http://matching:8083"
		expect["NOTIFICATIONS_URL"] = "http://notifications:8084"
		expect["PLACEMENTS_URL"] = "http://placements:8085"
		expect["INSIGHTS_URL"] = "http://insights:8086"
		expect["ONWARD_ADMIN_EMAIL"] = requiredEnv["ONWARD_ADMIN_EMAIL"]
		expect["ONWARD_ADMIN_PASSWORD"] = requiredEnv["ONWARD_ADMIN_PASSWORD"]
		expect["ONWARD_KEY_ENCRYPTION_KEY"] = requiredEnv["ONWARD_KEY_ENCRYPTION_KEY"]
	} else {
		expect["GATEWAY_URL"] = "http://gateway:8080"
		if _, ok := envValue(svc, "ONWARD_KEY_ENCRYPTION_KEY"); ok {
			t.Error("ONWARD_KEY_ENCRYPTION_KEY is given to a service other than the gateway")
		}
	}
	if want.name == "placements" {
		// The owners of roles, shortlists and candidates it asks.
		expect["EMPLOYERS_URL"] = "http://employers:8081"
		expect["CANDIDATES_URL"] = "http://candidates:8082"
		expect["MATCHING_URL"] = "http://matching:8083"
	}
	if want.name == "insights" {
		// The owners whose facts it counts.
		expect["EMPLOYERS_URL"] = "http://employers:8081"
		expect["CANDIDATES_URL"] = "http://candidates:8082"
		expect["MATCHING_URL"] = "http://matching:8083"
		expect["PLACEMENTS_URL"] = "http://placements:8085"
	}
	if want.name == "notifications" {
		// The owners it asks who is told, and the mail server (Mailpit of
		// the dev profile unless SMTP_URL names a relay).
		expect["EMPLOYERS_URL"] = "http://employers:8081"
		expect["CANDIDATES_URL"] = "http://candidates:8082"
		expect["PLACEMENTS_URL"] = "http://placements:8085"
		expect["SMTP_URL"] = "smtp+plain://mailpit:1025"
		expect["MAIL_FROM"] = "Onward <no-reply@onward.local>"
	} else {
		for _, key := range []string{"SMTP_URL", "MAIL_FROM"} {
			if _, given := envValue(svc, key); given {
				t.Errorf("%s is given to %s; only the notifications service sends mail", key, want.name)
			}
		}
	}
	for _, key := range candidatesSecrets {
		_, given := envValue(svc, key)
		switch {
		case want.name == "candidates":
			expect[key] = requiredEnv[key]
		case given:
			t.Errorf("%s is given to %s; only the candidates service may hold it", key, want.name)
		}
	}
	for key, value := range expect {
		got, ok := envValue(svc, key)
		if !ok {
			t.Errorf("environment lacks %s", key)
			continue
		}
		if got != value {
			t.Errorf("%s = %q, want %q", key, got, value)
		}
	}
}

// checkWebEnvironment asserts the web app gets Redis, the public address
// and the gateway's, and none of the platform's secrets or databases: it
// is a client of the public API like any other.
func checkWebEnvironment(t *testing.T, svc types.ServiceConfig) {
	t.Helper()
	expect := map[string]string{
		"REDIS_URL": redisURL, "LOG_FORMAT": "json",
		"ONWARD_PUBLIC_URL": "http://localhost:8080", "GATEWAY_URL": "http://gateway:8080",
		"WEB_CSRF_KEY": requiredEnv["WEB_CSRF_KEY"],
	}
	for key, value := range expect {
		if got, _ := envValue(svc, key); got != value {
			t.Errorf("%s = %q, want %q", key, got, value)
		}
	}
	for _, key := range append([]string{"MONGO_URI", "MONGO_DB", "ONWARD_SERVICE_SECRET", "ONWARD_KEY_ENCRYPTION_KEY"}, candidatesSecrets...) {
		if _, given := envValue(svc, key); given {
			t.Errorf("%s is given to the web app", key)
		}
	}
}
