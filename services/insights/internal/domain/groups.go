package domain

import "slices"

// groupRef is one group of one dimension a candidate counts in.
type groupRef struct {
	dimension Dimension
	group     string
}

// candidateGroups returns the groups of the candidate's own dimensions,
// the total first, under the values they have now. A person with two
// programmes counts in both, and in each of their kinds once.
func candidateGroups(p Progress) []groupRef {
	out := []groupRef{{All, AllGroup}}
	var ids, kinds []string
	for _, pr := range p.Programmes {
		ids = appendNew(ids, orUnknown(pr.ID))
		kinds = appendNew(kinds, orUnknown(pr.Kind))
	}
	if len(p.Programmes) == 0 {
		ids, kinds = []string{NoProgramme}, []string{NoProgramme}
	}
	for _, id := range ids {
		out = append(out, groupRef{Programme, id})
	}
	for _, k := range kinds {
		out = append(out, groupRef{ProgrammeKind, k})
	}
	return append(out,
		groupRef{Setting, orUnknown(p.Setting)},
		groupRef{Country, orUnknown(p.Country)},
		groupRef{Region, regionGroup(p.Country, p.Region)},
		groupRef{UrbanClass, orUnknown(p.Urban)})
}

// roleGroups returns the groups of a role-bound dimension among the
// candidate's introductions: for Contract both the roles' and the
// placements' contract kinds.
func roleGroups(intros []IntroductionFacts, d Dimension) []string {
	var out []string
	for i := range intros {
		in := &intros[i]
		switch d {
		case Contract:
			out = appendNew(out, orUnknown(in.RoleContract))
			if in.Placement != nil {
				out = appendNew(out, orUnknown(in.Placement.Contract))
			}
		case Occupation:
			out = appendNew(out, orUnknown(in.RoleOccupation))
		case Employer:
			out = appendNew(out, orUnknown(in.EmployerOrgID))
		}
	}
	return out
}

// keepGroup selects the introductions of one group of a role-bound
// dimension. A request's contract kind is its role's; a hire's is its
// placement's.
func keepGroup(d Dimension, group string) keepFunc {
	return func(in *IntroductionFacts, request bool) bool {
		switch {
		case d == Contract && request:
			return orUnknown(in.RoleContract) == group
		case d == Contract:
			return in.Placement != nil && orUnknown(in.Placement.Contract) == group
		case d == Occupation:
			return orUnknown(in.RoleOccupation) == group
		default:
			return orUnknown(in.EmployerOrgID) == group
		}
	}
}

// orUnknown returns v, or UnknownValue when it is empty: people whose
// value is not known form their own group.
func orUnknown(v string) string {
	if v == "" {
		return UnknownValue
	}
	return v
}

// appendNew appends v unless s holds it already.
func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
