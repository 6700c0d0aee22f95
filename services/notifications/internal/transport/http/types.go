package http

import (
	"encoding/json"
	"time"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// handoffRequest is the body of POST /internal/v1/messages.
type handoffRequest struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	To   struct {
		Email          string `json:"email"`
		Language       string `json:"language"`
		UserID         string `json:"user_id"`
		OrganisationID string `json:"organisation_id"`
		CandidateID    string `json:"candidate_id"`
	} `json:"to"`
	Params struct {
		Link         string `json:"link"`
		Organisation string `json:"organisation"`
	} `json:"params"`
}

func (r handoffRequest) toHandoff() service.Handoff {
	return service.Handoff{ID: r.ID, Kind: r.Kind, Email: r.To.Email, Language: r.To.Language, UserID: r.To.UserID,
		OrgID: r.To.OrganisationID, Link: r.Params.Link, Organisation: r.Params.Organisation, CandidateID: r.To.CandidateID}
}

// itemResponse is one inbox entry.
type itemResponse struct {
	ID        string     `json:"id"`
	Kind      string     `json:"kind"`
	Message   string     `json:"message"`
	Link      string     `json:"link"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at"`
}

func toItemResponse(e service.InboxEntry) itemResponse {
	out := itemResponse{ID: e.ID, Kind: e.Kind, Message: e.Message, Link: e.Link, CreatedAt: e.CreatedAt}
	if !e.ReadAt.IsZero() {
		at := e.ReadAt
		out.ReadAt = &at
	}
	return out
}

type inboxResponse struct {
	Items      []itemResponse `json:"items"`
	Unread     int            `json:"unread"`
	NextCursor string         `json:"next_cursor,omitempty"`
}

type unreadResponse struct {
	Unread int `json:"unread"`
}

// settingsBody is the writable part of the preferences; defaults may be
// sent back as read and are ignored.
type settingsBody struct {
	Kinds          map[string]string `json:"kinds"`
	DigestHour     *int              `json:"digest_hour"`
	TimeZone       string            `json:"time_zone"`
	Defaults       json.RawMessage   `json:"defaults,omitempty"`
	OrganisationID string            `json:"organisation_id,omitempty"`
}

func (b settingsBody) toSettings() domain.Settings {
	s := domain.Settings{Kinds: map[string]domain.Frequency{}, DigestHour: b.DigestHour, TimeZone: b.TimeZone}
	for k, f := range b.Kinds {
		s.Kinds[k] = domain.Frequency(f)
	}
	return s
}

type settingsResponse struct {
	Kinds      map[string]string `json:"kinds"`
	DigestHour int               `json:"digest_hour"`
	TimeZone   string            `json:"time_zone"`
}

func toSettingsResponse(e domain.Effective) settingsResponse {
	out := settingsResponse{Kinds: map[string]string{}, DigestHour: e.DigestHour, TimeZone: e.TimeZone}
	for k, f := range e.Kinds {
		out.Kinds[k] = string(f)
	}
	return out
}

type preferencesResponse struct {
	settingsResponse
	Defaults settingsResponse `json:"defaults"`
}

// deliveryResponse is one delivery as administrators see it: no content,
// no address.
type deliveryResponse struct {
	ID        string     `json:"id"`
	Kind      string     `json:"kind"`
	UserID    string     `json:"user_id,omitempty"`
	Channel   string     `json:"channel"`
	Status    string     `json:"status"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"last_error,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at,omitempty"`
}

func toDeliveryResponse(d domain.Delivery) deliveryResponse {
	out := deliveryResponse{ID: d.ID, Kind: d.Kind, UserID: d.UserID, Channel: d.Channel, Status: string(d.Status),
		Attempts: d.Attempts, LastError: d.LastError, CreatedAt: d.CreatedAt}
	if !d.SentAt.IsZero() {
		at := d.SentAt
		out.SentAt = &at
	}
	return out
}
