package http

import (
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/httpx/fuzztest"
)

// FuzzRequestBodies sends hostile bodies to every request decoder of the
// gateway's own API (sign-up, sign-in, tokens, organisations, invitations,
// service tokens): whatever the body, the answer is accepted or a 4xx
// problem naming the field at fault.
func FuzzRequestBodies(f *testing.F) {
	into := func(newDst func() any) func(c *fiber.Ctx) error {
		return func(c *fiber.Ctx) error { return httpx.DecodeJSON(c, newDst()) }
	}
	fuzztest.Fuzz(f, fuzztest.Decoders{
		"signup":       into(func() any { return new(signupRequest) }),
		"login":        into(func() any { return new(loginRequest) }),
		"refresh":      into(func() any { return new(refreshRequest) }),
		"organisation": into(func() any { return new(createOrganisationRequest) }),
		"invite":       into(func() any { return new(inviteRequest) }),
		"accept":       into(func() any { return new(acceptInvitationRequest) }),
		"servicetoken": into(func() any { return new(serviceTokenRequest) }),
		"verify":       into(func() any { return new(verifyRequest) }),
		"suspend":      into(func() any { return new(suspendRequest) }),
	},
		`{"organisation_name":"Bakkerij","name":"Ana","email":"ana@bakkerij.be","password":"copper-orchard-violin-58"}`,
		`{"email":"ana@bakkerij.be","password":"x"}`, `{"email":"not an address","password":""}`,
		`{"email":{"$gt":""},"password":{"$ne":null}}`, `{"refresh_token":["a","b"]}`,
		`{"name":"Huis","kind":"spaceship","programme_type":"castle"}`, `{"email":"a@b.be","role":"admin"}`,
		`{"name":"`+"\u202e"+`Mira","password":"short"}`, `{"audience":"everyone","service":"web"}`,
		`{"register_country":"BE","register_number":"0123.456.789","contact_name":"Ana","contacted_on":"2026-12-01"}`, `{"reason":{"$ne":""}}`,
	)
}
