package skills

// Level is how well a person masters a skill. The four levels are written
// so that a work-programme supervisor can attest them from what they see at
// work, without an exam, and an employer can read them without training.
type Level int

// The four proficiency levels, from lowest to highest.
const (
	// Supervised: works under supervision.
	Supervised Level = 1
	// Independent: works independently.
	Independent Level = 2
	// Experienced: experienced and consistent.
	Experienced Level = 3
	// Instructor: can instruct others.
	Instructor Level = 4
)

// levelDescriptions holds the definition of each level per language; the
// wording is shown to supervisors attesting a level, so it must stay short
// and concrete.
var levelDescriptions = map[Level]map[Lang]string{
	Supervised: {
		EN: "Works under supervision",
		NL: "Werkt onder begeleiding",
		FR: "Travaille sous supervision",
		DE: "Arbeitet unter Anleitung",
	},
	Independent: {
		EN: "Works independently",
		NL: "Werkt zelfstandig",
		FR: "Travaille en autonomie",
		DE: "Arbeitet selbstständig",
	},
	Experienced: {
		EN: "Experienced and consistent",
		NL: "Ervaren en constant in kwaliteit",
		FR: "Expérimenté et régulier",
		DE: "Erfahren und beständig",
	},
	Instructor: {
		EN: "Can instruct others",
		NL: "Kan anderen instrueren",
		FR: "Peut former d'autres personnes",
		DE: "Kann andere anleiten",
	},
}

// Valid reports whether l is one of the four levels.
func (l Level) Valid() bool {
	return l >= Supervised && l <= Instructor
}

// Description returns the definition of the level in lang, falling back to
// English for an unsupported language. An invalid level has no description
// and yields "".
func (l Level) Description(lang Lang) string {
	byLang, ok := levelDescriptions[l]
	if !ok {
		return ""
	}
	if d, ok := byLang[lang]; ok {
		return d
	}
	return byLang[EN]
}
