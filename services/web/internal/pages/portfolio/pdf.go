package portfolio

import (
	"context"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// pdfFile is the file name when the service names none.
const pdfFile = "onward-portfolio.pdf"

// PortfolioPDF is GET /candidates/:id/portfolio.pdf, the candidate page's
// small form: the candidates service's printable portfolio, on A4 or US
// letter paper, with programme names only when the box was ticked (as the
// candidate chooses), in the reader's language, streamed back as it
// comes. A GET changes nothing, so it needs no CSRF token; the service
// audits the read.
func (p *Pages) PortfolioPDF(c *fiber.Ctx) error {
	params := pdfParams(c, p.k.NewView(c, "").Lang)
	resp, err := p.k.RawAPI.GetCandidatePortfolioPDF(kit.Ctx(c), candidateID(c), &params, acceptPDF)
	if err != nil {
		return p.failed(c, err)
	}
	return kit.SendFile(c, resp, "application/pdf", pdfFile)
}

// pdfParams reads the form: paper "letter" or else A4, and programmes
// only when ticked; lang is the reader's language.
func pdfParams(c *fiber.Ctx, lang string) api.GetCandidatePortfolioPDFParams {
	paper := api.GetCandidatePortfolioPDFParamsPaperA4
	if c.Query("paper") == string(api.GetCandidatePortfolioPDFParamsPaperLetter) {
		paper = api.GetCandidatePortfolioPDFParamsPaperLetter
	}
	programmes := c.Query("programmes") == "true"
	l := api.GetCandidatePortfolioPDFParamsLang(lang)
	if !l.Valid() {
		l = api.GetCandidatePortfolioPDFParamsLangEn
	}
	return api.GetCandidatePortfolioPDFParams{Paper: &paper, Programmes: &programmes, Lang: &l}
}

// acceptPDF asks for the portfolio as a PDF.
var acceptPDF api.RequestEditorFn = func(_ context.Context, req *http.Request) error {
	req.Header.Set(fiber.HeaderAccept, "application/pdf")
	return nil
}
