package me_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestJobsThatFitACandidate: the roles matching suggests for the
// candidate's own record, a near one with its missing skill named; without
// consent the page leads to it; matching down leaves the page up.
func TestJobsThatFitACandidate(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	b := cs.CandidateSession(t, "jan.jobs")
	cs.Matching.Set(func(f *fake.Matching) {
		f.Suggestions["c1"] = []map[string]any{fake.SuggestionItem(1, "e1", "full"), fake.SuggestionItem(2, "e1", "near")}
	})
	p := b.Get("/me/jobs")
	p.MustContain(t, "Role number 1", "Fits well", "Role number 2", "Fits nearly", "Forklift licence", "Why it fits")
	if got := cs.Matching.Last(t, "/api/v1/candidates/c1/suggestions").Query.Get("lang"); got != "en" {
		t.Errorf("matching was asked in %q, want en", got)
	}
	cs.Matching.Set(func(f *fake.Matching) { f.States["c1"] = "no_consent" })
	b.Get("/me/jobs").MustContain(t, "Onward only looks for jobs when you say yes")
	cs.Matching.Set(func(f *fake.Matching) { f.Down = true })
	b.Get("/me/jobs").MustContain(t, "We cannot show the jobs just now.")
}

// TestACandidateKeepsTheirCredentials: each signed skill is offered as a
// file, with the QR code of its public check; the file is their own
// attestation's VC-JWT, and another candidate's is not found.
func TestACandidateKeepsTheirCredentials(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	own := map[string]any{"id": "a1", "skill": "barista-skills", "level": 3, "hours": 600, "signature": "sig", "attested_at": "2026-11-20T10:00:00Z"}
	cs.Candidates.AddCandidate("c1", map[string]any{"preferred_name": "Jan", "skills": []any{own}, "attestations": []any{own}})
	cs.Candidates.AddCandidate("c2", map[string]any{"attestations": []any{map[string]any{"id": "a2", "skill": "x", "level": 1}}})
	b := cs.CandidateSession(t, "jan.proof")
	p := b.Get("/me/credentials")
	p.MustContain(t, "Save the proof", "An employer can scan this code")
	p.MustMatch(t, `href="/me/credentials/a1" download`, `<svg class="qr-code" role="img" aria-label="QR code to check your proof of `)
	file := b.Get("/me/credentials/a1")
	if file.Status != http.StatusOK || file.Header.Get("Content-Type") != "application/vc+jwt" || !strings.HasPrefix(file.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("download: status %d, type %q, disposition %q", file.Status, file.Header.Get("Content-Type"), file.Header.Get("Content-Disposition"))
	}
	if other := b.Get("/me/credentials/a2"); other.Status != http.StatusNotFound {
		t.Errorf("another candidate's credential: status %d, want 404", other.Status)
	}
}

// TestACandidateReadsAndPrintsTheirData: the export as a page, with the
// print button and the portfolio PDF, which passes through in their
// language.
func TestACandidateReadsAndPrintsTheirData(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	cs.Candidates.AddCandidate("c1", map[string]any{"preferred_name": "Jan", "phone": "+32 470 12 34 56",
		"certificates": []any{map[string]any{"id": "x1", "name": "Food hygiene", "issuer": "VDAB", "date": "2026-05-12"}}})
	b := cs.CandidateSession(t, "jan.data")
	p := b.Get("/me/data")
	p.MustContain(t, "About you", "+32 470 12 34 56", "Food hygiene", "VDAB", "Print this page", "My portfolio as a PDF")
	p.MustMatch(t, `<button class="btn" type="button" data-print hidden>`, `href="/me/portfolio.pdf"`)
	pdf := b.Get("/me/portfolio.pdf")
	if pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: status %d, type %q", pdf.Status, pdf.Header.Get("Content-Type"))
	}
	if got := cs.Candidates.Last(t, http.MethodGet, "/api/v1/candidates/c1/portfolio.pdf").Query.Get("lang"); got != "en" {
		t.Errorf("the PDF was asked in %q, want en", got)
	}
}
