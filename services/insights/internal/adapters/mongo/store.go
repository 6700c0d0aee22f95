// Package mongo stores the insights read model in MongoDB (or FerretDB):
// a progress document per living candidate, the counts in one document
// per table, scope, view and month, the anonymous totals in the same
// layout, and the indexes the daily pass and role changes find
// candidates by. Every hot read and write names a document by its whole
// _id, the one filter FerretDB does not answer by a scan.
//
// A change to the counts is logged first as one delta document (the
// deltas collection) and added to the counts documents by a fold every
// foldEvery changes; a reader adds the deltas not yet folded (deltas.go).
//
// The collections derived from the owners' facts come in generations
// (progress_3, counts_3, ...): a rebuild writes the next one beside the
// live one and swaps it in by changing the meta document. The anonymous
// totals, the erasure marks, the deltas and the journal of changes in
// flight belong to no generation.
package mongo

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// The generations' collections, by name prefix.
const (
	progressColl = "progress"
	countsColl   = "counts"
	rolesColl    = "roles"
	dueColl      = "due"
	dirtyColl    = "dirty"
)

// generational are the collections each generation has.
var generational = []string{progressColl, countsColl, rolesColl, dueColl, dirtyColl}

// metaID is the _id of the one meta document.
const metaID = "meta"

// Store is the read model's storage. Writes are serialised by the
// service (one absorber at a time); reads may run beside them. It is
// safe for concurrent use.
type Store struct {
	db        *mongo.Database
	meta      *mongo.Collection
	ops       *mongo.Collection
	anonymous *mongo.Collection
	erased    *mongo.Collection
	deltas    *mongo.Collection
	server    mongox.Server
	// readers bounds the reads one call runs at once.
	readers int
	// fail, when set by a test, is asked after each step of a change and
	// can stop it there, as a crash would.
	fail func(step string) error
	// applyChunk is how many counts documents one bulk write changes,
	// at most maxBulk.
	applyChunk int
	// foldEvery is how many changes wait between folds (foldEvery).
	foldEvery int
}

var _ service.Store = (*Store)(nil)

// NewStore returns a store on db.
func NewStore(ctx context.Context, db *mongo.Database) (*Store, error) {
	server, err := mongox.DetectServer(ctx, db)
	if err != nil {
		return nil, err
	}
	return &Store{db: db, meta: db.Collection("meta"), ops: db.Collection("ops"), anonymous: db.Collection("anonymous"),
		erased: db.Collection("erased"), deltas: db.Collection("deltas"), server: server, readers: 16, applyChunk: maxBulk,
		foldEvery: foldEvery}, nil
}

// coll returns a generation's collection.
func (s *Store) coll(name string, gen int) *mongo.Collection {
	return s.db.Collection(name + "_" + strconv.Itoa(gen))
}

// step lets a test stop a change after a step.
func (s *Store) step(name string) error {
	if s.fail == nil {
		return nil
	}
	return s.fail(name)
}

// newOpID returns a fresh, time-ordered id for a change.
func newOpID() string { return uuid.Must(uuid.NewV7()).String() }

// metaDoc is the read model's state (service.Meta).
type metaDoc struct {
	ID            string     `bson:"_id"`
	Generation    int        `bson:"generation"`
	Building      int        `bson:"building"`
	Built         bool       `bson:"built"`
	RebuildWanted bool       `bson:"rebuild_wanted"`
	LastPass      *time.Time `bson:"last_pass,omitempty"`
}

// Meta returns the read model's state, creating it on the first call.
func (s *Store) Meta(ctx context.Context) (service.Meta, error) {
	var d metaDoc
	err := s.meta.FindOne(ctx, bson.D{{Key: "_id", Value: metaID}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		d = metaDoc{ID: metaID, Generation: 1}
		if _, err = s.meta.InsertOne(ctx, d); mongox.IsDuplicateKey(err) {
			return s.Meta(ctx)
		}
	}
	if err != nil {
		return service.Meta{}, fmt.Errorf("read model state: %w", err)
	}
	return service.Meta{Generation: d.Generation, Building: d.Building, Built: d.Built, RebuildWanted: d.RebuildWanted,
		LastPass: timeOf(d.LastPass)}, nil
}

// setMeta changes the meta document's fields.
func (s *Store) setMeta(ctx context.Context, set bson.D) error {
	_, err := s.meta.UpdateOne(ctx, bson.D{{Key: "_id", Value: metaID}}, bson.D{{Key: "$set", Value: set}})
	if err != nil {
		return fmt.Errorf("read model state: %w", err)
	}
	return nil
}

// WantRebuild records that a rebuild is needed.
func (s *Store) WantRebuild(ctx context.Context) error {
	return s.setMeta(ctx, bson.D{{Key: "rebuild_wanted", Value: true}})
}

// byID is the filter naming one document.
func byID(id string) bson.D { return bson.D{{Key: "_id", Value: id}} }
