package domain

import (
	"slices"
	"strings"
)

// Dimension is what the groups of a table tell apart (docs/insights.md,
// "Dimensions"). Every value is one Onward already holds.
type Dimension string

// The dimensions.
const (
	// All is the total: one group, AllGroup, counting everyone once.
	All Dimension = "all"
	// Organisation is the candidate's programme organisation; its cells
	// exist in the PlatformScope only (in an organisation's own scope it
	// would repeat the total).
	Organisation Dimension = "organisation"
	// Programme is each programme the candidate has a record in, or
	// NoProgramme.
	Programme Dimension = "programme"
	// ProgrammeKind is the kind of each such programme, or NoProgramme.
	ProgrammeKind Dimension = "programme_kind"
	// Setting is the candidate's current setting.
	Setting Dimension = "setting"
	// Country is the country of the house or return region.
	Country Dimension = "country"
	// Region is the first-level division within the country, written
	// "country.region" so that it names its country.
	Region Dimension = "region"
	// UrbanClass is urban, town, rural or unknown.
	UrbanClass Dimension = "urban"
	// Contract is the role's contract kind for requests, acceptances and
	// meetings and the placement's for hires and retention.
	Contract Dimension = "contract"
	// Occupation is the role's occupation.
	Occupation Dimension = "occupation"
	// Employer is the employer organisation, in the per-employer table
	// for platform admins only.
	Employer Dimension = "employer"
)

// AllGroup is the only group of the All dimension; NoProgramme is the
// group of people without a programme.
const (
	AllGroup    = "all"
	NoProgramme = "none"
)

var dimensions = []Dimension{All, Organisation, Programme, ProgrammeKind, Setting, Country,
	Region, UrbanClass, Contract, Occupation, Employer}

// Dimensions returns every dimension.
func Dimensions() []Dimension { return slices.Clone(dimensions) }

// Valid reports whether d is one of the dimensions.
func (d Dimension) Valid() bool { return slices.Contains(dimensions, d) }

// RoleBound reports whether d is a dimension of a role or placement:
// its funnel starts at asked, and a person asked for two roles counts in
// each role's group.
func (d Dimension) RoleBound() bool { return d == Contract || d == Occupation || d == Employer }

// Additive reports whether a dimension's groups add up to the total of
// the same scope, view, month and measure: true when every person is in
// exactly one group. A person may have two programmes (of two kinds) and
// be asked for two roles, so those groups overlap and do not add up.
func (d Dimension) Additive() bool {
	switch d {
	case Organisation, Setting, Country, Region, UrbanClass:
		return true
	}
	return false
}

// Totals returns the keys k is a part of, each the exact sum of its parts
// (every key whose Totals name it): the total (All) for a group of an
// additive dimension, and a region's country. Two more sums hold for
// every key and are left to the report builder: an organisation's cell
// is a part of the same key in the PlatformScope (a candidate has one
// organisation), and a range of months is the sum of its months.
func (k Key) Totals() []Key {
	if !k.Dimension.Additive() {
		return nil
	}
	total := k
	total.Dimension, total.Group = All, AllGroup
	out := []Key{total}
	if k.Dimension == Region {
		country := k
		country.Dimension = Country
		country.Group, _, _ = strings.Cut(k.Group, ".")
		out = append(out, country)
	}
	return out
}

// regionGroup returns the region group of a place: "country.region",
// "country.unknown" when only the country is known, and "unknown" when
// neither is, so that a country's regions add up to the country.
func regionGroup(country, region string) string {
	switch {
	case country == "" || country == UnknownValue:
		return UnknownValue
	case region == "":
		return country + "." + UnknownValue
	case strings.HasPrefix(region, country+"."):
		return region
	}
	return country + "." + region
}
