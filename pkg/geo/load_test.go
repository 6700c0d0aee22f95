package geo

import "testing"

// TestParsePlaceReadsTheRegion checks the seventh column: a division code,
// empty for none, and a line with anything else is refused rather than
// shifted into the wrong field.
func TestParsePlaceReadsTheRegion(t *testing.T) {
	p, _, err := parsePlace("2794055\tKortrijk\tBE\t50.82803\t3.26487\t73879\tVLG")
	if err != nil || p.Region != "VLG" || p.Population != 73879 {
		t.Fatalf("parsePlace = %+v, %v", p, err)
	}
	if p, _, err := parsePlace("1\tNowhere\tBE\t50\t3\t0\t"); err != nil || p.Region != "" {
		t.Errorf("a place without a region: %+v, %v", p, err)
	}
	for _, bad := range []string{
		"1\tNowhere\tBE\t50\t3\t0",         // six fields: data older than the code
		"1\tNowhere\tBE\t50\t3\t0\tVL G",   // not a code
		"1\tNowhere\tBE\t50\t3\t0\tVLG\tx", // eight fields
	} {
		if _, _, err := parsePlace(bad); err == nil {
			t.Errorf("parsePlace(%q) accepted it", bad)
		}
	}
}

// TestAlmostEveryPlaceHasARegion guards the data: a regeneration that lost
// the column would leave reports with one region per country.
func TestAlmostEveryPlaceHasARegion(t *testing.T) {
	none := 0
	for _, p := range Default().places {
		if p.Region == "" {
			none++
		}
	}
	if none > 10 {
		t.Errorf("%d of %d places have no region code", none, Default().Len())
	}
}
