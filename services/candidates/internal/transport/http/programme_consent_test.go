package http

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"
)

// TestProgrammeEdit: a supervisor or the organisation's administrator
// corrects a programme against its version; a colleague who does not
// supervise it may not; bad input is a 400 naming the field; the change is
// audited by change name in the same write.
func TestProgrammeEdit(t *testing.T) {
	h := newHarness(t)
	prog := h.programme(t, "member")
	path := "/api/v1/programmes/" + prog
	edit := func(version int, change map[string]any) map[string]any {
		b := roastery()
		b["version"], b["supervisors"] = version, []string{memberID}
		for k, v := range change {
			b[k] = v
		}
		return b
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{edit(0, nil), "version"},
		{edit(1, map[string]any{"kind": "spaceship"}), "kind"},
		{edit(1, map[string]any{"name": ""}), "name"},
		{edit(1, map[string]any{"supervisors": []string{}}), "supervisors"},
		{edit(1, map[string]any{"supervisors": []string{"not-a-user"}}), "supervisors[0]"},
		{edit(1, map[string]any{"skills": []string{"no-such-skill"}}), "skills[0]"},
		{edit(1, map[string]any{"site": map[string]any{"place_id": "0"}}), "site.place_id"},
	} {
		h.call(t, "member", "PUT", path, tc.body).problem(t, 400, tc.field)
	}
	h.call(t, "colleague", "PUT", path, edit(1, map[string]any{"supervisors": []string{colleagueID}})).problem(t, 403, "")

	changed := h.call(t, "member", "PUT", path, edit(1, map[string]any{"name": "Roastery and café", "supervisors": []string{memberID, colleagueID}})).must(t, 200)
	if changed.version() != 2 || changed.str("name") != "Roastery and café" || len(toStrings(changed.body["supervisors"])) != 2 {
		t.Errorf("edited programme = %s", changed.raw)
	}
	if got := h.call(t, "member", "GET", path, nil).must(t, 200); got.version() != 2 || got.str("name") != "Roastery and café" {
		t.Errorf("programme read back = %s", got.raw)
	}
	h.call(t, "member", "PUT", path, edit(1, map[string]any{"name": "Stale"})).problem(t, 409, "")
	h.call(t, "org_admin", "PUT", path, edit(2, map[string]any{"name": "Roastery", "supervisors": []string{memberID, colleagueID}})).must(t, 200)

	var entries []struct {
		Action string   `bson:"action"`
		Fields []string `bson:"fields"`
		Actor  string   `bson:"actor"`
	}
	cur, err := h.db.Collection("audit").Find(context.Background(), bson.D{{Key: "subject", Value: prog}})
	if err != nil {
		t.Fatal(err)
	}
	if err := cur.All(context.Background(), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || strings.Join(entries[0].Fields, ",") != "programme,supervisors" || entries[0].Actor != memberID ||
		strings.Join(entries[1].Fields, ",") != "programme" || entries[1].Actor != orgAdminID || entries[0].Action != "update" {
		t.Errorf("programme audit entries = %+v", entries)
	}
	var doc struct {
		Pending []string `bson:"pending_audit"`
	}
	if err := h.db.Collection("programmes").FindOne(context.Background(), bson.D{{Key: "_id", Value: prog}}).Decode(&doc); err != nil || len(doc.Pending) != 0 {
		t.Errorf("entries left pending in the programme: %v %v", doc.Pending, err)
	}
}

// TestConsentTextsHaveOneTextPerVersion: the service serves each published
// consent text under its version id, names the current one, and records
// consent only against a published version.
func TestConsentTextsHaveOneTextPerVersion(t *testing.T) {
	h := newHarness(t)
	list := h.call(t, "employer", "GET", "/api/v1/consent-texts", nil).must(t, 200)
	items := list.items()
	if list.str("current") == "" || len(items) < 2 {
		t.Fatalf("consent texts = %s", list.raw)
	}
	seen := map[string]bool{}
	for _, it := range items {
		v := it["version"].(string)
		if seen[v] {
			t.Errorf("version %s listed twice", v)
		}
		seen[v] = true
		one := h.call(t, "member", "GET", "/api/v1/consent-texts/"+v, nil).must(t, 200)
		if one.str("digest") != it["digest"] || one.body["current"] != (v == list.str("current")) {
			t.Errorf("text %s alone = %s", v, one.raw)
		}
		if texts, _ := one.body["texts"].(map[string]any); len(texts["en"].([]any)) == 0 {
			t.Errorf("text %s has no English paragraphs", v)
		}
	}
	h.call(t, "member", "GET", "/api/v1/consent-texts/1999-01", nil).problem(t, 404, "")
	h.call(t, "service", "GET", "/api/v1/consent-texts", nil).problem(t, 403, "")

	id := h.register(t, "member", jan()).str("id")
	before := h.snapshot(t, id)
	h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": true, "text_version": "1999-01"}).problem(t, 400, "text_version")
	h.unchanged(t, before, "consent with an unpublished text")
	c := h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": true, "text_version": list.str("current")}).must(t, 200)
	if c.body["text_current"] != true {
		t.Errorf("consent with the current text = %s", c.raw)
	}
	old := h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}).must(t, 200)
	if old.body["text_current"] != false {
		t.Errorf("consent with an older text = %s", old.raw)
	}
	if e := h.auditEntry(t, id, "consent"); strings.Join(toStrings(e["fields"]), ",") != "consent" {
		t.Errorf("consent audit entry = %v", e)
	}
}

// TestOldAuditEntriesReadAsChanges: entries recorded before change names,
// which list internal field names, are answered as the changes those
// fields belong to; a name the service does not know is still shown.
func TestOldAuditEntriesReadAsChanges(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	_, err := h.db.Collection("audit").InsertOne(context.Background(), bson.D{
		{Key: "_id", Value: uuid.Must(uuid.NewV7()).String()}, {Key: "org_id", Value: orgP1}, {Key: "candidate_id", Value: id},
		{Key: "actor", Value: memberID}, {Key: "actor_org", Value: orgP1}, {Key: "at", Value: time.Now().UTC()},
		{Key: "action", Value: "update"}, {Key: "purpose", Value: "case_work"},
		{Key: "fields", Value: bson.A{"given_name", "family_name", "phone", "email", "house", "setting", "release", "excluded_sectors", "shoe_size"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": 1, "given_name": "Jana", "family_name": "Peters", "languages": []any{}}).must(t, 200)
	var got []string
	for _, e := range h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/audit", nil).must(t, 200).items() {
		if e["action"] == "update" {
			got = append(got, strings.Join(toStrings(e["fields"]), ","))
		}
	}
	want := []string{"identity,languages", "identity,contact,setting,availability,restrictions,shoe_size"}
	if strings.Join(got, " ") != strings.Join(want, " ") && strings.Join(got, " ") != want[1]+" "+want[0] {
		t.Errorf("update entries name %q, want %q", got, want)
	}
}
