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
	Alias, Summary      string
	Near                bool
	Skills              []cardSkillLine
	Certificates        []string
	Languages           []string
	AvailableFrom       string
	Distance            string
	DayRelease          bool
	ScheduleFit         string
	Programmes          []string
	Why                 whyView
	WhyID, MissingID    string
	MissingCount        int
	HasEssentialMissing bool
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

// whyView is an explanation: the skills that match and those missing,
// and how distance, schedule and languages fit.
type whyView struct {
	Matched   []matchedLine
	Missing   []missingLine
	Distance  string
	Available string
	Schedule  string
	Language  string
}

// matchedLine is a matched skill: the candidate's level against the
// role's.
type matchedLine struct {
	Label, Levels, Via string
	Level              int
	Essential          bool
}

// missingLine is a missing skill with where it is trained.
type missingLine struct {
	Label, Needs, TrainedIn string
	Essential               bool
}

// Text is the gap on one line: "Forklift licence (level 2) — trained in:
// Logistics workshop".
func (m missingLine) Text() string {
	s := m.Label + " (" + m.Needs + ")"
	if m.TrainedIn != "" {
		s += " — " + m.TrainedIn
	}
	return s
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
	c.MissingCount = len(c.Why.Missing)
	for _, m := range c.Why.Missing {
		c.HasEssentialMissing = c.HasEssentialMissing || m.Essential
	}
	return c
}

// whyOf describes an explanation. Employers see the month a candidate
// is available from; staff (month false) the date the service gives.
func whyOf(v *view, x explanation, month bool) whyView {
	w := whyView{Schedule: fitText(v, "MatchSchedule_", x.ScheduleFit), Language: fitText(v, "MatchLanguage_", x.LanguageFit)}
	if x.AvailableFrom != "" {
		when := x.AvailableFrom
		if month {
			when = monthText(v, x.AvailableFrom)
		}
		if when != "" {
			w.Available = v.T("MatchAvailableLine", "Text", when)
		}
	}
	switch d := x.DistanceKm; {
	case d == nil:
	case *d < 0:
		w.Distance = v.T("MatchRemote")
	default:
		w.Distance = v.T("MatchDistanceKm", "Count", *d)
	}
	for _, s := range x.MatchedSkills {
		have, want := clampLevel(s.CandidateLevel), clampLevel(s.RequiredLevel)
		l := matchedLine{Label: skillName(s.Label, s.Skill), Level: have, Essential: s.Essential,
			Levels: v.T("LevelOf", "Level", have) + " · " + v.T("MatchAskedLevel", "Level", want)}
		if s.Via == "parent" || s.Via == "sibling" {
			l.Via = v.T("MatchVia_" + s.Via)
		}
		w.Matched = append(w.Matched, l)
	}
	for _, s := range x.MissingSkills {
		l := missingLine{Label: skillName(s.Label, s.Skill), Essential: s.Essential,
			Needs: v.T("MatchAskedLevel", "Level", clampLevel(s.RequiredLevel))}
		var where []string
		for _, p := range s.Programmes {
			if name := programmeText(v, p); name != "" && !slices.Contains(where, name) {
				where = append(where, name)
			}
		}
		if len(where) > 0 {
			l.TrainedIn = v.T("MatchTrainedIn", "List", strings.Join(where, ", "))
		}
		w.Missing = append(w.Missing, l)
	}
	return w
}

// programmeText names a programme that trains a skill: by its name, or
// else by its kind of work.
func programmeText(v *view, p trainingProgramme) string {
	if name := strings.TrimSpace(p.Name); name != "" {
		return name
	}
	if slices.Contains(programmeKinds, p.Kind) {
		return v.T("StaffKind_" + p.Kind)
	}
	return ""
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
