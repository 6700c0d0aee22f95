package service

import (
	"context"
	"errors"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// SendDigests queues the daily digest of every user whose digest is due:
// from their digest_hour in their time zone, once per local day, one mail
// listing what waited (counts and role titles, nothing personal). The
// delivery's source is the user's local day, so two instances or a rerun
// queue one mail. It returns how many digests it queued.
func (s *Service) SendDigests(ctx context.Context) (int, error) {
	if !s.MailEnabled() {
		return 0, nil
	}
	users, err := s.d.Inbox.DigestUsers(ctx)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, id := range users {
		ok, err := s.digest(ctx, id)
		if err != nil {
			return queued, err
		}
		if ok {
			queued++
		}
	}
	return queued, nil
}

func (s *Service) digest(ctx context.Context, userID string) (bool, error) {
	items, err := s.d.Inbox.DigestItems(ctx, userID)
	if err != nil || len(items) == 0 {
		return false, err
	}
	ids := make([]string, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	r, err := s.d.Recipients.User(ctx, userID)
	if errors.Is(err, errs.NotFound) || (err == nil && !r.Active) {
		s.d.Logger.Info("digest for a user who no longer exists or is inactive; dropped", "user_id", userID)
		return false, s.d.Inbox.ClearDigest(ctx, ids)
	}
	if err != nil {
		return false, err
	}
	user, err := s.d.Preferences.UserSettings(ctx, userID)
	if err != nil {
		return false, err
	}
	org, err := s.d.Preferences.OrgSettings(ctx, r.OrgID)
	if err != nil {
		return false, err
	}
	last, err := s.d.Preferences.DigestDay(ctx, userID)
	if err != nil {
		return false, err
	}
	day, due := domain.Resolve(user, org).DigestDue(s.d.Now(), last)
	if !due {
		return false, nil
	}
	now := s.d.Now()
	d := domain.Delivery{SourceID: "digest:" + day, Recipient: domain.RecipientKey(userID, ""), Channel: domain.ChannelEmail,
		Kind: domain.KindDigest, UserID: userID, OrgID: r.OrgID, Language: domain.Language(r.Language), Address: r.Email,
		Params: map[string]string{messages.ParamLines: messages.EncodeLines(s.digestLines(ctx, items)), messages.ParamLink: s.d.WebURL + "/notifications"},
		Status: domain.Queued, NextAttemptAt: now, CreatedAt: now}
	if err := s.d.Deliveries.InsertDelivery(ctx, d); err != nil && !errors.Is(err, domain.ErrDuplicate) {
		return false, err
	}
	if err := s.d.Inbox.ClearDigest(ctx, ids); err != nil {
		return false, err
	}
	return true, s.d.Preferences.SetDigestDay(ctx, userID, day)
}

// digestLines counts the waiting items: one line per role, one for all
// candidates together, one for everything about introductions, in the
// order they first appeared.
func (s *Service) digestLines(ctx context.Context, items []domain.InboxItem) []messages.DigestLine {
	var lines []messages.DigestLine
	index := map[string]int{}
	titles := map[string]string{}
	for _, it := range items {
		key := it.MessageKey
		if it.SubjectType == domain.SubjectRole {
			key += ":" + it.SubjectID
		}
		if it.Kind == domain.KindIntroductions {
			// One line for every request, placement and follow-up.
			key = messages.DigestIntroductions
		}
		if i, ok := index[key]; ok {
			lines[i].Count++
			continue
		}
		index[key] = len(lines)
		line := messages.DigestLine{Key: it.MessageKey, Count: 1}
		if key == messages.DigestIntroductions {
			line.Key = messages.DigestIntroductions
		} else {
			line.RoleTitle = s.title(ctx, it, titles)
		}
		lines = append(lines, line)
	}
	return lines
}
