package http

import (
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/lru"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// encodedPage is one answered shortlist page as JSON, with the statements
// its cards showed, so that a statement approved or withdrawn since is
// never served from it.
type encodedPage struct {
	body       []byte
	candidates []string
	statements []string
}

// shortlistPageJSON returns the JSON of one page of sl, from the page
// cache when the same page of the same write of the list (its stamp) was
// answered before in the same language on the same day and its cards'
// statements are unchanged. A page of a list without a stamp is never
// cached. Access has been checked by the caller.
func (m *matching) shortlistPageJSON(sl results.Shortlist, q shortlistQuery, lang skills.Lang, today engine.Day) ([]byte, error) {
	key := ""
	if m.pages != nil && sl.Stamp != "" {
		key = shortlistPageKey(sl, q, lang, today)
		if p, ok := m.pages.Get(key); ok && m.sameStatements(p) {
			return p.body, nil
		}
	}
	page, err := pageShortlist(sl, q, today)
	if err != nil {
		return nil, err
	}
	resp := toShortlistResponse(m.taxonomy, sl, page, lang, m.statementOf)
	body, err := m.encode(resp)
	if err != nil {
		return nil, err
	}
	if key != "" {
		p := encodedPage{body: body, candidates: make([]string, len(page.entries)), statements: make([]string, len(page.entries))}
		for i, e := range page.entries {
			p.candidates[i], p.statements[i] = e.CandidateID, resp.Items[i].Card.Statement
		}
		m.pages.Put(key, p)
	}
	return body, nil
}

// sameStatements reports whether every card of p would show the statement
// it showed when p was encoded.
func (m *matching) sameStatements(p encodedPage) bool {
	for i, id := range p.candidates {
		if m.statementOf(id) != p.statements[i] {
			return false
		}
	}
	return true
}

// shortlistPageKey names one page of one write of a role's list: the
// stamp, the language, the day (available_within_weeks counts from it),
// the filters, the cursor and the limit.
func shortlistPageKey(sl results.Shortlist, q shortlistQuery, lang skills.Lang, today engine.Day) string {
	var b strings.Builder
	b.Grow(len(sl.RoleID) + len(sl.Stamp) + 64)
	b.WriteString(sl.RoleID)
	b.WriteByte('|')
	b.WriteString(sl.Stamp)
	b.WriteByte('|')
	b.WriteString(string(lang))
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(int(today)))
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(q.Limit))
	b.WriteByte('|')
	if q.Cursor != nil {
		b.WriteString(encodeCursor(q.Cursor.Full, q.Cursor.Score, q.Cursor.ID))
	}
	b.WriteByte('|')
	b.WriteString(strconv.FormatBool(q.FullOnly))
	b.WriteByte('|')
	if q.DayRelease != nil {
		b.WriteString(strconv.FormatBool(*q.DayRelease))
	}
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(q.Weeks))
	return b.String()
}

// newPageCache returns a cache of size encoded pages, nil for size 0.
func newPageCache(size int) *lru.Cache[encodedPage] {
	if size <= 0 {
		return nil
	}
	return lru.New[encodedPage](size)
}
