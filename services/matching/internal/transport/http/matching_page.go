package http

import (
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// shortlistPage is one page of a filtered shortlist.
type shortlistPage struct {
	entries []results.ShortlistEntry
	total   int
	next    string
}

// pageShortlist applies the filters to the stored top 100 and cuts the
// page the cursor and limit name.
func pageShortlist(sl results.Shortlist, q shortlistQuery, today engine.Day) (shortlistPage, error) {
	kept := make([]results.ShortlistEntry, 0, len(sl.Entries))
	for _, e := range sl.Entries {
		if keepEntry(e, q, today) {
			kept = append(kept, e)
		}
	}
	start := startAfter(q.Cursor, len(kept), func(i int) (bool, int, string) {
		return kept[i].Match == engine.MatchFull, kept[i].Score, kept[i].CandidateRef
	})
	end := min(start+q.Limit, len(kept))
	p := shortlistPage{entries: kept[start:end], total: len(kept)}
	if end < len(kept) {
		last := kept[end-1]
		p.next = encodeCursor(last.Match == engine.MatchFull, last.Score, last.CandidateRef)
	}
	return p, nil
}

// keepEntry applies full_only, day_release and available_within_weeks.
func keepEntry(e results.ShortlistEntry, q shortlistQuery, today engine.Day) bool {
	if q.FullOnly && e.Match != engine.MatchFull {
		return false
	}
	if q.DayRelease != nil && e.Explanation.DayRelease != *q.DayRelease {
		return false
	}
	if q.Weeks > 0 && e.Explanation.AvailableFrom > today+engine.Day(7*q.Weeks) {
		return false
	}
	return true
}

// suggestionsPage is one page of a candidate's suggestions.
type suggestionsPage struct {
	entries []results.SuggestionEntry
	total   int
	next    string
}

func pageSuggestions(sg results.Suggestions, q pageQuery) (suggestionsPage, error) {
	all := sg.Entries
	start := startAfter(q.Cursor, len(all), func(i int) (bool, int, string) {
		return all[i].Match == engine.MatchFull, all[i].Score, all[i].RoleID
	})
	end := min(start+q.Limit, len(all))
	p := suggestionsPage{entries: all[start:end], total: len(all)}
	if end < len(all) {
		last := all[end-1]
		p.next = encodeCursor(last.Match == engine.MatchFull, last.Score, last.RoleID)
	}
	return p, nil
}
