package mongo

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// fullMatchesDoc records a stored list's full matches and the version of
// its last gain (results.FullMatches), one small document per list, apart
// from the list: it outlives the list's deletion, so a role or candidate
// never gets a version twice. It holds ids and a number only.
type fullMatchesDoc struct {
	// ID is the kind and the list's id: "shortlist/<role>",
	// "suggestions/<candidate>".
	ID      string   `bson:"_id"`
	Members []string `bson:"members"`
	Version int64    `bson:"version"`
}

func fullMatchesID(kind results.ListKind, id string) string { return string(kind) + "/" + id }

// FullMatches returns the record of a list's full matches, if any.
func (s *Store) FullMatches(ctx context.Context, kind results.ListKind, id string) (results.FullMatches, bool, error) {
	var d fullMatchesDoc
	err := s.fullMatches.FindOne(ctx, bson.D{{Key: "_id", Value: fullMatchesID(kind, id)}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return results.FullMatches{}, false, nil
	}
	if err != nil {
		return results.FullMatches{}, false, fmt.Errorf("full matches of %s %s: %w", kind, id, err)
	}
	return results.FullMatches{Members: d.Members, Version: d.Version}, true, nil
}

// SaveFullMatches replaces the record of a list's full matches.
func (s *Store) SaveFullMatches(ctx context.Context, kind results.ListKind, id string, fm results.FullMatches) error {
	members := fm.Members
	if members == nil {
		members = []string{}
	}
	key := fullMatchesID(kind, id)
	return replace(ctx, s.fullMatches, key, fullMatchesDoc{ID: key, Members: members, Version: fm.Version})
}
