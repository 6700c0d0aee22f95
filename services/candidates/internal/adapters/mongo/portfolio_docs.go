package mongo

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// programmeRecordDoc, attestationDoc, certificateDoc and consentDoc are the
// portfolio and consent as stored.
type programmeRecordDoc struct {
	ID          string    `bson:"id"`
	ProgrammeID string    `bson:"programme_id"`
	From        string    `bson:"from"`
	To          string    `bson:"to"`
	Hours       int       `bson:"hours"`
	RecordedBy  string    `bson:"recorded_by"`
	RecordedAt  time.Time `bson:"recorded_at"`
}

type attestationDoc struct {
	ID          string    `bson:"id"`
	CandidateID string    `bson:"candidate_id"`
	OrgID       string    `bson:"org_id"`
	Skill       string    `bson:"skill"`
	Level       int       `bson:"level"`
	Hours       int       `bson:"hours"`
	ProgrammeID string    `bson:"programme_id"`
	Date        string    `bson:"date"`
	Evidence    string    `bson:"evidence"`
	AttestedBy  string    `bson:"attested_by"`
	AttestedAt  time.Time `bson:"attested_at"`
	KeyID       string    `bson:"key_id"`
	Signature   []byte    `bson:"signature"`
	// Revocation is absent until the attestation is revoked.
	Revocation *revocationDoc `bson:"revocation,omitempty"`
}

type revocationDoc struct {
	Reason    string    `bson:"reason"`
	Note      string    `bson:"note,omitempty"`
	RevokedBy string    `bson:"revoked_by"`
	RevokedAt time.Time `bson:"revoked_at"`
	KeyID     string    `bson:"key_id"`
	Signature []byte    `bson:"signature"`
}

func toRevocationDoc(r *domain.Revocation) *revocationDoc {
	if r == nil {
		return nil
	}
	return &revocationDoc{Reason: string(r.Reason), Note: r.Note, RevokedBy: r.RevokedBy, RevokedAt: r.RevokedAt, KeyID: r.KeyID, Signature: r.Signature}
}

func toDomainRevocation(d *revocationDoc) *domain.Revocation {
	if d == nil {
		return nil
	}
	return &domain.Revocation{
		Reason: domain.RevocationReason(d.Reason), Note: d.Note, RevokedBy: d.RevokedBy, RevokedAt: d.RevokedAt.UTC(),
		KeyID: d.KeyID, Signature: d.Signature,
	}
}

type certificateDoc struct {
	ID         string    `bson:"id"`
	Name       string    `bson:"name"`
	Issuer     string    `bson:"issuer"`
	Date       string    `bson:"date"`
	RecordedBy string    `bson:"recorded_by"`
	RecordedAt time.Time `bson:"recorded_at"`
}

// consentDoc is the consent as stored. FirstGivenAt is null when consent
// was never given and missing only in records stored before it existed,
// which BackfillFirstConsent looks for.
type consentDoc struct {
	Matching     bool       `bson:"matching"`
	TextVersion  string     `bson:"text_version"`
	RecordedBy   string     `bson:"recorded_by"`
	ByCandidate  bool       `bson:"by_candidate,omitempty"`
	RecordedAt   time.Time  `bson:"recorded_at"`
	FirstGivenAt *time.Time `bson:"first_given_at"`
}

func toProgrammeRecordDocs(rs []domain.ProgrammeRecord) []programmeRecordDoc {
	var out []programmeRecordDoc
	for _, r := range rs {
		out = append(out, programmeRecordDoc{ID: r.ID, ProgrammeID: r.ProgrammeID, From: r.From, To: r.To, Hours: r.Hours, RecordedBy: r.RecordedBy, RecordedAt: r.RecordedAt})
	}
	return out
}

func toDomainProgrammeRecords(candidateID string, ds []programmeRecordDoc) []domain.ProgrammeRecord {
	var out []domain.ProgrammeRecord
	for i, d := range ds {
		out = append(out, domain.ProgrammeRecord{ID: itemID(candidateID, "programme_record", i, d.ID), ProgrammeID: d.ProgrammeID, From: d.From, To: d.To, Hours: d.Hours, RecordedBy: d.RecordedBy, RecordedAt: d.RecordedAt.UTC()})
	}
	return out
}

func toAttestationDocs(as []domain.Attestation) []attestationDoc {
	var out []attestationDoc
	for _, a := range as {
		out = append(out, attestationDoc{
			ID: a.ID, CandidateID: a.CandidateID, OrgID: a.OrgID, Skill: a.Skill, Level: a.Level, Hours: a.Hours,
			ProgrammeID: a.ProgrammeID, Date: a.Date, Evidence: a.Evidence, AttestedBy: a.AttestedBy,
			AttestedAt: a.AttestedAt, KeyID: a.KeyID, Signature: a.Signature, Revocation: toRevocationDoc(a.Revocation),
		})
	}
	return out
}

func toDomainAttestations(ds []attestationDoc) []domain.Attestation {
	var out []domain.Attestation
	for _, d := range ds {
		out = append(out, domain.Attestation{
			ID: d.ID, CandidateID: d.CandidateID, OrgID: d.OrgID, Skill: d.Skill, Level: d.Level, Hours: d.Hours,
			ProgrammeID: d.ProgrammeID, Date: d.Date, Evidence: d.Evidence, AttestedBy: d.AttestedBy,
			AttestedAt: d.AttestedAt.UTC(), KeyID: d.KeyID, Signature: d.Signature, Revocation: toDomainRevocation(d.Revocation),
		})
	}
	return out
}

func attestationIDs(as []domain.Attestation) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func toCertificateDocs(cs []domain.Certificate) []certificateDoc {
	var out []certificateDoc
	for _, c := range cs {
		out = append(out, certificateDoc{ID: c.ID, Name: c.Name, Issuer: c.Issuer, Date: c.Date, RecordedBy: c.RecordedBy, RecordedAt: c.RecordedAt})
	}
	return out
}

func toDomainCertificates(candidateID string, ds []certificateDoc) []domain.Certificate {
	var out []domain.Certificate
	for i, d := range ds {
		out = append(out, domain.Certificate{ID: itemID(candidateID, "certificate", i, d.ID), Name: d.Name, Issuer: d.Issuer, Date: d.Date, RecordedBy: d.RecordedBy, RecordedAt: d.RecordedAt.UTC()})
	}
	return out
}

func toConsentDoc(c domain.Consent) consentDoc {
	return consentDoc{Matching: c.Matching, TextVersion: c.TextVersion, RecordedBy: c.RecordedBy, ByCandidate: c.ByCandidate, RecordedAt: c.RecordedAt,
		FirstGivenAt: timeOrNull(c.FirstGivenAt)}
}

func toDomainConsent(d consentDoc) domain.Consent {
	out := domain.Consent{Matching: d.Matching, TextVersion: d.TextVersion, RecordedBy: d.RecordedBy, ByCandidate: d.ByCandidate, RecordedAt: d.RecordedAt.UTC()}
	if d.FirstGivenAt != nil {
		out.FirstGivenAt = d.FirstGivenAt.UTC()
	}
	return out
}

// timeOrNull stores a zero time as null.
func timeOrNull(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// legacyItemIDs is the namespace of the ids given to programme records and
// certificates stored before every item had one.
var legacyItemIDs = uuid.MustParse("6f0d7d0e-3c1a-4b8e-9a57-0c3f1d2b7a91")

// itemID returns stored, or for an item stored without an id one derived
// from the candidate, the kind of item and its position. The derived id is
// the same on every read until the candidate's next write, which stores it
// (toCandidateDoc writes every item's id), so a client can correct an old
// item by the id it read and the document is upgraded by that write.
func itemID(candidateID, kind string, i int, stored string) string {
	if stored != "" {
		return stored
	}
	return uuid.NewSHA1(legacyItemIDs, []byte(fmt.Sprintf("%s/%s/%d", candidateID, kind, i))).String()
}
