package mongo

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

func grant(id, intro string, c domain.Candidate) domain.Disclosure {
	return domain.Disclosure{
		ID: id, IntroductionID: intro, CandidateID: c.ID, CandidateOrgID: c.OrgID, EmployerOrgID: "emp-1",
		RoleID: "role-1", Fields: []domain.DisclosureField{domain.DisclosePhone}, Contact: domain.ContactDirect,
		ConsentTextVersion: domain.CurrentConsentText, RecordedBy: "staff-1", GrantedAt: at(5),
		Status: domain.DisclosureActive, Version: 1,
	}
}

func grantChange(t *testing.T, d domain.Disclosure, c domain.Candidate, action domain.AuditAction) service.Change {
	t.Helper()
	e, err := events.NewEnvelope(service.EventDisclosureChanged, d.ID, d.Version, service.Producer)
	if err != nil {
		t.Fatal(err)
	}
	a := auditEntry(c, action)
	a.Subject, a.Fields = d.ID, d.FieldNames()
	return service.Change{Event: e, Audit: a}
}

// TestDisclosureRoundTripAndOutbox stores a grant, finds it by id, by
// introduction and by candidate, refuses a second grant for the same
// introduction, publishes its event through the outbox and withdraws it
// at its version only. The stored document holds no identity value.
func TestDisclosureRoundTripAndOutbox(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate("cand-1", "org-a", "K7Q2")
	created := insert(t, f.Store, c)
	if err := f.MarkPublished(ctx, created.Event); err != nil {
		t.Fatal(err)
	}
	d := grant("disc-1", "intro-1", c)
	ch := grantChange(t, d, c, domain.ActionDisclose)
	if err := f.InsertDisclosure(ctx, d, ch); err != nil {
		t.Fatal(err)
	}
	for name, get := range map[string]func() (domain.Disclosure, error){
		"by id":           func() (domain.Disclosure, error) { return f.Disclosure(ctx, "disc-1") },
		"by introduction": func() (domain.Disclosure, error) { return f.DisclosureByIntroduction(ctx, "intro-1") },
	} {
		got, err := get()
		if err != nil || !reflect.DeepEqual(got, d) {
			t.Fatalf("%s: %+v %v, want %+v", name, got, err, d)
		}
	}
	other := grant("disc-2", "intro-1", c)
	if err := f.InsertDisclosure(ctx, other, grantChange(t, other, c, domain.ActionDisclose)); !errors.Is(err, service.ErrDisclosureExists) {
		t.Fatalf("second grant for one introduction: %v", err)
	}
	if _, err := f.Disclosure(ctx, "nope"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing grant: %v", err)
	}
	raw, err := f.db.Collection("disclosures").FindOne(ctx, bson.D{{Key: "_id", Value: "disc-1"}}).Raw()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{c.Identity.Phone, c.Identity.GivenName, c.Identity.FamilyName, c.Identity.Email} {
		if bytes.Contains(raw, []byte(v)) {
			t.Fatalf("the stored grant holds an identity value: %s", raw)
		}
	}
	assertTrail(t, f, c.ID, 2)
	assertPending(t, f, ch.Event.ID)
	if err := f.MarkPublished(ctx, ch.Event); err != nil {
		t.Fatal(err)
	}
	assertPending(t, f)

	w := d
	w.Version, w.Status, w.WithdrawnAt, w.WithdrawnBy = 2, domain.DisclosureWithdrawn, at(6), "staff-2"
	if err := f.UpdateDisclosure(ctx, w, 2, grantChange(t, w, c, domain.ActionWithdrawDisclosure)); !errors.Is(err, errs.Conflict) {
		t.Fatalf("withdrawal at a stale version: %v", err)
	}
	wch := grantChange(t, w, c, domain.ActionWithdrawDisclosure)
	if err := f.UpdateDisclosure(ctx, w, 1, wch); err != nil {
		t.Fatal(err)
	}
	list, err := f.CandidateDisclosures(ctx, c.ID)
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], w) {
		t.Fatalf("candidate's grants: %+v %v, want [%+v]", list, err, w)
	}
	assertPending(t, f, wch.Event.ID)
	assertTrail(t, f, c.ID, 3)
}

// TestErasureDeletesDisclosures: erasing a candidate deletes every grant
// of theirs, and keeps the grants of others.
func TestErasureDeletesDisclosures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate(erasedID, "org-a", "K7Q2")
	insert(t, f.Store, c)
	kept := minimalCandidate("c2", "org-a", "B3D4")
	insert(t, f.Store, kept)
	for i, cand := range []domain.Candidate{c, c, kept} {
		d := grant(uuid.NewString(), uuid.NewString(), cand)
		if err := f.InsertDisclosure(ctx, d, grantChange(t, d, cand, domain.ActionDisclose)); err != nil {
			t.Fatalf("grant %d: %v", i, err)
		}
	}
	tomb, e := erasure(t)
	if err := f.EraseCandidate(ctx, erasedID, tomb, e); err != nil {
		t.Fatal(err)
	}
	if list, err := f.CandidateDisclosures(ctx, erasedID); err != nil || len(list) != 0 {
		t.Fatalf("grants of the erased candidate: %+v %v", list, err)
	}
	if list, err := f.CandidateDisclosures(ctx, "c2"); err != nil || len(list) != 1 {
		t.Fatalf("grants of the kept candidate: %+v %v", list, err)
	}
}

// TestPlacementRoundTrip: a candidate's placement survives storage, and
// the matching view reads availability from it.
func TestPlacementRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate("cand-p", "org-a", "P4C3")
	c.Placement = &domain.Placement{PlacementID: "pl-1", StillLooking: false, UpdatedAt: at(7)}
	insert(t, f.Store, c)
	got, err := f.Candidate(ctx, c.ID)
	if err != nil || !reflect.DeepEqual(got.Placement, c.Placement) {
		t.Fatalf("placement: %+v %v, want %+v", got.Placement, err, c.Placement)
	}
	views, _, err := f.CandidateViews(ctx, mongox.PageRequest{})
	if err != nil || len(views) != 1 || views[0].Available {
		t.Fatalf("view of a placed candidate: %+v %v; want available false", views, err)
	}
}
