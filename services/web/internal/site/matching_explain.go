package site

import (
	"slices"
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

// whyView is an explanation: its skill groups, and how distance,
// availability, schedule and languages fit.
type whyView struct {
	// Groups are the essential and then the optional skills; a group the
	// role does not ask for is left out.
	Groups    []skillGroupView
	Distance  string
	Available string
	Schedule  string
	Language  string
	// MissingSummary says how many skills are missing, per group ("1
	// essential, 2 optional"), or "" when none is.
	MissingSummary string
}

// skillGroupView is the essential or the optional skills of a role.
type skillGroupView struct {
	Essential bool
	// Heading is "Essential skills"; Asked is "7 asked"; the list headings
	// are "Met (4)", "Partly met (2)" and "Missing (1)", from the counts.
	Heading, Asked                            string
	MetHeading, PartlyHeading, MissingHeading string
	// GapsLabel leads the one-line list of the missing skills, on the
	// roles that fit: "Essential skills missing:".
	GapsLabel            string
	Met, Partly, Missing []skillFitLine
	// RelatedNote says a partly met skill counts through a related skill,
	// which the group's note then explains once.
	RelatedNote bool
}

// skillFitLine is one skill the role asks for. Level draws the
// candidate's own level as dots (0: none drawn); Detail says how it fits
// in words; TrainedIn names where a missing skill is trained.
type skillFitLine struct {
	Label     string
	Level     int
	Detail    string
	TrainedIn string
}

// Gap is a missing skill on one line: "Forklift licence (level 2
// asked) — trained in: Logistics workshop".
func (l skillFitLine) Gap() string {
	s := l.Label + " (" + l.Detail + ")"
	if l.TrainedIn != "" {
		s += " — " + l.TrainedIn
	}
	return s
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
func skillGroupOf(v *view, g api.SkillGroup, essential bool) skillGroupView {
	c := g.Counts
	gv := skillGroupView{Essential: essential, Heading: v.T("MatchGroupOptional"), GapsLabel: v.T("MatchGapsOptional"),
		Asked:      v.T("MatchGroupAsked", "Count", c.Total),
		MetHeading: v.T("MatchListMet", "Count", c.Met), PartlyHeading: v.T("MatchListPartly", "Count", c.Partly),
		MissingHeading: v.T("MatchListMissing", "Count", c.Missing)}
	if essential {
		gv.Heading, gv.GapsLabel = v.T("MatchGroupEssential"), v.T("MatchGapsEssential")
	}
	for _, f := range g.Met {
		gv.Met = append(gv.Met, skillFitLine{Label: skillName(f.Label, f.Skill), Level: clampLevel(f.Level),
			Detail: metText(v, f)})
	}
	for _, f := range g.Partly {
		l := skillFitLine{Label: skillName(f.Label, f.Skill), Detail: partlyText(v, f)}
		if f.Related == nil && f.Level > 0 {
			l.Level = clampLevel(f.Level)
		} else if f.Related != nil {
			gv.RelatedNote = true
		}
		gv.Partly = append(gv.Partly, l)
	}
	for _, f := range g.Missing {
		gv.Missing = append(gv.Missing, skillFitLine{Label: skillName(f.Label, f.Skill),
			Detail: v.T("MatchAskedLevel", "Level", clampLevel(f.RequiredLevel)), TrainedIn: trainedIn(v, f)})
	}
	return gv
}

// metText is a met skill's levels and experience: "level 3, level 2
// asked; 420 hours, attested".
func metText(v *view, f api.SkillFit) string {
	have, want := clampLevel(f.Level), clampLevel(f.RequiredLevel)
	s := v.T("MatchMetAbove", "Level", have, "Limit", want)
	if have <= want {
		s = v.T("MatchMetAsAsked", "Level", have)
	}
	return s + experience(v, f.Hours, f.Attested)
}

// partlyText says in plain words why a skill counts only partly: the
// skill itself below the level asked, or a broader or closely related
// skill instead of it.
func partlyText(v *view, f api.SkillFit) string {
	want := clampLevel(f.RequiredLevel)
	r := f.Related
	relation := ""
	if f.Relation != nil {
		relation = string(*f.Relation)
	}
	if r == nil || (relation != "parent" && relation != "sibling") {
		if f.Level < 1 {
			return v.T("MatchPartlyOther", "Limit", want)
		}
		return v.T("MatchBelowLevel", "Level", clampLevel(f.Level), "Limit", want) + experience(v, f.Hours, f.Attested)
	}
	level, name := clampLevel(r.Level), strings.TrimSpace(r.Label)
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
		s += "; " + v.T("MatchOwnLevel", "Level", clampLevel(f.Level), "Limit", want)
	}
	return s
}

// experience is "; 420 hours, attested", or less when there are no
// hours or no attestation.
func experience(v *view, hours int, attested bool) string {
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
func trainedIn(v *view, f api.SkillFit) string {
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
func programmeText(v *view, kind, name string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	if slices.Contains(programmeKinds, kind) {
		return v.T("StaffKind_" + kind)
	}
	return ""
}
