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
// vocabulary, accepting an invitation) and what anyone may do without
// signing in (checking a credential, its revocation list and its issuer's
// profile and keys, which a credential's holder hands to anyone). A 2xx for obs on a candidate,
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
// cand is a candidate signed in to their own account: programme
// organisation 1's candidate. Their "own" objects are organisation 1's (their
// own record, its attestations, disclosures and introductions, but also the
// organisation's programmes and people, which they may not touch), "other"
// ones organisation 2's. A candidate acts only on their own record and only
// in the ways issue 16 lists (reading their portfolio, suggestions,
// introductions, export, audit trail and credentials; answering a request
// to meet; withdrawing a disclosure; their consent and statement); another
// candidate's record is 404, and changing their own skills, hours,
// certificates or attestations 403. Operations that make a fresh candidate
// (erasure, invitations) name one that is not theirs: 404.
//
// A new operation needs rows here before TestAuthorisationMatrix passes;
// MATRIX_RECORD=1 go test ./deploy/local -run Matrix -v prints the table as
// the platform answers, to review line by line, never to paste blindly.
var authorisationTable = []string{
	// operation           owner anon eAdm eMem eOth stf1 adm1 stf2 adm2 plat obs  cand
	"acceptCandidateInvitation own   -    -    -    -    201  201  201  201  -    -    201",
	"acceptCandidateInvitation other 201  201  201  201  201  201  201  201  201  201  201",
	"acceptInvitation      own   -    201  201  201  201  201  201  201  -    201  201",
	"acceptInvitation      other 201  201  201  201  201  201  201  201  201  201  201",
	"addCertificate        own   -    -    -    -    201  201  201  201  -    -    403",
	"addCertificate        other 401  403  403  403  404  404  404  404  403  403  404",
	"addProgrammeRecord    own   -    -    -    -    201  201  201  201  -    -    403",
	"addProgrammeRecord    other 401  403  403  403  404  404  404  404  403  403  404",
	"answerFollowUp        own   -    200  200  200  200  200  200  200  -    -    404",
	"answerFollowUp        other 401  404  404  404  404  404  404  404  404  404  404",
	"answerIntroduction    own   -    404  404  404  200  200  200  200  -    -    200",
	"answerIntroduction    other 401  404  404  404  404  404  404  404  404  404  404",
	"askToMeet             own   -    201  201  201  -    -    -    -    -    -    -",
	"askToMeet             other 401  404  404  404  403  403  403  403  403  403  403",
	"attestSkill           own   -    -    -    -    201  201  201  201  -    -    403",
	"attestSkill           other 401  403  403  403  404  404  404  404  403  403  404",
	"candidateLogIn        -     200  200  200  200  200  200  200  200  200  200  200",
	"changeMemberRole      own   -    200  403  200  403  200  403  200  -    200  404",
	"changeMemberRole      other 401  404  404  404  404  404  404  404  200  404  404",
	"checkWording          -     401  200  200  200  200  200  200  200  200  403  403",
	"closeCandidateAccount own   -    -    -    -    204  204  204  204  -    -    403",
	"closeCandidateAccount other 401  403  403  403  404  404  404  404  403  403  403",
	"confirmPasswordReset  -     400  400  400  400  400  400  400  400  400  400  400",
	"countUnreadNotifications -     401  200  200  200  200  200  200  200  200  200  200",
	"createOrganisation    -     401  403  403  403  403  403  403  403  201  403  403",
	"createProgramme       -     401  403  403  403  201  201  201  201  403  403  403",
	"createRole            -     401  201  201  201  403  403  403  403  403  403  403",
	"deactivateUser        own   -    200  403  200  403  200  403  200  -    200  403",
	"deactivateUser        other 401  404  403  404  403  404  403  404  200  404  403",
	"endPlacement          own   -    403  403  403  200  200  200  200  -    -    404",
	"endPlacement          other 401  404  404  404  404  404  404  404  403  404  404",
	"eraseCandidate        own   -    -    -    -    403  204  403  204  -    -    404",
	"eraseCandidate        other 401  403  403  403  403  404  403  404  403  403  404",
	"exportCandidate       own   -    -    -    -    200  200  200  200  -    -    200",
	"exportCandidate       other 401  403  403  403  404  404  404  404  403  403  404",
	"getAttestationCredential own   -    -    -    -    200  200  200  200  -    -    200",
	"getAttestationCredential other 401  403  403  403  404  404  404  404  403  403  404",
	"getCandidate          own   -    -    -    -    200  200  200  200  -    -    200",
	"getCandidate          other 401  403  403  403  404  404  404  404  403  403  404",
	"getCandidateAccount   own   -    -    -    -    200  200  200  200  -    -    403",
	"getCandidateAccount   other 401  403  403  403  404  404  404  404  403  403  403",
	"getCandidatePortfolioPDF own   -    -    -    -    200  200  200  200  -    -    200",
	"getCandidatePortfolioPDF other 401  403  403  403  404  404  404  404  403  403  404",
	"getConsentText        -     401  200  200  200  200  200  200  200  200  200  200",
	"getCredentialStatus   own   -    -    -    -    200  200  200  200  -    -    200",
	"getCredentialStatus   other 200  200  200  200  200  200  200  200  200  200  200",
	"getCredentialVerification own   -    -    -    -    200  200  200  200  -    -    200",
	"getCredentialVerification other 200  200  200  200  200  200  200  200  200  200  200",
	"getEmployer           own   -    200  200  200  -    -    -    -    -    -    -",
	"getEmployer           other 401  403  403  403  200  200  200  200  200  403  200",
	"getIntroduction       own   -    200  200  200  200  200  200  200  -    -    200",
	"getIntroduction       other 401  404  404  404  404  404  404  404  200  404  404",
	"getIssuerKeys         own   -    -    -    -    200  200  200  200  -    -    200",
	"getIssuerKeys         other 200  200  200  200  200  200  200  200  200  200  200",
	"getIssuerProfile      own   -    -    -    -    200  200  200  200  -    -    200",
	"getIssuerProfile      other 200  200  200  200  200  200  200  200  200  200  200",
	"getMatchingStatus     -     401  403  403  403  403  403  403  403  200  403  403",
	"getMe                 -     401  200  200  200  200  200  200  200  200  200  200",
	"getMyEmployer         -     401  200  200  200  403  403  403  403  403  403  403",
	"getNotificationPreferences -     401  200  200  200  200  200  200  200  200  200  200",
	"getOccupation         -     401  200  200  200  200  200  200  200  200  200  200",
	"getOrganisation       own   -    200  200  200  200  200  200  200  -    200  404",
	"getOrganisation       other 401  404  404  404  404  404  404  404  200  404  404",
	"getOutcomesReport     own   -    -    -    -    403  200  403  200  -    -    403",
	"getOutcomesReport     other 401  403  403  403  403  404  403  404  200  404  403",
	"getPlace              -     401  200  200  200  200  200  200  200  200  200  200",
	"getPlacement          own   -    200  200  200  200  200  200  200  -    -    404",
	"getPlacement          other 401  404  404  404  404  404  404  404  200  404  404",
	"getProgramme          own   -    -    -    -    200  200  200  200  -    -    403",
	"getProgramme          other 401  403  403  403  404  404  404  404  403  403  403",
	"getRole               own   -    200  200  200  -    -    -    -    -    -    -",
	"getRole               other 401  404  404  404  200  200  200  200  200  403  200",
	"getShortlist          own   -    200  200  200  -    -    -    -    -    -    -",
	"getShortlist          other 401  404  404  404  403  403  403  403  200  403  403",
	"getShortlistCounts    -     401  200  200  200  403  403  403  403  200  403  403",
	"getSkill              -     401  200  200  200  200  200  200  200  200  200  200",
	"getSuggestions        own   -    -    -    -    200  200  200  200  -    -    200",
	"getSuggestions        other 401  403  403  403  404  404  404  404  403  403  404",
	"getUser               own   -    200  200  200  200  200  200  200  -    200  404",
	"getUser               other 401  404  404  404  404  404  404  404  403  404  404",
	"grantInsightsShare    -     401  403  403  403  403  200  403  200  403  403  403",
	"inviteCandidate       own   -    -    -    -    201  201  201  201  -    -    403",
	"inviteCandidate       other 401  403  403  403  404  404  404  404  403  403  403",
	"inviteMember          own   -    201  403  201  403  201  403  201  -    201  404",
	"inviteMember          other 401  404  404  404  404  404  404  404  201  404  404",
	"issuePasswordReset    own   -    202  403  202  403  202  403  202  -    202  403",
	"issuePasswordReset    other 401  404  403  404  403  404  403  404  202  404  403",
	"listCandidateAudit    own   -    -    -    -    403  200  403  200  -    -    200",
	"listCandidateAudit    other 401  403  403  403  403  404  403  404  403  403  404",
	"listCandidateDisclosures own   -    -    -    -    200  200  200  200  -    -    200",
	"listCandidateDisclosures other 401  403  403  403  404  404  404  404  403  403  404",
	"listCandidates        -     401  403  403  403  200  200  200  200  403  403  403",
	"listConsentTexts      -     401  200  200  200  200  200  200  200  200  200  200",
	"listFollowUps         -     401  200  200  200  200  200  200  200  200  403  403",
	"listInsightsShares    -     401  403  403  403  403  200  403  200  200  200  403",
	"listIntroductionMessages own   -    200  200  200  200  200  200  200  -    -    200",
	"listIntroductionMessages other 401  404  404  404  404  404  404  404  200  404  404",
	"listIntroductions     -     401  200  200  200  200  200  200  200  200  403  200",
	"listInvitations       own   -    200  403  200  403  200  403  200  -    200  404",
	"listInvitations       other 401  404  404  404  404  404  404  404  200  404  404",
	"listMembers           own   -    200  200  200  200  200  200  200  -    200  404",
	"listMembers           other 401  404  404  404  404  404  404  404  200  404  404",
	"listNotificationDeliveries -     401  200  403  200  403  200  403  200  200  200  403",
	"listNotifications     -     401  200  200  200  200  200  200  200  200  200  200",
	"listOrganisations     -     401  403  403  403  403  403  403  403  200  403  403",
	"listPlacements        -     401  200  200  200  200  200  200  200  200  403  403",
	"listProgrammes        -     401  403  403  403  200  200  200  200  403  403  403",
	"listRoles             -     401  200  200  200  200  200  200  200  200  403  403",
	"listSectors           -     401  200  200  200  200  200  200  200  200  403  403",
	"logIn                 -     200  200  200  200  200  200  200  200  200  200  200",
	"logOut                -     204  204  204  204  204  204  204  204  204  204  204",
	"lookupCandidateInvitation own   -    -    -    -    200  200  200  200  -    -    200",
	"lookupCandidateInvitation other 200  200  200  200  200  200  200  200  200  200  200",
	"lookupInvitation      own   -    200  200  200  200  200  200  200  -    200  200",
	"lookupInvitation      other 200  200  200  200  200  200  200  200  200  200  200",
	"patchCandidate        own   -    -    -    -    200  200  200  200  -    -    403",
	"patchCandidate        other 401  403  403  403  404  404  404  404  403  403  404",
	"patchRole             own   -    200  200  200  -    -    -    -    -    -    -",
	"patchRole             other 401  404  404  404  403  403  403  403  403  403  403",
	"postIntroductionMessage own   -    201  201  201  201  201  201  201  -    -    403",
	"postIntroductionMessage other 401  404  404  404  404  404  404  404  403  404  404",
	"putMyEmployer         -     401  200  200  200  403  403  403  403  403  403  403",
	"putNotificationPreferences -     401  200  200  200  200  200  200  200  200  200  200",
	"putOrganisationNotificationDefaults own   -    200  403  200  403  200  403  200  -    200  403",
	"putOrganisationNotificationDefaults other 401  403  403  403  403  403  403  403  200  403  403",
	"reactivateUser        own   -    200  403  200  403  200  403  200  -    200  403",
	"reactivateUser        other 401  404  403  404  403  404  403  404  200  404  403",
	"readAllNotifications  -     401  204  204  204  204  204  204  204  204  204  204",
	"readDisclosure        own   -    200  200  200  200  200  200  200  -    -    200",
	"readDisclosure        other 401  404  404  404  404  404  404  404  404  404  404",
	"readNotification      own   -    204  404  204  404  204  404  204  -    -    404",
	"readNotification      other 401  404  404  404  404  404  404  404  404  404  404",
	"recordMeetingOutcome  own   -    200  200  200  200  200  200  200  -    -    403",
	"recordMeetingOutcome  other 401  404  404  404  404  404  404  404  403  404  404",
	"refreshTokens         -     200  200  200  200  200  200  200  200  200  200  200",
	"registerCandidate     -     401  403  403  403  201  201  201  201  403  403  403",
	"reinstateOrganisation -     401  403  403  403  403  403  403  403  200  403  403",
	"reissueInvitation     own   -    201  403  201  403  201  403  201  -    201  404",
	"reissueInvitation     other 401  404  404  404  404  404  404  404  201  404  404",
	"removeCandidateStatement own   -    -    -    -    200  200  200  200  -    -    200",
	"removeCandidateStatement other 401  403  403  403  404  404  404  404  403  403  404",
	"removeCertificate     own   -    -    -    -    200  200  200  200  -    -    403",
	"removeCertificate     other 401  403  403  403  404  404  404  404  403  403  404",
	"removeMember          own   -    204  403  204  403  204  403  204  -    204  404",
	"removeMember          other 401  404  404  404  404  404  404  404  204  404  404",
	"removeProgrammeRecord own   -    -    -    -    200  200  200  200  -    -    403",
	"removeProgrammeRecord other 401  403  403  403  404  404  404  404  403  403  404",
	"requestPasswordReset  -     202  202  202  202  202  202  202  202  202  202  202",
	"reviewCandidateStatement own   -    -    -    -    200  200  200  200  -    -    403",
	"reviewCandidateStatement other 401  403  403  403  404  404  404  404  403  403  404",
	"revokeAttestation     own   -    -    -    -    201  201  201  201  -    -    403",
	"revokeAttestation     other 401  403  403  403  404  404  404  404  403  403  404",
	"revokeInsightsShare   -     401  403  403  403  403  204  403  204  403  403  403",
	"revokeInvitation      own   -    204  403  204  403  204  403  204  -    204  404",
	"revokeInvitation      other 401  404  404  404  404  404  404  404  204  404  404",
	"rotateSigningKeys     -     401  403  403  403  403  403  403  403  201  403  403",
	"searchOccupations     -     401  200  200  200  200  200  200  200  200  200  200",
	"searchPlaces          -     401  200  200  200  200  200  200  200  200  200  200",
	"searchSkills          -     401  200  200  200  200  200  200  200  200  200  200",
	"setCandidateStatement own   -    -    -    -    200  200  200  200  -    -    200",
	"setCandidateStatement other 401  403  403  403  404  404  404  404  403  403  404",
	"setConsent            own   -    -    -    -    200  200  200  200  -    -    200",
	"setConsent            other 401  403  403  403  404  404  404  404  403  403  404",
	"setPlacementStillLooking own   -    403  403  403  200  200  200  200  -    -    404",
	"setPlacementStillLooking other 401  404  404  404  404  404  404  404  403  404  404",
	"setRoleStatus         own   -    200  200  200  -    -    -    -    -    -    -",
	"setRoleStatus         other 401  404  404  404  403  403  403  403  403  403  403",
	"signUp                -     202  202  202  202  202  202  202  202  202  202  202",
	"suspendOrganisation   -     401  403  403  403  403  403  403  403  200  403  403",
	"updateCertificate     own   -    -    -    -    200  200  200  200  -    -    403",
	"updateCertificate     other 401  403  403  403  404  404  404  404  403  403  404",
	"updateMe              -     401  200  200  200  200  200  200  200  200  200  200",
	"updateProgramme       own   -    -    -    -    200  200  200  200  -    -    403",
	"updateProgramme       other 401  403  403  403  404  404  404  404  403  403  403",
	"updateProgrammeRecord own   -    -    -    -    200  200  200  200  -    -    403",
	"updateProgrammeRecord other 401  403  403  403  404  404  404  404  403  403  404",
	"validateRoleDraft     -     401  204  204  204  403  403  403  403  403  403  403",
	"validateRoleEdit      own   -    204  204  204  -    -    -    -    -    -    -",
	"validateRoleEdit      other 401  404  404  404  403  403  403  403  403  403  403",
	"verifyAttestation     own   -    -    -    -    200  200  200  200  -    -    200",
	"verifyAttestation     other 401  200  200  200  200  200  200  200  200  403  404",
	"verifyCredential      -     200  200  200  200  200  200  200  200  200  200  200",
	"verifyOrganisation    -     401  403  403  403  403  403  403  403  200  403  403",
	"withdrawDisclosure    own   -    403  403  403  200  200  200  200  -    -    200",
	"withdrawDisclosure    other 401  403  403  403  404  404  404  404  403  403  404",
	"withdrawIntroduction  own   -    200  200  200  403  403  403  403  -    -    403",
	"withdrawIntroduction  other 401  404  404  404  404  404  404  404  403  404  404",
}
