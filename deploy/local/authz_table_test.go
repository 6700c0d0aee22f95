package launcher

// authorisationTable is who may do what: for every operation of the public
// /api/v1 surface of docs/openapi.yaml, on an object of the caller's own
// organisation ("own"), of another organisation ("other"), or on no one's
// ("-"), the status each kind of caller gets, in the order of the header.
// "-" in a column means the caller has no object of its own of that kind.
//
// The callers (columns): anon (no token); eAdm and eMem (the admin and a
// member of employer A); eOth (the admin of employer B); stf1 and
// adm1 (a member and the admin of programme organisation 1); stf2 and
// adm2 (the same of programme organisation 2); plat (a platform
// administrator); obs (the admin of an observer organisation, a funder or
// a city, which a platform administrator created and whose admin it
// invited). "other" is employer B's object for employer A's people, A's
// for B's admin, programme organisation 2's for organisation 1's people
// and 1's for 2's; for the rest, A's or organisation 1's. An observer
// owns no business object, so its column is "-" on every own row but its
// organisation's people, invitations and notification defaults; on every
// other row it must answer 401, 403 or 404, except what any signed-in
// person may do (its own account, inbox and preferences, the shared
// vocabulary, accepting an invitation). A 2xx for obs on a candidate,
// role, shortlist, suggestion, introduction, placement, follow-up,
// disclosure, attestation or programme is a bug, never a row to record.
// readNotification's object is a notification of that organisation's
// admin: only the admin it belongs to may mark it read, everyone else is
// told it does not exist (404), as for a notification of another
// organisation's; the platform administrator has no organisation.
// The object of an introduction, a placement, a follow-up or a disclosure
// is one the organisation is a party to, on its own side: an employer's
// is of its role, about programme organisation 1's candidate; a programme
// organisation's is about its candidate, on employer A's role (see
// matrix_intro_world_test.go). askToMeet's object is the employer's role;
// answerFollowUp's a task addressed to the organisation's side.
//
// A new operation needs rows here before TestAuthorisationMatrix passes;
// MATRIX_RECORD=1 go test ./deploy/local -run Matrix -v prints the table as
// the platform answers, to review line by line, never to paste blindly.
var authorisationTable = []string{
	// operation           owner anon eAdm eMem eOth stf1 adm1 stf2 adm2 plat obs
	"acceptInvitation      own   -    201  201  201  201  201  201  201  -    201",
	"acceptInvitation      other 201  201  201  201  201  201  201  201  201  201",
	"addCertificate        own   -    -    -    -    201  201  201  201  -    -",
	"addCertificate        other 401  403  403  403  404  404  404  404  403  403",
	"addProgrammeRecord    own   -    -    -    -    201  201  201  201  -    -",
	"addProgrammeRecord    other 401  403  403  403  404  404  404  404  403  403",
	"answerFollowUp        own   -    200  200  200  200  200  200  200  -    -",
	"answerFollowUp        other 401  404  404  404  404  404  404  404  404  404",
	"answerIntroduction    own   -    404  404  404  200  200  200  200  -    -",
	"answerIntroduction    other 401  404  404  404  404  404  404  404  404  404",
	"askToMeet             own   -    201  201  201  -    -    -    -    -    -",
	"askToMeet             other 401  404  404  404  403  403  403  403  403  403",
	"attestSkill           own   -    -    -    -    201  201  201  201  -    -",
	"attestSkill           other 401  403  403  403  404  404  404  404  403  403",
	"changeMemberRole      own   -    200  403  200  403  200  403  200  -    200",
	"changeMemberRole      other 401  404  404  404  404  404  404  404  200  404",
	"checkWording          -     401  200  200  200  200  200  200  200  200  403",
	"confirmPasswordReset  -     400  400  400  400  400  400  400  400  400  400",
	"countUnreadNotifications -     401  200  200  200  200  200  200  200  200  200",
	"createOrganisation    -     401  403  403  403  403  403  403  403  201  403",
	"createProgramme       -     401  403  403  403  201  201  201  201  403  403",
	"createRole            -     401  201  201  201  403  403  403  403  403  403",
	"deactivateUser        own   -    200  403  200  403  200  403  200  -    200",
	"deactivateUser        other 401  404  403  404  403  404  403  404  200  404",
	"endPlacement          own   -    403  403  403  200  200  200  200  -    -",
	"endPlacement          other 401  404  404  404  404  404  404  404  403  404",
	"eraseCandidate        own   -    -    -    -    403  204  403  204  -    -",
	"eraseCandidate        other 401  403  403  403  403  404  403  404  403  403",
	"exportCandidate       own   -    -    -    -    200  200  200  200  -    -",
	"exportCandidate       other 401  403  403  403  404  404  404  404  403  403",
	"getCandidate          own   -    -    -    -    200  200  200  200  -    -",
	"getCandidate          other 401  403  403  403  404  404  404  404  403  403",
	"getConsentText        -     401  200  200  200  200  200  200  200  200  200",
	"getEmployer           own   -    200  200  200  -    -    -    -    -    -",
	"getEmployer           other 401  403  403  403  200  200  200  200  200  403",
	"getIntroduction       own   -    200  200  200  200  200  200  200  -    -",
	"getIntroduction       other 401  404  404  404  404  404  404  404  200  404",
	"getMatchingStatus     -     401  403  403  403  403  403  403  403  200  403",
	"getMe                 -     401  200  200  200  200  200  200  200  200  200",
	"getMyEmployer         -     401  200  200  200  403  403  403  403  403  403",
	"getNotificationPreferences -     401  200  200  200  200  200  200  200  200  200",
	"getOccupation         -     401  200  200  200  200  200  200  200  200  200",
	"getOrganisation       own   -    200  200  200  200  200  200  200  -    200",
	"getOrganisation       other 401  404  404  404  404  404  404  404  200  404",
	"getOutcomesReport     own   -    -    -    -    403  200  403  200  -    -",
	"getOutcomesReport     other 401  403  403  403  403  404  403  404  200  404",
	"getPlace              -     401  200  200  200  200  200  200  200  200  200",
	"getPlacement          own   -    200  200  200  200  200  200  200  -    -",
	"getPlacement          other 401  404  404  404  404  404  404  404  200  404",
	"getProgramme          own   -    -    -    -    200  200  200  200  -    -",
	"getProgramme          other 401  403  403  403  404  404  404  404  403  403",
	"getRole               own   -    200  200  200  -    -    -    -    -    -",
	"getRole               other 401  404  404  404  200  200  200  200  200  403",
	"getShortlist          own   -    200  200  200  -    -    -    -    -    -",
	"getShortlist          other 401  404  404  404  403  403  403  403  200  403",
	"getShortlistCounts    -     401  200  200  200  403  403  403  403  200  403",
	"getSkill              -     401  200  200  200  200  200  200  200  200  200",
	"getSuggestions        own   -    -    -    -    200  200  200  200  -    -",
	"getSuggestions        other 401  403  403  403  404  404  404  404  403  403",
	"getUser               own   -    200  200  200  200  200  200  200  -    200",
	"getUser               other 401  404  404  404  404  404  404  404  403  404",
	"grantInsightsShare    -     401  403  403  403  403  200  403  200  403  403",
	"inviteMember          own   -    201  403  201  403  201  403  201  -    201",
	"inviteMember          other 401  404  404  404  404  404  404  404  201  404",
	"issuePasswordReset    own   -    202  403  202  403  202  403  202  -    202",
	"issuePasswordReset    other 401  404  403  404  403  404  403  404  202  404",
	"listCandidateAudit    own   -    -    -    -    403  200  403  200  -    -",
	"listCandidateAudit    other 401  403  403  403  403  404  403  404  403  403",
	"listCandidateDisclosures own   -    -    -    -    200  200  200  200  -    -",
	"listCandidateDisclosures other 401  403  403  403  404  404  404  404  403  403",
	"listCandidates        -     401  403  403  403  200  200  200  200  403  403",
	"listConsentTexts      -     401  200  200  200  200  200  200  200  200  200",
	"listFollowUps         -     401  200  200  200  200  200  200  200  200  403",
	"listInsightsShares    -     401  403  403  403  403  200  403  200  200  200",
	"listIntroductionMessages own   -    200  200  200  200  200  200  200  -    -",
	"listIntroductionMessages other 401  404  404  404  404  404  404  404  200  404",
	"listIntroductions     -     401  200  200  200  200  200  200  200  200  403",
	"listInvitations       own   -    200  403  200  403  200  403  200  -    200",
	"listInvitations       other 401  404  404  404  404  404  404  404  200  404",
	"listMembers           own   -    200  200  200  200  200  200  200  -    200",
	"listMembers           other 401  404  404  404  404  404  404  404  200  404",
	"listNotificationDeliveries -     401  200  403  200  403  200  403  200  200  200",
	"listNotifications     -     401  200  200  200  200  200  200  200  200  200",
	"listOrganisations     -     401  403  403  403  403  403  403  403  200  403",
	"listPlacements        -     401  200  200  200  200  200  200  200  200  403",
	"listProgrammes        -     401  403  403  403  200  200  200  200  403  403",
	"listRoles             -     401  200  200  200  200  200  200  200  200  403",
	"listSectors           -     401  200  200  200  200  200  200  200  200  403",
	"logIn                 -     200  200  200  200  200  200  200  200  200  200",
	"logOut                -     204  204  204  204  204  204  204  204  204  204",
	"lookupInvitation      own   -    200  200  200  200  200  200  200  -    200",
	"lookupInvitation      other 200  200  200  200  200  200  200  200  200  200",
	"patchCandidate        own   -    -    -    -    200  200  200  200  -    -",
	"patchCandidate        other 401  403  403  403  404  404  404  404  403  403",
	"patchRole             own   -    200  200  200  -    -    -    -    -    -",
	"patchRole             other 401  404  404  404  403  403  403  403  403  403",
	"postIntroductionMessage own   -    201  201  201  201  201  201  201  -    -",
	"postIntroductionMessage other 401  404  404  404  404  404  404  404  403  404",
	"putMyEmployer         -     401  200  200  200  403  403  403  403  403  403",
	"putNotificationPreferences -     401  200  200  200  200  200  200  200  200  200",
	"putOrganisationNotificationDefaults own   -    200  403  200  403  200  403  200  -    200",
	"putOrganisationNotificationDefaults other 401  403  403  403  403  403  403  403  200  403",
	"reactivateUser        own   -    200  403  200  403  200  403  200  -    200",
	"reactivateUser        other 401  404  403  404  403  404  403  404  200  404",
	"readAllNotifications  -     401  204  204  204  204  204  204  204  204  204",
	"readDisclosure        own   -    200  200  200  200  200  200  200  -    -",
	"readDisclosure        other 401  404  404  404  404  404  404  404  404  404",
	"readNotification      own   -    204  404  204  404  204  404  204  -    -",
	"readNotification      other 401  404  404  404  404  404  404  404  404  404",
	"recordMeetingOutcome  own   -    200  200  200  200  200  200  200  -    -",
	"recordMeetingOutcome  other 401  404  404  404  404  404  404  404  403  404",
	"refreshTokens         -     200  200  200  200  200  200  200  200  200  200",
	"registerCandidate     -     401  403  403  403  201  201  201  201  403  403",
	"reinstateOrganisation -     401  403  403  403  403  403  403  403  200  403",
	"reissueInvitation     own   -    201  403  201  403  201  403  201  -    201",
	"reissueInvitation     other 401  404  404  404  404  404  404  404  201  404",
	"removeCertificate     own   -    -    -    -    200  200  200  200  -    -",
	"removeCertificate     other 401  403  403  403  404  404  404  404  403  403",
	"removeMember          own   -    204  403  204  403  204  403  204  -    204",
	"removeMember          other 401  404  404  404  404  404  404  404  204  404",
	"removeProgrammeRecord own   -    -    -    -    200  200  200  200  -    -",
	"removeProgrammeRecord other 401  403  403  403  404  404  404  404  403  403",
	"requestPasswordReset  -     202  202  202  202  202  202  202  202  202  202",
	"revokeAttestation     own   -    -    -    -    201  201  201  201  -    -",
	"revokeAttestation     other 401  403  403  403  404  404  404  404  403  403",
	"revokeInsightsShare   -     401  403  403  403  403  204  403  204  403  403",
	"revokeInvitation      own   -    204  403  204  403  204  403  204  -    204",
	"revokeInvitation      other 401  404  404  404  404  404  404  404  204  404",
	"rotateSigningKeys     -     401  403  403  403  403  403  403  403  201  403",
	"searchOccupations     -     401  200  200  200  200  200  200  200  200  200",
	"searchPlaces          -     401  200  200  200  200  200  200  200  200  200",
	"searchSkills          -     401  200  200  200  200  200  200  200  200  200",
	"setConsent            own   -    -    -    -    200  200  200  200  -    -",
	"setConsent            other 401  403  403  403  404  404  404  404  403  403",
	"setPlacementStillLooking own   -    403  403  403  200  200  200  200  -    -",
	"setPlacementStillLooking other 401  404  404  404  404  404  404  404  403  404",
	"setRoleStatus         own   -    200  200  200  -    -    -    -    -    -",
	"setRoleStatus         other 401  404  404  404  403  403  403  403  403  403",
	"signUp                -     202  202  202  202  202  202  202  202  202  202",
	"suspendOrganisation   -     401  403  403  403  403  403  403  403  200  403",
	"updateCertificate     own   -    -    -    -    200  200  200  200  -    -",
	"updateCertificate     other 401  403  403  403  404  404  404  404  403  403",
	"updateMe              -     401  200  200  200  200  200  200  200  200  200",
	"updateProgramme       own   -    -    -    -    200  200  200  200  -    -",
	"updateProgramme       other 401  403  403  403  404  404  404  404  403  403",
	"updateProgrammeRecord own   -    -    -    -    200  200  200  200  -    -",
	"updateProgrammeRecord other 401  403  403  403  404  404  404  404  403  403",
	"validateRoleDraft     -     401  204  204  204  403  403  403  403  403  403",
	"validateRoleEdit      own   -    204  204  204  -    -    -    -    -    -",
	"validateRoleEdit      other 401  404  404  404  403  403  403  403  403  403",
	"verifyAttestation     own   -    -    -    -    200  200  200  200  -    -",
	"verifyAttestation     other 401  200  200  200  200  200  200  200  200  403",
	"verifyOrganisation    -     401  403  403  403  403  403  403  403  200  403",
	"withdrawDisclosure    own   -    403  403  403  200  200  200  200  -    -",
	"withdrawDisclosure    other 401  403  403  403  404  404  404  404  403  403",
	"withdrawIntroduction  own   -    200  200  200  403  403  403  403  -    -",
	"withdrawIntroduction  other 401  404  404  404  404  404  404  404  403  404",
}
