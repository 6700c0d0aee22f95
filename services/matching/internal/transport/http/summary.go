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
	full, near string
	// essentials and optionals count a group's lists: met, partly met,
	// missing, and all of them.
	essentials  string // "essential skills %d met, %d partly met, %d missing of %d"
	optionals   string
	away        string // "%s away"
	remote      string
	withinLimit string // the band of a candidate who lives in a house
	availableOn string // "available from %s"
	dayRelease  string
	months      [12]string
}

// summaryPhrases holds every language the taxonomy labels skills in.
var summaryPhrases = map[skills.Lang]phrases{
	skills.EN: {
		full: "Full match", near: "Near match",
		essentials: "essential skills %d met, %d partly met, %d missing of %d",
		optionals:  "optional skills %d met, %d partly met, %d missing of %d",
		away:       "%s away", remote: "remote role", withinLimit: "within the travel limit", availableOn: "available from %s", dayRelease: "on day release",
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	},
	skills.NL: {
		full: "Volledige match", near: "Bijna-match",
		essentials: "essentiële vaardigheden %d voldaan, %d deels voldaan, %d ontbreken van %d",
		optionals:  "optionele vaardigheden %d voldaan, %d deels voldaan, %d ontbreken van %d",
		away:       "op %s", remote: "werk op afstand", withinLimit: "binnen de reisafstand", availableOn: "beschikbaar vanaf %s", dayRelease: "met dagvrijheid",
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	},
	skills.FR: {
		full: "Correspondance complète", near: "Correspondance proche",
		essentials: "compétences essentielles %d acquises, %d en partie, %d manquantes sur %d",
		optionals:  "compétences facultatives %d acquises, %d en partie, %d manquantes sur %d",
		away:       "à %s", remote: "travail à distance", withinLimit: "dans la limite de trajet", availableOn: "disponible à partir de %s", dayRelease: "en sortie de jour",
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	},
	skills.DE: {
		full: "Voller Treffer", near: "Knapper Treffer",
		essentials: "unverzichtbare Fähigkeiten %d erfüllt, %d teilweise, %d fehlen von %d",
		optionals:  "wünschenswerte Fähigkeiten %d erfüllt, %d teilweise, %d fehlen von %d",
		away:       "%s entfernt", remote: "Fernarbeit", withinLimit: "innerhalb der Fahrtgrenze", availableOn: "verfügbar ab %s", dayRelease: "im Freigang",
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	},
}

// summary writes the one-line summary of an explanation, such as "Near
// match: essential skills 3 met, 2 partly met, 2 missing of 7; optional
// skills 1 met, 0 partly met, 0 missing of 1; 12 km away; available from
// January 2027". Its counts are the lengths of the explanation's lists,
// so the summary and the lists never disagree. Employers read the
// distance as a band, staff in kilometres.
func summary(e results.Explanation, match engine.Match, band string, lang skills.Lang, who audience) string {
	p, ok := summaryPhrases[lang]
	if !ok {
		p = summaryPhrases[skills.EN]
	}
	head := p.full
	if match != engine.MatchFull {
		head = p.near
	}
	var parts []string
	for _, g := range [...]struct {
		format string
		group  results.SkillGroup
	}{{p.essentials, e.Essential}, {p.optionals, e.Optional}} {
		if n := g.group.Total(); n > 0 {
			parts = append(parts, fmt.Sprintf(g.format, len(g.group.Met), len(g.group.Partly), len(g.group.Missing), n))
		}
	}
	switch {
	case e.DistanceKm < 0:
		parts = append(parts, p.remote)
	case who == forStaff:
		parts = append(parts, fmt.Sprintf(p.away, fmt.Sprintf("%d km", e.DistanceKm)))
	case band == engine.BandWithinLimit:
		parts = append(parts, p.withinLimit)
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
	return head + ": " + strings.Join(parts, "; ")
}
