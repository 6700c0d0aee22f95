package skills

// Kind says what sort of thing a skill is, because an employer weighs a
// forklift certificate differently from knowing food-hygiene rules.
type Kind string

// The kinds of skill.
const (
	// KindSkill is a practical ability shown by doing, such as roasting coffee.
	KindSkill Kind = "skill"
	// KindKnowledge is something a person knows, such as HACCP rules.
	KindKnowledge Kind = "knowledge"
	// KindCertificate is a formal certificate or licence, such as a forklift
	// licence, that a third party issues.
	KindCertificate Kind = "certificate"
	// KindTransversal is a skill useful in any job, such as teamwork or
	// punctuality; ESCO calls these transversal.
	KindTransversal Kind = "transversal"
)

// Valid reports whether k is one of the four kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindSkill, KindKnowledge, KindCertificate, KindTransversal:
		return true
	}
	return false
}

// Skill is one entry of the taxonomy.
type Skill struct {
	// ID is a stable, readable slug such as "coffee-roasting". Stored
	// attestations and roles refer to skills by it, so it never changes.
	ID   string
	Kind Kind
	// Labels holds the display name per language; English is always present.
	Labels map[Lang]string
	// Synonyms holds other names per language, used by search only.
	Synonyms map[Lang][]string
	// Parents lists the ids of broader skills. A skill may have several
	// parents: the hierarchy is a directed acyclic graph, not a tree.
	Parents []string
	// Related lists the ids of skills often found together with this one.
	Related []string
	// ESCOURI is the skill's concept URI in ESCO, or "" when it has none.
	// It is filled only from real ESCO data and never invented.
	ESCOURI string
}

// Label returns the skill's name in l, or the English name when it has none
// in l.
func (s Skill) Label(l Lang) string {
	return labelIn(s.Labels, l)
}

// Requirement is one skill an occupation asks for, with the lowest level at
// which a person can usually start in that occupation.
type Requirement struct {
	Skill    string
	MinLevel Level
}

// Occupation is a template for a role: what a barista or a forklift driver
// typically needs. Employers start a role from it and adjust.
type Occupation struct {
	// ID is a stable, readable slug such as "barista".
	ID string
	// Labels holds the display name per language; English is always present.
	Labels map[Lang]string
	// Synonyms holds other names per language, used by search only.
	Synonyms map[Lang][]string
	// Essential lists the skills the occupation cannot do without.
	Essential []Requirement
	// Optional lists skills that help but are not required.
	Optional []Requirement
	// ESCOURI is the occupation's concept URI in ESCO, or "" when it has
	// none. It is filled only from real ESCO data and never invented.
	ESCOURI string
}

// Label returns the occupation's name in l, or the English name when it has
// none in l.
func (o Occupation) Label(l Lang) string {
	return labelIn(o.Labels, l)
}

// labelIn picks the label in l with English as the fallback, so a screen in
// German never shows an empty name for a skill only labelled in English.
func labelIn(labels map[Lang]string, l Lang) string {
	if s := labels[l]; s != "" {
		return s
	}
	return labels[EN]
}
