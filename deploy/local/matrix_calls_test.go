package launcher

import (
	"net/http"
	"time"
)

// request is one call of the matrix, before it is sent.
type request struct {
	method, path string
	body         any
}

// operation says how the matrix calls one operation of docs/openapi.yaml.
// objects is the kind of organisation whose object the call names
// ("employer", "programme", "org" for any, "" for none); build returns the
// call on an object of o (nil when objects is ""), creating through the
// API whatever the call consumes (an invitation it revokes, a candidate it
// erases), so every call meets a fresh, valid object and a refusal can
// only come from who the caller is.
type operation struct {
	objects string
	build   func(w *world, mine, o *matrixOrg) request
}

func get(path string) request { return request{method: http.MethodGet, path: path} }

// operations covers every operation of the public /api/v1 surface.
var operations = map[string]operation{
	// Auth and account: no object of anyone's.
	"signUp": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/auth/signup", map[string]string{"organisation_name": "Koffiehuis Matrix", "name": "Ana Peeters", "email": w.email("signup"), "password": staffPassword}}
	}},
	"logIn": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/auth/login", map[string]string{"email": w.empA.memberEmail, "password": staffPassword}}
	}},
	"refreshTokens": {"", func(w *world, _, _ *matrixOrg) request {
		_, tokens := w.signIn(w.progA.memberEmail)
		return request{"POST", "/api/v1/auth/refresh", map[string]string{"refresh_token": tokens.RefreshToken}}
	}},
	"logOut": {"", func(w *world, _, _ *matrixOrg) request {
		_, tokens := w.signIn(w.progA.memberEmail)
		return request{"POST", "/api/v1/auth/logout", map[string]string{"refresh_token": tokens.RefreshToken}}
	}},
	"getMe": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/me") }},
	"updateMe": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"PATCH", "/api/v1/me", map[string]string{"language": "en"}}
	}},
	// The reset link goes by e-mail only: the matrix confirms with a token
	// nobody was sent, which every caller is refused alike.
	"requestPasswordReset": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/auth/password-reset", map[string]string{"email": w.empA.memberEmail}}
	}},
	"confirmPasswordReset": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/auth/password-reset/confirm", map[string]string{"token": "a-token-nobody-was-sent", "password": staffPassword}}
	}},

	// Organisations, people and invitations.
	"listOrganisations": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/organisations") }},
	"createOrganisation": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/organisations", map[string]string{"name": "Huis Matrix C", "kind": "programme", "programme_type": "detention_house"}}
	}},
	"getOrganisation": {"org", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/organisations/" + o.id) }},
	"listMembers":     {"org", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/organisations/" + o.id + "/members") }},
	"listInvitations": {"org", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/organisations/" + o.id + "/invitations")
	}},
	"inviteMember": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/organisations/" + o.id + "/invitations", map[string]string{"email": w.email("invited"), "role": "member"}}
	}},
	"reissueInvitation": {"org", func(w *world, mine, o *matrixOrg) request {
		id, _ := w.openInvitation(o)
		return request{"POST", "/api/v1/organisations/" + o.id + "/invitations/" + id + "/reissue", nil}
	}},
	"revokeInvitation": {"org", func(w *world, mine, o *matrixOrg) request {
		id, _ := w.openInvitation(o)
		return request{"DELETE", "/api/v1/organisations/" + o.id + "/invitations/" + id, nil}
	}},
	"lookupInvitation": {"org", func(w *world, mine, o *matrixOrg) request {
		_, token := w.openInvitation(o)
		return get("/api/v1/invitations/" + token)
	}},
	"acceptInvitation": {"org", func(w *world, mine, o *matrixOrg) request {
		_, token := w.openInvitation(o)
		return request{"POST", "/api/v1/invitations/" + token + "/accept", map[string]string{"name": "Noor Claes", "password": staffPassword}}
	}},
	"getUser": {"org", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/users/" + o.memberID) }},
	"deactivateUser": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/users/" + w.freshUser(o, false) + "/deactivation", nil}
	}},
	"issuePasswordReset": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/users/" + w.freshUser(o, false) + "/password-reset", nil}
	}},
	"reactivateUser": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"DELETE", "/api/v1/users/" + w.freshUser(o, true) + "/deactivation", nil}
	}},
	"removeMember": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"DELETE", "/api/v1/organisations/" + o.id + "/members/" + w.freshUser(o, false), nil}
	}},
	"changeMemberRole": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/organisations/" + o.id + "/members/" + w.freshUser(o, false) + "/role", map[string]string{"role": "org_admin"}}
	}},
	// Vetting: each call meets a new employer, pending (or suspended, to
	// reinstate), so only who the caller is can refuse it.
	"verifyOrganisation": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/organisations/" + w.pendingEmployer() + "/verify", verifyChecks}
	}},
	"suspendOrganisation": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/organisations/" + w.pendingEmployer() + "/suspend", map[string]string{"reason": "Matrix"}}
	}},
	"reinstateOrganisation": {"", func(w *world, _, _ *matrixOrg) request {
		id := w.pendingEmployer()
		w.platform.do("POST", "/api/v1/organisations/"+id+"/suspend", map[string]string{"reason": "Matrix"}, http.StatusOK, nil)
		return request{"POST", "/api/v1/organisations/" + id + "/reinstate", nil}
	}},
	"rotateSigningKeys": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/admin/signing-keys/rotate", nil}
	}},

	// Employers and roles.
	"getMyEmployer": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/employers/me") }},
	"putMyEmployer": {"", func(w *world, mine, _ *matrixOrg) request {
		// The version of the caller's own profile, when it has one; the
		// first employer's otherwise, so a refusal is about the caller.
		if mine == nil || mine.kind != "employer" {
			mine = w.empA
		}
		return request{"PUT", "/api/v1/employers/me", map[string]any{"display_name": "Bakkerij Matrix", "sectors": []string{"I"}, "version": version(mine.admin, "/api/v1/employers/me")}}
	}},
	"getEmployer": {"employer", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/employers/" + o.profileID) }},
	"listRoles":   {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/roles") }},
	"createRole": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/roles", roleBody("draft")}
	}},
	"listSectors": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/roles/sectors") }},
	"validateRoleDraft": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/roles/validate", roleBody("draft")}
	}},
	"checkWording": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/roles/wording-check", map[string]string{"title": "Barista", "description": "Young and dynamic team."}}
	}},
	"getRole": {"employer", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/roles/" + o.roleID) }},
	"validateRoleEdit": {"employer", func(_ *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/roles/" + o.roleID + "/validate", map[string]any{"hours_per_week": 20}}
	}},
	"patchRole": {"employer", func(_ *world, mine, o *matrixOrg) request {
		return request{"PATCH", "/api/v1/roles/" + o.roleID, map[string]any{"version": version(o.admin, "/api/v1/roles/"+o.roleID), "hours_per_week": 24}}
	}},
	"setRoleStatus": {"employer", func(w *world, mine, o *matrixOrg) request {
		id := w.newRole(o, "draft")
		return request{"POST", "/api/v1/roles/" + id + "/status", map[string]any{"status": "open", "version": version(o.admin, "/api/v1/roles/"+id)}}
	}},

	// Vocabulary.
	"searchSkills":      {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/skills?q=barista") }},
	"getSkill":          {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/skills/espresso-preparation") }},
	"searchOccupations": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/occupations?q=barista") }},
	"getOccupation":     {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/occupations/barista") }},
	"searchPlaces":      {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/places?q=Kortrijk") }},
	"getPlace":          {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/places/" + kortrijk) }},

	// Matching.
	"getShortlist": {"employer", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/roles/" + o.roleID + "/shortlist") }},
	"getSuggestions": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/suggestions")
	}},
	"getMatchingStatus":  {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/matching/status") }},
	"getShortlistCounts": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/matching/shortlist-counts") }},

	// Programmes.
	"listProgrammes": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/programmes") }},
	"createProgramme": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/programmes", programmeBody(0, "")}
	}},
	"getProgramme": {"programme", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/programmes/" + o.programmeID) }},
	"updateProgramme": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/programmes/" + o.programmeID, programmeBody(version(o.admin, "/api/v1/programmes/"+o.programmeID), o.memberID)}
	}},

	// Candidates.
	"listCandidates": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/candidates") }},
	"registerCandidate": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/candidates", candidateBody()}
	}},
	"getCandidate": {"programme", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/candidates/" + o.candidateID) }},
	"patchCandidate": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PATCH", "/api/v1/candidates/" + o.candidateID, map[string]any{"version": candidateVersion(o), "preferred_name": "Matti"}}
	}},
	"eraseCandidate": {"programme", func(w *world, mine, o *matrixOrg) request {
		return request{"DELETE", "/api/v1/candidates/" + w.newCandidate(o), nil}
	}},
	"attestSkill": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/candidates/" + o.candidateID + "/skills", attestationBody(programmeOf(mine, o))}
	}},
	"addProgrammeRecord": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/candidates/" + o.candidateID + "/programme-records", recordBody(programmeOf(mine, o), 0)}
	}},
	"updateProgrammeRecord": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/candidates/" + o.candidateID + "/programme-records/" + o.recordID, recordBody(programmeOf(mine, o), candidateVersion(o))}
	}},
	"removeProgrammeRecord": {"programme", func(w *world, mine, o *matrixOrg) request {
		id := w.newRecord(o)
		return request{"DELETE", "/api/v1/candidates/" + o.candidateID + "/programme-records/" + id + "?version=" + itoa(candidateVersion(o)), nil}
	}},
	"addCertificate": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/candidates/" + o.candidateID + "/certificates", certificateBody(0)}
	}},
	"updateCertificate": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/candidates/" + o.candidateID + "/certificates/" + o.certificateID, certificateBody(candidateVersion(o))}
	}},
	"removeCertificate": {"programme", func(w *world, mine, o *matrixOrg) request {
		id := w.newCertificate(o)
		return request{"DELETE", "/api/v1/candidates/" + o.candidateID + "/certificates/" + id + "?version=" + itoa(candidateVersion(o)), nil}
	}},
	"setCandidateStatement": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/candidates/" + o.candidateID + "/statement", map[string]any{"version": candidateVersion(o), "text": "I roast coffee and like early shifts."}}
	}},
	"removeCandidateStatement": {"programme", func(w *world, mine, o *matrixOrg) request {
		w.newStatement(o)
		return request{"DELETE", "/api/v1/candidates/" + o.candidateID + "/statement?version=" + itoa(candidateVersion(o)), nil}
	}},
	"reviewCandidateStatement": {"programme", func(w *world, mine, o *matrixOrg) request {
		w.newStatement(o)
		return request{"POST", "/api/v1/candidates/" + o.candidateID + "/statement/review", map[string]any{"version": candidateVersion(o), "decision": "approve"}}
	}},
	"setConsent": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/candidates/" + o.candidateID + "/consent", map[string]any{"matching": true, "text_version": "2026-11"}}
	}},
	"exportCandidate": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/export")
	}},
	"listCandidateAudit": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/audit")
	}},
	"verifyAttestation": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/attestations/" + o.attestationID + "/verify")
	}},
	"revokeAttestation": {"programme", func(w *world, mine, o *matrixOrg) request {
		id := w.newAttestation(o)
		return request{"POST", "/api/v1/attestations/" + id + "/revocation", map[string]any{"version": candidateVersion(o), "reason": "entered_in_error"}}
	}},
	"listConsentTexts": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/consent-texts") }},
	"getCandidatePortfolioPDF": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/portfolio.pdf")
	}},

	// A candidate's own account: staff invite, the candidate accepts with
	// the token and signs in with a user name. Inviting and closing name a
	// fresh candidate, so the matrix's own candidate keeps its account.
	"candidateLogIn": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"POST", "/api/v1/auth/candidate-login", map[string]string{"username": w.candidateUsername, "password": candidatePassword}}
	}},
	"inviteCandidate": {"programme", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/candidates/" + w.newCandidate(o) + "/account-invitation", nil}
	}},
	"getCandidateAccount": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/account")
	}},
	"closeCandidateAccount": {"programme", func(w *world, mine, o *matrixOrg) request {
		id := w.newCandidate(o)
		w.candidateInvitation(o, id)
		return request{"DELETE", "/api/v1/candidates/" + id + "/account", nil}
	}},
	"lookupCandidateInvitation": {"programme", func(w *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidate-invitations/" + w.candidateInvitation(o, w.newCandidate(o)))
	}},
	"acceptCandidateInvitation": {"programme", func(w *world, mine, o *matrixOrg) request {
		token := w.candidateInvitation(o, w.newCandidate(o))
		return request{"POST", "/api/v1/candidate-invitations/" + token + "/accept", map[string]string{"username": "matrix." + itoa(w.seq.Add(1)), "password": candidatePassword}}
	}},

	// Credentials: issuing is the attesting organisation's staff's; the
	// rest is public, as a credential's holder hands it to anyone.
	"getAttestationCredential": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/attestations/" + o.attestationID + "/credential")
	}},
	"verifyCredential": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/credentials/verify", map[string]string{"credential": "not-a-credential"}}
	}},
	"getCredentialVerification": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/credentials/" + o.attestationID)
	}},
	"getCredentialStatus": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/credentials/" + o.attestationID + "/status")
	}},
	"getIssuerProfile": {"programme", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/issuers/" + o.id) }},
	"getIssuerKeys":    {"programme", func(_ *world, mine, o *matrixOrg) request { return get("/api/v1/issuers/" + o.id + "/jwks") }},

	// Notifications: each caller's own inbox and preferences, except
	// readNotification, whose object is a notification of the object
	// organisation's admin (see world.notificationOf), and the defaults of
	// an organisation.
	"listNotifications":        {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/notifications") }},
	"countUnreadNotifications": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/notifications/unread-count") }},
	"readAllNotifications": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"POST", "/api/v1/notifications/read-all", nil}
	}},
	"readNotification": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/notifications/" + w.notificationOf(o) + "/read", nil}
	}},
	"getNotificationPreferences": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/notifications/preferences") }},
	"putNotificationPreferences": {"", func(*world, *matrixOrg, *matrixOrg) request {
		return request{"PUT", "/api/v1/notifications/preferences", map[string]any{"kinds": quietKinds, "digest_hour": 7}}
	}},
	"putOrganisationNotificationDefaults": {"org", func(_ *world, mine, o *matrixOrg) request {
		return request{"PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": quietKinds, "organisation_id": o.id}}
	}},
	"listNotificationDeliveries": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/notifications/deliveries") }},
	"getConsentText":             {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/consent-texts/2026-11") }},

	// Introductions, placements and follow-ups. An operation both sides
	// reach names an object of kind "org": an introduction (placement,
	// follow-up) the object organisation is a party to, on its own side
	// (see world.pairOf): its role's, about programme organisation 1's
	// candidate, for an employer; its candidate's, on employer A's role,
	// for a programme organisation. What a call consumes (an answer, a
	// withdrawal, an outcome, an ended placement, an answered follow-up)
	// it meets fresh.
	"askToMeet": {"employer", func(w *world, mine, o *matrixOrg) request {
		// o's role and programme organisation 1's candidate, whose open
		// request, if any, is withdrawn first: one per role and candidate.
		pr := introPair{o, w.progA}
		w.freePair(pr)
		return request{"POST", "/api/v1/roles/" + o.roleID + "/introductions", w.askBody(o, o.roleID, w.progA, w.progA.candidateID)}
	}},
	"listIntroductions": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/introductions") }},
	"getIntroduction": {"org", func(w *world, mine, o *matrixOrg) request {
		return get("/api/v1/introductions/" + w.acceptedIntroduction(w.pairOf(o)).ID)
	}},
	"answerIntroduction": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/introductions/" + w.openIntroduction(w.pairOf(o)) + "/answer", map[string]any{"accept": false, "decline_reason": "not_now"}}
	}},
	"withdrawIntroduction": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/introductions/" + w.openIntroduction(w.pairOf(o)) + "/withdraw", nil}
	}},
	"listIntroductionMessages": {"org", func(w *world, mine, o *matrixOrg) request {
		return get("/api/v1/introductions/" + w.acceptedIntroduction(w.pairOf(o)).ID + "/messages")
	}},
	"postIntroductionMessage": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/introductions/" + w.acceptedIntroduction(w.pairOf(o)).ID + "/messages", map[string]any{"text": "Would Tuesday at 10 suit?"}}
	}},
	"recordMeetingOutcome": {"org", func(w *world, mine, o *matrixOrg) request {
		in := w.unspentAccepted("recordMeetingOutcome", w.pairOf(o), w.withoutOutcome)
		return request{"POST", "/api/v1/introductions/" + in.ID + "/outcome", map[string]any{"outcome": "not_hired", "reason": "availability"}}
	}},
	"listPlacements": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/placements") }},
	"getPlacement": {"org", func(w *world, mine, o *matrixOrg) request {
		return get("/api/v1/placements/" + w.placementOf(w.pairOf(o)))
	}},
	"endPlacement": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/placements/" + w.placementOf(w.pairOf(o)) + "/end", map[string]any{"ended_on": time.Now().UTC().Format(time.DateOnly), "reason": "moved_job"}}
	}},
	"setPlacementStillLooking": {"org", func(w *world, mine, o *matrixOrg) request {
		return request{"POST", "/api/v1/placements/" + w.placementOf(w.pairOf(o)) + "/still-looking", map[string]any{"still_looking": true}}
	}},
	"listFollowUps": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/followups") }},
	"answerFollowUp": {"org", func(w *world, mine, o *matrixOrg) request {
		// A task addressed to o's side: the employer's for an employer,
		// the staff's for a programme organisation.
		return request{"POST", "/api/v1/followups/" + w.followUpOf(w.pairOf(o), o.kind), map[string]any{"still_working": true}}
	}},

	// Disclosures: a grant of an accepted introduction of the pair (see
	// above); a withdrawal meets a grant not withdrawn yet.
	"readDisclosure": {"org", func(w *world, mine, o *matrixOrg) request {
		return get("/api/v1/disclosures/" + w.disclosureOf(w.pairOf(o)))
	}},
	"withdrawDisclosure": {"org", func(w *world, mine, o *matrixOrg) request {
		pr := w.pairOf(o)
		in := w.unspentAccepted("withdrawDisclosure", pr, w.grantActive(pr.prog))
		return request{"POST", "/api/v1/disclosures/" + *in.DisclosureID + "/withdraw", nil}
	}},
	"listCandidateDisclosures": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/candidates/" + o.candidateID + "/disclosures")
	}},

	// Insights: an organisation's outcome report, and sharing it with an
	// observer. The matrix shares with an observer of its own (shareWith),
	// never with obs, so obs's rows stay those of an observer nobody
	// shares with; a revocation meets a share the caller's organisation
	// granted just before, when it is a programme organisation.
	"getOutcomesReport": {"programme", func(_ *world, mine, o *matrixOrg) request {
		return get("/api/v1/insights/outcomes?organisation=" + o.id)
	}},
	"listInsightsShares": {"", func(*world, *matrixOrg, *matrixOrg) request { return get("/api/v1/insights/shares") }},
	"grantInsightsShare": {"", func(w *world, _, _ *matrixOrg) request {
		return request{"PUT", "/api/v1/insights/shares/" + w.shareWith().id, nil}
	}},
	"revokeInsightsShare": {"", func(w *world, mine, _ *matrixOrg) request {
		if mine != nil && mine.kind == "programme" {
			mine.admin.do("PUT", "/api/v1/insights/shares/"+w.shareWith().id, nil, http.StatusOK, nil)
		}
		return request{"DELETE", "/api/v1/insights/shares/" + w.shareWith().id, nil}
	}},
}

// shareWith returns the observer organisation the matrix shares reports
// with, created on first use.
func (w *world) shareWith() *matrixOrg {
	if w.sharedObserver == nil {
		w.sharedObserver = w.newObserverOrg("Provincie Matrix")
	}
	return w.sharedObserver
}

// candidateVersion is the version of o's standing candidate now.
func candidateVersion(o *matrixOrg) int64 {
	return version(o.member, "/api/v1/candidates/"+o.candidateID)
}

// programmeOf is the organisation whose programme a call names: the
// caller's own, as an attacker would name, when it is a programme
// organisation; the object's owner's otherwise.
func programmeOf(mine, o *matrixOrg) *matrixOrg {
	if mine != nil && mine.kind == "programme" {
		return mine
	}
	return o
}
