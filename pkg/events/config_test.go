package events

import (
	"log/slog"
	"testing"
	"time"
)

func TestSubscriberConfigDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := SubscriberConfig{Stream: "s", Group: "g"}.withDefaults()
	if err != nil {
		t.Fatalf("withDefaults: %v", err)
	}
	if cfg.Consumer == "" {
		t.Error("Consumer not defaulted")
	}
	if cfg.Block != 2*time.Second || cfg.Batch != 10 || cfg.ClaimMinIdle != time.Minute ||
		cfg.HandlerTimeout != 30*time.Second || cfg.MaxDeliveries != 5 ||
		cfg.DedupTTL != 24*time.Hour || cfg.Logger != slog.Default() {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestSubscriberConfigRejects(t *testing.T) {
	t.Parallel()
	base := SubscriberConfig{Stream: "s", Group: "g", Consumer: "c"}
	cases := map[string]func(*SubscriberConfig){
		"no stream":               func(c *SubscriberConfig) { c.Stream = "" },
		"no group":                func(c *SubscriberConfig) { c.Group = "" },
		"negative block":          func(c *SubscriberConfig) { c.Block = -time.Second },
		"block rounds to forever": func(c *SubscriberConfig) { c.Block = time.Microsecond },
		"negative batch":          func(c *SubscriberConfig) { c.Batch = -1 },
		"negative claim idle":     func(c *SubscriberConfig) { c.ClaimMinIdle = -time.Second },
		"handler outlives claim":  func(c *SubscriberConfig) { c.ClaimMinIdle, c.HandlerTimeout = time.Second, 2*time.Second },
		"negative max deliveries": func(c *SubscriberConfig) { c.MaxDeliveries = -1 },
		"negative dedup ttl":      func(c *SubscriberConfig) { c.DedupTTL = -time.Minute },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			cfg := base
			mutate(&cfg)
			if _, err := cfg.withDefaults(); err == nil {
				t.Fatalf("config %+v accepted", cfg)
			}
		})
	}
}
