package http

import (
	"fmt"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// phrases are the words of a one-line summary in one language.
type phrases struct {
	full, near  string
	essentials  string // "%d of %d essential skills"
	missing     string // " (missing: %s)"
	away        string // "%s away"
	remote      string
	availableOn string // "available from %s"
	dayRelease  string
	months      [12]string
}

// summaryPhrases holds every language the taxonomy labels skills in.
var summaryPhrases = map[skills.Lang]phrases{
	skills.EN: {
		full: "Full match", near: "Near match", essentials: "%d of %d essential skills", missing: " (missing: %s)",
		away: "%s away", remote: "remote role", availableOn: "available from %s", dayRelease: "on day release",
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	},
	skills.NL: {
		full: "Volledige match", near: "Bijna-match", essentials: "%d van %d essentiële vaardigheden", missing: " (ontbreekt: %s)",
		away: "op %s", remote: "werk op afstand", availableOn: "beschikbaar vanaf %s", dayRelease: "met dagverlof",
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	},
	skills.FR: {
		full: "Correspondance complète", near: "Correspondance partielle", essentials: "%d sur %d compétences essentielles", missing: " (manque : %s)",
		away: "à %s", remote: "travail à distance", availableOn: "disponible à partir de %s", dayRelease: "en détention limitée",
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	},
	skills.DE: {
		full: "Volle Übereinstimmung", near: "Teilweise Übereinstimmung", essentials: "%d von %d Kernkompetenzen", missing: " (fehlt: %s)",
		away: "%s entfernt", remote: "Fernarbeit", availableOn: "verfügbar ab %s", dayRelease: "im Freigang",
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	},
}

// summary writes the one-line summary of an explanation, such as "Full
// match: 3 of 3 essential skills, 12 km away, available from January
// 2027". Employers read the distance as a band, staff in kilometres.
func summary(t *skills.Taxonomy, e results.Explanation, match engine.Match, band string, lang skills.Lang, who audience) string {
	p, ok := summaryPhrases[lang]
	if !ok {
		p = summaryPhrases[skills.EN]
	}
	head := p.full
	if match != engine.MatchFull {
		head = p.near
	}
	var parts []string
	if have, of, missing := essentials(t, e, lang); of > 0 {
		s := fmt.Sprintf(p.essentials, have, of)
		if len(missing) > 0 {
			s += fmt.Sprintf(p.missing, strings.Join(missing, ", "))
		}
		parts = append(parts, s)
	}
	switch {
	case e.DistanceKm < 0:
		parts = append(parts, p.remote)
	case who == forStaff:
		parts = append(parts, fmt.Sprintf(p.away, fmt.Sprintf("%d km", e.DistanceKm)))
	case band != "":
		parts = append(parts, fmt.Sprintf(p.away, band))
	}
	if e.AvailableFrom != 0 {
		d := dayTime(e.AvailableFrom)
		parts = append(parts, fmt.Sprintf(p.availableOn, fmt.Sprintf("%s %d", p.months[d.Month()-1], d.Year())))
	}
	if e.DayRelease {
		parts = append(parts, p.dayRelease)
	}
	if len(parts) == 0 {
		return head
	}
	return head + ": " + strings.Join(parts, ", ")
}

// essentials counts the essential skills that earn credit, of all the
// role's essential skills, and names those that earn none. The engine
// lists a skill credited through the hierarchy both as matched and as
// missing; it counts as held.
func essentials(t *skills.Taxonomy, e results.Explanation, lang skills.Lang) (have, of int, missing []string) {
	held := map[string]bool{}
	for _, m := range e.MatchedSkills {
		if m.Essential && !held[m.Skill] {
			held[m.Skill] = true
			have++
		}
	}
	for _, m := range e.MissingSkills {
		if m.Essential && !held[m.Skill] {
			missing = append(missing, skillLabel(t, m.Skill, lang))
		}
	}
	return have, have + len(missing), missing
}
