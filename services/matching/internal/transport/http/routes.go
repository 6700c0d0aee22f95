package http

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// Deps are what the API needs. The vocabulary needs Taxonomy and Places;
// the results routes need Results and Index, and answer 503 without them.
type Deps struct {
	Verifier *auth.Verifier
	Taxonomy *skills.Taxonomy
	Places   *geo.Gazetteer

	// Results reads stored shortlists and suggestions.
	Results ResultsReader
	// Shortlists reads a role's stored shortlist for the shortlist routes,
	// from memory where it can (results.ShortlistReader); nil reads
	// Results.
	Shortlists ShortlistReader
	// PageCache is how many encoded shortlist pages to keep, each of one
	// write of a list (its stamp) in one language, filter and cursor; 0
	// keeps none.
	PageCache int
	// Index is the in-memory index: candidates' organisations and sizes.
	Index IndexView
	// Consent tells, for a candidate the index lacks, whether it is
	// because the candidate has not consented to matching; nil answers
	// such a candidate 404 as an unknown one.
	Consent ConsentReader
	// Statements gives the approved statements shortlist cards show; nil
	// shows none.
	Statements StatementReader
	// Status is the data flow's status; nil shows what the API knows.
	Status Status
	// Now is the clock for "available within N weeks"; nil is time.Now.
	Now func() time.Time
	// Shortlistings reads each candidate's first shortlisting; without it
	// its routes answer 503. Logger and WriteTimeout serve its stream.
	Shortlistings ShortlistingReader
	Logger        *slog.Logger
	WriteTimeout  time.Duration
}

// Register mounts the matching API. Vocabulary searches are open to any
// signed-in user and to other services: the vocabulary is not personal.
// Shortlists, suggestions, the status and the internal routes check the
// caller themselves.
func Register(app fiber.Router, d Deps) {
	v := &vocabulary{taxonomy: d.Taxonomy, places: d.Places}
	api := app.Group("/api/v1", auth.Middleware(d.Verifier))
	api.Get("/skills", v.searchSkills)
	api.Get("/skills/:id", v.getSkill)
	api.Get("/occupations", v.searchOccupations)
	api.Get("/occupations/:id", v.getOccupation)
	api.Get("/places", v.searchPlaces)
	api.Get("/places/:id", v.getPlace)

	m := newMatching(d)
	api.Get("/roles/:id/shortlist", m.shortlist)
	api.Get("/candidates/:id/suggestions", m.suggestions)
	api.Get("/matching/status", m.status)
	api.Get("/matching/shortlist-counts", m.shortlistCounts)

	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	internal.Get("/roles/:id/shortlist/:candidate_ref", m.resolveCandidateRef)
	sh := newShortlistings(d)
	internal.Get("/candidates/shortlisted", sh.list)
	internal.Get("/candidates/:id/shortlisted", sh.one)
}
