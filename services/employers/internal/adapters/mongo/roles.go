package mongo

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// roleDoc is a role as stored. The fields beside spec copy what listings
// filter on, so queries need no nested paths.
type roleDoc struct {
	ID         string    `bson:"_id"`
	EmployerID string    `bson:"employer_id"`
	Status     string    `bson:"status"`
	Version    int64     `bson:"version"`
	CreatedAt  time.Time `bson:"created_at"`
	UpdatedAt  time.Time `bson:"updated_at"`
	// StatusChangedAt and PreviousStatus are missing from roles stored
	// before the reopen rule; see toDomainRole.
	StatusChangedAt time.Time       `bson:"status_changed_at,omitempty"`
	PreviousStatus  string          `bson:"previous_status,omitempty"`
	Title           string          `bson:"title"`
	Sector          string          `bson:"sector"`
	DayReleaseOK    bool            `bson:"day_release_ok"`
	SkillIDs        []string        `bson:"skill_ids"`
	ClosingDate     string          `bson:"closing_date"`
	Spec            domain.RoleSpec `bson:"spec"`
	// Placements are the hires counted on the role.
	Placements []string `bson:"placements,omitempty"`
	Pending    []string `bson:"pending_events,omitempty"`
}

func toRoleDoc(r domain.Role) roleDoc {
	return roleDoc{
		ID: r.ID, EmployerID: r.EmployerID, Status: string(r.Status), Version: r.Version,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, StatusChangedAt: r.StatusChangedAt, PreviousStatus: string(r.PreviousStatus),
		Title: r.Spec.Title, Sector: r.Spec.Sector,
		DayReleaseOK: r.Spec.DayReleaseOK, SkillIDs: r.Spec.SkillIDs(), ClosingDate: r.Spec.ClosingDate, Spec: r.Spec,
		Placements: r.Placements,
	}
}

// toDomainRole converts a stored role. A role stored before the status
// change time was recorded gets its updated time instead: a filled or
// closed role could not be edited, so for one of those (the only roles the
// time matters for) its last update was its last status change. Its
// previous status stays unknown, so it may be reopened to open only.
func toDomainRole(d roleDoc) domain.Role {
	changed := d.StatusChangedAt
	if changed.IsZero() {
		changed = d.UpdatedAt
	}
	return domain.Role{
		ID: d.ID, EmployerID: d.EmployerID, Status: domain.Status(d.Status), Version: d.Version,
		CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC(), StatusChangedAt: changed.UTC(),
		PreviousStatus: domain.Status(d.PreviousStatus), Spec: d.Spec, Placements: d.Placements,
	}
}

// Locker serialises writes to one document; see package redislock for why
// FerretDB needs it.
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Store keeps profiles and roles in one database.
type Store struct {
	roles    *mongo.Collection
	profiles *mongo.Collection
	locks    Locker
	dbName   string
	// server tells how a versioned write must be filtered.
	server mongox.Server
}

// NewStore returns a store on db and ensures its indexes. Every update of
// an existing document holds its lock from locks.
func NewStore(ctx context.Context, db *mongo.Database, locks Locker) (*Store, error) {
	server, err := mongox.DetectServer(ctx, db)
	if err != nil {
		return nil, err
	}
	s := &Store{roles: db.Collection("roles"), profiles: db.Collection("profiles"), locks: locks, dbName: db.Name(), server: server}
	err = mongox.EnsureIndexes(ctx, s.roles,
		mongo.IndexModel{Keys: bson.D{{Key: "employer_id", Value: 1}, {Key: "_id", Value: 1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "status", Value: 1}, {Key: "_id", Value: 1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "closing_date", Value: 1}}},
		mongox.PendingIndex("pending_events"),
	)
	if err != nil {
		return nil, err
	}
	return s, mongox.EnsureIndexes(ctx, s.profiles, mongox.PendingIndex("pending_events"))
}

// InsertRole stores a new role with its pending event.
func (s *Store) InsertRole(ctx context.Context, r domain.Role, e events.Envelope) error {
	doc := toRoleDoc(r)
	raw, err := encode(e)
	if err != nil {
		return err
	}
	doc.Pending = []string{raw}
	if _, err := s.roles.InsertOne(ctx, doc); err != nil {
		return fmt.Errorf("insert role %s: %w", r.ID, err)
	}
	return nil
}

// UpdateRole replaces the role if it is still at version prev.
func (s *Store) UpdateRole(ctx context.Context, r domain.Role, prev int64, e events.Envelope) error {
	doc := toRoleDoc(r)
	return s.conditionalUpdate(ctx, s.roles, r.ID, prev, bson.D{
		{Key: "status", Value: doc.Status}, {Key: "version", Value: doc.Version}, {Key: "updated_at", Value: doc.UpdatedAt},
		{Key: "status_changed_at", Value: doc.StatusChangedAt}, {Key: "previous_status", Value: doc.PreviousStatus},
		{Key: "title", Value: doc.Title}, {Key: "sector", Value: doc.Sector}, {Key: "day_release_ok", Value: doc.DayReleaseOK},
		{Key: "skill_ids", Value: doc.SkillIDs}, {Key: "closing_date", Value: doc.ClosingDate}, {Key: "spec", Value: doc.Spec},
		{Key: "placements", Value: append([]string{}, doc.Placements...)},
	}, e)
}

// conditionalUpdate sets fields and appends e to the document if it is
// still at version prev. Under the document's lock it reads the version by
// _id, then updates with mongox.VersionedFilter: on MongoDB the update
// checks the version again, atomically; on FerretDB, which would decode
// every document to apply a two-field filter, the lock and the read are
// the check.
func (s *Store) conditionalUpdate(ctx context.Context, coll *mongo.Collection, id string, prev int64, set bson.D, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	unlock, err := s.lock(ctx, coll, id)
	if err != nil {
		return err
	}
	defer unlock()
	var cur struct {
		Version int64 `bson:"version"`
	}
	err = coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}})).Decode(&cur)
	if err != nil {
		return mongox.NotFoundAs(err, "%s %s", coll.Name(), id)
	}
	conflict := fmt.Errorf("%s %s changed since version %d; reload it: %w", coll.Name(), id, prev, errs.Conflict)
	if cur.Version != prev {
		return conflict
	}
	res, err := coll.UpdateOne(ctx, s.server.VersionedFilter(id, prev),
		bson.D{{Key: "$set", Value: set}, {Key: "$push", Value: bson.D{{Key: "pending_events", Value: raw}}}})
	if err != nil {
		return fmt.Errorf("update %s %s: %w", coll.Name(), id, err)
	}
	if res.MatchedCount != 1 {
		return conflict
	}
	return nil
}

// lock takes the write lock of one document.
func (s *Store) lock(ctx context.Context, coll *mongo.Collection, id string) (func(), error) {
	return s.locks.Lock(ctx, s.dbName+"/"+coll.Name()+"/"+id)
}

// Role returns a role by id.
func (s *Store) Role(ctx context.Context, id string) (domain.Role, error) {
	var d roleDoc
	if err := s.roles.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return domain.Role{}, mongox.NotFoundAs(err, "role %s", id)
	}
	return toDomainRole(d), nil
}

// ListRoles returns a page of roles matching f.
func (s *Store) ListRoles(ctx context.Context, f domain.RoleFilter, page mongox.PageRequest) ([]domain.Role, string, error) {
	docs, next, err := mongox.FindPage(ctx, s.roles, roleFilter(f), page, func(d roleDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Role, len(docs))
	for i, d := range docs {
		out[i] = toDomainRole(d)
	}
	return out, next, nil
}

func roleFilter(f domain.RoleFilter) bson.D {
	q := bson.D{}
	add := func(k string, v any) { q = append(q, bson.E{Key: k, Value: v}) }
	if f.EmployerID != "" {
		add("employer_id", f.EmployerID)
	}
	if f.Status != "" {
		add("status", string(f.Status))
	}
	if f.Query != "" {
		add("title", bson.D{{Key: "$regex", Value: regexp.QuoteMeta(f.Query)}, {Key: "$options", Value: "i"}})
	}
	if f.Skill != "" {
		add("skill_ids", f.Skill)
	}
	if f.Sector != "" {
		add("sector", f.Sector)
	}
	if f.Contract != "" {
		add("spec.contract", f.Contract)
	}
	if f.DayRelease {
		add("day_release_ok", true)
	}
	return q
}

// RoleVersions returns a page of every role's id and version.
func (s *Store) RoleVersions(ctx context.Context, page mongox.PageRequest) ([]service.RoleVersion, string, error) {
	type idVersion struct {
		ID      string `bson:"_id"`
		Version int64  `bson:"version"`
	}
	docs, next, err := mongox.FindPage(ctx, s.roles, bson.D{}, page, func(d idVersion) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]service.RoleVersion, len(docs))
	for i, d := range docs {
		out[i] = service.RoleVersion{ID: d.ID, Version: d.Version}
	}
	return out, next, nil
}

// RolesClosingBefore returns roles not yet final whose closing date is
// before day.
func (s *Store) RolesClosingBefore(ctx context.Context, day string, limit int) ([]domain.Role, error) {
	roles, _, err := s.ListRolesWhere(ctx, bson.D{
		{Key: "status", Value: bson.D{{Key: "$in", Value: bson.A{"draft", "open", "paused"}}}},
		{Key: "closing_date", Value: bson.D{{Key: "$gt", Value: ""}, {Key: "$lt", Value: day}}},
	}, limit)
	return roles, err
}

// ListRolesWhere returns the first limit roles matching filter.
func (s *Store) ListRolesWhere(ctx context.Context, filter bson.D, limit int) ([]domain.Role, string, error) {
	docs, next, err := mongox.FindPage(ctx, s.roles, filter, mongox.PageRequest{Limit: limit}, func(d roleDoc) string { return d.ID })
	out := make([]domain.Role, len(docs))
	for i, d := range docs {
		out[i] = toDomainRole(d)
	}
	return out, next, err
}

// encode renders an envelope as the JSON text stored in pending_events. The
// same envelope always encodes to the same text, which $pull relies on.
func encode(e events.Envelope) (string, error) {
	if err := e.Validate(); err != nil {
		return "", err
	}
	e.OccurredAt = e.OccurredAt.UTC()
	b, err := json.Marshal(e)
	return string(b), err
}
