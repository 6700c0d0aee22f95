package http

import (
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/httpx/fuzztest"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// FuzzRequestBodies sends hostile bodies to every request decoder of the
// candidates API, each followed by the conversion and the domain
// validation its use case runs before touching the store: whatever the
// body, the answer is accepted or a 4xx problem naming the field at fault.
func FuzzRequestBodies(f *testing.F) {
	vocab := service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()}
	today := time.Now().UTC().Format(time.DateOnly)
	decode := func(dst any) func(c *fiber.Ctx) error {
		return func(c *fiber.Ctx) error { return httpx.DecodeJSON(c, dst) }
	}
	fuzztest.Fuzz(f, fuzztest.Decoders{
		"candidate": func(c *fiber.Ctx) error {
			b, err := decodeCandidateBody(c)
			if err != nil {
				return err
			}
			var spec domain.Spec
			b.applyTo(&spec)
			return spec.Validate(vocab, today)
		},
		"attestation": func(c *fiber.Ctx) error {
			var b attestBody
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			a := b.toDomain()
			return a.Validate(vocab, today)
		},
		"revocation": func(c *fiber.Ctx) error {
			var b revokeBody
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			return domain.ValidateRevocation(domain.RevocationReason(b.Reason), b.Note)
		},
		"programme-record": func(c *fiber.Ctx) error {
			var b programmeRecordEdit
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			return domain.ProgrammeRecord{ProgrammeID: b.Programme, From: b.From, To: b.To, Hours: b.Hours}.Validate(today)
		},
		"certificate": func(c *fiber.Ctx) error {
			var b certificateEdit
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			return domain.Certificate{Name: b.Name, Issuer: b.Issuer, Date: b.Date}.Validate(today)
		},
		"consent": decode(&consentBody{}),
		"programme": func(c *fiber.Ctx) error {
			var b programmeEdit
			if err := httpx.DecodeJSON(c, &b); err != nil {
				return err
			}
			spec := b.toDomain()
			return spec.Validate(vocab)
		},
	},
		`{"given_name":"Ana","family_name":"Peeters","setting":"transition_house","house":{"place_id":"2794055"}}`,
		`{"given_name":"\u0000","setting":"detention_house","languages":[{"code":"nl","level":"Z9"}]}`,
		`{"day_release":{"eligible_from":"2026-13-45","days":["sun","xyz"],"start":"25:00","end":"07:00","max_commute_km":-1}}`,
		`{"release":{"expected_date":"0000-00-00","return_region":{"place_id":"nowhere","radius_km":9223372036854775807}}}`,
		`{"preferences":{"sectors":["Z"],"hours_per_week":1000,"contracts":["forever"]}}`,
		`{"skill":"espresso-preparation","level":9,"hours":-5,"programme":"p","date":"2999-01-01"}`,
		`{"version":1,"reason":"other"}`, `{"version":1,"reason":"nope","note":"`+string(make([]byte, 0))+`"}`,
		`{"programme":"p","from":"2026-03-01","to":"2025-01-01","hours":20000}`,
		`{"name":"","issuer":"x","date":"yesterday"}`, `{"matching":"yes"}`, `{"text_version":"2026-11"}`,
		`{"name":"Roastery","kind":"spaceship","site":{"place_id":"x"},"skills":["nope"],"supervisors":[]}`,
		`{"house":{"place_id":{"$ne":null}}}`, `{"house":{"unknown":1}}`,
	)
}
