package domain

import "time"

// Programme is a work programme an organisation runs, such as "Coffee
// roastery, Kortrijk house": what kind of work, where, which skills it
// trains and who supervises it.
type Programme struct {
	ID        string
	OrgID     string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	Spec      ProgrammeSpec
}

// ProgrammeSpec is what staff write about a programme. Supervisors are user
// ids of the organisation's members; a supervisor may attest skills for
// the programme.
type ProgrammeSpec struct {
	Name        string
	Kind        string
	Site        Place
	Skills      []string
	Supervisors []string
}

// ProgrammeKinds are the kinds of work programme; matching shows the kind,
// never the programme's name or site, to employers.
var ProgrammeKinds = []string{
	"coffee_roastery", "catering", "bakery", "garden", "green_maintenance", "workshop", "woodwork",
	"metalwork", "bike_repair", "laundry", "cleaning", "printing", "assembly", "logistics",
	"construction", "textiles", "retail", "office", "other",
}

// Supervises reports whether user supervises the programme.
func (p Programme) Supervises(user string) bool {
	for _, s := range p.Spec.Supervisors {
		if s == user {
			return true
		}
	}
	return false
}
