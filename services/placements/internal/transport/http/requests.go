package http

import (
	"strconv"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// Requests are decoded strictly (unknown fields refused); a required
// boolean is a pointer, so a missing one is told from false.

type windowBody struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type askBody struct {
	CandidateRef string `json:"candidate_ref"`
	Message      string `json:"message"`
	Meeting      struct {
		Mode    string       `json:"mode"`
		Windows []windowBody `json:"windows"`
	} `json:"meeting"`
}

func (b askBody) toAsk() (domain.Ask, error) {
	a := domain.Ask{CandidateRef: b.CandidateRef, Message: b.Message, Meeting: domain.Meeting{Mode: b.Meeting.Mode}}
	for i, w := range b.Meeting.Windows {
		start, err1 := time.Parse(time.RFC3339, w.Start)
		end, err2 := time.Parse(time.RFC3339, w.End)
		if err1 != nil || err2 != nil {
			return a, errs.Invalid("meeting.windows["+strconv.Itoa(i)+"]", "needs a start and an end in RFC 3339")
		}
		a.Meeting.Windows = append(a.Meeting.Windows, domain.Window{Start: start, End: end})
	}
	return a, nil
}

type answerBody struct {
	Accept             *bool    `json:"accept"`
	ConsentTextVersion string   `json:"consent_text_version"`
	Disclose           []string `json:"disclose"`
	Contact            string   `json:"contact"`
	DeclineReason      string   `json:"decline_reason"`
}

func (b answerBody) toAnswer() (domain.Answer, error) {
	if b.Accept == nil {
		return domain.Answer{}, errs.Invalid("accept", "is required")
	}
	return domain.Answer{Accept: *b.Accept, ConsentTextVersion: b.ConsentTextVersion, Disclose: b.Disclose,
		Contact: b.Contact, DeclineReason: b.DeclineReason}, nil
}

type messageBody struct {
	Text string `json:"text"`
}

type outcomeBody struct {
	Outcome   string `json:"outcome"`
	Reason    string `json:"reason"`
	Placement *struct {
		StartDate    string `json:"start_date"`
		Contract     string `json:"contract"`
		HoursPerWeek int    `json:"hours_per_week"`
	} `json:"placement"`
}

func (b outcomeBody) toReport() domain.OutcomeReport {
	r := domain.OutcomeReport{Outcome: b.Outcome, Reason: b.Reason}
	if b.Placement != nil {
		r.Placement = &domain.PlacementTerms{StartDate: b.Placement.StartDate, Contract: b.Placement.Contract, HoursPerWeek: b.Placement.HoursPerWeek}
	}
	return r
}

type endBody struct {
	EndedOn string `json:"ended_on"`
	Reason  string `json:"reason"`
}

type stillLookingBody struct {
	StillLooking *bool `json:"still_looking"`
}

type followUpBody struct {
	StillWorking *bool  `json:"still_working"`
	Reason       string `json:"reason"`
}
