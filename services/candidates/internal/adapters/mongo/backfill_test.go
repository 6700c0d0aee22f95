package mongo

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// TestViewsCarryRegistrationAndFirstConsent reads both times through the
// page listing and the one-pass listing: the registration time always,
// the first consent time only for a candidate who ever consented.
func TestViewsCarryRegistrationAndFirstConsent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	insert(t, f.Store, fullCandidate("c1", "org-a", "K7Q2"))
	insert(t, f.Store, minimalCandidate("c2", "org-a", "B3D4"))
	want := map[string]time.Time{"c1": at(2), "c2": {}}
	check := func(how string, v domain.MatchingView) {
		if !v.CreatedAt.Equal(at(1)) {
			t.Errorf("%s %s: created_at %v, want %v", how, v.ID, v.CreatedAt, at(1))
		}
		if !v.ConsentFirstGivenAt.Equal(want[v.ID]) {
			t.Errorf("%s %s: first consent %v, want %v", how, v.ID, v.ConsentFirstGivenAt, want[v.ID])
		}
	}
	page, _, err := f.CandidateViews(ctx, mongox.PageRequest{})
	if err != nil || len(page) != 2 {
		t.Fatalf("views page: %d views, %v", len(page), err)
	}
	for _, v := range page {
		check("page", v)
	}
	seen := 0
	err = f.EachCandidateView(ctx, func(v domain.MatchingView) error { seen++; check("stream", v); return nil })
	if err != nil || seen != 2 {
		t.Fatalf("views stream: %d views, %v", seen, err)
	}
}

// TestBackfillFirstConsent writes records in the shape stored before the
// first consent time was kept, with their audit entries, and checks what
// the backfill gives each, that it leaves a recorded time alone and that a
// second run changes nothing.
func TestBackfillFirstConsent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	given := bson.D{{Key: "matching", Value: true}, {Key: "text_version", Value: "2025-01"}, {Key: "recorded_by", Value: "staff-1"}, {Key: "recorded_at", Value: at(9)}}
	withheld := bson.D{{Key: "matching", Value: false}, {Key: "text_version", Value: "2025-01"}, {Key: "recorded_by", Value: "staff-1"}, {Key: "recorded_at", Value: at(9)}}
	pending, err := encodeAudit(domain.AuditEntry{ID: uuid.Must(uuid.NewV7()).String(), OrgID: "org-a", CandidateID: "pending",
		Actor: "staff-1", At: at(4), Action: domain.ActionConsent, Purpose: domain.PurposeCaseWork})
	if err != nil {
		t.Fatal(err)
	}
	writeOld(t, f, "audited", given, nil, at(3), at(6), at(9))
	writeOld(t, f, "unaudited", given, nil)
	writeOld(t, f, "pending", given, []string{pending})
	writeOld(t, f, "withdrawn", withheld, nil, at(2), at(9))
	writeOld(t, f, "refused", withheld, nil, at(9))
	writeOld(t, f, "never", bson.D{{Key: "matching", Value: false}}, nil)
	kept := fullCandidate("kept", "org-a", "K7Q2")
	insert(t, f.Store, kept)
	addAudit(t, f, kept.ID, domain.ActionConsent, at(1))

	filled, err := f.BackfillFirstConsent(ctx)
	if err != nil || filled != 4 {
		t.Fatalf("backfill filled %d, %v; want 4", filled, err)
	}
	want := map[string]time.Time{
		"audited": at(3), "unaudited": at(9), "pending": at(4), "withdrawn": at(2), "refused": {}, "never": {}, "kept": at(2),
	}
	checkFirstConsent(t, f, want)
	if filled, err := f.BackfillFirstConsent(ctx); err != nil || filled != 0 {
		t.Fatalf("second backfill filled %d, %v; want 0", filled, err)
	}
	checkFirstConsent(t, f, want)
}

// writeOld stores a candidate as the service stored one before the first
// consent time was kept, with a consent entry in the audit log at each of
// consents (and an update entry at the first, which must not count).
func writeOld(t *testing.T, f fixture, id string, consent bson.D, pendingAudit []string, consents ...time.Time) {
	t.Helper()
	doc := bson.D{
		{Key: "_id", Value: id}, {Key: "org_id", Value: "org-a"}, {Key: "alias", Value: "A" + id}, {Key: "version", Value: int64(3)},
		{Key: "created_at", Value: at(1)}, {Key: "updated_at", Value: at(9)}, {Key: "created_by", Value: "staff-1"},
		{Key: "setting", Value: "released"}, {Key: "programme_ids", Value: bson.A{}}, {Key: "attestation_ids", Value: bson.A{}},
		{Key: "profile", Value: bson.D{}}, {Key: "consent", Value: consent},
	}
	if pendingAudit != nil {
		doc = append(doc, bson.E{Key: "pending_audit", Value: pendingAudit})
	}
	if _, err := f.db.Collection("candidates").InsertOne(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for i, c := range consents {
		if i == 0 {
			addAudit(t, f, id, domain.ActionUpdate, c.Add(-time.Hour))
		}
		addAudit(t, f, id, domain.ActionConsent, c)
	}
}

func addAudit(t *testing.T, f fixture, candidateID string, action domain.AuditAction, when time.Time) {
	t.Helper()
	e := domain.AuditEntry{ID: uuid.Must(uuid.NewV7()).String(), OrgID: "org-a", CandidateID: candidateID, Actor: "staff-1",
		ActorOrg: "org-a", At: when, Action: action, Purpose: domain.PurposeCaseWork}
	if err := f.AppendAudit(context.Background(), e); err != nil {
		t.Fatal(err)
	}
}

// checkFirstConsent reads every view and compares its first consent time
// with want, by candidate id.
func checkFirstConsent(t *testing.T, f fixture, want map[string]time.Time) {
	t.Helper()
	views, _, err := f.CandidateViews(context.Background(), mongox.PageRequest{Limit: 50})
	if err != nil || len(views) != len(want) {
		t.Fatalf("views: %d, %v; want %d", len(views), err, len(want))
	}
	for _, v := range views {
		if !v.ConsentFirstGivenAt.Equal(want[v.ID]) {
			t.Errorf("%s: first consent %v, want %v", v.ID, v.ConsentFirstGivenAt, want[v.ID])
		}
		if !v.CreatedAt.Equal(at(1)) {
			t.Errorf("%s: created_at %v, want %v", v.ID, v.CreatedAt, at(1))
		}
	}
}
