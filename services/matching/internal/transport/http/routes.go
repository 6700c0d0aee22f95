package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// Deps are what the API needs.
type Deps struct {
	Verifier *auth.Verifier
	Taxonomy *skills.Taxonomy
	Places   *geo.Gazetteer
}

// Register mounts the matching API. Vocabulary searches are open to any
// signed-in user and to other services: the vocabulary is not personal.
func Register(app fiber.Router, d Deps) {
	v := &vocabulary{taxonomy: d.Taxonomy, places: d.Places}
	api := app.Group("/api/v1", auth.Middleware(d.Verifier))
	api.Get("/skills", v.searchSkills)
	api.Get("/skills/:id", v.getSkill)
	api.Get("/occupations", v.searchOccupations)
	api.Get("/occupations/:id", v.getOccupation)
	api.Get("/places", v.searchPlaces)
	api.Get("/places/:id", v.getPlace)
}
