package app

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/skills"
	eventsadapter "github.com/onward-jobs/onward/services/candidates/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/candidates/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
	transport "github.com/onward-jobs/onward/services/candidates/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "candidates"

// Run starts the candidates service and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	keys, err := loadKeys(cfg)
	if err != nil {
		return err
	}
	// A consent text edited in place would make recorded consents lie
	// about what candidates heard; refuse to start with one.
	if _, err := domain.ConsentTexts(); err != nil {
		return err
	}
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	locks := redislock.Locks{Redis: svc.Redis, Prefix: "onward:candidates:lock:", TTL: cfg.LockTTL, Wait: cfg.LockWait}
	store, err := mongoadapter.NewStore(ctx, svc.DB, mongoadapter.Options{
		Locks: locks, Identity: keys.identity, Keys: keys.signing, IndexKey: keys.index,
	})
	if err != nil {
		_ = svc.Close()
		return err
	}
	// Before serving, so no write of this process races the backfill.
	filled, err := store.BackfillFirstConsent(ctx)
	if err != nil {
		_ = svc.Close()
		return fmt.Errorf("backfill first consent times: %w", err)
	}
	if filled > 0 {
		svc.Logger.Info("backfilled first consent times", "candidates", filled)
	}
	pub, err := events.NewPublisher(svc.Redis, events.PublisherConfig{MaxLen: cfg.StreamMaxLen})
	if err != nil {
		_ = svc.Close()
		return fmt.Errorf("event publisher: %w", err)
	}
	placements, err := newPlacements(cfg, svc.Logger)
	if err != nil {
		_ = svc.Close()
		return err
	}
	// The embedded vocabulary is parsed here, before the service reports
	// ready, so no request pays for it.
	vocab := service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()}
	vocab.Places.Len()
	candidates := service.New(service.Deps{
		Candidates: store, Programmes: store, Audit: store, Keys: store, Outbox: store, Disclosures: store,
		Placements: placements,
		Publisher:  eventsadapter.Publisher{Events: pub, Stream: cfg.Stream},
		Vocabulary: vocab, Digest: keys.digest, Logger: svc.Logger, Now: cfg.Clock, PublicURL: cfg.PublicURL,
	})
	transport.Register(svc.Server.App, transport.Deps{
		Verifier: svc.Verifier, Service: candidates, Logger: svc.Logger, WriteTimeout: cfg.WriteTimeout,
	})
	grace := cfg.RelayGrace
	return svc.Serve(ctx, platform.EveryLogged(svc.Logger, cfg.RelayInterval, "relayed pending events", func(ctx context.Context) (int, error) {
		return candidates.RelayPending(ctx, grace)
	}))
}

// keyMaterial is what the service's secrets become.
type keyMaterial struct {
	identity *sealed.Keyring
	signing  *sealed.Box
	index    []byte
	digest   func(id string) string
}

// loadKeys parses the service's secrets. Errors name the variable, never
// its value.
func loadKeys(cfg Config) (keyMaterial, error) {
	identity, err := sealed.ParseKeyring(cfg.IdentityKeys, cfg.CurrentIdentityKey())
	if err != nil {
		return keyMaterial{}, fmt.Errorf("CANDIDATES_IDENTITY_KEYS: %w", err)
	}
	signing, err := sealed.NewBox(cfg.KeyEncryptionKey)
	if err != nil {
		return keyMaterial{}, fmt.Errorf("CANDIDATES_KEY_ENCRYPTION_KEY: %w", err)
	}
	// Two keys derived from one secret, so the name index and the
	// tombstone digests can never be compared with each other.
	index := derive(cfg.HMACKey, "name-index")
	tombstone := derive(cfg.HMACKey, "tombstone")
	digest := func(id string) string {
		m := hmac.New(sha256.New, tombstone)
		m.Write([]byte(id))
		return hex.EncodeToString(m.Sum(nil))
	}
	return keyMaterial{identity: identity, signing: signing, index: index, digest: digest}, nil
}

func derive(secret, purpose string) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("onward-candidates/" + purpose))
	return m.Sum(nil)
}
