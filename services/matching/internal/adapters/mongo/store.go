package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// Store keeps shortlists and suggestions in one database. It implements
// results.Store and what the HTTP API reads.
type Store struct {
	shortlists  *mongo.Collection
	suggestions *mongo.Collection
	// fullMatches records each list's full matches (fullmatches.go).
	fullMatches *mongo.Collection
	// shortlisted records each candidate's first shortlisting
	// (shortlisted.go).
	shortlisted *mongo.Collection
}

// NewStore returns a store on db and ensures its indexes: the lists'
// member ids, so a removal finds every list that holds one, and the
// shortlists' employer. Documents of the earlier layout (entries as
// nested documents) are rewritten in the compact one.
func NewStore(ctx context.Context, db *mongo.Database) (*Store, error) {
	s := &Store{shortlists: db.Collection("shortlists"), suggestions: db.Collection("suggestions"),
		fullMatches: db.Collection("full_matches"), shortlisted: db.Collection("shortlisted")}
	if err := mongox.EnsureIndexes(ctx, s.shortlists,
		mongo.IndexModel{Keys: bson.D{{Key: "candidate_ids", Value: 1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "employer_id", Value: 1}}},
	); err != nil {
		return nil, err
	}
	if err := mongox.EnsureIndexes(ctx, s.suggestions,
		mongo.IndexModel{Keys: bson.D{{Key: "role_ids", Value: 1}}},
	); err != nil {
		return nil, err
	}
	// The earlier layout's indexes on nested entries cost every write.
	dropIndex(ctx, s.shortlists, "entries.candidate_id_1")
	dropIndex(ctx, s.suggestions, "entries.role_id_1")
	if err := s.upgrade(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

var _ results.Store = (*Store)(nil)

// Shortlist returns a role's stored shortlist, or errs.NotFound.
func (s *Store) Shortlist(ctx context.Context, roleID string) (results.Shortlist, error) {
	raw, err := s.shortlists.FindOne(ctx, bson.D{{Key: "_id", Value: roleID}}).Raw()
	if err != nil {
		return results.Shortlist{}, mongox.NotFoundAs(err, "shortlist of role %s", roleID)
	}
	return decodeShortlist(raw)
}

// SaveShortlist replaces the role's shortlist whole.
func (s *Store) SaveShortlist(ctx context.Context, sl results.Shortlist) error {
	d, err := toShortlistDoc(sl)
	if err != nil {
		return err
	}
	return replace(ctx, s.shortlists, sl.RoleID, d)
}

// DeleteShortlist deletes a role's shortlist if there is one.
func (s *Store) DeleteShortlist(ctx context.Context, roleID string) error {
	return remove(ctx, s.shortlists, roleID)
}

// ShortlistsWith returns the roles whose shortlist holds the candidate.
// FerretDB v1 answers it by reading every shortlist: Results asks it only
// when a candidate is removed, and keeps membership in memory otherwise.
func (s *Store) ShortlistsWith(ctx context.Context, candidateID string) ([]string, error) {
	return ids(ctx, s.shortlists, bson.D{{Key: "candidate_ids", Value: candidateID}})
}

// ShortlistMembers returns the candidates and cut-off of every stored
// shortlist, reading no entries.
func (s *Store) ShortlistMembers(ctx context.Context) ([]results.ListMembers, error) {
	return members(ctx, s.shortlists, "candidate_ids")
}

// ShortlistCutoffs returns the cut-offs of the stored shortlists of roleIDs.
func (s *Store) ShortlistCutoffs(ctx context.Context, roleIDs []string) (map[string]results.Cutoff, error) {
	return cutoffs(ctx, s.shortlists, roleIDs)
}

// ShortlistRoles returns the id of every stored shortlist.
func (s *Store) ShortlistRoles(ctx context.Context) ([]string, error) {
	return ids(ctx, s.shortlists, bson.D{})
}

// CountShortlists returns how many shortlists are stored.
func (s *Store) CountShortlists(ctx context.Context) (int64, error) {
	n, err := s.shortlists.CountDocuments(ctx, bson.D{})
	if err != nil {
		return 0, fmt.Errorf("count shortlists: %w", err)
	}
	return n, nil
}

// ShortlistCounts returns the counts of the stored shortlists of roleIDs;
// roles without one are absent.
func (s *Store) ShortlistCounts(ctx context.Context, roleIDs []string) (map[string]results.RoleCounts, error) {
	type countsOnly struct {
		ID         string    `bson:"_id"`
		EmployerID string    `bson:"employer_id"`
		Counts     countsDoc `bson:"counts"`
	}
	out := map[string]results.RoleCounts{}
	if len(roleIDs) == 0 {
		return out, nil
	}
	cur, err := s.shortlists.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: roleIDs}}}},
		options.Find().SetProjection(bson.D{{Key: "employer_id", Value: 1}, {Key: "counts", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("shortlist counts: %w", err)
	}
	var docs []countsOnly
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("shortlist counts: %w", err)
	}
	for _, d := range docs {
		out[d.ID] = results.RoleCounts{EmployerID: d.EmployerID, Counts: results.Counts{Full: d.Counts.Full, Near: d.Counts.Near}}
	}
	return out, nil
}

// Suggestions returns a candidate's stored suggestions, or errs.NotFound.
func (s *Store) Suggestions(ctx context.Context, candidateID string) (results.Suggestions, error) {
	raw, err := s.suggestions.FindOne(ctx, bson.D{{Key: "_id", Value: candidateID}}).Raw()
	if err != nil {
		return results.Suggestions{}, mongox.NotFoundAs(err, "suggestions of candidate %s", candidateID)
	}
	return decodeSuggestions(raw)
}

// SaveSuggestions replaces the candidate's suggestions whole.
func (s *Store) SaveSuggestions(ctx context.Context, sg results.Suggestions) error {
	d, err := toSuggestionsDoc(sg)
	if err != nil {
		return err
	}
	return replace(ctx, s.suggestions, sg.CandidateID, d)
}

// DeleteSuggestions deletes a candidate's suggestions if there are any.
func (s *Store) DeleteSuggestions(ctx context.Context, candidateID string) error {
	return remove(ctx, s.suggestions, candidateID)
}

// SuggestionsWith returns the candidates whose suggestions hold the role.
// Like ShortlistsWith it reads every list on FerretDB v1; Results uses
// the membership it keeps in memory instead.
func (s *Store) SuggestionsWith(ctx context.Context, roleID string) ([]string, error) {
	return ids(ctx, s.suggestions, bson.D{{Key: "role_ids", Value: roleID}})
}

// SuggestionMembers returns the roles and cut-off of every stored
// suggestion list, reading no entries.
func (s *Store) SuggestionMembers(ctx context.Context) ([]results.ListMembers, error) {
	return members(ctx, s.suggestions, "role_ids")
}

// SuggestionCutoffs returns the cut-offs of the stored suggestions of
// candidateIDs.
func (s *Store) SuggestionCutoffs(ctx context.Context, candidateIDs []string) (map[string]results.Cutoff, error) {
	return cutoffs(ctx, s.suggestions, candidateIDs)
}

// SuggestionCandidates returns the id of every stored suggestion list.
func (s *Store) SuggestionCandidates(ctx context.Context) ([]string, error) {
	return ids(ctx, s.suggestions, bson.D{})
}
