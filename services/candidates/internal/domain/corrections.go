package domain

import (
	"fmt"
	"slices"

	"github.com/onward-jobs/onward/pkg/errs"
)

// ProgrammeRecordIndex returns the position of the record with id, or
// errs.NotFound.
func (c Candidate) ProgrammeRecordIndex(id string) (int, error) {
	if i := slices.IndexFunc(c.ProgrammeRecords, func(r ProgrammeRecord) bool { return r.ID == id }); i >= 0 {
		return i, nil
	}
	return -1, fmt.Errorf("programme record %s: %w", id, errs.NotFound)
}

// CertificateIndex returns the position of the certificate with id, or
// errs.NotFound.
func (c Candidate) CertificateIndex(id string) (int, error) {
	if i := slices.IndexFunc(c.Certificates, func(ct Certificate) bool { return ct.ID == id }); i >= 0 {
		return i, nil
	}
	return -1, fmt.Errorf("certificate %s: %w", id, errs.NotFound)
}

// AttestationIndex returns the position of the attestation with id, or
// errs.NotFound.
func (c Candidate) AttestationIndex(id string) (int, error) {
	if i := slices.IndexFunc(c.Attestations, func(a Attestation) bool { return a.ID == id }); i >= 0 {
		return i, nil
	}
	return -1, fmt.Errorf("attestation %s: %w", id, errs.NotFound)
}

// SameContent reports whether r and o record the same programme, dates and
// hours, whoever recorded them.
func (r ProgrammeRecord) SameContent(o ProgrammeRecord) bool {
	return r.ProgrammeID == o.ProgrammeID && r.From == o.From && r.To == o.To && r.Hours == o.Hours
}

// SameContent reports whether ct and o name the same certificate.
func (ct Certificate) SameContent(o Certificate) bool {
	return ct.Name == o.Name && ct.Issuer == o.Issuer && ct.Date == o.Date
}

// Changes returns the change names of going from s to next: programme for
// its name, kind, site or skills, supervisors for who may attest.
func (s ProgrammeSpec) Changes(next ProgrammeSpec) []string {
	var out []string
	if s.Name != next.Name || s.Kind != next.Kind || s.Site.PlaceID != next.Site.PlaceID || !slices.Equal(s.Skills, next.Skills) {
		out = append(out, ChangeProgramme)
	}
	if !slices.Equal(s.Supervisors, next.Supervisors) {
		out = append(out, ChangeSupervisors)
	}
	return out
}
