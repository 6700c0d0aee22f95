package insights

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"
)

// The charts are SVG drawn here, on the server: no script, no library,
// nothing from another site. Each is an image to assistive technology
// (role="img", named by its <title> and described by its <desc>, which
// lists what it shows), and the page puts the table it is drawn from
// right after it. Counts are written on the drawing as well as drawn,
// hidden counts are hatched outlines that claim no length, and the lines
// of the trend chart differ in dash and marker as well as in colour.

// chartWidth is every chart's width in its own units: about a phone's
// column, so its text is drawn near its set size on a phone and grows a
// little with a wider column. The SVG fills its column (width 100%).
const chartWidth = 340

// Colours of the drawings, each at least 3:1 against white (most far
// more), and the ink of the text, as the stylesheet's.
const (
	inkColour    = "#1c2826"
	mutedColour  = "#4d5d5a"
	trackColour  = "#eceae3"
	brandColour  = "#1d5c50"
	hiddenStroke = "#5f6b68"
)

// bar is one bar of a chart: its label, and its count when shown or the
// words of a hidden one (Text is what is written either way).
type bar struct {
	Label string
	Value int
	Shown bool
	Text  string
}

// drawing is one SVG being written.
type drawing struct {
	b  strings.Builder
	id string
}

// newDrawing opens an SVG of the given height, named by title and
// described by desc, with the hatching of hidden counts defined as
// id-hidden.
func newDrawing(id string, height float64, title, desc string) *drawing {
	d := &drawing{id: id}
	d.add(`<svg class="chart-svg" id="%s" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %d %s" width="100%%" focusable="false" xmlns="http://www.w3.org/2000/svg">`,
		id, id, id, chartWidth, num(height))
	d.add(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
	d.add(`<defs><pattern id="%s-hidden" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
		`<rect width="7" height="7" fill="#fff"/><rect width="2.5" height="7" fill="#b9c1be"/></pattern></defs>`, id)
	return d
}

// add writes SVG; every text in it must have been escaped.
func (d *drawing) add(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

// text writes s at (x, y) in size px, anchored start, middle or end.
// A halo keeps text legible over hatching.
func (d *drawing) text(x, y float64, size int, bold bool, anchor, fill, s string, halo bool) {
	weight := ""
	if bold {
		weight = ` font-weight="600"`
	}
	extra := ""
	if halo {
		extra = ` stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"`
	}
	d.add(`<text x="%s" y="%s" font-size="%d"%s text-anchor="%s" fill="%s"%s>%s</text>`, num(x), num(y), size, weight, anchor, fill, extra, esc(s))
}

// hiddenBar draws a hidden count: a hatched outline over the whole track,
// which claims no length, with its words on it.
func (d *drawing) hiddenBar(y, h float64, words string) {
	d.add(`<rect x="0.75" y="%s" width="%d" height="%s" rx="3" fill="url(#%s-hidden)" stroke="%s" stroke-width="1.5" stroke-dasharray="5 3"/>`,
		num(y+0.75), chartWidth-2, num(h-1.5), d.id, hiddenStroke)
	d.text(8, y+h/2+5, 14, true, "start", inkColour, words, true)
}

// html closes the drawing.
func (d *drawing) html() template.HTML {
	d.b.WriteString(`</svg>`)
	return template.HTML(d.b.String()) //nolint:gosec // built here, every text escaped.
}

// funnelSVG draws the funnel: a horizontal bar per step, its label above
// it and its count on it, or a hatched outline for a hidden count.
func funnelSVG(id, title, desc string, bars []bar) template.HTML {
	const rowH, barY, barH = 52.0, 23.0, 22.0
	d := newDrawing(id, rowH*float64(len(bars))+2, title, desc)
	most := 0
	for _, b := range bars {
		if b.Shown {
			most = max(most, b.Value)
		}
	}
	for i, b := range bars {
		y := float64(i) * rowH
		d.text(0, y+16, 15, true, "start", inkColour, b.Label, false)
		if !b.Shown || most == 0 {
			d.hiddenBar(y+barY, barH, b.Text)
			continue
		}
		d.add(`<rect x="0" y="%s" width="%d" height="%s" rx="3" fill="%s"/>`, num(y+barY), chartWidth, num(barH), trackColour)
		w := max(3, float64(chartWidth)*float64(b.Value)/float64(most))
		d.add(`<rect x="0" y="%s" width="%s" height="%s" rx="3" fill="%s"/>`, num(y+barY), num(w), num(barH), brandColour)
		if tw := textWidth(b.Text, 14); w > tw+14 {
			d.text(w-7, y+barY+barH/2+5, 14, true, "end", "#fff", b.Text, false)
		} else {
			d.text(w+6, y+barY+barH/2+5, 14, true, "start", inkColour, b.Text, false)
		}
	}
	return d.html()
}

// textWidth is about how wide s is at size px in a sans-serif face.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.6
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// esc escapes text for the SVG.
func esc(s string) string { return template.HTMLEscapeString(s) }
