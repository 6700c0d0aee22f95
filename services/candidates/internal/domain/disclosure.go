package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Disclosure is a disclosure grant: the candidate's consent, recorded by
// their staff when accepting an introduction, that one employer
// organisation may learn who the candidate is for one role. It holds ids
// and field names only, never a value: the values are read from the
// candidate's sealed record each time the grant is read, so a withdrawn
// grant or an erased candidate leaves no copy behind, and a corrected
// phone number reaches the employer at once. A grant never widens:
// another employer, role or field needs another grant.
type Disclosure struct {
	ID             string
	IntroductionID string
	CandidateID    string
	// CandidateOrgID is the candidate's programme organisation, whose
	// staff may read, list and withdraw the grant.
	CandidateOrgID string
	EmployerOrgID  string
	RoleID         string
	// Fields are the contact fields disclosed besides the name, which is
	// always disclosed.
	Fields             []DisclosureField
	Contact            Contact
	ConsentTextVersion string
	RecordedBy         string
	GrantedAt          time.Time
	Status             DisclosureStatus
	// Version is 1 when granted and 2 once withdrawn.
	Version     int64
	WithdrawnAt time.Time
	WithdrawnBy string
}

// DisclosureField is a contact field a grant may disclose.
type DisclosureField string

// The fields a grant may disclose besides the name.
const (
	DisclosePhone DisclosureField = "phone"
	DiscloseEmail DisclosureField = "email"
)

// Contact is how the employer reaches the candidate.
type Contact string

// The ways of contact.
const (
	ContactDirect       Contact = "direct"
	ContactThroughStaff Contact = "through_staff"
)

// DisclosureStatus is whether a grant still answers.
type DisclosureStatus string

// The statuses of a grant.
const (
	DisclosureActive    DisclosureStatus = "active"
	DisclosureWithdrawn DisclosureStatus = "withdrawn"
)

// NameFields are the identity fields every grant discloses.
var NameFields = []string{"given_name", "family_name", "preferred_name"}

// FieldNames are the identity fields the grant discloses, as the audit
// trail names them: the name fields, then the contact fields.
func (d Disclosure) FieldNames() []string {
	out := slices.Clone(NameFields)
	for _, f := range d.Fields {
		out = append(out, string(f))
	}
	return out
}

// Discloses reports whether the grant discloses f.
func (d Disclosure) Discloses(f DisclosureField) bool { return slices.Contains(d.Fields, f) }

// Same reports whether a request for a grant asks for exactly this grant,
// so repeating it is answered with the grant rather than refused.
func (d Disclosure) Same(r DisclosureRequest) bool {
	a, b := slices.Clone(d.Fields), slices.Clone(r.Fields)
	slices.Sort(a)
	slices.Sort(b)
	return d.CandidateID == r.CandidateID && d.EmployerOrgID == r.EmployerOrgID && d.RoleID == r.RoleID &&
		slices.Equal(a, b) && d.Contact == r.Contact && d.ConsentTextVersion == r.ConsentTextVersion
}

// DisclosedIdentity is what a grant reveals of the candidate: the name
// always, phone and e-mail when granted.
type DisclosedIdentity struct {
	GivenName     string
	FamilyName    string
	PreferredName string
	Phone         string
	Email         string
}

// Reveal reads the granted fields from the candidate's identity.
func (d Disclosure) Reveal(i Identity) DisclosedIdentity {
	out := DisclosedIdentity{GivenName: i.GivenName, FamilyName: i.FamilyName, PreferredName: i.PreferredName}
	if d.Discloses(DisclosePhone) {
		out.Phone = i.Phone
	}
	if d.Discloses(DiscloseEmail) {
		out.Email = i.Email
	}
	return out
}

// DisclosureRequest is what the placements service asks for when staff
// record a candidate's acceptance of an introduction.
type DisclosureRequest struct {
	IntroductionID     string
	CandidateID        string
	EmployerOrgID      string
	RoleID             string
	Fields             []DisclosureField
	Contact            Contact
	ConsentTextVersion string
	RecordedBy         string
	// RecordedByCandidate says the candidate answered themself, signed in
	// to their own account; RecordedBy is then their account.
	RecordedByCandidate bool
}

// maxDisclosureID bounds the ids a request names.
const maxDisclosureID = 100

// Validate checks a request on its own, naming every bad field. Whether
// the candidate has the fields asked for is checked against the record.
func (r DisclosureRequest) Validate() error {
	v := &errs.ValidationError{}
	add := func(field, format string, args ...any) {
		v.Fields = append(v.Fields, errs.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	for _, f := range []struct{ name, value string }{
		{"introduction_id", r.IntroductionID}, {"candidate_id", r.CandidateID}, {"employer_org_id", r.EmployerOrgID},
		{"role_id", r.RoleID}, {"recorded_by", r.RecordedBy},
	} {
		switch {
		case f.value == "":
			add(f.name, "is required")
		case len(f.value) > maxDisclosureID:
			add(f.name, "is longer than %d characters", maxDisclosureID)
		}
	}
	seen := map[DisclosureField]bool{}
	for _, f := range r.Fields {
		if f != DisclosePhone && f != DiscloseEmail {
			add("disclose", "may name only phone and email; the name is always disclosed")
			break
		}
		if seen[f] {
			add("disclose", "names %s twice", f)
			break
		}
		seen[f] = true
	}
	if r.Contact != ContactDirect && r.Contact != ContactThroughStaff {
		add("contact", "must be direct or through_staff")
	}
	if _, ok := ConsentTextByVersion(r.ConsentTextVersion); !ok {
		add("consent_text_version", "names no published consent text; the current one is %s", CurrentConsentText)
	}
	if len(v.Fields) > 0 {
		return v
	}
	return nil
}

// CheckAgainst refuses a request for a contact field the candidate does
// not have, naming "disclose".
func (r DisclosureRequest) CheckAgainst(i Identity) error {
	if slices.Contains(r.Fields, DisclosePhone) && i.Phone == "" {
		return errs.Invalid("disclose", "names phone, but the candidate has no phone number on record")
	}
	if slices.Contains(r.Fields, DiscloseEmail) && i.Email == "" {
		return errs.Invalid("disclose", "names email, but the candidate has no e-mail address on record")
	}
	return nil
}
