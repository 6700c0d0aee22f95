package printout

// skills prints the current skills, each with its level and hours, and
// the total hours in work programmes.
func (d *document) skills(p Portfolio) {
	d.section("skills")
	shares := []float64{0.45, 0.40, 0.15}
	if len(p.Skills) == 0 {
		d.none()
	} else {
		d.row("B", []string{d.tr.t("col_skill", nil), d.tr.t("col_level", nil), d.tr.t("col_hours", nil)}, shares, "R")
		for _, s := range p.Skills {
			d.row("", []string{s.Label, d.levelLabel("level_value", s.Level), d.hours(s.Hours)}, shares, "R")
		}
	}
	d.pdf.Ln(1)
	d.row("B", []string{d.tr.t("total_hours", map[string]any{"Hours": p.TotalHours})}, []float64{1}, "L")
}

// records prints the time spent in work programmes; a programme is named
// only when the portfolio carries its name.
func (d *document) records(p Portfolio) {
	d.section("records")
	if len(p.Records) == 0 {
		d.none()
		return
	}
	shares := []float64{0.50, 0.35, 0.15}
	d.row("B", []string{d.tr.t("col_programme", nil), d.tr.t("col_period", nil), d.tr.t("col_hours", nil)}, shares, "R")
	for _, r := range p.Records {
		name := r.Programme
		if name == "" {
			name = d.tr.t("record_unnamed", nil)
		}
		period := d.tr.t("period_ongoing", map[string]any{"From": r.From})
		if r.To != "" {
			period = d.tr.t("period", map[string]any{"From": r.From, "To": r.To})
		}
		d.row("", []string{name, period, d.hours(r.Hours)}, shares, "R")
	}
}

// certificates prints the qualifications from outside issuers.
func (d *document) certificates(p Portfolio) {
	d.section("certificates")
	if len(p.Certificates) == 0 {
		d.none()
		return
	}
	shares := []float64{0.45, 0.35, 0.20}
	d.row("B", []string{d.tr.t("col_certificate", nil), d.tr.t("col_issuer", nil), d.tr.t("col_date", nil)}, shares, "R")
	for _, c := range p.Certificates {
		d.row("", []string{c.Name, c.Issuer, c.Date}, shares, "R")
	}
}

// attestations prints every attestation with the QR code of its
// verification address and that address in small type beneath, each on
// one page, never split across two.
func (d *document) attestations(p Portfolio) error {
	d.section("attestations")
	if len(p.Attestations) == 0 {
		d.none()
		return nil
	}
	_, pageHeight := d.pdf.GetPageSize()
	for _, a := range p.Attestations {
		if d.pdf.GetY()+attestationHeight > pageHeight-margin {
			d.pdf.AddPage()
		}
		if err := d.attestation(a); err != nil {
			return err
		}
	}
	return nil
}

// attestation prints one attestation: the code on the left, what it
// attests on the right, the address beneath.
func (d *document) attestation(a Attestation) error {
	x, y := margin, d.pdf.GetY()
	if err := drawQR(d.pdf, a.VerifyURL, x, y, qrSize); err != nil {
		return err
	}
	textX, textWidth := x+qrSize+4, d.width-qrSize-4
	lines := []struct {
		style, text string
	}{
		{"B", a.Label},
		{"", d.levelLabel("attestation_level", a.Level)},
		{"", d.tr.t("attestation_hours", map[string]any{"Hours": a.Hours, "Date": a.Date})},
	}
	if a.Programme != "" {
		lines = append(lines, struct{ style, text string }{"", d.tr.t("attestation_programme", map[string]any{"Name": a.Programme})})
	}
	d.pdf.SetXY(textX, y+3)
	for _, l := range lines {
		d.font(l.style, 11)
		d.pdf.SetX(textX)
		d.pdf.CellFormat(textWidth, lineHeight, d.fit(l.text, textWidth), "", 1, "L", false, 0, "")
	}
	d.pdf.SetXY(x, y+qrSize+0.5)
	d.font("", 7)
	d.pdf.CellFormat(d.width, 3.5, d.text(d.tr.t("verify_at", nil)+" "+a.VerifyURL), "", 1, "L", false, 0, "")
	d.pdf.SetY(y + attestationHeight)
	return nil
}

// hours is a number of hours with its unit.
func (d *document) hours(h int) string { return d.tr.t("hours_value", map[string]any{"Hours": h}) }
