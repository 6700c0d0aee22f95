package domain

import "time"

// AuditEntry records one read of a full candidate record or one change:
// who (Actor, of ActorOrg), when (At), what (Action, the Fields it touched
// and the Subject within the record, such as an attestation id) and why
// (Purpose). Entries name fields, never their values.
type AuditEntry struct {
	ID          string
	OrgID       string
	CandidateID string
	Actor       string
	ActorOrg    string
	// ByCandidate says the actor was the candidate themself, signed in to
	// their own account (ActorOrg is then empty), not staff acting for
	// them.
	ByCandidate bool
	At          time.Time
	Action      AuditAction
	Purpose     Purpose
	Fields      []string
	Subject     string
}

// AuditAction is what was done to a candidate record.
type AuditAction string

// The audited actions.
const (
	ActionRead            AuditAction = "read"
	ActionExport          AuditAction = "export"
	ActionCreate          AuditAction = "create"
	ActionUpdate          AuditAction = "update"
	ActionConsent         AuditAction = "consent"
	ActionAttest          AuditAction = "attest"
	ActionProgrammeRecord AuditAction = "programme_record"
	ActionCertificate     AuditAction = "certificate"
	ActionReadAudit       AuditAction = "read_audit"
	ActionErase           AuditAction = "erase"
)

// Purpose is why someone read or changed a record. Clients name it from a
// closed list so the log never holds free text about a person.
type Purpose string

// The purposes.
const (
	PurposeCaseWork           Purpose = "case_work"
	PurposeAttestation        Purpose = "attestation"
	PurposeDataSubjectRequest Purpose = "data_subject_request"
	PurposeMatchingReview     Purpose = "matching_review"
	PurposeSupervision        Purpose = "supervision"
	PurposeSupport            Purpose = "support"
)

// Purposes lists every purpose.
var Purposes = []Purpose{PurposeCaseWork, PurposeAttestation, PurposeDataSubjectRequest, PurposeMatchingReview, PurposeSupervision, PurposeSupport}

// ParsePurpose returns the purpose named by s, the default case_work when
// s is empty, or false when s names none.
func ParsePurpose(s string) (Purpose, bool) {
	if s == "" {
		return PurposeCaseWork, true
	}
	for _, p := range Purposes {
		if string(p) == s {
			return p, true
		}
	}
	return "", false
}

// Tombstone is what remains of an erased candidate: proof that an erasure
// happened, when and on whose request, that identifies no one. IDDigest is
// a keyed hash of the erased id, so an auditor holding the id can confirm
// the erasure while a database dump cannot name the person.
type Tombstone struct {
	ID       string
	OrgID    string
	IDDigest string
	ErasedAt time.Time
	ErasedBy string
}

// The actions of corrections. An added programme record or certificate
// keeps its older action (ActionProgrammeRecord, ActionCertificate); an
// edit of one is ActionUpdate and a removal ActionRemove, with the change
// name saying what was edited or removed and Subject which one.
const (
	ActionRemove AuditAction = "remove"
	ActionRevoke AuditAction = "revoke"
)

// The actions of disclosure grants and placements. A grant's creation,
// every read of what it discloses and its withdrawal are recorded on the
// candidate's trail, with the grant's id as Subject and the disclosed
// field names as Fields; a read names the reader and the reader's
// organisation, as a full-record read does.
const (
	ActionDisclose           AuditAction = "disclose"
	ActionReadDisclosure     AuditAction = "read_disclosure"
	ActionWithdrawDisclosure AuditAction = "withdraw_disclosure"
)

// PurposeIntroduction is why an employer reads a disclosure: to contact
// the candidate about the introduction the candidate accepted. It is not
// in Purposes, so no client can claim it for a read of a full record.
const PurposeIntroduction Purpose = "introduction"

// ActionReview is a statement in the candidate's own words approved or
// rejected, with the change name ChangeStatement. Writing one is
// ActionUpdate and removing it ActionRemove, with the same change name.
const ActionReview AuditAction = "review"
