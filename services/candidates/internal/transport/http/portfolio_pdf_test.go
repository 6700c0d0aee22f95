package http

import (
	"fmt"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/printout/poppler"
)

// printable is a candidate with two programme records, a certificate and
// four attestations, one of them revoked, ready to print.
type printable struct {
	id, alias, programme string
	// current are the attestations a printout shows, by id; revoked is
	// the one it leaves out.
	current []string
	revoked string
}

func (h *harness) printable(t *testing.T) printable {
	t.Helper()
	body := roastery()
	body["skills"] = []string{"coffee-roasting", "barista-skills"}
	reg := h.register(t, "member", jan())
	p := printable{id: reg.str("id"), alias: reg.str("alias"), programme: h.call(t, "member", "POST", "/api/v1/programmes", body).must(t, 201).str("id")}
	c := "/api/v1/candidates/" + p.id
	h.call(t, "member", "POST", c+"/programme-records", map[string]any{"programme": p.programme, "from": "2026-01-05", "to": "2026-10-30", "hours": 640}).must(t, 201)
	h.call(t, "member", "POST", c+"/programme-records", map[string]any{"programme": p.programme, "from": "2026-11-02", "hours": 120}).must(t, 201)
	h.call(t, "member", "POST", c+"/certificates", map[string]any{"name": "Food hygiene", "issuer": "FAVV", "date": "2026-03-01"}).must(t, 201)
	attest := func(skill string, level, hours int, date string) string {
		return h.call(t, "member", "POST", c+"/skills", map[string]any{
			"skill": skill, "level": level, "hours": hours, "programme": p.programme, "date": date,
		}).must(t, 201).str("id")
	}
	p.current = append(p.current, attest("coffee-roasting", 2, 300, "2026-06-01"), attest("barista-skills", 2, 150, "2026-10-01"),
		attest("coffee-roasting", 3, 600, "2026-11-20"))
	p.revoked = attest("barista-skills", 4, 80, "2026-11-21")
	h.call(t, "member", "POST", "/api/v1/attestations/"+p.revoked+"/revocation",
		map[string]any{"version": h.candidateVersion(t, p.id), "reason": "wrong_skill_or_level"}).must(t, 201)
	return p
}

// print asks for the portfolio as member with query and checks it is a
// PDF download named after the alias.
func (h *harness) print(t *testing.T, p printable, query string) []byte {
	t.Helper()
	a := h.call(t, "member", "GET", "/api/v1/candidates/"+p.id+"/portfolio.pdf"+query, nil).must(t, 200)
	if a.header["Content-Type"] != "application/pdf" {
		t.Errorf("Content-Type = %q", a.header["Content-Type"])
	}
	if want := `attachment; filename="onward-portfolio-` + p.alias + `.pdf"`; a.header["Content-Disposition"] != want {
		t.Errorf("Content-Disposition = %q, want %q", a.header["Content-Disposition"], want)
	}
	if !strings.HasPrefix(string(a.raw), "%PDF-") {
		t.Fatalf("the body is not a PDF: %.40q", a.raw)
	}
	return a.raw
}

func label(skill string, lang skills.Lang) string {
	s, _ := skills.Default().Skill(skill)
	return s.Label(lang)
}

// TestPortfolioPDFShowsSkillsNeverIdentity: the printout shows the alias,
// the current skills with their levels and hours, the total hours, the
// certificate and every standing attestation with its verification
// address; it leaves out the revoked attestation and shows no name,
// contact, birth date, house, organisation or programme name.
func TestPortfolioPDFShowsSkillsNeverIdentity(t *testing.T) {
	h := newHarness(t)
	p := h.printable(t)
	text := poppler.Text(t, h.print(t, p, ""))
	roasting, barista := label("coffee-roasting", skills.EN), label("barista-skills", skills.EN)
	for _, want := range []string{
		"Portfolio " + p.alias,
		fmt.Sprintf("%s 3: %s 600 h", roasting, skills.Experienced.Description(skills.EN)),
		fmt.Sprintf("%s 2: %s 150 h", barista, skills.Independent.Description(skills.EN)),
		"Hours in work programmes: 760",
		"Work programme 2026-01-05 to 2026-10-30 640 h", "Work programme since 2026-11-02 120 h",
		"Food hygiene FAVV 2026-03-01",
		"300 hours, attested on 2026-06-01", "150 hours, attested on 2026-10-01", "600 hours, attested on 2026-11-20",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the printout lacks %q:\n%s", want, text)
		}
	}
	for _, att := range p.current {
		if url := issuer + "/verify/credentials/" + att; !strings.Contains(text, url) {
			t.Errorf("the printout lacks the verification address %s", url)
		}
	}
	for _, never := range []string{
		p.revoked, "80 hours", janGiven, janFamily, janPhone, janEmail, janBirth, "Kortrijk", "Gent", "roastery",
		orgP1, memberID, p.id, "transition", "Level 4",
	} {
		if strings.Contains(text, never) {
			t.Errorf("the printout shows %q:\n%s", never, text)
		}
	}
	if w, ht := poppler.PageSize(t, h.print(t, p, "?paper=a4")); w != 595 || ht != 842 {
		t.Errorf("A4 page = %dx%d pts, want 595x842", w, ht)
	}
	if w, ht := poppler.PageSize(t, h.print(t, p, "?paper=letter")); w != 612 || ht != 792 {
		t.Errorf("letter page = %dx%d pts, want 612x792", w, ht)
	}
}

// TestPortfolioPDFProgrammesAndLanguage: programme names appear only when
// asked for, and lang translates the labels, accents included.
func TestPortfolioPDFProgrammesAndLanguage(t *testing.T) {
	h := newHarness(t)
	p := h.printable(t)
	name := roastery()["name"].(string)
	if text := poppler.Text(t, h.print(t, p, "?programmes=false")); strings.Contains(text, name) {
		t.Errorf("programmes=false shows the programme name %q", name)
	}
	text := poppler.Text(t, h.print(t, p, "?programmes=true"))
	for _, want := range []string{name + " 2026-01-05 to 2026-10-30 640 h", "Programme: " + name} {
		if !strings.Contains(text, want) {
			t.Errorf("programmes=true lacks %q:\n%s", want, text)
		}
	}
	fr := poppler.Text(t, h.print(t, p, "?lang=fr"))
	for _, want := range []string{"Compétences", "Heures en programmes de travail : 760", label("barista-skills", skills.FR), skills.Experienced.Description(skills.FR)} {
		if !strings.Contains(fr, want) {
			t.Errorf("lang=fr lacks %q:\n%s", want, fr)
		}
	}
	if strings.Contains(fr, "Skills") {
		t.Errorf("lang=fr still says Skills:\n%s", fr)
	}
}

// TestPortfolioPDFAccessAndAudit: only the candidate's own organisation's
// staff may print; bad query values are 400 naming the parameter; every
// printout is audited as a read of the portfolio.
func TestPortfolioPDFAccessAndAudit(t *testing.T) {
	h := newHarness(t)
	p := h.printable(t)
	path := "/api/v1/candidates/" + p.id + "/portfolio.pdf"
	h.call(t, "member2", "GET", path, nil).problem(t, 404, "")
	for _, who := range []string{"employer", "observer", "admin", "service"} {
		h.call(t, who, "GET", path, nil).problem(t, 403, "")
	}
	for query, field := range map[string]string{"?paper=a5": "paper", "?programmes=yes": "programmes", "?lang=es": "lang"} {
		h.call(t, "member", "GET", path+query, nil).problem(t, 400, field)
	}
	h.print(t, p, "")
	h.call(t, "org_admin", "GET", path+"?paper=letter&programmes=true&lang=de", nil).must(t, 200)
	var printed []map[string]any
	for _, e := range h.call(t, "org_admin", "GET", "/api/v1/candidates/"+p.id+"/audit", nil).must(t, 200).items() {
		if e["action"] == "read" && e["subject"] == "portfolio" {
			printed = append(printed, e)
		}
	}
	if len(printed) != 2 || printed[0]["actor"] != memberID || printed[1]["actor"] != orgAdminID || printed[0]["purpose"] != "case_work" {
		t.Errorf("audited printouts = %v, want two reads of the portfolio, by member then org_admin", printed)
	}
}
