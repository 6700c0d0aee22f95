package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// decodeShortlist decodes a stored shortlist of either layout.
func decodeShortlist(raw bson.Raw) (results.Shortlist, error) {
	if isLegacy(raw) {
		var d legacyShortlistDoc
		if err := bson.Unmarshal(raw, &d); err != nil {
			return results.Shortlist{}, fmt.Errorf("decode shortlist: %w", err)
		}
		return shortlistOf(d), nil
	}
	var d shortlistDoc
	if err := bson.Unmarshal(raw, &d); err != nil {
		return results.Shortlist{}, fmt.Errorf("decode shortlist: %w", err)
	}
	return toShortlist(d)
}

// decodeSuggestions decodes stored suggestions of either layout.
func decodeSuggestions(raw bson.Raw) (results.Suggestions, error) {
	if isLegacy(raw) {
		var d legacySuggestionsDoc
		if err := bson.Unmarshal(raw, &d); err != nil {
			return results.Suggestions{}, fmt.Errorf("decode suggestions: %w", err)
		}
		return suggestionsOf(d), nil
	}
	var d suggestionsDoc
	if err := bson.Unmarshal(raw, &d); err != nil {
		return results.Suggestions{}, fmt.Errorf("decode suggestions: %w", err)
	}
	return toSuggestions(d)
}

// isLegacy reports whether a document holds its entries as an array.
func isLegacy(raw bson.Raw) bool {
	v, err := raw.LookupErr("entries")
	return err == nil && v.Type == bson.TypeArray
}

// upgrade rewrites the documents of the earlier layout in the compact
// one, keeping them marked as outdated (no layout): their explanations
// predate the skill groups, and Results recomputes them (OutdatedLists). It reads the whole collections once, at start; a database written
// by this version has nothing to upgrade.
func (s *Store) upgrade(ctx context.Context) error {
	if err := upgradeColl(ctx, s.shortlists, "candidate_ids", func(raw bson.Raw) (string, any, error) {
		sl, err := decodeShortlist(raw)
		if err != nil {
			return "", nil, err
		}
		d, err := toShortlistDoc(sl)
		d.Layout = 0 // its explanations are of the earlier layout: recomputed later
		return sl.RoleID, d, err
	}); err != nil {
		return err
	}
	return upgradeColl(ctx, s.suggestions, "role_ids", func(raw bson.Raw) (string, any, error) {
		sg, err := decodeSuggestions(raw)
		if err != nil {
			return "", nil, err
		}
		d, err := toSuggestionsDoc(sg)
		d.Layout = 0
		return sg.CandidateID, d, err
	})
}

// upgradeColl rewrites every document of coll lacking field. The rewrite
// is conditional on the field still lacking, so a document another
// instance wrote meanwhile is left as it is.
func upgradeColl(ctx context.Context, coll *mongo.Collection, field string, convert func(bson.Raw) (string, any, error)) error {
	missing := bson.D{{Key: field, Value: bson.D{{Key: "$exists", Value: false}}}}
	cur, err := coll.Find(ctx, missing, options.Find())
	if err != nil {
		return fmt.Errorf("find %s to upgrade: %w", coll.Name(), err)
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		id, doc, err := convert(cur.Current)
		if err != nil {
			return fmt.Errorf("upgrade %s: %w", coll.Name(), err)
		}
		filter := bson.D{{Key: "_id", Value: id}, missing[0]}
		if _, err := coll.ReplaceOne(ctx, filter, doc); err != nil {
			return fmt.Errorf("upgrade %s %s: %w", coll.Name(), id, err)
		}
	}
	return cur.Err()
}

// outdatedFilter matches the lists written before explainLayout.
func outdatedFilter() bson.D {
	return bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "layout", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "layout", Value: bson.D{{Key: "$lt", Value: explainLayout}}}},
	}}}
}

// OutdatedLists returns the roles and candidates whose stored lists were
// written in an earlier layout of the explanation, which reads but cannot
// name everything the current one does. It reads every list's layout (on
// FerretDB every document): Results asks once per start.
func (s *Store) OutdatedLists(ctx context.Context) (roles, candidates []string, err error) {
	if roles, err = ids(ctx, s.shortlists, outdatedFilter()); err != nil {
		return nil, nil, fmt.Errorf("outdated shortlists: %w", err)
	}
	if candidates, err = ids(ctx, s.suggestions, outdatedFilter()); err != nil {
		return nil, nil, fmt.Errorf("outdated suggestions: %w", err)
	}
	return roles, candidates, nil
}
