package portfolio

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Limits the candidates service applies too; checking them here saves a
// round trip on a poor connection.
const (
	maxAttestHours   = 10000
	maxEvidenceRunes = 1000
)

// attestFields are the form's fields in page order, for the error summary.
var attestFields = []string{"programme", "skill", "level", "hours", "evidence", "date"}

// readAttestForm checks the form and turns it into the API's input,
// putting problems next to their fields.
func readAttestForm(v *kit.View) (api.AttestationInput, bool) {
	in := api.AttestationInput{Skill: v.Val("skill"), Programme: v.Val("programme")}
	if in.Programme == "" {
		v.AddError("programme", v.T("PortfolioErrProgramme"))
	}
	if in.Skill == "" {
		v.AddError("skill", v.T("PortfolioErrSkill"))
	}
	level, err := strconv.Atoi(v.Val("level"))
	if err != nil || level < 1 || level > 4 {
		v.AddError("level", v.T("PortfolioErrLevel"))
	}
	in.Level = level
	hours, err := strconv.Atoi(v.Val("hours"))
	if err != nil || hours < 0 || hours > maxAttestHours {
		v.AddError("hours", v.T("PortfolioErrHours", "Max", maxAttestHours))
	}
	in.Hours = &hours
	if evidence := v.Val("evidence"); evidence != "" {
		if utf8.RuneCountInString(evidence) > maxEvidenceRunes {
			v.AddError("evidence", v.T("PortfolioErrEvidence", "Max", maxEvidenceRunes))
		}
		in.Evidence = &evidence
	}
	if date := v.Val("date"); date != "" {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			v.AddError("date", v.T("PortfolioErrDate"))
		}
		in.Date = &date
	}
	return in, len(v.Errors) == 0
}

// attestProblem puts the service's field errors next to their fields.
func attestProblem(v *kit.View, problem *kit.Problem) {
	for _, fe := range problem.Errors {
		if slices.Contains(attestFields, fe.Field) {
			v.AddError(fe.Field, attestFieldMessage(v, fe))
		}
	}
	v.Alert = v.T("ErrCheckFields")
	if len(v.Errors) == 0 {
		v.Alert = v.T("PortfolioAttestRefused")
	}
}

// attestFieldMessage words one of the service's field errors for the user.
func attestFieldMessage(v *kit.View, fe errs.FieldError) string {
	switch fe.Field {
	case "programme":
		return v.T("PortfolioErrProgramme")
	case "skill":
		return v.T("PortfolioErrSkillUnknown")
	case "level":
		return v.T("PortfolioErrLevel")
	case "hours":
		return v.T("PortfolioErrHours", "Max", maxAttestHours)
	case "evidence":
		return v.T("PortfolioErrEvidence", "Max", maxEvidenceRunes)
	case "date":
		if strings.Contains(fe.Message, "future") {
			return v.T("PortfolioErrDateFuture")
		}
		return v.T("PortfolioErrDate")
	}
	return v.T("ErrFieldInvalid")
}
