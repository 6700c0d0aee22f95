package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// factsBatch is how many introductions one round of the facts listing
// reads before it looks up their placements and follow-ups: the memory
// the listing holds, and the number of introductions per lookup.
const factsBatch = 200

// The projections of the facts: the server never sends a message, a
// note, an alias or a reason, so none can leak through this path.
var (
	introductionFactsFields = projection("_id", "role_id", "employer_org_id", "candidate_id", "candidate_org_id",
		"status", "requested_at", "answered_at", "outcome")
	placementFactsFields = projection("_id", "introduction_id", "created_at", "start_date", "contract", "status", "ended_on")
	followUpFactsFields  = projection("_id", "introduction_id", "audience", "day", "due_at", "still_working", "answered_at")
)

func projection(fields ...string) bson.D {
	d := make(bson.D, 0, len(fields))
	for _, f := range fields {
		d = append(d, bson.E{Key: f, Value: 1})
	}
	return d
}

// IntroductionFacts returns the facts of one introduction, or an error
// wrapping errs.NotFound when there is no such introduction (or it was
// erased with its candidate).
func (s *Store) IntroductionFacts(ctx context.Context, id string) (domain.IntroductionFacts, error) {
	var d introductionDoc
	err := s.introductions.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, options.FindOne().SetProjection(introductionFactsFields)).Decode(&d)
	if isNoDocuments(err) {
		return domain.IntroductionFacts{}, notFound("introduction", id)
	}
	if err != nil {
		return domain.IntroductionFacts{}, fmt.Errorf("find introduction %s: %w", id, err)
	}
	facts, err := s.factsOf(ctx, []introductionDoc{d})
	if err != nil {
		return domain.IntroductionFacts{}, err
	}
	return facts[0], nil
}

// EachIntroductionFacts calls fn with every introduction's facts, in no
// particular order, from one pass over the introductions: a batch of
// factsBatch at a time, with one lookup of the batch's placements and one
// of their follow-ups. It stops at fn's first error and returns it.
func (s *Store) EachIntroductionFacts(ctx context.Context, fn func(domain.IntroductionFacts) error) error {
	batch := make([]introductionDoc, 0, factsBatch)
	flush := func() error {
		facts, err := s.factsOf(ctx, batch)
		if err != nil {
			return err
		}
		batch = batch[:0]
		for _, f := range facts {
			if err := fn(f); err != nil {
				return err
			}
		}
		return nil
	}
	err := mongox.Each(ctx, s.introductions, bson.D{}, options.Find().SetProjection(introductionFactsFields), factsBatch,
		func(d introductionDoc) error {
			batch = append(batch, d)
			if len(batch) < factsBatch {
				return nil
			}
			return flush()
		})
	if err != nil {
		return err
	}
	return flush()
}

// factsOf completes introductions with their placements and follow-ups.
// Only an accepted introduction can have a placement, so only those are
// looked up.
func (s *Store) factsOf(ctx context.Context, ins []introductionDoc) ([]domain.IntroductionFacts, error) {
	var accepted []string
	for _, d := range ins {
		if d.Status == string(domain.StatusAccepted) {
			accepted = append(accepted, d.ID)
		}
	}
	placements := map[string]domain.Placement{}
	followUps := map[string][]domain.FollowUp{}
	if len(accepted) > 0 {
		err := eachOfIntroductions(ctx, s.placements, accepted, placementFactsFields, func(d placementDoc) error {
			placements[d.IntroductionID] = toDomainPlacement(d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(placements) > 0 {
		placed := make([]string, 0, len(placements))
		for id := range placements {
			placed = append(placed, id)
		}
		err := eachOfIntroductions(ctx, s.followUps, placed, followUpFactsFields, func(d followUpDoc) error {
			followUps[d.IntroductionID] = append(followUps[d.IntroductionID], toDomainFollowUp(d))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]domain.IntroductionFacts, 0, len(ins))
	for _, d := range ins {
		var pl *domain.Placement
		if p, ok := placements[d.ID]; ok {
			pl = &p
		}
		out = append(out, domain.FactsOf(toDomainIntroduction(d), pl, followUps[d.ID]))
	}
	return out, nil
}

// eachOfIntroductions decodes, with a projection, every document of coll
// that belongs to one of the introductions ids.
func eachOfIntroductions[T any](ctx context.Context, coll *mongo.Collection, ids []string, fields bson.D, fn func(T) error) error {
	filter := bson.D{{Key: "introduction_id", Value: bson.D{{Key: "$in", Value: ids}}}}
	return mongox.Each(ctx, coll, filter, options.Find().SetProjection(fields), factsBatch, fn)
}
