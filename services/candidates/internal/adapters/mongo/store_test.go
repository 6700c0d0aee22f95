package mongo

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// fixture is a store on a fresh database, with what a test needs to open
// a second store on the same data under other keys.
type fixture struct {
	*Store
	db    *mongo.Database
	locks redislock.Locks
	opts  Options
	// k1 is the identity key the store starts with, under key id "k1".
	k1 string
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	return newFixtureOn(t, testkit.MongoDB(t))
}

// newFixtureOn is newFixture on the database db.
func newFixtureOn(t *testing.T, db *mongo.Database) fixture {
	t.Helper()
	k1 := sealed.NewKey()
	ring, err := sealed.ParseKeyring("k1:"+k1, "k1")
	if err != nil {
		t.Fatal(err)
	}
	box, err := sealed.NewBox(sealed.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	locks := redislock.Locks{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 5 * time.Second}
	f := fixture{k1: k1, db: db, locks: locks, opts: Options{Locks: locks, Identity: ring, Keys: box, IndexKey: []byte("0123456789abcdef0123456789abcdef")}}
	f.Store = f.reopen(t, f.opts)
	return f
}

// reopen returns another store on the fixture's database, as a restart
// with other options would.
func (f fixture) reopen(t *testing.T, opts Options) *Store {
	t.Helper()
	s, err := NewStore(context.Background(), f.db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// at is a fixed instant at the millisecond precision BSON keeps.
func at(day int) time.Time { return time.Date(2025, 3, day, 9, 30, 15, 123_000_000, time.UTC) }

// fullCandidate sets every field of a candidate, so a round trip that
// loses one shows.
func fullCandidate(id, org, alias string) domain.Candidate {
	return domain.Candidate{
		ID: id, OrgID: org, Alias: alias, Version: 1, CreatedAt: at(1), UpdatedAt: at(2), CreatedBy: "staff-1",
		Identity: domain.Identity{
			GivenName: "Jérôme", FamilyName: "Van den Broeck", PreferredName: "Jommeke",
			DateOfBirth: "1991-07-23", Phone: "+32470123456", Email: "Jerome.VDB@example.be",
		},
		Profile: domain.Profile{
			Setting: domain.SettingDetentionHouse,
			House:   &domain.Place{PlaceID: "be-kortrijk", Name: "Kortrijk", Lat: 50.8279, Lon: 3.2649},
			DayRelease: &domain.DayRelease{
				EligibleFrom: "2025-04-01", Days: []string{"mon", "wed"}, Start: "08:00", End: "16:00", MaxCommuteKm: 25,
			},
			Release: &domain.Release{ExpectedDate: "2026-01-15", ReturnRegion: &domain.Region{
				Place: domain.Place{PlaceID: "be-gent", Name: "Gent", Lat: 51.05, Lon: 3.72}, RadiusKm: 30,
			}},
			Languages:       []domain.Language{{Code: "nl", Level: "C1"}, {Code: "fr", Level: "B1"}},
			ExcludedSectors: []string{"K"},
			Preferences:     domain.Preferences{Sectors: []string{"C", "I"}, HoursPerWeek: 32, Contracts: []string{"fixed_term"}},
		},
		ProgrammeRecords: []domain.ProgrammeRecord{
			{ID: "pr1", ProgrammeID: "prog-roastery", From: "2024-09-01", To: "2025-02-28", Hours: 320, RecordedBy: "staff-1", RecordedAt: at(3)},
		},
		Attestations: []domain.Attestation{{
			ID: "att-" + id, CandidateID: id, OrgID: org, Skill: "coffee_roasting", Level: 3, Hours: 120,
			ProgrammeID: "prog-workshop", Date: "2025-02-20", Evidence: "roasts a batch alone", AttestedBy: "sup-1",
			AttestedAt: at(4), KeyID: "key-1", Signature: []byte{1, 2, 3, 4, 5},
		}},
		Certificates: []domain.Certificate{{ID: "cert1", Name: "Food hygiene", Issuer: "FAVV", Date: "2024-11-02", RecordedBy: "staff-2", RecordedAt: at(5)}},
		Consent:      domain.Consent{Matching: true, TextVersion: "2025-01", RecordedBy: "staff-1", RecordedAt: at(6), FirstGivenAt: at(2)},
	}
}

// minimalCandidate leaves every optional field empty.
func minimalCandidate(id, org, alias string) domain.Candidate {
	return domain.Candidate{
		ID: id, OrgID: org, Alias: alias, Version: 1, CreatedAt: at(1), UpdatedAt: at(1), CreatedBy: "staff-1",
		Identity: domain.Identity{GivenName: "Ana", FamilyName: "Lima"},
		Profile:  domain.Profile{Setting: domain.SettingReleased},
	}
}

// change returns the event and audit entry of a write of c at its version.
func change(t *testing.T, c domain.Candidate, action domain.AuditAction) service.Change {
	t.Helper()
	e, err := events.NewEnvelope(service.EventCandidateChanged, c.ID, c.Version, service.Producer)
	if err != nil {
		t.Fatal(err)
	}
	return service.Change{Event: e, Audit: auditEntry(c, action)}
}

func auditEntry(c domain.Candidate, action domain.AuditAction) domain.AuditEntry {
	return domain.AuditEntry{
		ID: uuid.Must(uuid.NewV7()).String(), OrgID: c.OrgID, CandidateID: c.ID, Actor: "staff-1", ActorOrg: c.OrgID,
		At: time.Now().UTC().Truncate(time.Millisecond), Action: action, Purpose: domain.PurposeCaseWork,
	}
}

func insert(t *testing.T, s *Store, c domain.Candidate) service.Change {
	t.Helper()
	ch := change(t, c, domain.ActionCreate)
	if err := s.InsertCandidate(context.Background(), c, ch); err != nil {
		t.Fatalf("insert %s: %v", c.ID, err)
	}
	return ch
}
