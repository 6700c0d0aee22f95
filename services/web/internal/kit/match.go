package kit

import (
	"slices"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/pkg/api"
)

// An explanation as every matching surface shows it (the employer's
// shortlist cards, the staff's roles that fit): the role's skills,
// essential first and then optional, each met, partly met with the
// reason in plain words, or missing with where it is trained. The
// service places every skill in exactly one list and counts the lists;
// the page writes its headings from those counts and never counts
// itself, so the headings, the lists and the service's summary agree.

// Why is an explanation: its skill groups, and how distance,
// availability, schedule and languages fit.
type Why struct {
	// Groups are the essential and then the optional skills; a group the
	// role does not ask for is left out.
	Groups    []SkillGroupView
	Distance  string
	Available string
	Schedule  string
	Language  string
	// MissingSummary says how many skills are missing, per group ("1
	// essential, 2 optional"), or "" when none is.
	MissingSummary string
}

// SkillGroupView is the essential or the optional skills of a role.
type SkillGroupView struct {
	Essential bool
	// Heading is "Essential skills"; Asked is "7 asked"; the list headings
	// are "Met (4)", "Partly met (2)" and "Missing (1)", from the counts.
	Heading, Asked                            string
	MetHeading, PartlyHeading, MissingHeading string
	// GapsLabel leads the one-line list of the missing skills, on the
	// roles that fit: "Essential skills missing:".
	GapsLabel            string
	Met, Partly, Missing []SkillFitLine
	// RelatedNote says a partly met skill counts through a related skill,
	// which the group's note then explains once.
	RelatedNote bool
}

// SkillFitLine is one skill the role asks for. Level draws the
// candidate's own level as dots (0: none drawn); Detail says how it fits
// in words; TrainedIn names where a missing skill is trained.
type SkillFitLine struct {
	Label     string
	Level     int
	Detail    string
	TrainedIn string
}

// Gap is a missing skill on one line: "Forklift licence (level 2
// asked) — trained in: Logistics workshop".
func (l SkillFitLine) Gap() string {
	s := l.Label + " (" + l.Detail + ")"
	if l.TrainedIn != "" {
		s += " — " + l.TrainedIn
	}
	return s
}

// WhyOf describes an explanation. Employers see the month a candidate
// is available from; staff (month false) the date the service gives.
func WhyOf(v *View, x api.Explanation, month bool) Why {
	w := Why{Schedule: FitText(v, "MatchSchedule_", string(x.ScheduleFit)), Language: FitText(v, "MatchLanguage_", string(x.LanguageFit))}
	if x.AvailableFrom != "" {
		when := x.AvailableFrom
		if month {
			when = MonthText(v, x.AvailableFrom)
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
	var missing []string
	for _, g := range []struct {
		essential bool
		group     api.SkillGroup
	}{{true, x.Skills.Essential}, {false, x.Skills.Optional}} {
		if g.group.Counts.Total <= 0 {
			continue
		}
		gv := skillGroupOf(v, g.group, g.essential)
		w.Groups = append(w.Groups, gv)
		if n := g.group.Counts.Missing; n > 0 {
			id := "MatchMissingOptional"
			if g.essential {
				id = "MatchMissingEssential"
			}
			missing = append(missing, v.T(id, "Count", n))
		}
	}
	w.MissingSummary = strings.Join(missing, ", ")
	return w
}

// skillGroupOf describes one group, its headings from its counts.
func skillGroupOf(v *View, g api.SkillGroup, essential bool) SkillGroupView {
	c := g.Counts
	gv := SkillGroupView{Essential: essential, Heading: v.T("MatchGroupOptional"), GapsLabel: v.T("MatchGapsOptional"),
		Asked:      v.T("MatchGroupAsked", "Count", c.Total),
		MetHeading: v.T("MatchListMet", "Count", c.Met), PartlyHeading: v.T("MatchListPartly", "Count", c.Partly),
		MissingHeading: v.T("MatchListMissing", "Count", c.Missing)}
	if essential {
		gv.Heading, gv.GapsLabel = v.T("MatchGroupEssential"), v.T("MatchGapsEssential")
	}
	for _, f := range g.Met {
		gv.Met = append(gv.Met, SkillFitLine{Label: SkillName(f.Label, f.Skill), Level: ClampLevel(f.Level),
			Detail: metText(v, f)})
	}
	for _, f := range g.Partly {
		l := SkillFitLine{Label: SkillName(f.Label, f.Skill), Detail: partlyText(v, f)}
		if f.Related == nil && f.Level > 0 {
			l.Level = ClampLevel(f.Level)
		} else if f.Related != nil {
			gv.RelatedNote = true
		}
		gv.Partly = append(gv.Partly, l)
	}
	for _, f := range g.Missing {
		gv.Missing = append(gv.Missing, SkillFitLine{Label: SkillName(f.Label, f.Skill),
			Detail: v.T("MatchAskedLevel", "Level", ClampLevel(f.RequiredLevel)), TrainedIn: trainedIn(v, f)})
	}
	return gv
}

// metText is a met skill's levels and experience: "level 3, level 2
// asked; 420 hours, attested".
func metText(v *View, f api.SkillFit) string {
	have, want := ClampLevel(f.Level), ClampLevel(f.RequiredLevel)
	s := v.T("MatchMetAbove", "Level", have, "Limit", want)
	if have <= want {
		s = v.T("MatchMetAsAsked", "Level", have)
	}
	return s + experience(v, f.Hours, f.Attested)
}

// partlyText says in plain words why a skill counts only partly: the
// skill itself below the level asked, or a broader or closely related
// skill instead of it.
func partlyText(v *View, f api.SkillFit) string {
	want := ClampLevel(f.RequiredLevel)
	r := f.Related
	relation := ""
	if f.Relation != nil {
		relation = string(*f.Relation)
	}
	if r == nil || (relation != "parent" && relation != "sibling") {
		if f.Level < 1 {
			return v.T("MatchPartlyOther", "Limit", want)
		}
		return v.T("MatchBelowLevel", "Level", ClampLevel(f.Level), "Limit", want) + experience(v, f.Hours, f.Attested)
	}
	level, name := ClampLevel(r.Level), strings.TrimSpace(r.Label)
	var s string
	switch {
	case relation == "parent" && name != "":
		s = v.T("MatchRelParent", "Name", name, "Level", level)
	case relation == "parent":
		s = v.T("MatchRelParentUnnamed", "Level", level)
	case name == "":
		s = v.T("MatchRelSiblingUnnamed", "Level", level)
	case r.Family != nil && strings.TrimSpace(r.Family.Label) != "":
		s = v.T("MatchRelSibling", "Name", name, "Level", level, "Text", strings.TrimSpace(r.Family.Label))
	default:
		s = v.T("MatchRelSiblingNoFamily", "Name", name, "Level", level)
	}
	if f.Level > 0 {
		s += "; " + v.T("MatchOwnLevel", "Level", ClampLevel(f.Level), "Limit", want)
	}
	return s
}

// experience is "; 420 hours, attested", or less when there are no
// hours or no attestation.
func experience(v *View, hours int, attested bool) string {
	var parts []string
	if hours > 0 {
		parts = append(parts, v.T("MatchHours", "Count", hours))
	}
	if attested {
		parts = append(parts, v.T("MatchAttested"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ")
}

// trainedIn names the programmes on the platform that train a skill:
// "trained in: Logistics workshop, Gent house", or "" for none.
func trainedIn(v *View, f api.SkillFit) string {
	var where []string
	for _, p := range f.Programmes {
		if name := programmeText(v, p.Kind, p.Name); name != "" && !slices.Contains(where, name) {
			where = append(where, name)
		}
	}
	if len(where) == 0 {
		return ""
	}
	return v.T("MatchTrainedIn", "List", strings.Join(where, ", "))
}

// programmeText names a programme that trains a skill: by its name, or
// else by its kind of work.
func programmeText(v *View, kind, name string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	if slices.Contains(ProgrammeKinds, kind) {
		return v.T("StaffKind_" + kind)
	}
	return ""
}

// The shortlist's cards and explanations as the templates show them:
// every text already in the user's language, and only what the service's
// pseudonymous card holds.

// MatchCard is one candidate on the employer's shortlist.
type MatchCard struct {
	Alias, Summary   string
	Near             bool
	Skills           []CardSkill
	Certificates     []string
	Languages        []string
	AvailableFrom    string
	Distance         string
	DayRelease       bool
	ScheduleFit      string
	Programmes       []string
	Why              Why
	WhyID, MissingID string
}

// CardSkill is a skill on a card: its level as dots and in words,
// its hours, and whether a supervisor attested it.
type CardSkill struct {
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

// MatchCardOf turns a shortlist entry into its card. n numbers the card
// on the page, for the ids of its details.
func MatchCardOf(v *View, e api.ShortlistEntry, n int) MatchCard {
	k := e.Card
	alias := k.Alias
	if alias == "" {
		alias = e.Alias
	}
	c := MatchCard{
		Alias: alias, Summary: e.Explanation.Summary, Near: e.Match == api.ShortlistEntryMatchNear,
		Certificates: k.Certificates, AvailableFrom: MonthText(v, k.AvailableMonth),
		DayRelease: k.DayRelease, ScheduleFit: FitText(v, "MatchSchedule_", string(k.ScheduleFit)),
		Why:   WhyOf(v, e.Explanation, true),
		WhyID: "why-" + strconv.Itoa(n), MissingID: "missing-" + strconv.Itoa(n),
	}
	for _, s := range k.Skills {
		lvl := ClampLevel(s.Level)
		c.Skills = append(c.Skills, CardSkill{Label: SkillName(s.Label, s.Skill), Level: lvl,
			LevelOf: v.T("LevelOf", "Level", lvl), Hours: max(s.Hours, 0), Attested: s.Attested})
	}
	for _, l := range k.Languages {
		c.Languages = append(c.Languages, strings.TrimSpace(LanguageName(v, l.Code)+" "+l.Level))
	}
	switch band := string(k.DistanceBand); {
	case band == "remote":
		c.Distance = v.T("MatchRemote")
	case band == string(api.CandidateCardDistanceBandWithinLimit):
		// Someone who lives in a house: never a band, which would place it.
		c.Distance = v.T("MatchWithinLimit")
	case slices.Contains(distanceBands, band):
		c.Distance = v.T("MatchDistanceBand", "Text", band)
	}
	for _, kind := range k.ProgrammeKinds {
		if slices.Contains(ProgrammeKinds, kind) {
			c.Programmes = append(c.Programmes, v.T("MatchTrainedKind_"+kind))
		}
	}
	return c
}

// SkillName is a skill's label, or its id when the service sent none.
func SkillName(label, id string) string {
	if label != "" {
		return label
	}
	return id
}

// ClampLevel keeps a level inside 1..4, the scale the dots draw.
func ClampLevel(n int) int {
	return min(max(n, 1), 4)
}

// FitText is the sentence for a schedule or language fit, or "" when
// there is nothing to say.
func FitText(v *View, prefix, fit string) string {
	if !slices.Contains(fits, fit) {
		return ""
	}
	return v.T(prefix + fit)
}

// MonthText writes "2027-01" (or a date in that month) as "January
// 2027" in the user's language; anything else is left off.
func MonthText(v *View, ym string) string {
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
