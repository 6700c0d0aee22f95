package insights

import (
	"html/template"
)

// retentionRow is one day of the retention chart (after 30, 90 or 180
// days): the hires whose day has come, working, not working and not
// known, in that order.
type retentionRow struct {
	Label string
	Parts [3]bar
}

// retentionSVG draws one stacked bar per day, in proportion when all
// three counts are shown; when any is hidden the shares cannot be drawn,
// so the bar is a hatched outline. Under each bar the three states are
// written out with their counts, each beside a swatch of its fill.
func retentionSVG(id, title, desc, hiddenWords string, rows []retentionRow) template.HTML {
	const rowH, barY, barH = 100.0, 23.0, 24.0
	d := newDrawing(id, rowH*float64(len(rows))-6, title, desc)
	d.add(`<defs><pattern id="%s-ended" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">`+
		`<rect width="6" height="6" fill="#fbe3d3"/><rect width="2.5" height="6" fill="#a3410a"/></pattern>`+
		`<pattern id="%s-unknown" width="6" height="6" patternUnits="userSpaceOnUse">`+
		`<rect width="6" height="6" fill="#e8ebea"/><circle cx="3" cy="3" r="1.4" fill="#44504d"/></pattern></defs>`, id, id)
	// The three states' fills: working solid, not working hatched, not
	// known dotted, so they differ without colour too; each row's key
	// shows the same beside the state's name.
	fills := [3]string{brandColour, "url(#" + id + "-ended)", "url(#" + id + "-unknown)"}
	for i, r := range rows {
		y := float64(i) * rowH
		d.text(0, y+16, 15, true, "start", inkColour, r.Label, false)
		total, all := 0, true
		for _, p := range r.Parts {
			total += p.Value
			all = all && p.Shown
		}
		if !all || total == 0 {
			d.hiddenBar(y+barY, barH, hiddenWords)
		} else {
			x := 0.0
			for k, p := range r.Parts {
				w := float64(chartWidth) * float64(p.Value) / float64(total)
				d.add(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#fff" stroke-width="1"/>`, num(x), num(y+barY), num(w), num(barH), fills[k])
				x += w
			}
		}
		for k, p := range r.Parts {
			x := float64(k) * chartWidth / 3
			d.add(`<rect x="%s" y="%s" width="11" height="11" fill="%s" stroke="%s" stroke-width="1"/>`, num(x+0.5), num(y+barY+barH+9), fills[k], hiddenStroke)
			d.text(x+16, y+barY+barH+19, 13, false, "start", mutedColour, p.Label, false)
			d.text(x, y+barY+barH+37, 13, true, "start", inkColour, p.Text, false)
		}
	}
	return d.html()
}
