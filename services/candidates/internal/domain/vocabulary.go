package domain

// Vocabulary answers whether the ids a spec names exist. The service backs
// it with the embedded skills taxonomy and gazetteer.
type Vocabulary interface {
	SkillExists(id string) bool
	// SkillConcept returns a skill's English label and its ESCO concept
	// URI, "" where the taxonomy has none.
	SkillConcept(id string) (label, escoURI string, ok bool)
	// Place returns a gazetteer place's name and coordinates.
	Place(id string) (name string, lat, lon float64, ok bool)
	// PlaceNames is the gazetteer as the statement checker asks it.
	PlaceNames
}

// Limits on what a candidate or programme may hold.
const (
	MaxName          = 100
	MaxPhone         = 32
	MaxEmail         = 254
	MaxLanguages     = 10
	MaxCommuteKm     = 200
	MaxRadiusKm      = 300
	MaxHours         = 10000
	MaxHoursPerWeek  = 60
	MaxEvidence      = 1000
	MaxCertificate   = 120
	MaxTextVersion   = 32
	MaxProgrammeName = 120
	MaxSkills        = 50
	MaxSupervisors   = 50
	// MaxPortfolioItems bounds each portfolio list, so one candidate's
	// document stays far below Mongo's 16 MB.
	MaxPortfolioItems = 500
)
