package mongo

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"reflect"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// TestProgrammes round-trips programmes and lists one organisation's or
// all, page by page in id order.
func TestProgrammes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	var all []domain.Programme
	for _, p := range []struct{ id, org string }{{"p3", "org-a"}, {"p1", "org-b"}, {"p2", "org-a"}, {"p4", "org-a"}} {
		prog := domain.Programme{ID: p.id, OrgID: p.org, Version: 1, CreatedAt: at(1), UpdatedAt: at(2), Spec: domain.ProgrammeSpec{
			Name: "Roastery " + p.id, Kind: "coffee_roastery", Site: domain.Place{PlaceID: "be-kortrijk", Name: "Kortrijk", Lat: 50.8, Lon: 3.26},
			Skills: []string{"coffee_roasting", "hygiene"}, Supervisors: []string{"sup-1"},
		}}
		if err := f.InsertProgramme(ctx, prog); err != nil {
			t.Fatal(err)
		}
		all = append(all, prog)
	}
	if err := f.InsertProgramme(ctx, all[0]); !errors.Is(err, errs.Conflict) {
		t.Fatalf("duplicate programme: %v", err)
	}
	got, err := f.Programme(ctx, "p3")
	if err != nil || !reflect.DeepEqual(got, all[0]) {
		t.Fatalf("round trip:\n got %+v %v\nwant %+v", got, err, all[0])
	}
	if _, err := f.Programme(ctx, "none"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing programme: %v", err)
	}
	for org, want := range map[string][]string{"org-a": {"p2", "p3", "p4"}, "": {"p1", "p2", "p3", "p4"}, "org-c": nil} {
		var ids []string
		page := mongox.PageRequest{Limit: 2}
		for {
			ps, next, err := f.ListProgrammes(ctx, org, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			if next == "" {
				break
			}
			page.Cursor = next
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("programmes of %q: %v, want %v", org, ids, want)
		}
	}
}

// TestOrgKeys stores one signing key per organisation with its private
// half sealed: the key read back still signs what its public half
// verifies, a second key for the organisation is a conflict, and a
// tampered sealed key does not open.
func TestOrgKeys(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	k := domain.OrgKey{ID: "key-1", OrgID: "org-a", Public: pub, Private: priv, CreatedAt: at(1)}
	if err := f.InsertOrgKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	second := k
	second.ID = "key-2"
	if err := f.InsertOrgKey(ctx, second); !errors.Is(err, errs.Conflict) {
		t.Fatalf("second key of an organisation: %v", err)
	}
	for _, get := range []func() (domain.OrgKey, error){
		func() (domain.OrgKey, error) { return f.OrgKey(ctx, "org-a") },
		func() (domain.OrgKey, error) { return f.KeyByID(ctx, "key-1") },
	} {
		got, err := get()
		if err != nil || !reflect.DeepEqual(got, k) {
			t.Fatalf("key round trip: %+v %v", got, err)
		}
		a := domain.Attestation{ID: "att-1", Skill: "coffee_roasting", Level: 2}
		a.Sign(got.ID, got.Private)
		if !a.Intact(pub) {
			t.Fatal("the stored key no longer signs")
		}
	}
	if _, err := f.OrgKey(ctx, "org-b"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("key of an organisation without one: %v", err)
	}
	if _, err := f.KeyByID(ctx, "key-9"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("unknown key id: %v", err)
	}
	coll := f.db.Collection("org_keys")
	raw, err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "key-1"}}).Raw()
	if err != nil || bytes.Contains(raw, priv.Seed()) {
		t.Fatalf("stored key reveals its private half (%v)", err)
	}
	// A sealed private key copied to another key id does not open; copied
	// under its own id it does, so the failure is the binding.
	_, sealedKey := raw.Lookup("private_sealed").Binary()
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "key-x"}, {Key: "org_id", Value: "org-x"}, {Key: "public", Value: []byte(pub)},
		{Key: "private_sealed", Value: sealedKey}, {Key: "created_at", Value: at(1)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.KeyByID(ctx, "key-x"); err == nil {
		t.Fatal("a sealed private key opened under another key id")
	}
	if plain, err := f.opts.Keys.Open(sealedKey, []byte("key-1")); err != nil || !bytes.Equal(plain, priv) {
		t.Fatalf("the copied value is not the sealed key: %v", err)
	}
}
