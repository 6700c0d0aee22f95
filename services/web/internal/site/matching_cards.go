package site

import (
	"slices"
	"strconv"
	"strings"
)

// The shortlist's cards and explanations as the templates show them:
// every text already in the user's language, and only what the service's
// pseudonymous card holds.

// matchCard is one candidate on the employer's shortlist.
type matchCard struct {
	Alias, Summary   string
	Near             bool
	Skills           []cardSkillLine
	Certificates     []string
	Languages        []string
	AvailableFrom    string
	Distance         string
	DayRelease       bool
	ScheduleFit      string
	Programmes       []string
	Why              whyView
	WhyID, MissingID string
}

// cardSkillLine is a skill on a card: its level as dots and in words,
// its hours, and whether a supervisor attested it.
type cardSkillLine struct {
	Label    string
	Level    int
	LevelOf  string
	Hours    int
	Attested bool
}

// distanceBands are the bands the service puts on a card; anything else
// is left off.
var distanceBands = []string{"<5 km", "5-15 km", "15-30 km", "30-60 km", ">60 km", "remote"}

// fits are the values of a schedule or language fit worth a sentence;
// "n/a" and anything unknown say nothing.
var fits = []string{"full", "partial", "none"}

// matchCardOf turns a shortlist entry into its card. n numbers the card
// on the page, for the ids of its details.
func matchCardOf(v *view, e shortlistEntry, n int) matchCard {
	k := e.Card
	alias := k.Alias
	if alias == "" {
		alias = e.Alias
	}
	c := matchCard{
		Alias: alias, Summary: e.Explanation.Summary, Near: e.Match == "near",
		Certificates: k.Certificates, AvailableFrom: monthText(v, k.AvailableMonth),
		DayRelease: k.DayRelease, ScheduleFit: fitText(v, "MatchSchedule_", k.ScheduleFit),
		Why:   whyOf(v, e.Explanation, true),
		WhyID: "why-" + strconv.Itoa(n), MissingID: "missing-" + strconv.Itoa(n),
	}
	for _, s := range k.Skills {
		lvl := clampLevel(s.Level)
		c.Skills = append(c.Skills, cardSkillLine{Label: skillName(s.Label, s.Skill), Level: lvl,
			LevelOf: v.T("LevelOf", "Level", lvl), Hours: max(s.Hours, 0), Attested: s.Attested})
	}
	for _, l := range k.Languages {
		c.Languages = append(c.Languages, strings.TrimSpace(languageName(v, l.Code)+" "+l.Level))
	}
	switch band := k.DistanceBand; {
	case band == "remote":
		c.Distance = v.T("MatchRemote")
	case slices.Contains(distanceBands, band):
		c.Distance = v.T("MatchDistanceBand", "Text", band)
	}
	for _, kind := range k.ProgrammeKinds {
		if slices.Contains(programmeKinds, kind) {
			c.Programmes = append(c.Programmes, v.T("MatchTrainedKind_"+kind))
		}
	}
	return c
}

// skillName is a skill's label, or its id when the service sent none.
func skillName(label, id string) string {
	if label != "" {
		return label
	}
	return id
}

// clampLevel keeps a level inside 1..4, the scale the dots draw.
func clampLevel(n int) int {
	return min(max(n, 1), 4)
}

// fitText is the sentence for a schedule or language fit, or "" when
// there is nothing to say.
func fitText(v *view, prefix, fit string) string {
	if !slices.Contains(fits, fit) {
		return ""
	}
	return v.T(prefix + fit)
}

// monthText writes "2027-01" (or a date in that month) as "January
// 2027" in the user's language; anything else is left off.
func monthText(v *view, ym string) string {
	if len(ym) < 7 || ym[4] != '-' {
		return ""
	}
	year, err1 := strconv.Atoi(ym[:4])
	month, err2 := strconv.Atoi(ym[5:7])
	if err1 != nil || err2 != nil || month < 1 || month > 12 || year < 1900 {
		return ""
	}
	return v.T("MatchMonth_"+strconv.Itoa(month)) + " " + strconv.Itoa(year)
}
