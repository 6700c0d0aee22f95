package launcher

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mailpit"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// mailpitAPIInLogs is the launcher's log line naming its Mailpit's API,
// in either log format.
var mailpitAPIInLogs = regexp.MustCompile(`mailpit_api"?[=:]"?(http://[0-9.]+:[0-9]+)`)

// platformMail is a client of the API of the Mailpit the launcher of p
// started (MAILPIT_BIN), found in the launcher's logs.
func platformMail(t testing.TB, p *platform) *mailpit.Client {
	t.Helper()
	m := mailpitAPIInLogs.FindStringSubmatch(p.logs.String())
	if m == nil {
		t.Fatal("the launcher started no mail catcher: no mailpit_api in its logs (is MAILPIT_BIN set?)")
	}
	return mailpit.NewClient(m[1])
}

// caughtMail is every mail the catcher holds, newest first, with bodies.
func caughtMail(t testing.TB, mc *mailpit.Client) []mailpit.Message {
	t.Helper()
	list, err := mc.Messages(context.Background())
	if err != nil {
		t.Fatalf("mail catcher: %v", err)
	}
	out := make([]mailpit.Message, 0, len(list))
	for _, m := range list {
		full, err := mc.Message(context.Background(), m.ID)
		if err != nil {
			t.Fatalf("mail catcher, message %s: %v", m.ID, err)
		}
		out = append(out, full)
	}
	return out
}

// awaitMail waits up to timeout for a mail to address whose subject is
// subject and returns it with its bodies.
func awaitMail(t testing.TB, mc *mailpit.Client, address, subject string, timeout time.Duration) mailpit.Message {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		list, err := mc.Messages(context.Background())
		for _, m := range list {
			if m.Subject == subject && slices.Contains(m.To, address) {
				full, err := mc.Message(context.Background(), m.ID)
				if err != nil {
					t.Fatal(err)
				}
				return full
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mail %q to %s after %s (%d mails caught, last error %v)", subject, address, timeout, len(list), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mailCount is how many mails the catcher holds.
func mailCount(t testing.TB, mc *mailpit.Client) int {
	t.Helper()
	list, err := mc.Messages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// mailsMustNotHold fails for every mail (subject, text or HTML) holding
// one of marks as a substring, or one of codes as a word of its own (an
// alias is four letters and digits, which a link's token may hold inside
// it): the subject, the text and the HTML are each read.
func mailsMustNotHold(t testing.TB, mails []mailpit.Message, marks, codes []string) {
	t.Helper()
	for _, m := range mails {
		for part, text := range map[string]string{"subject": m.Subject, "text": m.Text, "HTML": m.HTML} {
			for _, v := range marks {
				if v != "" && strings.Contains(text, v) {
					t.Errorf("the mail %q to %v holds %q in its %s", m.Subject, m.To, v, part)
				}
			}
			for _, c := range codes {
				if c != "" && regexp.MustCompile(`(^|[^A-Za-z0-9])`+regexp.QuoteMeta(c)+`($|[^A-Za-z0-9])`).MatchString(text) {
					t.Errorf("the mail %q to %v holds the alias %q in its %s", m.Subject, m.To, c, part)
				}
			}
		}
	}
}

// linkToken finds the link under the web app's public URL and prefix in
// both a mail's text and its HTML and returns what follows (the token).
func linkToken(t testing.TB, m mailpit.Message, publicURL, prefix string) string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(strings.TrimRight(publicURL, "/")+prefix) + `([A-Za-z0-9_-]+)`)
	text := re.FindStringSubmatch(m.Text)
	html := re.FindStringSubmatch(m.HTML)
	if text == nil || html == nil || text[1] != html[1] {
		t.Fatalf("the mail %q holds no link %s… in both its text and its HTML:\n%s\n%s", m.Subject, publicURL+prefix, m.Text, m.HTML)
	}
	return text[1]
}

// TestMailThroughThePlatform runs the whole platform with its development
// mail catcher (Mailpit, as `make run` starts it) and, through the gateway
// and the catcher's API only: an organisation's admin invites someone by
// e-mail, whose mail holds a link that works; a password reset mail
// arrives and its link resets the password once and only once, after
// which the old refresh token is refused and the new password signs in;
// the matching service's full-match events reach their people by mail,
// and the same events added to the stream again send no second mail; no
// mail of the run holds a candidate's name, alias, house or birth date.
func TestMailThroughThePlatform(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	env["MAILPIT_BIN"] = testkit.MailpitBinary(t)
	env["MAIL_RETRY_DELAYS"] = "200ms,1s"
	env["DELIVERY_INTERVAL"] = "100ms"
	env["REDIS_URL"] = testkit.RedisURL(t)
	for _, stream := range []string{"CANDIDATES_STREAM", "EMPLOYERS_ROLES_STREAM", "EMPLOYERS_PROFILES_STREAM", "MATCHING_STREAM"} {
		env[stream] = testkit.UniqueName(t, strings.ToLower(stream))
	}
	p := start(t, env)
	mc := platformMail(t, p)
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	public := cfg.PublicURL
	anon := p.client(t, "")
	w := &world{t: t, p: p, platform: p.client(t, login(t, p))}

	// An invitation by e-mail, accepted through the link it carries.
	var org api.Organisation
	w.platform.do("POST", "/api/v1/organisations", map[string]string{"name": "Huis Zandloper", "kind": "programme", "programme_type": "transition_house"}, http.StatusCreated, &org)
	coach := w.email("coach")
	w.platform.do("POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": coach, "role": "org_admin"}, http.StatusCreated, nil)
	invitation := awaitMail(t, mc, coach, "You are invited to Onward", time.Minute)
	token := linkToken(t, invitation, public, "/invitations/")
	if !strings.Contains(invitation.Text, "Huis Zandloper") {
		t.Errorf("the invitation does not name the organisation:\n%s", invitation.Text)
	}
	anon.do("GET", "/api/v1/invitations/"+token, nil, http.StatusOK, nil)
	anon.do("POST", "/api/v1/invitations/"+token+"/accept", map[string]string{"name": "Mira Jacobs", "password": staffPassword}, http.StatusCreated, nil)
	admin, _ := w.signIn(coach)
	// The organisation's admin invites a member the same way.
	memberEmail := w.email("member")
	admin.do("POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": memberEmail, "role": "member"}, http.StatusCreated, nil)
	token = linkToken(t, awaitMail(t, mc, memberEmail, "You are invited to Onward", time.Minute), public, "/invitations/")
	anon.do("POST", "/api/v1/invitations/"+token+"/accept", map[string]string{"name": "Noor Claes", "password": staffPassword}, http.StatusCreated, nil)

	// A password reset: once and only once, and it signs every session out.
	_, old := w.signIn(memberEmail)
	anon.do("POST", "/api/v1/auth/password-reset", map[string]string{"email": memberEmail}, http.StatusAccepted, nil)
	reset := linkToken(t, awaitMail(t, mc, memberEmail, "Reset your Onward password", time.Minute), public, "/password-reset/")
	const newPassword = "a-new-and-longer-passphrase-2026"
	anon.do("POST", "/api/v1/auth/password-reset/confirm", map[string]string{"token": reset, "password": newPassword}, http.StatusNoContent, nil)
	anon.do("POST", "/api/v1/auth/password-reset/confirm", map[string]string{"token": reset, "password": "yet-another-passphrase-2026"}, http.StatusBadRequest, nil)
	anon.do("POST", "/api/v1/auth/refresh", map[string]string{"refresh_token": old.RefreshToken}, http.StatusUnauthorized, nil)
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": memberEmail, "password": staffPassword}, http.StatusUnauthorized, nil)
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": memberEmail, "password": newPassword}, http.StatusOK, nil)

	// Full matches, told by mail to those who chose to hear at once.
	emp := w.newEmployer("Bakkerij Zandloper")
	prog := w.newProgrammeOrg("Huis Zandloper Twee")
	for _, c := range []apiClient{emp.member, prog.member} {
		c.do("PUT", "/api/v1/notifications/preferences", map[string]any{"kinds": map[string]string{"new_matches": "immediately"}}, http.StatusOK, nil)
	}
	w.newRole(emp, "open")
	awaitMail(t, mc, emp.memberEmail, "New full matches for your role", time.Minute)
	awaitMail(t, mc, prog.memberEmail, "New roles for a candidate of yours", time.Minute)

	t.Run("redelivered events send no second mail", func(t *testing.T) {
		rc := openStores(t, p).redis
		ctx := context.Background()
		stream := env["MATCHING_STREAM"]
		// Every event of the stream so far has been handled: its mails
		// are in, nothing is pending.
		awaitGroupDone(t, rc, stream, "")
		awaitNoDeliveryDue(t, w.platform)
		before, unread := mailCount(t, mc), unreadOf(emp.member)
		entries, err := rc.XRange(ctx, stream, "-", "+").Result()
		if err != nil || len(entries) == 0 {
			t.Fatalf("the matching stream %s holds %d entries (%v)", stream, len(entries), err)
		}
		var last string
		for range 2 {
			for _, e := range entries {
				if last, err = rc.XAdd(ctx, &redis.XAddArgs{Stream: stream, Values: e.Values}).Result(); err != nil {
					t.Fatal(err)
				}
			}
		}
		awaitGroupDone(t, rc, stream, last)
		// Handled, not given up as poison.
		if n, err := rc.XLen(ctx, events.DeadLetterStream(stream)).Result(); err != nil || n != 0 {
			t.Fatalf("the copies went to the dead-letter stream (%d entries, %v)", n, err)
		}
		awaitNoDeliveryDue(t, w.platform) // a mail queued by a copy is sent by now
		after := mailCount(t, mc)
		if after != before {
			t.Errorf("%d events added again twice sent %d more mails", len(entries), after-before)
		}
		if got := unreadOf(emp.member); got != unread {
			t.Errorf("the events added again changed the unread count from %d to %d", unread, got)
		}
		t.Logf("%d events of %s added again twice: %d mails before, %d after", len(entries), stream, before, after)
	})

	t.Run("no candidate's identity in any mail", func(t *testing.T) {
		mails := caughtMail(t, mc)
		var cand struct{ Alias string }
		prog.member.do("GET", "/api/v1/candidates/"+prog.candidateID, nil, http.StatusOK, &cand)
		if len(mails) < 6 || cand.Alias == "" {
			t.Fatalf("%d mails, alias %q: the scan would prove nothing", len(mails), cand.Alias)
		}
		mailsMustNotHold(t, mails, append(slices.Clone(personalMarks), "Harelbeke"), []string{cand.Alias})
		t.Logf("%d mails scanned", len(mails))
	})
}

// unreadOf is the unread count of c's caller.
func unreadOf(c apiClient) int {
	var n struct{ Unread int }
	c.do("GET", "/api/v1/notifications/unread-count", nil, http.StatusOK, &n)
	return n.Unread
}

// awaitGroupDone waits until the notifications consumer group of stream
// has read up to last (the stream's last entry when empty) and has nothing
// pending.
func awaitGroupDone(t *testing.T, rc *redis.Client, stream, last string) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if last == "" {
			if e, err := rc.XRevRangeN(ctx, stream, "+", "-", 1).Result(); err == nil && len(e) == 1 {
				last = e[0].ID
			}
		}
		groups, err := rc.XInfoGroups(ctx, stream).Result()
		for _, g := range groups {
			if g.Name == "notifications" && last != "" && g.Pending == 0 && !idBefore(g.LastDeliveredID, last) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the notifications group of %s has not handled up to %s after 30s: %+v (%v)", stream, last, groups, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// awaitNoDeliveryDue waits until the notifications service, as the
// platform administrator c sees it, has no delivery queued or being sent:
// every mail it has decided to send is in the catcher.
func awaitNoDeliveryDue(t *testing.T, c apiClient) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		due := 0
		for _, status := range []string{"queued", "sending"} {
			var page struct{ Items []struct{ ID string } }
			c.do("GET", "/api/v1/notifications/deliveries?status="+status, nil, http.StatusOK, &page)
			due += len(page.Items)
		}
		if due == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d deliveries still due after 30s", due)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// idBefore reports whether stream id a comes before b.
func idBefore(a, b string) bool {
	ams, aseq, _ := strings.Cut(a, "-")
	bms, bseq, _ := strings.Cut(b, "-")
	if len(ams) != len(bms) {
		return len(ams) < len(bms)
	}
	if ams != bms {
		return ams < bms
	}
	if len(aseq) != len(bseq) {
		return len(aseq) < len(bseq)
	}
	return aseq < bseq
}
