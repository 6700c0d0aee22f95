package staff

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A request's page shows staff what the employer asks and who the
// employer is: the role, the employer's public profile with its
// fair-chance commitments, the message and the proposed meeting. While
// the request waits it holds the answer form (introductions_answer.go);
// once accepted, what was disclosed, the thread with the employer and
// "record how it went" (introductions_thread.go).

// Vocabularies of the forms, in the order they are offered.
var (
	declineReasons = []string{
		string(api.DeclineReasonNotInterested), string(api.DeclineReasonNotNow), string(api.DeclineReasonRoleUnsuitable),
		string(api.DeclineReasonTravel), string(api.DeclineReasonOther),
	}
	contactRoutes = []string{string(api.ContactRouteDirect), string(api.ContactRouteThroughStaff)}
	outcomeKinds  = []string{
		string(api.MeetingOutcomeKindHired), string(api.MeetingOutcomeKindNotHired), string(api.MeetingOutcomeKindDidNotTakePlace),
	}
	notHiredReasons = []string{
		string(api.NotHiredReasonSkills), string(api.NotHiredReasonAvailability), string(api.NotHiredReasonCandidateDeclined),
		string(api.NotHiredReasonEmployerDeclined), string(api.NotHiredReasonOther),
	}
	placementContracts = []string{
		string(api.ContractKindTrial), string(api.ContractKindFixedTerm), string(api.ContractKindPermanent), string(api.ContractKindDayRelease),
	}
	meetingModes  = []string{string(api.MeetingModeAtSite), string(api.MeetingModeAtProgramme), string(api.MeetingModePhone)}
	introStatuses = []string{
		string(api.IntroductionStatusRequested), string(api.IntroductionStatusAccepted), string(api.IntroductionStatusDeclined),
		string(api.IntroductionStatusExpired), string(api.IntroductionStatusWithdrawn),
	}
)

// maxMessage is the longest message of the thread, as the API allows.
const maxMessage = 2000

// introPage is one request to meet as its page shows it.
type introPage struct {
	ID, Status, StatusText string
	Action                 string
	Version                int64
	RoleID, RoleTitle      string
	RoleFacts              []string
	Employer               employerView
	EmployerUnavailable    bool
	// EmployerNoProfile: the employer has not written its profile yet;
	// the page names it by the organisation's name only.
	EmployerNoProfile bool
	Candidate         candidateView
	Message           string
	Meeting           string
	Windows           []string
	Due               string
	Overdue           bool
	// The answer form, while the request waits.
	Consent        kit.ConsentText
	ConsentMissing bool
	Contacts       []kit.Choice
	DeclineReasons []kit.Choice
	// After acceptance: what was disclosed, how the employer makes
	// contact, the thread and the outcome.
	Disclosed    []reviewLine
	Contact      string
	DisclosureID string
	Thread       []threadLine
	ThreadFailed bool
	MessageMax   int
	Outcome      string
	PlacementID  string
	Outcomes     []kit.Choice
	Reasons      []kit.Choice
	Contracts    []kit.Choice
}

// employerView is the employer's public profile.
type employerView struct {
	Name, Description, Statement, Website string
	Commitments, Sectors                  []string
}

// candidateView is what the answer needs of the candidate: the name,
// the name exactly as the employer gets it, and which contact details
// there are to disclose.
type candidateView struct {
	ID, Name, Disclosed, Alias, Phone, Email string
}

// threadLine is one message of the thread.
type threadLine struct {
	Own              bool
	Author, When, ID string
	Text             string
}

// Introduction is GET /introductions/:id for programme staff.
func (p *Pages) Introduction(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, introductionURL(id))
	v.Form["contact"] = string(api.ContactRouteThroughStaff)
	return p.renderIntroduction(c, v, id, fiber.StatusOK)
}

// renderIntroduction reads the request as it is now and draws its page
// with the form in v.
func (p *Pages) renderIntroduction(c *fiber.Ctx, v *kit.View, id string, status int) error {
	d, err := p.loadIntroduction(c, v, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v.Data = d
	return p.tmpl.Render(c, status, "staff_introduction", v)
}

// loadIntroduction reads the request, its role, its employer and its
// candidate. Another organisation's request is the API's 404.
func (p *Pages) loadIntroduction(c *fiber.Ctx, v *kit.View, id string) (*introPage, error) {
	resp, err := p.kit.API.GetIntroductionWithResponse(kit.Ctx(c), id)
	if err != nil {
		return nil, err
	}
	in := *resp.JSON200
	d := &introPage{ID: in.ID, Status: string(in.Status), Action: introductionURL(in.ID, "answer"), Version: in.Version,
		RoleID: in.RoleID, RoleTitle: roleTitle(v, in.RoleTitle), Message: kit.Deref(in.Message), MessageMax: maxMessage,
		Candidate: candidateView{ID: kit.Deref(in.CandidateID), Alias: in.CandidateAlias}, DisclosureID: kit.Deref(in.DisclosureID),
		PlacementID: kit.Deref(in.PlacementID)}
	if slices.Contains(introStatuses, d.Status) {
		d.StatusText = v.T("StaffIntroStatus_" + d.Status)
	}
	p.introRole(c, v, d)
	p.introEmployer(c, v, d, in.EmployerOrgID, kit.Deref(in.EmployerName))
	p.introCandidate(c, v, d)
	if mode := string(in.Meeting.Mode); slices.Contains(meetingModes, mode) {
		d.Meeting = v.T("StaffIntroMeeting_" + mode)
	}
	for _, w := range in.Meeting.Windows {
		d.Windows = append(d.Windows, windowText(v, w))
	}
	switch in.Status {
	case api.IntroductionStatusRequested:
		d.Due, d.Overdue = dueText(v, in.ExpiresAt, time.Now())
		p.answerChoices(c, v, d)
	case api.IntroductionStatusAccepted:
		p.acceptedParts(c, v, d, in)
	}
	return d, nil
}

// introRole adds what the role's page says of the role; the request's
// title stands alone when the role cannot be read.
func (p *Pages) introRole(c *fiber.Ctx, v *kit.View, d *introPage) {
	resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), d.RoleID)
	if err != nil {
		p.kit.LogFailure(c, "get role", err)
		return
	}
	r := resp.JSON200
	if r.Title != "" {
		d.RoleTitle = r.Title
	}
	if site := r.Site; site != nil && kit.Deref(site.Name) != "" {
		d.RoleFacts = append(d.RoleFacts, kit.Deref(site.Name))
	}
	if r.HoursPerWeek > 0 {
		d.RoleFacts = append(d.RoleFacts, v.T("StaffHoursPerWeek", "Count", r.HoursPerWeek))
	}
	if label := v.TOr("Contract_"+string(r.Contract), ""); label != "" {
		d.RoleFacts = append(d.RoleFacts, label)
	}
}

// introEmployer adds the employer's public profile: who they are and
// what they commit to. The organisation's name the request carries
// (name) names the employer when the profile has none or is not written
// yet, so staff always know whom they would share with.
func (p *Pages) introEmployer(c *fiber.Ctx, v *kit.View, d *introPage, orgID, name string) {
	resp, err := p.kit.API.GetEmployerWithResponse(kit.Ctx(c), orgID)
	if err != nil {
		d.Employer.Name = name
		if errors.Is(err, errs.NotFound) {
			d.EmployerNoProfile = true
			return
		}
		p.kit.LogFailure(c, "get employer", err)
		d.EmployerUnavailable = true
		return
	}
	prof := resp.JSON200
	d.Employer = employerView{Name: kit.Deref(prof.DisplayName), Description: kit.Deref(prof.Description), Website: kit.Deref(prof.Website)}
	if d.Employer.Name == "" {
		d.Employer.Name = name
	}
	for _, s := range kit.Deref(prof.Sectors) {
		if label := v.TOr("Nace_"+s, ""); label != "" {
			d.Employer.Sectors = append(d.Employer.Sectors, label)
		}
	}
	if fc := prof.FairChance; fc != nil {
		d.Employer.Statement = kit.Deref(fc.Statement)
		for _, cm := range kit.Deref(fc.Commitments) {
			if label := v.TOr("Commitment_"+string(cm), ""); label != "" {
				d.Employer.Commitments = append(d.Employer.Commitments, label)
			}
		}
	}
}

// introCandidate reads the candidate's name and contact details, which
// the answer may disclose. The read is on the candidate's audit trail,
// as any case work is.
func (p *Pages) introCandidate(c *fiber.Ctx, v *kit.View, d *introPage) {
	if d.Candidate.ID == "" {
		return
	}
	k, err := p.candidate(c, d.Candidate.ID)
	if err != nil {
		p.kit.LogFailure(c, "get candidate", err)
		return
	}
	d.Candidate.Name, d.Candidate.Phone, d.Candidate.Email = displayName(k), kit.Deref(k.Phone), kit.Deref(k.Email)
	d.Candidate.Disclosed = disclosedName(v, k)
}

// disclosedName is the name as a disclosure gives it to the employer:
// given and family name, and the preferred name when it differs, as the
// employer's page writes it ("Sieglinde Vermeulen (goes by Quiri)").
func disclosedName(v *kit.View, k api.Candidate) string {
	given := kit.Deref(k.GivenName)
	name := strings.TrimSpace(given + " " + kit.Deref(k.FamilyName))
	if pref := kit.Deref(k.PreferredName); pref != "" && pref != given {
		name = v.T("StaffIntroNamePreferred", "Name", name, "Text", pref)
	}
	return name
}

// answerChoices fills the answer form: the current consent text, the
// ways of contact and the reasons to decline.
func (p *Pages) answerChoices(c *fiber.Ctx, v *kit.View, d *introPage) {
	texts, err := p.kit.ConsentTexts(c)
	if err != nil || texts.Current == "" {
		if err != nil {
			p.kit.LogFailure(c, "consent texts", err)
		}
		d.ConsentMissing = true
	} else {
		d.Consent = texts.CurrentIn(v, d.Candidate.Alias)
	}
	d.Contacts = kit.Choices(v, "StaffIntroContact_", contactRoutes, v.Val("contact"))
	d.DeclineReasons = kit.Choices(v, "StaffIntroDecline_", declineReasons, v.Val("decline_reason"))
}

// acceptedParts adds what an accepted request shows: what was disclosed,
// the thread and the outcome or its form.
func (p *Pages) acceptedParts(c *fiber.Ctx, v *kit.View, d *introPage, in api.Introduction) {
	if a := in.Answer; a != nil {
		d.Disclosed = disclosedLines(v, d.Candidate, kit.Deref(a.Disclose))
		if route := string(kit.Deref(a.Contact)); slices.Contains(contactRoutes, route) {
			d.Contact = v.T("StaffIntroContact_" + route)
		}
	}
	d.Thread, d.ThreadFailed = p.thread(c, v, d)
	if o := in.Outcome; o != nil {
		d.Outcome = outcomeText(v, *o)
		return
	}
	d.Outcomes = kit.Choices(v, "StaffIntroOutcome_", outcomeKinds, v.Val("outcome"))
	d.Reasons = kit.Choices(v, "StaffIntroNotHired_", notHiredReasons, v.Val("not_hired_reason"))
	d.Contracts = kit.Choices(v, "StaffPlacementContract_", placementContracts, v.Val("contract"))
}

// disclosedLines are the disclosed fields with their values: the name
// always, and the phone number and e-mail address agreed to.
func disclosedLines(v *kit.View, k candidateView, fields []api.DisclosedField) []reviewLine {
	name := k.Disclosed
	if name == "" {
		name = v.T("StaffIntroNameOf", "Name", k.Alias)
	}
	out := []reviewLine{{Label: v.T("StaffIntroField_name"), Value: name}}
	if slices.Contains(fields, api.DisclosedFieldPhone) {
		out = append(out, reviewLine{Label: v.T("StaffIntroField_phone"), Value: k.Phone})
	}
	if slices.Contains(fields, api.DisclosedFieldEmail) {
		out = append(out, reviewLine{Label: v.T("StaffIntroField_email"), Value: k.Email})
	}
	return out
}

// outcomeText says how the meeting went, as recorded.
func outcomeText(v *kit.View, o api.MeetingOutcome) string {
	kind := string(o.Outcome)
	if !slices.Contains(outcomeKinds, kind) {
		return ""
	}
	text := v.T("StaffIntroOutcome_" + kind)
	if r := string(kit.Deref(o.Reason)); r != "" && slices.Contains(notHiredReasons, r) {
		text += " · " + v.T("StaffIntroNotHired_"+r)
	}
	return text + " · " + v.T("StaffIntroRecordedOn", "Date", v.Date(o.RecordedAt.Format(time.RFC3339)))
}

// thread reads the messages between the employer and the programme,
// oldest first, naming the programme's authors.
func (p *Pages) thread(c *fiber.Ctx, v *kit.View, d *introPage) ([]threadLine, bool) {
	limit := 100
	resp, err := p.kit.API.ListIntroductionMessagesWithResponse(kit.Ctx(c), d.ID, &api.ListIntroductionMessagesParams{Limit: &limit})
	if err != nil {
		p.kit.LogFailure(c, "list messages", err)
		return nil, true
	}
	items := slices.Clone(resp.JSON200.Items)
	slices.SortStableFunc(items, func(a, b api.IntroductionMessage) int { return a.SentAt.Compare(b.SentAt) })
	names := map[string]string{}
	out := make([]threadLine, 0, len(items))
	for _, m := range items {
		l := threadLine{ID: m.ID, Text: m.Text, When: v.DateTime(m.SentAt), Own: m.Side == api.PartySideProgramme}
		if l.Own {
			l.Author = p.colleagueName(c, names, m.AuthorID)
			if l.Author == "" {
				l.Author = v.T("StaffIntroYourSide")
			}
		} else {
			l.Author = d.Employer.Name
			if l.Author == "" {
				l.Author = v.T("StaffIntroEmployerSide")
			}
		}
		out = append(out, l)
	}
	return out, false
}

// hoursText reads a whole number of hours from a form, 0 when it is not
// one.
func hoursText(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// brussels is the zone the kit shows times in; a window's end is written
// in it too.
var brussels = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// windowText is a proposed meeting time: "10 December 2026, 10:00 to
// 11:00", with the end's date too when it falls on another day.
func windowText(v *kit.View, w api.TimeWindow) string {
	start, end := w.Start.In(brussels), w.End.In(brussels)
	until := end.Format("15:04")
	if start.Format(time.DateOnly) != end.Format(time.DateOnly) {
		until = v.DateTime(end)
	}
	return v.T("StaffIntroWindow", "Date", v.DateTime(start), "Time", until)
}
