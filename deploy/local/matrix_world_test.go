package launcher

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// matrixOrg is one organisation of the matrix's world, with the objects it
// owns, all built through the API.
type matrixOrg struct {
	name, id, kind string
	admin, member  apiClient
	adminID        string
	memberID       string
	memberEmail    string
	// An employer's objects.
	profileID, roleID string
	// A programme organisation's objects.
	programmeID, candidateID, recordID, certificateID, attestationID string
}

// world is everything the matrix calls with: the organisations, the
// actors' tokens, and the platform administrator.
type world struct {
	t        *testing.T
	p        *platform
	platform apiClient
	empA     *matrixOrg // the employer of emp_admin and emp_member
	empB     *matrixOrg // the employer of emp_other
	progA    *matrixOrg // the programme organisation of staff1 and admin1
	progB    *matrixOrg // the programme organisation of staff2 and admin2
	obs      *matrixOrg // the observer organisation of obs
	// sharedObserver is the observer the matrix's programme organisations
	// share their reports with (see shareWith).
	sharedObserver *matrixOrg
	tokens         map[string]string
	// candidateUsername signs in the candidate of cand: progA's candidate,
	// with an account of their own.
	candidateUsername string
	seq               atomic.Int64
	// notes caches a notification of each organisation's admin.
	notes map[*matrixOrg]string
	// intro holds the introductions, placements and follow-ups built so
	// far (matrix_intro_world_test.go).
	intro introWorld
}

// notificationOf returns the id of a notification of o's admin: the world
// gives one to each, as its candidates fully match its roles (an
// employer's members are told of a role's new full matches, a programme
// organisation's staff of their candidate's). It waits for the first for
// up to 30 seconds: the matching service and the notifications service
// work from events.
func (w *world) notificationOf(o *matrixOrg) string {
	w.t.Helper()
	if id, ok := w.notes[o]; ok {
		return id
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		var page struct{ Items []struct{ ID string } }
		o.admin.do("GET", "/api/v1/notifications?limit=1", nil, http.StatusOK, &page)
		if len(page.Items) > 0 {
			if w.notes == nil {
				w.notes = map[*matrixOrg]string{}
			}
			w.notes[o] = page.Items[0].ID
			return page.Items[0].ID
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("the admin of %s has no notification after 30s: the world's full matches told nobody", o.name)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// buildWorld signs up two employers, has the platform administrator create
// two programme organisations and an observer organisation, invites a
// member into each, and gives each organisation its objects: an open role
// and its profile for an employer; a programme, a consenting candidate
// with a programme record, a certificate and an attestation for a
// programme organisation; nothing but its people for the observer.
func buildWorld(t *testing.T, p *platform) *world {
	t.Helper()
	w := &world{t: t, p: p, platform: p.client(t, login(t, p))}
	w.empA = w.newEmployer("Bakkerij Matrix A")
	w.empB = w.newEmployer("Bakkerij Matrix B")
	w.progA = w.newProgrammeOrg("Huis Matrix A")
	w.progB = w.newProgrammeOrg("Huis Matrix B")
	w.obs = w.newObserverOrg("Stad Matrix")
	w.tokens = map[string]string{
		"anon":       "",
		"emp_admin":  w.empA.admin.token,
		"emp_member": w.empA.member.token,
		"emp_other":  w.empB.admin.token,
		"staff1":     w.progA.member.token,
		"admin1":     w.progA.admin.token,
		"staff2":     w.progB.member.token,
		"admin2":     w.progB.admin.token,
		"platform":   w.platform.token,
		"obs":        w.obs.admin.token,
	}
	w.tokens["cand"] = w.candidateSelf(w.progA)
	return w
}

// candidateSelf gives o's candidate an account of their own and returns
// its access token.
func (w *world) candidateSelf(o *matrixOrg) string {
	w.candidateUsername = "self." + itoa(time.Now().UnixNano())
	token := w.candidateInvitation(o, o.candidateID)
	anon := w.p.client(w.t, "")
	anon.do("POST", "/api/v1/candidate-invitations/"+token+"/accept", map[string]string{"username": w.candidateUsername, "password": candidatePassword}, http.StatusCreated, nil)
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/candidate-login", map[string]string{"username": w.candidateUsername, "password": candidatePassword}, http.StatusOK, &tokens)
	return tokens.AccessToken
}

// candidateInvitation has o's staff invite candidateID to an account of
// their own and returns the invitation's token.
func (w *world) candidateInvitation(o *matrixOrg, candidateID string) string {
	var inv api.CandidateInvitation
	o.member.do("POST", "/api/v1/candidates/"+candidateID+"/account-invitation", nil, http.StatusCreated, &inv)
	return inv.Token
}

// quietKinds is the notification setting of the matrix's people: every
// kind to the inbox only. The matrix makes hundreds of introductions, each
// mailing at once by default, and on the shared platform the privacy walk
// after it waits for mails of its own behind every one of them.
var quietKinds = map[string]string{"new_matches": "inbox", "introductions": "inbox"}

// quietMail has every organisation of the world send its people's
// notifications to the inbox only (quietKinds); the matrix's calls that
// change preferences keep it so.
func (w *world) quietMail() {
	for _, o := range []*matrixOrg{w.empA, w.empB, w.progA, w.progB, w.obs} {
		o.admin.do("PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": quietKinds}, http.StatusOK, nil)
	}
}

// email returns an address no one has used yet.
func (w *world) email(prefix string) string {
	return fmt.Sprintf("%s.%d.%d@matrix.test", prefix, time.Now().UnixNano(), w.seq.Add(1))
}

// signIn returns a client with a fresh access token of email.
func (w *world) signIn(email string) (apiClient, api.Tokens) {
	var tokens api.Tokens
	w.p.client(w.t, "").do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": staffPassword}, http.StatusOK, &tokens)
	return w.p.client(w.t, tokens.AccessToken), tokens
}

// userID is the id of the caller of c.
func userID(c apiClient) (id, orgID string) {
	var me struct {
		User         struct{ ID string }
		Organisation *struct{ ID string }
	}
	c.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	if me.Organisation != nil {
		orgID = me.Organisation.ID
	}
	return me.User.ID, orgID
}

// invite has the organisation's admin invite a new person with role, who
// accepts; it returns their e-mail.
func (w *world) invite(o *matrixOrg, role string) string {
	email := w.email(role)
	var inv api.Invitation
	o.admin.do("POST", "/api/v1/organisations/"+o.id+"/invitations", map[string]string{"email": email, "role": role}, http.StatusCreated, &inv)
	w.p.client(w.t, "").do("POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Noor Claes", "password": staffPassword}, http.StatusCreated, nil)
	return email
}

// openInvitation has the organisation's admin invite someone who has not
// accepted yet; it returns the invitation's id and token.
func (w *world) openInvitation(o *matrixOrg) (id, token string) {
	var inv api.Invitation
	o.admin.do("POST", "/api/v1/organisations/"+o.id+"/invitations", map[string]string{"email": w.email("invitee"), "role": "member"}, http.StatusCreated, &inv)
	return inv.ID, inv.Token
}

// freshUser is a new member of o; deactivated when deactivated is true.
func (w *world) freshUser(o *matrixOrg, deactivated bool) string {
	email := w.invite(o, "member")
	c, _ := w.signIn(email)
	id, _ := userID(c)
	if deactivated {
		o.admin.do("POST", "/api/v1/users/"+id+"/deactivation", nil, http.StatusOK, nil)
	}
	return id
}

func (w *world) newEmployer(name string) *matrixOrg {
	o := &matrixOrg{name: name, kind: "employer"}
	email := w.email("owner")
	w.p.client(w.t, "").do("POST", "/api/v1/auth/signup", map[string]string{"organisation_name": name, "name": "Ana Peeters", "email": email, "password": staffPassword}, http.StatusAccepted, nil)
	o.admin, _ = w.signIn(email)
	o.adminID, o.id = userID(o.admin)
	verifyOrganisation(w.t, w.platform, o.id)
	o.memberEmail = w.invite(o, "member")
	o.member, _ = w.signIn(o.memberEmail)
	o.memberID, _ = userID(o.member)
	var profile struct{ ID string }
	o.admin.do("GET", "/api/v1/employers/me", nil, http.StatusOK, &profile)
	o.profileID = profile.ID
	o.roleID = w.newRole(o, "open")
	return o
}

// newRole posts a role of o in status.
func (w *world) newRole(o *matrixOrg, status string) string {
	var r struct{ ID string }
	o.admin.do("POST", "/api/v1/roles", roleBody(status), http.StatusCreated, &r)
	return r.ID
}

func roleBody(status string) map[string]any {
	return map[string]any{
		"title": "Barista", "description": "Espresso bar in the station.", "sector": "I", "status": status,
		"site":             map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "08:00", "end": "16:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true,
	}
}

func (w *world) newProgrammeOrg(name string) *matrixOrg {
	o := w.newAdministeredOrg(name, map[string]string{"name": name, "kind": "programme", "programme_type": "transition_house"})
	// The member creates the programme, so supervises it and may attest.
	var prog struct{ ID string }
	o.member.do("POST", "/api/v1/programmes", programmeBody(0, ""), http.StatusCreated, &prog)
	o.programmeID = prog.ID
	o.candidateID = w.newCandidate(o)
	o.member.do("PUT", "/api/v1/candidates/"+o.candidateID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
	o.recordID = w.newRecord(o)
	o.certificateID = w.newCertificate(o)
	o.attestationID = w.newAttestation(o)
	return o
}

// newObserverOrg has the platform administrator create an observer
// organisation (a funder, a city) and invite its admin, who invites a
// member. It owns no business object: the matrix proves it reaches none of
// anyone else's either.
func (w *world) newObserverOrg(name string) *matrixOrg {
	return w.newAdministeredOrg(name, map[string]string{"name": name, "kind": "observer"})
}

// newAdministeredOrg has the platform administrator create an
// organisation from body and invite its admin, who accepts and invites a
// member, who accepts too.
func (w *world) newAdministeredOrg(name string, body map[string]string) *matrixOrg {
	o := &matrixOrg{name: name, kind: body["kind"]}
	var org api.Organisation
	w.platform.do("POST", "/api/v1/organisations", body, http.StatusCreated, &org)
	o.id = org.ID
	var inv api.Invitation
	adminEmail := w.email("coach")
	w.platform.do("POST", "/api/v1/organisations/"+o.id+"/invitations", map[string]string{"email": adminEmail, "role": "org_admin"}, http.StatusCreated, &inv)
	w.p.client(w.t, "").do("POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Mira Jacobs", "password": staffPassword}, http.StatusCreated, nil)
	o.admin, _ = w.signIn(adminEmail)
	o.adminID, _ = userID(o.admin)
	o.memberEmail = w.invite(o, "member")
	o.member, _ = w.signIn(o.memberEmail)
	o.memberID, _ = userID(o.member)
	return o
}

// programmeBody names the programme markProgramme and has it train a skill
// no candidate of the suite holds, so a near match lists it.
func programmeBody(version int64, supervisor string) map[string]any {
	b := map[string]any{"name": markProgramme, "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation", "coffee-roasting"}}
	if version > 0 {
		b["version"], b["supervisors"] = version, []string{supervisor}
	}
	return b
}

// candidateBody carries the marker identity of privacy_employers_test.go,
// so a scan of any answer, log or stream for it by substring means
// something.
func candidateBody() map[string]any {
	return map[string]any{
		"given_name": markGiven, "family_name": markFamily, "date_of_birth": markBirth, "phone": markPhone, "email": markEmail,
		"setting": "transition_house", "house": map[string]any{"place_id": harelbeke},
		"day_release": map[string]any{"eligible_from": "2026-01-05", "days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "18:00", "max_commute_km": 25},
		"languages":   []any{map[string]any{"code": "nl", "level": "C2"}},
	}
}

func (w *world) newCandidate(o *matrixOrg) string {
	var c struct{ ID string }
	o.member.do("POST", "/api/v1/candidates", candidateBody(), http.StatusCreated, &c)
	return c.ID
}

func (w *world) newRecord(o *matrixOrg) string {
	var r struct{ ID string }
	o.member.do("POST", "/api/v1/candidates/"+o.candidateID+"/programme-records", recordBody(o, 0), http.StatusCreated, &r)
	return r.ID
}

func recordBody(o *matrixOrg, version int64) map[string]any {
	b := map[string]any{"programme": o.programmeID, "from": "2026-03-01", "hours": 300}
	if version > 0 {
		b["version"] = version
	}
	return b
}

// statementsWritten numbers the statements newStatement writes, so each
// differs from the last and waits for a review.
var statementsWritten atomic.Int64

// newStatement writes a fresh pending statement for o's candidate.
func (w *world) newStatement(o *matrixOrg) {
	text := "I roast coffee, take " + itoa(statementsWritten.Add(1)) + " orders an hour and like early shifts."
	o.member.do("PUT", "/api/v1/candidates/"+o.candidateID+"/statement", map[string]any{"version": candidateVersion(o), "text": text}, http.StatusOK, nil)
}

func (w *world) newCertificate(o *matrixOrg) string {
	var c struct{ ID string }
	o.member.do("POST", "/api/v1/candidates/"+o.candidateID+"/certificates", certificateBody(0), http.StatusCreated, &c)
	return c.ID
}

func certificateBody(version int64) map[string]any {
	b := map[string]any{"name": "Food hygiene", "issuer": "FAVV", "date": "2026-05-12"}
	if version > 0 {
		b["version"] = version
	}
	return b
}

func (w *world) newAttestation(o *matrixOrg) string {
	var a struct{ ID string }
	o.member.do("POST", "/api/v1/candidates/"+o.candidateID+"/skills", attestationBody(o), http.StatusCreated, &a)
	return a.ID
}

func attestationBody(o *matrixOrg) map[string]any {
	return map[string]any{"skill": "espresso-preparation", "level": 2, "hours": 300, "programme": o.programmeID}
}

// version reads the current version of the object at path as the owner's
// admin sees it.
func version(c apiClient, path string) int64 {
	var v struct{ Version int64 }
	c.do("GET", path, nil, http.StatusOK, &v)
	return v.Version
}

// answer is what one call of the matrix got back.
type answer struct {
	status      int
	contentType string
	body        []byte
}

// call sends one request with token ("" for none) and a per-request
// timeout; a timeout or a broken connection is an error, never a status.
func call(p *platform, token, method, path string, body any) (answer, error) {
	var r io.Reader
	if body != nil {
		raw, ok := body.([]byte)
		if !ok {
			raw, _ = json.Marshal(body)
		}
		r = bytes.NewReader(raw)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, p.url("gateway")+path, r)
	if err != nil {
		return answer{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := p.http.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	return answer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: raw}, err
}
