package domain

import "strings"

// NACESections are the sections of NACE Rev. 2, the EU's classification of
// economic activities, by letter.
const NACESections = "ABCDEFGHIJKLMNOPQRSTU"

// ValidSector reports whether s is one NACE Rev. 2 section letter.
func ValidSector(s string) bool { return len(s) == 1 && strings.Contains(NACESections, s) }

// Weekdays are the day names schedules use.
var Weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Contracts are the contract types a role may offer.
var Contracts = []string{"permanent", "fixed_term", "temporary", "apprenticeship", "work_placement"}

// CEFRLevels are the Common European Framework language levels.
var CEFRLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// SizeBands are the employer size bands, by head count.
var SizeBands = []string{"1-9", "10-49", "50-249", "250+"}

// Commitments are the fair-chance commitments an employer can tick.
var Commitments = []string{"skills_first", "mentor", "day_release_welcome", "appointment_adjustments"}

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
