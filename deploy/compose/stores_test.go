package compose

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestComposeStoresRequireCredentials: MongoDB runs with authentication
// (a root user and a replica-set key from the environment) and creates one
// user per service from the init script; Redis requires a password; no
// password has a default in the file, and each service's Mongo password
// reaches only MongoDB and that service.
func TestComposeStoresRequireCredentials(t *testing.T) {
	t.Parallel()
	project := mustLoadProject(t)
	mongo := service(t, project, "mongo")
	if got, _ := envValue(mongo, "MONGO_INITDB_ROOT_PASSWORD"); got != requiredEnv["MONGO_ROOT_PASSWORD"] {
		t.Errorf("mongo's root password = %q, want it from MONGO_ROOT_PASSWORD", got)
	}
	if got, _ := envValue(mongo, "MONGO_INITDB_ROOT_USERNAME"); got == "" {
		t.Error("mongo has no root user: authentication is off")
	}
	if cmd := strings.Join(mongo.Command, " "); !strings.Contains(cmd, "--keyFile") || !strings.Contains(cmd, "MONGO_REPLICA_SET_KEY") {
		t.Errorf("mongo command %q runs the replica set without a key file from MONGO_REPLICA_SET_KEY", cmd)
	}
	if probe := strings.Join(mongo.HealthCheck.Test, " "); !strings.Contains(probe, "--password") {
		t.Errorf("mongo healthcheck %q does not authenticate", probe)
	}
	initMounted := false
	for _, v := range mongo.Volumes {
		if v.Target == "/docker-entrypoint-initdb.d" && strings.HasSuffix(v.Source, filepath.Join("deploy", "mongo-init")) && v.ReadOnly {
			initMounted = true
		}
	}
	if !initMounted {
		t.Error("mongo does not mount deploy/mongo-init read-only at /docker-entrypoint-initdb.d")
	}
	for _, svc := range onwardServices {
		if svc.database == "" {
			continue
		}
		key := "MONGO_" + strings.ToUpper(svc.name) + "_PASSWORD"
		if got, _ := envValue(mongo, key); got != requiredEnv[key] {
			t.Errorf("mongo's %s = %q: the init script cannot create %s's user", key, got, svc.name)
		}
		for _, other := range onwardServices {
			uri, _ := envValue(service(t, project, other.name), "MONGO_URI")
			if other.name != svc.name && strings.Contains(uri, requiredEnv[key]) {
				t.Errorf("%s's Mongo password reaches %s", svc.name, other.name)
			}
		}
	}
	redis := service(t, project, "redis")
	if cmd := strings.Join(redis.Command, " "); !strings.Contains(cmd, "--requirepass") {
		t.Errorf("redis command %q sets no password", cmd)
	}
	if got, _ := envValue(redis, "REDIS_PASSWORD"); got != requiredEnv["REDIS_PASSWORD"] {
		t.Errorf("redis's password = %q, want it from REDIS_PASSWORD", got)
	}
	if got, _ := envValue(redis, "REDISCLI_AUTH"); got != requiredEnv["REDIS_PASSWORD"] {
		t.Errorf("redis's healthcheck cannot authenticate: REDISCLI_AUTH = %q", got)
	}
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\$\{((?:MONGO|REDIS)_[A-Z_]*(?:PASSWORD|KEY))(:?[-=][^}]*)\}`).FindAllStringSubmatch(string(raw), -1) {
		t.Errorf("%s has a default in docker-compose.yml (%s): secrets come from the environment only", m[1], m[0])
	}
}

// TestMongoInitScriptLimitsEachServiceToItsDatabase: the init script
// creates each service's user in that service's database, with roles on
// that database only, and takes every password from the environment.
func TestMongoInitScriptLimitsEachServiceToItsDatabase(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "deploy", "mongo-init", "10-onward-users.js"))
	if err != nil {
		t.Fatal(err)
	}
	script := string(raw)
	for _, svc := range onwardServices {
		if svc.database != "" && !strings.Contains(script, "serviceUser('"+svc.name+"')") {
			t.Errorf("the init script creates no user for %s", svc.name)
		}
	}
	roles := regexp.MustCompile(`\{\s*role:\s*'([a-zA-Z]+)',\s*db:\s*([^}\s]+)\s*\}`).FindAllStringSubmatch(script, -1)
	if len(roles) == 0 {
		t.Fatal("the init script grants no roles")
	}
	for _, r := range roles {
		if r[2] != "database" || (r[1] != "readWrite" && r[1] != "dbAdmin") {
			t.Errorf("the init script grants %s on %s; want readWrite or dbAdmin on the service's own database only", r[1], r[2])
		}
	}
	if !strings.Contains(script, "process.env[") || regexp.MustCompile(`pwd:\s*'`).MatchString(script) {
		t.Error("the init script does not take the passwords from the environment")
	}
}
