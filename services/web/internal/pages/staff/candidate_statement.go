package staff

import (
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// statementNoteMax is the longest review note the API takes.
const statementNoteMax = 280

// statementView is the candidate page's "In their own words" section: the
// statement, its review state, and the words the checker flagged, shown
// marked in the text so the reviewer sees them where they stand.
type statementView struct {
	Status, WrittenOn, ReviewedOn, Note string
	// Parts are the text cut at the flags: a flagged part has its kind.
	Parts   []statementPart
	Flags   []statementPart
	Version int64
	NoteMax int
	// Done and Error are the outcome of a review just sent.
	Done, Error string
}

// statementPart is a stretch of the statement; Kind is the checker's
// reason (name, place, digits) when it flagged it.
type statementPart struct{ Text, Kind string }

// statementFlagKinds are the checker's reasons, as the API spells them;
// each is worded by StatementFlag_<kind>.
var statementFlagKinds = []string{
	string(api.StatementFlagKindName), string(api.StatementFlagKindPlace), string(api.StatementFlagKindDigits),
}

// statementOf is the section for a candidate's statement, nil when there
// is none.
func statementOf(v *kit.View, k api.Candidate) *statementView {
	s := k.Statement
	if s == nil {
		return nil
	}
	out := &statementView{Status: string(s.Status), WrittenOn: dateOf(s.WrittenAt), Note: kit.Deref(s.Note),
		Version: k.Version, NoteMax: statementNoteMax, Parts: statementParts(s.Text, s.Flags)}
	if s.ReviewedAt != nil {
		out.ReviewedOn = dateOf(*s.ReviewedAt)
	}
	for _, p := range out.Parts {
		if p.Kind != "" {
			out.Flags = append(out.Flags, p)
		}
	}
	return out
}

// statementParts cuts text at the flags, whose offsets count runes. A
// flag out of range or overlapping the one before is left out: the text
// is always shown whole.
func statementParts(text string, flags []api.StatementFlag) []statementPart {
	runes := []rune(text)
	var out []statementPart
	at := 0
	for _, f := range flags {
		if f.Start < at || f.End > len(runes) || f.Start >= f.End {
			continue
		}
		if f.Start > at {
			out = append(out, statementPart{Text: string(runes[at:f.Start])})
		}
		kind := string(f.Kind)
		if !slices.Contains(statementFlagKinds, kind) {
			kind = string(api.StatementFlagKindName)
		}
		out = append(out, statementPart{Text: string(runes[f.Start:f.End]), Kind: kind})
		at = f.End
	}
	if at < len(runes) {
		out = append(out, statementPart{Text: string(runes[at:])})
	}
	return out
}

// ReviewStatement is POST /candidates/:id/statement/review: approve or
// reject the pending statement. A rejection needs a note; the page says
// so before asking the API, which rules the same. A statement changed or
// already reviewed meanwhile (409) sends the reviewer back to read it.
func (p *Pages) ReviewStatement(c *fiber.Ctx) error {
	id := c.Params("id")
	decision := c.FormValue("decision")
	note := kit.FormText(c, "note")
	version, _ := strconv.ParseInt(c.FormValue("version"), 10, 64)
	problem := ""
	switch {
	case decision != "approve" && decision != "reject":
		problem = "StatementReviewErrDecision"
	case decision == "reject" && note == "":
		problem = "StatementReviewErrNote"
	case utf8.RuneCountInString(note) > statementNoteMax:
		problem = "StatementReviewErrNoteLong"
	}
	if problem == "" {
		body := api.ReviewCandidateStatementJSONRequestBody{Decision: api.ReviewCandidateStatementJSONBodyDecision(decision), Version: version}
		if note != "" {
			body.Note = &note
		}
		_, err := p.kit.API.ReviewCandidateStatementWithResponse(kit.Ctx(c), id, body)
		switch {
		case err == nil:
			return c.Redirect(candidateURL(id)+"?statement="+decision+"#statement", fiber.StatusSeeOther)
		case errors.Is(err, errs.Conflict):
			return c.Redirect(candidateURL(id)+"?statement=changed#statement", fiber.StatusSeeOther)
		case !errors.Is(err, errs.InvalidArgument):
			var ap *kit.Problem
			if !errors.As(err, &ap) || ap.Status != fiber.StatusBadRequest {
				return p.kit.ErrorPage(c, err)
			}
		}
		problem = "StatementReviewErrNote"
	}
	return c.Redirect(candidateURL(id)+"?statement_error="+problem+"#statement", fiber.StatusSeeOther)
}

// statementErrors are the problems a refused review redirects with, by
// message id; anything else in the address is ignored.
var statementErrors = []string{"StatementReviewErrDecision", "StatementReviewErrNote", "StatementReviewErrNoteLong"}

// statementNotice is the notice or alert the candidate page shows after a
// review redirects to it.
func statementNotice(c *fiber.Ctx, v *kit.View, s *statementView) {
	if s == nil {
		return
	}
	if e := c.Query("statement_error"); slices.Contains(statementErrors, e) {
		s.Error = v.T(e, "Max", statementNoteMax)
	}
	if r := c.Query("statement"); slices.Contains([]string{"approve", "reject", "changed"}, r) {
		s.Done = v.T("StatementReviewDone_" + r)
	}
}
