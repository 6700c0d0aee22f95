// Package vocab holds the small closed vocabularies more than one service
// validates against: NACE sections (with their names in en, nl, fr and de),
// weekdays, contract types, CEFR levels and ISO 639-1 language codes. It is reference data, like pkg/skills and
// pkg/geo, and holds no business rules.
package vocab

import (
	"slices"
	"strings"
)

// NACESections are the sections of NACE Rev. 2, the EU's classification of
// economic activities, by letter.
const NACESections = "ABCDEFGHIJKLMNOPQRSTU"

// ValidSector reports whether s is one NACE Rev. 2 section letter.
func ValidSector(s string) bool { return len(s) == 1 && strings.Contains(NACESections, s) }

// Weekdays are the day names schedules use, Monday first.
var Weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// ValidWeekday reports whether d is one of Weekdays.
func ValidWeekday(d string) bool { return slices.Contains(Weekdays, d) }

// Contracts are the contract types a role may offer and a candidate may
// prefer.
var Contracts = []string{"permanent", "fixed_term", "temporary", "apprenticeship", "work_placement"}

// ValidContract reports whether c is one of Contracts.
func ValidContract(c string) bool { return slices.Contains(Contracts, c) }

// CEFRLevels are the Common European Framework language levels, lowest
// first, so a level's index orders it.
var CEFRLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// CEFRRank returns a level's position in CEFRLevels (A1 is 0), or -1 for
// anything else.
func CEFRRank(level string) int { return slices.Index(CEFRLevels, level) }

// iso6391 holds every ISO 639-1 two-letter language code.
const iso6391 = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy " +
	"da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz " +
	"ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt " +
	"lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt " +
	"qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to " +
	"tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"

// ValidLanguage reports whether code is an ISO 639-1 code in lower case.
func ValidLanguage(code string) bool {
	return len(code) == 2 && strings.Contains(" "+iso6391+" ", " "+code+" ")
}
