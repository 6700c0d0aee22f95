package insights

import (
	"strings"
	"testing"
)

// TestAHiddenCountIsDrawnWithoutALength: a hidden step of the funnel is
// a hatched outline over the whole track with its words on it, never a
// bar whose length could be measured; shown steps are drawn in
// proportion to the largest.
func TestAHiddenCountIsDrawnWithoutALength(t *testing.T) {
	svg := string(funnelSVG("f", "Funnel", "Registered: 40", []bar{
		{Label: "Registered", Value: 40, Shown: true, Text: "40"},
		{Label: "Hired", Text: "fewer than 5"},
		{Label: "Asked", Value: 10, Shown: true, Text: "10"},
	}))
	for _, want := range []string{
		`role="img" aria-labelledby="f-title f-desc"`, `<title id="f-title">Funnel</title>`, `<desc id="f-desc">Registered: 40</desc>`,
		`width="340" height="22" rx="3" fill="` + brandColour + `"`, // the largest fills the track
		`width="85" height="22" rx="3" fill="` + brandColour + `"`,  // a quarter of it
		`fill="url(#f-hidden)"`, ">fewer than 5</text>",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the funnel lacks %s:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, `fill="`+brandColour+`"`); n != 2 {
		t.Errorf("the funnel fills %d bars, want 2 (the hidden step has none):\n%s", n, svg)
	}
}

// TestAHiddenMonthIsAGapNotAZero: a line breaks at a hidden month (a new
// "M" after it) and puts no marker there, so nothing is drawn at zero.
func TestAHiddenMonthIsAGapNotAZero(t *testing.T) {
	points := []bar{{Value: 10, Shown: true}, {Value: 20, Shown: true}, {Text: "fewer than 5"}, {Value: 30, Shown: true}}
	svg := string(trendSVG("t", "Trend", "A line chart", make([]monthTick, 4), []series{{Label: "Registered", Points: points}}))
	path := svg[strings.Index(svg, `<path d="`)+len(`<path d="`):]
	path = path[:strings.Index(path, `"`)]
	if strings.Count(path, "M") != 2 || strings.Count(path, "L") != 1 {
		t.Errorf("the line is %q, want two runs around the hidden month", path)
	}
	if n := strings.Count(svg, "<circle"); n != 3 {
		t.Errorf("the line has %d markers, want 3 (none for the hidden month)", n)
	}
	if zero := " " + num(plotBottom) + " "; strings.Contains(path+" ", zero) {
		t.Errorf("the line touches zero: %q", path)
	}
}

// TestTheAxisEndsOnARoundNumber: the y axis ends at 1, 2, 4 or 5 times a
// power of ten, at least 10, so its middle is a whole number.
func TestTheAxisEndsOnARoundNumber(t *testing.T) {
	for most, want := range map[int]int{0: 10, 7: 10, 11: 20, 33: 40, 45: 50, 51: 100, 180: 200, 401: 500, 2100: 4000} {
		got := niceCeiling([]series{{Points: []bar{{Value: most, Shown: true}, {Value: 99999}}}})
		if got != want {
			t.Errorf("niceCeiling(%d) = %d, want %d", most, got, want)
		}
	}
}

// TestTextOnAChartIsEscaped: a name from another service cannot write
// markup into a drawing.
func TestTextOnAChartIsEscaped(t *testing.T) {
	svg := string(funnelSVG("f", `<script>`, `a & b`, []bar{{Label: `<b>"x"</b>`, Value: 5, Shown: true, Text: "5"}}))
	if strings.Contains(svg, "<script>") || strings.Contains(svg, "<b>") || !strings.Contains(svg, "&lt;b&gt;") || !strings.Contains(svg, "a &amp; b") {
		t.Errorf("the drawing's text is not escaped:\n%s", svg)
	}
}

// TestRetentionIsStackedOnlyWhenAllThreeAreShown: a day whose three
// counts are shown is a bar in proportion (working a fifth, here); a day
// with any hidden count draws no shares at all, only the hatched
// outline, and writes each state's count or words under it.
func TestRetentionIsStackedOnlyWhenAllThreeAreShown(t *testing.T) {
	shown := func(n int) bar { return bar{Value: n, Shown: true, Text: num(float64(n))} }
	svg := string(retentionSVG("r", "Still in work", "desc", "Hidden numbers", []retentionRow{
		{Label: "After 30 days", Parts: [3]bar{shown(10), shown(30), shown(10)}},
		{Label: "After 90 days", Parts: [3]bar{shown(10), {Text: "fewer than 5"}, shown(20)}},
	}))
	for _, want := range []string{
		`width="68" height="24" fill="` + brandColour + `"`, `width="204" height="24" fill="url(#r-ended)"`, `fill="url(#r-unknown)"`,
		`fill="url(#r-hidden)"`, ">Hidden numbers</text>", ">fewer than 5</text>", ">After 90 days</text>",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the retention chart lacks %s:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, `height="24" fill="`+brandColour+`"`); n != 1 {
		t.Errorf("the retention chart draws %d working shares, want 1 (none for the day with a hidden count)", n)
	}
}
