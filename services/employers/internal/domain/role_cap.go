package domain

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
)

// RoleCap bounds how many open roles one employer may hold with the same
// occupation in the same area. Without it an employer could open one role
// per town and learn, from which shortlists a candidate on day release
// appears on, where the candidate's detention house is.
//
// An area is the disc of RadiusKm around a role's site: the gazetteer
// gives every place coordinates but no region, and a named site has only
// coordinates, so a distance is the one measure every site has. Two roles
// are in the same area when their sites lie within RadiusKm of each other.
// A remote role is in no area and is never counted. Roles without an
// occupation count together, so leaving it out does not escape the cap.
type RoleCap struct {
	PerArea  int
	RadiusKm float64
}

// SameArea reports whether a and b count against one another: both on a
// site with coordinates, neither remote, with the same occupation, within
// RadiusKm.
func (c RoleCap) SameArea(a, b RoleSpec) bool {
	if !a.inArea() || !b.inArea() || a.Occupation != b.Occupation {
		return false
	}
	return geo.DistanceKm(*a.Site.Lat, *a.Site.Lon, *b.Site.Lat, *b.Site.Lon) <= c.RadiusKm
}

// AreaChanged reports whether an edit from before to after may move a
// role into another area or occupation, and so must be checked again.
func AreaChanged(before, after RoleSpec) bool {
	if before.inArea() != after.inArea() || before.Occupation != after.Occupation {
		return true
	}
	if !after.inArea() {
		return false
	}
	return *before.Site.Lat != *after.Site.Lat || *before.Site.Lon != *after.Site.Lon
}

func (s RoleSpec) inArea() bool {
	return !s.Remote && s.Site != nil && s.Site.Lat != nil && s.Site.Lon != nil
}

// Check returns a *RoleCapError when spec may not be open beside others,
// the employer's other open roles.
func (c RoleCap) Check(spec RoleSpec, others []Role) error {
	if !spec.inArea() {
		return nil
	}
	n := 0
	for _, o := range others {
		if o.Status == StatusOpen && c.SameArea(spec, o.Spec) {
			n++
		}
	}
	if n >= c.PerArea {
		return &RoleCapError{Limit: c.PerArea, RadiusKm: c.RadiusKm}
	}
	return nil
}

// RoleCapError refuses to open a role because the employer already holds
// Limit open roles of its occupation within RadiusKm of its site. It is an
// errs.Conflict.
type RoleCapError struct {
	Limit    int
	RadiusKm float64
}

// Error names the limit and what frees a place.
func (e *RoleCapError) Error() string {
	return fmt.Sprintf("you already hold %d open roles of this occupation within %g km of this site, the most allowed; close, pause or fill one of them, or keep this role as a draft", e.Limit, e.RadiusKm)
}

// Is makes errors.Is(err, errs.Conflict) true.
func (e *RoleCapError) Is(target error) bool { return target == errs.Conflict }
