package service

import (
	"context"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// InboxEntry is an inbox item with its message rendered for the reader.
type InboxEntry struct {
	domain.InboxItem
	Message string
}

// InboxPage is one page of a user's inbox and their unread count.
type InboxPage struct {
	Items  []InboxEntry
	Next   string
	Unread int
}

// Inbox returns a page of the caller's inbox, newest first, with messages in
// lang (the caller's own language when lang is empty).
func (s *Service) Inbox(ctx context.Context, p auth.Principal, unread bool, lang string, page mongox.PageRequest) (InboxPage, error) {
	if err := requireUser(p); err != nil {
		return InboxPage{}, err
	}
	items, next, err := s.d.Inbox.ListItems(ctx, p.Subject, unread, page)
	if err != nil {
		return InboxPage{}, err
	}
	n, err := s.d.Inbox.CountUnread(ctx, p.Subject)
	if err != nil {
		return InboxPage{}, err
	}
	lang = s.readerLanguage(ctx, p.Subject, lang)
	titles := map[string]string{}
	out := InboxPage{Items: make([]InboxEntry, 0, len(items)), Next: next, Unread: n}
	for _, it := range items {
		out.Items = append(out.Items, InboxEntry{InboxItem: it, Message: s.d.Catalog.Message(lang, it.MessageKey, s.title(ctx, it, titles))})
	}
	return out, nil
}

// readerLanguage is lang when supported, else the user's language from the
// gateway, else English.
func (s *Service) readerLanguage(ctx context.Context, userID, lang string) string {
	if lang != "" {
		return domain.Language(lang)
	}
	if s.d.Recipients != nil {
		if r, err := s.d.Recipients.User(ctx, userID); err == nil {
			return domain.Language(r.Language)
		}
	}
	return domain.Languages[0]
}

// title looks up a role's title for an item about a role or, through
// its role, about an introduction, once per page;
// a role that cannot be looked up gets a message without its title.
func (s *Service) title(ctx context.Context, it domain.InboxItem, seen map[string]string) string {
	if (it.SubjectType != domain.SubjectRole && it.SubjectType != domain.SubjectIntroduction) || s.d.Owners == nil {
		return ""
	}
	key := it.SubjectType + ":" + it.SubjectID
	if t, ok := seen[key]; ok {
		return t
	}
	roleID := it.SubjectID
	if it.SubjectType == domain.SubjectIntroduction {
		in, err := s.d.Owners.Introduction(ctx, it.SubjectID)
		if err != nil {
			s.d.Logger.Warn("introduction lookup failed", "introduction_id", it.SubjectID, "error", err)
		}
		roleID = in.RoleID
	}
	title, err := s.roleTitle(ctx, roleID)
	if err != nil {
		s.d.Logger.Warn("role title lookup failed", "role_id", roleID, "error", err)
	}
	seen[key] = title
	return title
}

// UnreadCount returns how many of the caller's items are unread.
func (s *Service) UnreadCount(ctx context.Context, p auth.Principal) (int, error) {
	if err := requireUser(p); err != nil {
		return 0, err
	}
	return s.d.Inbox.CountUnread(ctx, p.Subject)
}

// MarkRead marks one of the caller's items read; another user's item is
// errs.NotFound.
func (s *Service) MarkRead(ctx context.Context, p auth.Principal, id string) error {
	if err := requireUser(p); err != nil {
		return err
	}
	return s.d.Inbox.MarkRead(ctx, p.Subject, id, s.d.Now())
}

// MarkAllRead marks every item of the caller read.
func (s *Service) MarkAllRead(ctx context.Context, p auth.Principal) error {
	if err := requireUser(p); err != nil {
		return err
	}
	return s.d.Inbox.MarkAllRead(ctx, p.Subject, s.d.Now())
}
