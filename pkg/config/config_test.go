package config

import (
	"strings"
	"testing"
	"time"
)

type testConfig struct {
	Base
	Secret string `env:"SOME_SECRET" secret:"true"`
	Name   string `env:"SOME_NAME" envDefault:"onward"`
}

func baseEnv() map[string]string {
	return map[string]string{
		"HTTP_ADDR": ":8080",
		"MONGO_URI": "mongodb://user:pass@localhost:27017",
		"MONGO_DB":  "onward_test",
		"REDIS_URL": "redis://localhost:6379/0",
	}
}

func TestLoadAppliesDefaults(t *testing.T) {
	var cfg testConfig
	if err := Load(&cfg, baseEnv()); err != nil {
		t.Fatal(err)
	}
	if cfg.ShutdownTimeout != 15*time.Second || cfg.LogFormat != "json" || cfg.Name != "onward" {
		t.Fatalf("defaults not applied: %+v", cfg)
	}
}

func TestLoadNamesTheBadVariable(t *testing.T) {
	env := baseEnv()
	env["LOG_FORMAT"] = "xml"
	delete(env, "MONGO_DB")
	var cfg testConfig
	err := Load(&cfg, env)
	if err == nil {
		t.Fatal("want an error for a bad LOG_FORMAT and a missing MONGO_DB")
	}
	for _, want := range []string{"LOG_FORMAT", "MONGO_DB"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func TestMaskedHidesSecrets(t *testing.T) {
	env := baseEnv()
	env["SOME_SECRET"] = "hunter2"
	var cfg testConfig
	if err := Load(&cfg, env); err != nil {
		t.Fatal(err)
	}
	m := Masked(&cfg)
	if m["SOME_SECRET"] != "***" || m["MONGO_URI"] != "***" {
		t.Fatalf("secrets shown: %v", m)
	}
	if m["MONGO_DB"] != "onward_test" || m["SHUTDOWN_TIMEOUT"] != "15s" {
		t.Fatalf("plain values missing: %v", m)
	}
	for _, v := range Attrs(&cfg) {
		if s, ok := v.(string); ok && strings.Contains(s, "hunter2") {
			t.Fatal("secret leaked into Attrs")
		}
	}
}
