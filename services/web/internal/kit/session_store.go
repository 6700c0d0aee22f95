package kit

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// sessionTTL is how long an idle session lives: as long as the gateway's
// refresh token does, which it mirrors.
const sessionTTL = 14 * 24 * time.Hour

// renewBefore renews the access token this long before it expires, so a
// call made with it never reaches the gateway already expired.
const renewBefore = 30 * time.Second

// Actor is the signed-in user as the pages see them: what the gateway's
// /api/v1/me answered when the session started or was last renewed. The
// gateway and the services behind it decide again, from the token, on
// every call; the pages use it only to choose what to show.
type Actor struct {
	UserID  string `json:"uid"`
	Name    string `json:"name"`
	Role    string `json:"role"`
	OrgID   string `json:"oid,omitempty"`
	OrgKind string `json:"okind,omitempty"`
	// CandidateID is the candidate record a candidate's own account is
	// (role candidate); empty for everyone else.
	CandidateID string `json:"cid,omitempty"`
}

// IsCandidate reports whether the actor is a candidate signed in to
// their own account: they see only their own pages (/me).
func (a Actor) IsCandidate() bool { return a.Role == RoleCandidate && a.CandidateID != "" }

// IsAdmin reports whether the actor administers the platform.
func (a Actor) IsAdmin() bool { return a.Role == RoleAdmin }

// IsOrgAdmin reports whether the actor administers their organisation.
func (a Actor) IsOrgAdmin() bool { return a.Role == RoleOrgAdmin }

// IsEmployer reports whether the actor works for an employer.
func (a Actor) IsEmployer() bool { return a.OrgKind == KindEmployer }

// IsProgrammeStaff reports whether the actor works for a programme: a
// detention or transition house, a social enterprise or a probation
// service.
func (a Actor) IsProgrammeStaff() bool { return a.OrgKind == KindProgramme }

// IsObserver reports whether the actor works for an observer organisation
// (a funder, a city, a probation service), which reads the reports
// programme organisations share with it and nothing about a person.
func (a Actor) IsObserver() bool { return a.OrgKind == KindObserver }

// session is what the server keeps for one signed-in browser. The tokens
// never reach the browser, which holds only the session's random id.
type session struct {
	AccessToken   string    `json:"at"`
	RefreshToken  string    `json:"rt"`
	AccessExpires time.Time `json:"exp"`
	Actor         Actor     `json:"actor"`
}

// sessionStore keeps sessions in Redis, so every web replica serves every
// browser, and renews their tokens through the gateway.
type sessionStore struct {
	redis  redis.UniversalClient
	prefix string
	api    *api.ClientWithResponses
	now    func() time.Time
}

func (st *sessionStore) key(id string) string { return st.prefix + "session:" + id }

// create stores a new session for a fresh token pair and returns its id.
func (st *sessionStore) create(ctx context.Context, pair api.Tokens) (string, session, error) {
	sess, err := st.fromPair(ctx, pair)
	if err != nil {
		return "", session{}, err
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	id := base64.RawURLEncoding.EncodeToString(b)
	return id, sess, st.save(ctx, id, sess)
}

// fromPair reads who the tokens belong to from the gateway.
func (st *sessionStore) fromPair(ctx context.Context, pair api.Tokens) (session, error) {
	resp, err := st.api.GetMeWithResponse(withToken(ctx, pair.AccessToken))
	if err != nil {
		return session{}, err
	}
	acct := resp.JSON200
	a := Actor{UserID: acct.User.ID, Name: acct.User.Name, Role: string(acct.User.Role)}
	if o := acct.Organisation; o != nil {
		a.OrgID, a.OrgKind = o.ID, string(o.Kind)
	}
	a.CandidateID = Deref(acct.CandidateID)
	return session{
		AccessToken: pair.AccessToken, RefreshToken: pair.RefreshToken,
		AccessExpires: st.now().Add(time.Duration(pair.ExpiresIn) * time.Second), Actor: a,
	}, nil
}

func (st *sessionStore) save(ctx context.Context, id string, sess session) error {
	buf, _ := json.Marshal(sess)
	if err := st.redis.Set(ctx, st.key(id), buf, sessionTTL).Err(); err != nil {
		return fmt.Errorf("save session: %v: %w", err, errs.Unavailable)
	}
	return nil
}

// load returns the session with id; errs.Unauthenticated when there is
// none (it ended, expired or never existed).
func (st *sessionStore) load(ctx context.Context, id string) (session, error) {
	if !wellFormedToken(id) {
		return session{}, errs.Unauthenticated
	}
	buf, err := st.redis.Get(ctx, st.key(id)).Bytes()
	switch {
	case errors.Is(err, redis.Nil):
		return session{}, errs.Unauthenticated
	case err != nil:
		return session{}, fmt.Errorf("load session: %v: %w", err, errs.Unavailable)
	}
	var sess session
	if err := json.Unmarshal(buf, &sess); err != nil {
		return session{}, errs.Unauthenticated
	}
	return sess, nil
}

// live returns the session with a usable access token, renewing it first
// when it is about to expire. A renewal takes a per-session lock, because
// the gateway rotates refresh tokens and treats a second use of an old one
// as theft: of two requests that find the token stale, one renews and the
// other waits and reads the result.
func (st *sessionStore) live(ctx context.Context, id string) (session, error) {
	sess, err := st.load(ctx, id)
	if err != nil || st.now().Before(sess.AccessExpires.Add(-renewBefore)) {
		return sess, err
	}
	lockKey := st.key(id) + ":renew"
	deadline := st.now().Add(apiTimeout)
	for {
		ok, err := st.redis.SetNX(ctx, lockKey, 1, apiTimeout).Result()
		if err != nil {
			return session{}, fmt.Errorf("renew session: %v: %w", err, errs.Unavailable)
		}
		if ok {
			break
		}
		if st.now().After(deadline) {
			return session{}, fmt.Errorf("renew session: another request holds it: %w", errs.Unavailable)
		}
		select {
		case <-ctx.Done():
			return session{}, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	defer st.redis.Del(context.WithoutCancel(ctx), lockKey)
	// Another request may have renewed it while this one waited.
	if sess, err = st.load(ctx, id); err != nil || st.now().Before(sess.AccessExpires.Add(-renewBefore)) {
		return sess, err
	}
	resp, err := st.api.RefreshTokensWithResponse(ctx, api.RefreshRequest{RefreshToken: sess.RefreshToken})
	if err != nil {
		if errors.Is(err, errs.Unauthenticated) || errors.Is(err, errs.InvalidArgument) {
			st.delete(ctx, id)
			return session{}, errs.Unauthenticated
		}
		return session{}, err
	}
	renewed, err := st.fromPair(ctx, *resp.JSON200)
	if err != nil {
		return session{}, err
	}
	return renewed, st.save(ctx, id, renewed)
}

// delete forgets a session; its refresh token is revoked separately.
func (st *sessionStore) delete(ctx context.Context, id string) {
	if wellFormedToken(id) {
		st.redis.Del(context.WithoutCancel(ctx), st.key(id))
	}
}
