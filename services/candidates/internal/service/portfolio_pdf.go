package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/printout"
)

// SubjectPortfolio is the audit entry's subject for a printed portfolio:
// a read of the record, made to print it.
const SubjectPortfolio = "portfolio"

// PortfolioRequest is how staff want a portfolio printed: on which paper,
// in which language, and whether the candidate chose to show the names of
// the programmes behind the records and attestations.
type PortfolioRequest struct {
	Paper      printout.Paper
	Lang       skills.Lang
	Programmes bool
}

// PrintedPortfolio is a rendered portfolio and the alias it is about, for
// the file name.
type PrintedPortfolio struct {
	Alias string
	PDF   []byte
}

// skillLabeler names skills; the service's Vocabulary is one. A vocabulary
// that is not prints skill ids.
type skillLabeler interface {
	SkillLabel(id string, lang skills.Lang) string
}

// PortfolioPDF prints the caller's organisation's candidate as a PDF an
// employer can be handed: alias, skills, hours, certificates, programme
// records and every standing attestation with the QR code of its public
// verification page. It never shows the candidate's name, birth date,
// contact, setting or house, nor the organisation; programme names only
// when r.Programmes says the candidate chose so. Revoked attestations are
// left out: a printout is a claim, and a withdrawn one is no claim. Like a
// read of the full record, it is audited first: a printout that cannot be
// audited is not made.
func (s *Service) PortfolioPDF(ctx context.Context, p auth.Principal, id string, r PortfolioRequest) (PrintedPortfolio, error) {
	c, err := s.ownCandidate(ctx, p, selfOrStaff, id)
	if err != nil {
		return PrintedPortfolio{}, err
	}
	names := map[string]string{}
	if r.Programmes {
		if names, err = s.programmeNames(ctx, c); err != nil {
			return PrintedPortfolio{}, err
		}
	}
	if err := s.audit(ctx, p, c, domain.ActionRead, domain.PurposeCaseWork, SubjectPortfolio); err != nil {
		return PrintedPortfolio{}, err
	}
	pdf, err := printout.Render(s.toPrintedPortfolio(c, names, r.Lang), printout.Options{Paper: r.Paper, Lang: string(r.Lang), PrintedAt: s.now()})
	if err != nil {
		return PrintedPortfolio{}, fmt.Errorf("print portfolio of %s: %w", c.ID, err)
	}
	return PrintedPortfolio{Alias: c.Alias, PDF: pdf}, nil
}

// programmeNames returns the name of every programme the candidate has a
// record in or an attestation from, by programme id.
func (s *Service) programmeNames(ctx context.Context, c domain.Candidate) (map[string]string, error) {
	names := map[string]string{}
	for _, pid := range c.ProgrammeIDs() {
		prog, err := s.Programmes.Programme(ctx, pid)
		if err != nil {
			return nil, fmt.Errorf("programme %s for the portfolio: %w", pid, err)
		}
		names[pid] = prog.Spec.Name
	}
	return names, nil
}

// VerifyURL is the public page where anyone can check an attestation, the
// address its printed QR code holds.
func (s *Service) VerifyURL(attestationID string) string {
	return strings.TrimRight(s.PublicURL, "/") + "/verify/credentials/" + attestationID
}
