package launcher

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		environ map[string]string
		check   func(t *testing.T, cfg Config)
		wantErr string
	}{
		{
			name:    "defaults",
			environ: map[string]string{},
			check: func(t *testing.T, cfg Config) {
				if !filepath.IsAbs(cfg.DataDir) || filepath.Base(cfg.DataDir) != "data" {
					t.Errorf("DataDir = %q, want an absolute path ending in data", cfg.DataDir)
				}
				if cfg.PublicURL != "http://localhost:8080" || cfg.WebAddr != "127.0.0.1:8080" || cfg.GatewayAddr != "127.0.0.1:8090" || cfg.LogFormat != "text" {
					t.Errorf("PublicURL %q, WebAddr %q, GatewayAddr %q, LogFormat %q", cfg.PublicURL, cfg.WebAddr, cfg.GatewayAddr, cfg.LogFormat)
				}
			},
		},
		{
			name:    "public URL follows the web app's port",
			environ: map[string]string{"ONWARD_WEB_ADDR": ":9090", "ONWARD_GATEWAY_ADDR": ":9091"},
			check: func(t *testing.T, cfg Config) {
				if cfg.PublicURL != "http://localhost:9090" {
					t.Errorf("PublicURL = %q", cfg.PublicURL)
				}
			},
		},
		{
			name:    "explicit public URL",
			environ: map[string]string{"ONWARD_PUBLIC_URL": "https://onward.example"},
			check: func(t *testing.T, cfg Config) {
				if cfg.PublicURL != "https://onward.example" {
					t.Errorf("PublicURL = %q", cfg.PublicURL)
				}
			},
		},
		{name: "address without port", environ: map[string]string{"ONWARD_MATCHING_ADDR": "8083"}, wantErr: "8083"},
		{name: "bad log format", environ: map[string]string{"LOG_FORMAT": "xml"}, wantErr: "LOG_FORMAT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := LoadConfig(tt.environ)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadConfig error = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, cfg)
		})
	}
}

func TestSharedEnviron(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(map[string]string{"ONWARD_WEB_ADDR": "0.0.0.0:8080"})
	if err != nil {
		t.Fatal(err)
	}
	svcs := onwardServices(cfg, nil)
	st := &stores{MongoURI: "mongodb://127.0.0.1:1/", RedisURL: "redis://127.0.0.1:2/0"}
	env := sharedEnviron(map[string]string{"MONGO_DB": "x", "HTTP_ADDR": ":1", "LOG_LEVEL": "debug", "EMPLOYERS_URL": "http://elsewhere"},
		cfg, st, map[string]string{serviceSecretKey: "s"}, svcs)
	want := map[string]string{
		"LOG_LEVEL": "debug", "LOG_FORMAT": "text", serviceSecretKey: "s",
		"MONGO_URI": st.MongoURI, "REDIS_URL": st.RedisURL, "ONWARD_PUBLIC_URL": "http://localhost:8080",
		"WEB_URL": "http://127.0.0.1:8080", "GATEWAY_URL": "http://127.0.0.1:8090", "EMPLOYERS_URL": "http://127.0.0.1:8081",
		"CANDIDATES_URL": "http://127.0.0.1:8082", "MATCHING_URL": "http://127.0.0.1:8083", "NOTIFICATIONS_URL": "http://127.0.0.1:8084",
		"PLACEMENTS_URL": "http://127.0.0.1:8085", "INSIGHTS_URL": "http://127.0.0.1:8086",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
	for _, k := range perServiceKeys {
		if _, ok := env[k]; ok {
			t.Errorf("%s is shared by every service", k)
		}
	}
}
