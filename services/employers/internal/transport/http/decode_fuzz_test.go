package http

import (
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/httpx/fuzztest"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// FuzzRequestBodies sends hostile bodies to every request decoder of the
// employers API, each followed by the conversion and the domain validation
// its use case runs before touching the store: whatever the body, the
// answer is accepted or a 4xx problem naming the field at fault.
func FuzzRequestBodies(f *testing.F) {
	vocab := service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()}
	today := time.Now().UTC().Format(time.DateOnly)
	fuzztest.Fuzz(f, fuzztest.Decoders{
		"role": func(c *fiber.Ctx) error {
			var b roleBody
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			spec := domain.RoleSpec{Positions: 1}
			b.applyTo(&spec)
			spec.ApplyTemplate(vocab)
			return spec.Validate(vocab, today)
		},
		"profile": func(c *fiber.Ctx) error {
			var b profileBody
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			d := b.toDomain()
			return d.Validate(vocab)
		},
		"status": func(c *fiber.Ctx) error {
			var b statusBody
			return httpx.DecodeJSON(c, &b)
		},
		"wording": func(c *fiber.Ctx) error {
			var b wordingBody
			return httpx.DecodeJSON(c, &b)
		},
	},
		`{"title":"Barista","sector":"I","occupation":"barista","site":{"place_id":"2794055"},"hours_per_week":32,"contract":"permanent","start_asap":true}`,
		`{"title":"\u001b[2J","sector":"ZZ","hours_per_week":-1,"positions":9223372036854775807,"contract":"forever"}`,
		`{"essential_skills":[{"skill":"nope","min_level":9}],"languages":[{"code":"xx","level":"Z1"}]}`,
		`{"schedule":{"days":["someday"],"start":"24:61","end":"00:00"},"closing_date":"1999-02-30"}`,
		`{"schedule":{"shifts":[{"days":["mon"],"start":"x","end":"y"}]}}`, `{"site":{"place_id":"2794055","lat":1e400}}`,
		`{"version":1,"display_name":"Bakkerij","sectors":["I"],"website":"javascript:alert(1)","size_band":"huge"}`,
		`{"version":1,"sites":[{"place_id":"nowhere"}],"fair_chance":{"commitments":["nope"]}}`,
		`{"status":"open","version":1,"closing_date":"tomorrow"}`, `{"status":""}`,
		`{"title":"Young and dynamic","description":"max. 30 Jahre","lang":"xx"}`,
	)
}
