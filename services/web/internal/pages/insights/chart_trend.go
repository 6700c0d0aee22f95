package insights

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// series is one line of the trend chart: a step, and its count in each
// month of the range (a hidden one is a gap, never a zero).
type series struct {
	Label  string
	Points []bar
}

// monthTick names a month under the trend chart: its short name, and its
// year where the year changes.
type monthTick struct {
	Short, Year string
}

// lineStyle tells a line apart by colour, dash and marker together.
type lineStyle struct {
	Colour, Dash, Marker string
}

// lineStyles are the trend chart's lines in order: four at most.
var lineStyles = []lineStyle{
	{brandColour, "", "circle"},
	{"#a3410a", "7 4", "square"},
	{"#2f55a4", "2 3", "triangle"},
	{"#6d2d85", "10 3 2 3", "diamond"},
}

// The trend chart's plot area inside its drawing.
const (
	trendHeight = 236.0
	plotLeft    = 36.0
	plotRight   = chartWidth - 12.0
	plotTop     = 10.0
	plotBottom  = trendHeight - 46.0
)

// trendSVG draws one line per series over the months, with a marker at
// each shown count; a hidden count breaks the line. The y axis starts at
// zero.
func trendSVG(id, title, desc string, ticks []monthTick, lines []series) template.HTML {
	d := newDrawing(id, trendHeight, title, desc)
	top := niceCeiling(lines)
	for _, v := range []int{0, top / 2, top} {
		y := yOf(v, top)
		d.add(`<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, num(plotLeft), num(plotRight), num(y), num(y), trackColour)
		d.text(plotLeft-6, y+4, 13, false, "end", mutedColour, fmt.Sprint(v), false)
	}
	d.add(`<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(plotLeft), num(plotRight), num(plotBottom), num(plotBottom), mutedColour)
	every := int(math.Ceil(float64(len(ticks)) / 6))
	lastYear := ""
	for i, t := range ticks {
		if i%every != 0 {
			continue
		}
		x := xOf(i, len(ticks))
		d.add(`<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(x), num(x), num(plotBottom), num(plotBottom+4), mutedColour)
		d.text(x, plotBottom+19, 13, false, "middle", inkColour, t.Short, false)
		if t.Year != lastYear {
			d.text(x, plotBottom+36, 13, true, "middle", mutedColour, t.Year, false)
			lastYear = t.Year
		}
	}
	for k, s := range lines {
		drawLine(d, s, lineStyles[k%len(lineStyles)], len(ticks), top)
	}
	return d.html()
}

// drawLine draws one series: a path through each run of shown counts,
// and a marker at every shown count, so a month alone between two hidden
// ones still shows.
func drawLine(d *drawing, s series, st lineStyle, months, top int) {
	var path strings.Builder
	run := false
	for i, p := range s.Points {
		if !p.Shown {
			run = false
			continue
		}
		cmd := "L"
		if !run {
			cmd = "M"
		}
		fmt.Fprintf(&path, "%s%s %s ", cmd, num(xOf(i, months)), num(yOf(p.Value, top)))
		run = true
	}
	dash := ""
	if st.Dash != "" {
		dash = ` stroke-dasharray="` + st.Dash + `"`
	}
	if path.Len() > 0 {
		d.add(`<path d="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-linejoin="round"%s/>`, strings.TrimSpace(path.String()), st.Colour, dash)
	}
	for i, p := range s.Points {
		if p.Shown {
			d.add("%s", marker(st, xOf(i, months), yOf(p.Value, top)))
		}
	}
}

// marker is a line's mark at (x, y): a circle, square, triangle or
// diamond, white-edged so it stands out where lines cross.
func marker(st lineStyle, x, y float64) string {
	const r = 4.0
	edge := `stroke="#fff" stroke-width="1.2"`
	switch st.Marker {
	case "square":
		return fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" %s/>`, num(x-r), num(y-r), num(2*r), num(2*r), st.Colour, edge)
	case "triangle":
		return fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sZ" fill="%s" %s/>`, num(x), num(y-r-1), num(x+r+1), num(y+r), num(x-r-1), num(y+r), st.Colour, edge)
	case "diamond":
		return fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sL%s %sZ" fill="%s" %s/>`, num(x), num(y-r-1), num(x+r+1), num(y), num(x), num(y+r+1), num(x-r-1), num(y), st.Colour, edge)
	}
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" fill="%s" %s/>`, num(x), num(y), num(r), st.Colour, edge)
}

// xOf is where month i of n is drawn; a single month sits in the middle.
func xOf(i, n int) float64 {
	if n <= 1 {
		return (plotLeft + plotRight) / 2
	}
	return plotLeft + 8 + float64(i)*(plotRight-plotLeft-16)/float64(n-1)
}

// yOf is the height of value v on an axis up to top.
func yOf(v, top int) float64 {
	return plotBottom - float64(v)*(plotBottom-plotTop)/float64(top)
}

// niceCeiling is the top of the y axis: the largest shown count rounded
// up to 1, 2, 4 or 5 times a power of ten, at least 10, so the axis's
// half is a whole number too.
func niceCeiling(lines []series) int {
	most := 0
	for _, s := range lines {
		for _, p := range s.Points {
			if p.Shown {
				most = max(most, p.Value)
			}
		}
	}
	for magnitude := 10; ; magnitude *= 10 {
		for _, f := range []int{1, 2, 4, 5} {
			if f*magnitude >= most {
				return f * magnitude
			}
		}
	}
}
