package mongo

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/textkey"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// rawDocuments returns every document of every collection, marshalled.
func rawDocuments(t *testing.T, f fixture) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	names, err := f.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, name := range names {
		cur, err := f.db.Collection(name).Find(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		var docs []bson.M
		if err := cur.All(ctx, &docs); err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			b, err := bson.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			out[name+"/"+d["_id"].(string)] = b
		}
	}
	return out
}

// TestRawDocumentsRevealNoIdentity fills every collection (candidates with
// pending events and audit entries, the audit log, a tombstone, a
// programme, an organisation key) and searches every raw document for
// every identity value in several spellings.
func TestRawDocumentsRevealNoIdentity(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate("c1", "org-a", "K7Q2")
	insert(t, f.Store, c)
	c.Version = 2
	c.Identity.Phone = "+32499887766"
	if err := f.UpdateCandidate(ctx, c, 1, change(t, c, domain.ActionUpdate)); err != nil {
		t.Fatal(err)
	}
	if err := f.AppendAudit(ctx, auditEntry(c, domain.ActionRead)); err != nil {
		t.Fatal(err)
	}
	gone := fullCandidate("c2", "org-a", "B3D4")
	gone.Identity = domain.Identity{GivenName: "Zoëlle", FamilyName: "Schreurs", Email: "zoe.s@example.be", DateOfBirth: "1988-02-14", Phone: "+3211223344"}
	insert(t, f.Store, gone)
	erased, _ := events.NewEnvelope(service.EventCandidateErased, "c2", 2, service.Producer)
	if err := f.EraseCandidate(ctx, "c2", domain.Tombstone{ID: "t1", OrgID: "org-a", IDDigest: "digest", ErasedAt: at(9), ErasedBy: "admin"}, erased); err != nil {
		t.Fatal(err)
	}
	if err := f.InsertProgramme(ctx, domain.Programme{ID: "p1", OrgID: "org-a", Version: 1, Spec: domain.ProgrammeSpec{Name: "Roastery", Kind: "coffee_roastery"}}); err != nil {
		t.Fatal(err)
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	if err := f.InsertOrgKey(ctx, domain.OrgKey{ID: "key-1", OrgID: "org-a", Public: pub, Private: priv, CreatedAt: at(1)}); err != nil {
		t.Fatal(err)
	}

	var secrets []string
	for _, id := range []domain.Identity{fullCandidate("c1", "", "").Identity, c.Identity, gone.Identity} {
		for _, v := range []string{id.GivenName, id.FamilyName, id.PreferredName, id.DateOfBirth, id.Phone, id.Email} {
			secrets = append(secrets, v, strings.ToLower(v), strings.ToUpper(v), textkey.Of(v))
		}
		secrets = append(secrets, "Broeck", "broeck", strings.ReplaceAll(id.DateOfBirth, "-", ""), strings.TrimPrefix(id.Phone, "+"))
	}
	docs := rawDocuments(t, f)
	perCollection := map[string]int{}
	for name := range docs {
		perCollection[strings.Split(name, "/")[0]]++
	}
	for _, coll := range []string{"candidates", "audit", "tombstones", "programmes", "org_keys"} {
		if perCollection[coll] == 0 {
			t.Fatalf("no document in %s to search: %v", coll, perCollection)
		}
	}
	if !bytes.Contains(docs["candidates/c1"], []byte("K7Q2")) || !bytes.Contains(docs["candidates/c1"], []byte("candidate.changed")) {
		t.Fatal("the search would not find a plain value: the alias and the pending event are missing")
	}
	// Shorter strings could occur by chance in ciphertext or in the base64
	// of the index hashes; every identity value above is longer.
	for name, raw := range docs {
		for _, s := range secrets {
			if len(s) >= 5 && bytes.Contains(raw, []byte(s)) {
				t.Errorf("%s reveals %q", name, s)
			}
		}
		if bytes.Contains(raw, priv.Seed()) {
			t.Errorf("%s reveals an attestation private key", name)
		}
	}
}

// TestEmptyIdentityFieldsStayEmpty: an absent field is absent at rest, not
// the ciphertext of an empty string.
func TestEmptyIdentityFieldsStayEmpty(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	insert(t, f.Store, minimalCandidate("c1", "org-a", "K7Q2"))
	var raw struct {
		KeyID    string `bson:"identity_key_id"`
		Identity bson.M `bson:"identity"`
	}
	if err := f.db.Collection("candidates").FindOne(ctx, bson.D{{Key: "_id", Value: "c1"}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if raw.KeyID != "k1" || len(raw.Identity) != 2 || raw.Identity["given_name"] == nil || raw.Identity["family_name"] == nil {
		t.Fatalf("stored identity %v under %q; want only the two names, under k1", raw.Identity, raw.KeyID)
	}
}

// TestSealedValuesCannotMove copies sealed values between fields and
// between records in the database: neither opens, because each is bound
// to its candidate and field.
func TestSealedValuesCannotMove(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	insert(t, f.Store, fullCandidate("c1", "org-a", "K7Q2"))
	insert(t, f.Store, minimalCandidate("c2", "org-a", "B3D4"))
	coll := f.db.Collection("candidates")
	var c1 struct {
		Identity bson.M `bson:"identity"`
	}
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "c1"}}).Decode(&c1); err != nil {
		t.Fatal(err)
	}
	moves := []struct{ id, field string }{{"c2", "identity.given_name"}, {"c1", "identity.family_name"}}
	for _, m := range moves {
		if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: m.id}}, bson.D{{Key: "$set", Value: bson.D{{Key: m.field, Value: c1.Identity["given_name"]}}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Candidate(ctx, m.id); err == nil || strings.Contains(err.Error(), "Jérôme") {
			t.Fatalf("a given name moved to %s %s: %v", m.id, m.field, err)
		}
	}
}

// TestIdentityKeyRotation starts under key k1, rotates to k2 with k1 kept
// for reading, and checks that old records still open, that the next
// update re-seals them under k2 (they then open without k1), and that new
// records use k2.
func TestIdentityKeyRotation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate("c1", "org-a", "K7Q2")
	insert(t, f.Store, c)

	k2 := sealed.NewKey()
	both, err := sealed.ParseKeyring("k1:"+f.k1+",k2:"+k2, "k2")
	if err != nil {
		t.Fatal(err)
	}
	rotated := f.opts
	rotated.Identity = both
	s2 := f.reopen(t, rotated)
	if got, err := s2.Candidate(ctx, "c1"); err != nil || got.Identity != c.Identity {
		t.Fatalf("old record under the new ring: %+v %v", got.Identity, err)
	}
	if kid := storedKeyID(t, f, "c1"); kid != "k1" {
		t.Fatalf("a read changed the key id to %q", kid)
	}

	c.Version = 2
	c.Identity.Email = "jay@example.be"
	if err := s2.UpdateCandidate(ctx, c, 1, change(t, c, domain.ActionUpdate)); err != nil {
		t.Fatal(err)
	}
	if kid := storedKeyID(t, f, "c1"); kid != "k2" {
		t.Fatalf("after an update the record is under %q, want k2", kid)
	}
	onlyNew, err := sealed.ParseKeyring("k2:"+k2, "k2")
	if err != nil {
		t.Fatal(err)
	}
	rotated.Identity = onlyNew
	s3 := f.reopen(t, rotated)
	if got, err := s3.Candidate(ctx, "c1"); err != nil || got.Identity != c.Identity {
		t.Fatalf("re-sealed record without the old key: %+v %v", got.Identity, err)
	}
	if _, err := f.Candidate(ctx, "c1"); err == nil {
		t.Fatal("a store holding only k1 opened a record re-sealed under k2")
	}
	insert(t, s2, minimalCandidate("c2", "org-a", "B3D4"))
	if kid := storedKeyID(t, f, "c2"); kid != "k2" {
		t.Fatalf("new record under %q, want k2", kid)
	}
}

func storedKeyID(t *testing.T, f fixture, id string) string {
	t.Helper()
	var d struct {
		KeyID string `bson:"identity_key_id"`
	}
	if err := f.db.Collection("candidates").FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d.KeyID
}
