package http

import (
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
	"github.com/onward-jobs/onward/services/placements/internal/service"
)

func ptr[T any](v T) *T { return &v }

// optional is nil for a zero value, so it is left out of the JSON.
func optional[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// toIntroduction renders an introduction for p: the candidate's id and
// organisation only for the candidate's staff, platform admins and the
// candidate themself, the decline reason and who answered (staff or the
// candidate themself) likewise, the disclosure only once
// accepted.
func toIntroduction(p auth.Principal, in domain.Introduction) api.Introduction {
	full := service.SeesCandidate(p, in.CandidateOrgID, in.CandidateID)
	out := api.Introduction{
		ID: in.ID, Version: in.Version, RoleID: in.RoleID, RoleTitle: optional(in.RoleTitle), EmployerOrgID: in.EmployerOrgID, EmployerName: optional(in.EmployerName), CandidateAlias: in.CandidateAlias,
		Status: api.IntroductionStatus(in.Status), Message: ptr(in.Message), RequestedAt: in.RequestedAt,
		RequestedBy: optional(in.RequestedBy), ExpiresAt: in.ExpiresAt, ClosedAt: optionalTime(in.ClosedAt),
		Meeting:     api.MeetingProposal{Mode: api.MeetingMode(in.Meeting.Mode), Windows: []api.TimeWindow{}},
		PlacementID: optional(in.PlacementID),
	}
	for _, w := range in.Meeting.Windows {
		out.Meeting.Windows = append(out.Meeting.Windows, api.TimeWindow{Start: w.Start, End: w.End})
	}
	flags := make([]api.WordingFlag, 0, len(in.MessageWarnings))
	for _, f := range in.MessageWarnings {
		flags = append(flags, api.WordingFlag{Phrase: ptr(f.Phrase), Start: ptr(f.Start), End: ptr(f.End), Suggestion: optional(f.Suggestion),
			Reason: optional(f.Reason), Category: optional(api.WordingFlagCategory(f.Category))})
	}
	out.MessageWarnings = &flags
	if full {
		out.CandidateID, out.CandidateOrgID = ptr(in.CandidateID), ptr(in.CandidateOrgID)
	}
	if in.Status == domain.StatusAccepted || in.Status == domain.StatusDeclined {
		a := &api.IntroductionAnswer{Accept: in.Status == domain.StatusAccepted, AnsweredAt: in.AnsweredAt}
		if in.Status == domain.StatusAccepted {
			fields := make([]api.DisclosedField, 0, len(in.Disclose))
			for _, f := range in.Disclose {
				fields = append(fields, api.DisclosedField(f))
			}
			a.Disclose, a.Contact, a.ConsentTextVersion = &fields, optional(api.ContactRoute(in.Contact)), optional(in.ConsentTextVersion)
			out.DisclosureID = optional(in.DisclosureID)
		}
		if full {
			a.AnsweredBy = optional(in.AnsweredBy)
			a.AnsweredByCandidate = ptr(in.AnsweredByCandidate)
			a.DeclineReason = optional(api.DeclineReason(in.DeclineReason))
		}
		out.Answer = a
	}
	if o := in.Outcome; o != nil {
		out.Outcome = &api.MeetingOutcome{Outcome: api.MeetingOutcomeKind(o.Outcome), Reason: optional(api.NotHiredReason(o.Reason)),
			Side: api.PartySide(o.Side), RecordedBy: optional(o.RecordedBy), RecordedAt: o.RecordedAt}
	}
	return out
}

func toMessage(m domain.Message) api.IntroductionMessage {
	return api.IntroductionMessage{ID: m.ID, IntroductionID: m.IntroductionID, Side: api.PartySide(m.Side), AuthorID: m.AuthorID,
		Text: m.Text, SentAt: m.CreatedAt}
}

// toPlacement renders a placement for p; the candidate's id and
// organisation only for the candidate's staff and platform admins.
func toPlacement(p auth.Principal, pl domain.Placement) api.Placement {
	out := api.Placement{
		ID: pl.ID, Version: pl.Version, IntroductionID: pl.IntroductionID, RoleID: pl.RoleID, RoleTitle: optional(pl.RoleTitle), EmployerOrgID: pl.EmployerOrgID, EmployerName: optional(pl.EmployerName),
		CandidateAlias: pl.CandidateAlias, StartDate: pl.StartDate, Contract: api.ContractKind(pl.Contract),
		HoursPerWeek: pl.HoursPerWeek, Status: api.PlacementStatus(pl.Status), StillLooking: pl.StillLooking,
		EndedOn: optional(pl.EndedOn), EndReason: optional(api.EndReason(pl.EndReason)), CreatedAt: pl.CreatedAt,
	}
	if service.SeesCandidate(p, pl.CandidateOrgID, pl.CandidateID) {
		out.CandidateID, out.CandidateOrgID = ptr(pl.CandidateID), ptr(pl.CandidateOrgID)
	}
	return out
}

// toFollowUp renders a follow-up for p at now.
func toFollowUp(p auth.Principal, f domain.FollowUp, now time.Time) api.FollowUp {
	out := api.FollowUp{
		ID: f.ID, PlacementID: f.PlacementID, IntroductionID: f.IntroductionID, RoleID: f.RoleID, RoleTitle: optional(f.RoleTitle), CandidateAlias: f.CandidateAlias,
		Audience: api.PartySide(f.Audience), Day: api.FollowUpDay(f.Day), DueOn: f.DueOn(), Status: api.FollowUpStatus(f.Status),
		Overdue: f.Overdue(now), StillWorking: f.StillWorking, Reason: optional(api.EndReason(f.Reason)),
		AnsweredAt: optionalTime(f.AnsweredAt), AnsweredBy: optional(f.AnsweredBy),
	}
	if service.SeesCandidate(p, f.CandidateOrgID, f.CandidateID) {
		out.CandidateID = ptr(f.CandidateID)
	}
	return out
}

func toParties(in domain.Introduction) api.IntroductionParties {
	out := api.IntroductionParties{ID: in.ID, RoleID: in.RoleID, EmployerOrgID: in.EmployerOrgID, CandidateID: in.CandidateID,
		CandidateOrgID: in.CandidateOrgID, Status: api.IntroductionStatus(in.Status)}
	if in.Outcome != nil {
		out.OutcomeSide = ptr(api.PartySide(in.Outcome.Side))
	}
	return out
}

// toRecord renders a candidate's record for the export: in full, as a
// platform admin would see it.
func toRecord(rec domain.CandidateRecord, now time.Time) api.PlacementRecord {
	admin := auth.Principal{Role: auth.RoleAdmin}
	out := api.PlacementRecord{Introductions: []api.Introduction{}, Messages: []api.IntroductionMessage{},
		Placements: []api.Placement{}, Followups: []api.FollowUp{}}
	for _, in := range rec.Introductions {
		out.Introductions = append(out.Introductions, toIntroduction(admin, in))
	}
	for _, m := range rec.Messages {
		out.Messages = append(out.Messages, toMessage(m))
	}
	for _, pl := range rec.Placements {
		out.Placements = append(out.Placements, toPlacement(admin, pl))
	}
	for _, f := range rec.FollowUps {
		out.Followups = append(out.Followups, toFollowUp(admin, f, now))
	}
	return out
}
