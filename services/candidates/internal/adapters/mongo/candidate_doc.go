package mongo

import (
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// candidateDoc is a candidate as stored. Identity is sealed; the fields
// beside it copy what queries filter on (setting, programme_ids,
// attestation_ids, the blind name_index), so queries need no nested paths
// and never see a plaintext name.
type candidateDoc struct {
	ID               string               `bson:"_id"`
	OrgID            string               `bson:"org_id"`
	Alias            string               `bson:"alias"`
	Version          int64                `bson:"version"`
	CreatedAt        time.Time            `bson:"created_at"`
	UpdatedAt        time.Time            `bson:"updated_at"`
	CreatedBy        string               `bson:"created_by"`
	IdentityKeyID    string               `bson:"identity_key_id"`
	Identity         identityDoc          `bson:"identity"`
	NameIndex        []string             `bson:"name_index"`
	Setting          string               `bson:"setting"`
	ProgrammeIDs     []string             `bson:"programme_ids"`
	AttestationIDs   []string             `bson:"attestation_ids"`
	Profile          profileDoc           `bson:"profile"`
	ProgrammeRecords []programmeRecordDoc `bson:"programme_records,omitempty"`
	Attestations     []attestationDoc     `bson:"attestations,omitempty"`
	Certificates     []certificateDoc     `bson:"certificates,omitempty"`
	Consent          consentDoc           `bson:"consent"`
	Placement        *placementDoc        `bson:"placement,omitempty"`
	Statement        *statementDoc        `bson:"statement,omitempty"`
	PendingEvents    []string             `bson:"pending_events,omitempty"`
	PendingAudit     []string             `bson:"pending_audit,omitempty"`
}

// toCandidateDoc converts c for storage, sealing its identity with the
// current key; every write therefore moves a record onto that key.
func (s *Store) toCandidateDoc(c domain.Candidate) candidateDoc {
	keyID, identity := s.sealIdentity(c.ID, c.Identity)
	return candidateDoc{
		ID: c.ID, OrgID: c.OrgID, Alias: c.Alias, Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		CreatedBy: c.CreatedBy, IdentityKeyID: keyID, Identity: identity, NameIndex: s.nameIndex(c.Identity),
		Setting: string(c.Profile.Setting), ProgrammeIDs: nonNil(c.ProgrammeIDs()), AttestationIDs: nonNil(attestationIDs(c.Attestations)),
		Profile: toProfileDoc(c.Profile), ProgrammeRecords: toProgrammeRecordDocs(c.ProgrammeRecords),
		Attestations: toAttestationDocs(c.Attestations), Certificates: toCertificateDocs(c.Certificates),
		Consent: toConsentDoc(c.Consent), Placement: toPlacementDoc(c.Placement), Statement: s.sealStatement(c.ID, c.Statement),
	}
}

// toDomainCandidate converts a stored candidate back, opening its identity
// with whichever key sealed it.
func (s *Store) toDomainCandidate(d candidateDoc) (domain.Candidate, error) {
	identity, err := s.openIdentity(d.ID, d.IdentityKeyID, d.Identity)
	if err != nil {
		return domain.Candidate{}, err
	}
	statement, err := s.openStatement(d.ID, d.IdentityKeyID, d.Statement)
	if err != nil {
		return domain.Candidate{}, err
	}
	return domain.Candidate{
		ID: d.ID, OrgID: d.OrgID, Alias: d.Alias, Version: d.Version, CreatedAt: d.CreatedAt.UTC(),
		UpdatedAt: d.UpdatedAt.UTC(), CreatedBy: d.CreatedBy, Identity: identity,
		Profile:          toDomainProfile(d.Setting, d.Profile),
		ProgrammeRecords: toDomainProgrammeRecords(d.ID, d.ProgrammeRecords),
		Attestations:     toDomainAttestations(d.Attestations),
		Certificates:     toDomainCertificates(d.ID, d.Certificates),
		Consent:          toDomainConsent(d.Consent),
		Placement:        toDomainPlacement(d.Placement),
		Statement:        statement,
	}, nil
}

// nonNil stores an empty list as [] rather than null, so array queries on
// the field behave the same for every document.
func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// placementDoc is the placement a candidate is in.
type placementDoc struct {
	PlacementID  string    `bson:"placement_id"`
	StillLooking bool      `bson:"still_looking"`
	UpdatedAt    time.Time `bson:"updated_at"`
}

func toPlacementDoc(p *domain.Placement) *placementDoc {
	if p == nil {
		return nil
	}
	return &placementDoc{PlacementID: p.PlacementID, StillLooking: p.StillLooking, UpdatedAt: p.UpdatedAt}
}

func toDomainPlacement(d *placementDoc) *domain.Placement {
	if d == nil {
		return nil
	}
	return &domain.Placement{PlacementID: d.PlacementID, StillLooking: d.StillLooking, UpdatedAt: d.UpdatedAt.UTC()}
}
