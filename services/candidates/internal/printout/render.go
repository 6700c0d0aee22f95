package printout

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/onward-jobs/onward/pkg/skills"
)

// Measures of the page, in millimetres and points.
const (
	margin     = 18.0
	lineHeight = 6.0
	qrSize     = 28.0
	// attestationHeight is the room one attestation takes: its code, the
	// address beneath it and a gap.
	attestationHeight = qrSize + 9
)

// document is a printout being drawn: the PDF, the cp1252 translation the
// core fonts need and the labels of the chosen language.
type document struct {
	pdf    *fpdf.Fpdf
	cp1252 func(string) string
	tr     translator
	lang   skills.Lang
	width  float64
}

// Render draws p as a PDF on the paper and in the language o names.
func Render(p Portfolio, o Options) ([]byte, error) {
	size := "A4"
	if o.Paper == Letter {
		size = "Letter"
	}
	pdf := fpdf.New("P", "mm", size, "")
	lang, _ := skills.ParseLang(o.Lang)
	d := &document{pdf: pdf, cp1252: pdf.UnicodeTranslatorFromDescriptor("cp1252"), tr: newTranslator(string(lang)), lang: lang}
	pageWidth, _ := pdf.GetPageSize()
	d.width = pageWidth - 2*margin
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.SetTitle("Onward "+d.tr.t("title", nil)+" "+p.Alias, true)
	pdf.SetCreator("Onward", true)
	if !o.PrintedAt.IsZero() {
		pdf.SetCreationDate(o.PrintedAt)
		pdf.SetModificationDate(o.PrintedAt)
	}
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(d.footer(p.Alias))
	pdf.AddPage()
	d.heading(p, o.PrintedAt)
	d.skills(p)
	d.records(p)
	d.certificates(p)
	if err := d.attestations(p); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render portfolio: %w", err)
	}
	return buf.Bytes(), nil
}

// heading prints the title, the alias, the date and what the document is.
func (d *document) heading(p Portfolio, at time.Time) {
	d.font("B", 20)
	d.pdf.CellFormat(d.width, 10, d.text(d.tr.t("title", nil)+" "+p.Alias), "", 1, "L", false, 0, "")
	d.font("", 9)
	if !at.IsZero() {
		d.pdf.CellFormat(d.width, 5, d.text(d.tr.t("printed_on", map[string]any{"Date": at.UTC().Format(time.DateOnly)})), "", 1, "L", false, 0, "")
	}
	d.pdf.MultiCell(d.width, 4.5, d.text(d.tr.t("intro", nil)), "", "L", false)
	d.pdf.Ln(3)
}

// footer numbers the pages and repeats the alias, so loose pages find
// their way back together.
func (d *document) footer(alias string) func() {
	return func() {
		d.pdf.SetY(-margin + 6)
		d.font("", 8)
		label := d.tr.t("page", map[string]any{"Page": d.pdf.PageNo(), "Pages": "{nb}"})
		d.pdf.CellFormat(d.width, 5, d.text("Onward · "+alias+" · "+label), "", 0, "C", false, 0, "")
	}
}

// section starts a titled part of the document.
func (d *document) section(id string) {
	d.pdf.Ln(3)
	d.font("B", 13)
	d.pdf.CellFormat(d.width, 8, d.text(d.tr.t(id, nil)), "B", 1, "L", false, 0, "")
	d.pdf.Ln(1)
}

// row prints one line of a table: each cell fitted into its share of the
// width (fractions that add up to 1), the last one right-aligned when
// alignLast is "R".
func (d *document) row(style string, cells []string, shares []float64, alignLast string) {
	d.font(style, 10)
	for i, c := range cells {
		w := d.width * shares[i]
		align := "L"
		if i == len(cells)-1 {
			align = alignLast
		}
		d.pdf.CellFormat(w, lineHeight, d.fit(c, w-2), "", 0, align, false, 0, "")
	}
	d.pdf.Ln(lineHeight)
}

// none says a section is empty.
func (d *document) none() {
	d.font("I", 10)
	d.pdf.CellFormat(d.width, lineHeight, d.text(d.tr.t("none", nil)), "", 1, "L", false, 0, "")
}

func (d *document) font(style string, size float64) { d.pdf.SetFont("Helvetica", style, size) }

// text turns UTF-8 into the cp1252 the core fonts print.
func (d *document) text(s string) string { return d.cp1252(s) }

// fit returns s in cp1252, shortened with an ellipsis to fit w.
func (d *document) fit(s string, w float64) string {
	out := d.text(s)
	if d.pdf.GetStringWidth(out) <= w {
		return out
	}
	runes := []rune(s)
	for len(runes) > 1 {
		runes = runes[:len(runes)-1]
		if out = d.text(string(runes) + "…"); d.pdf.GetStringWidth(out) <= w {
			return out
		}
	}
	return out
}

// levelLabel is a level with its description in the document's language.
func (d *document) levelLabel(id string, level int) string {
	return d.tr.t(id, map[string]any{"Level": level, "Description": skills.Level(level).Description(d.lang)})
}
