package vocab

import "testing"

func TestVocabularies(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{{"nl", true}, {"zu", true}, {"NL", false}, {"xx", false}, {"nld", false}, {"", false}, {"n", false}} {
		if got := ValidLanguage(tc.name); got != tc.ok {
			t.Errorf("ValidLanguage(%q) = %v", tc.name, got)
		}
	}
	if !ValidSector("P") || ValidSector("V") || ValidSector("PQ") || ValidSector("") {
		t.Error("ValidSector accepts the wrong letters")
	}
	if CEFRRank("A1") != 0 || CEFRRank("C2") != 5 || CEFRRank("B3") != -1 {
		t.Error("CEFRRank misorders levels")
	}
	if !ValidWeekday("sun") || ValidWeekday("sunday") || !ValidContract("permanent") || ValidContract("gig") {
		t.Error("weekday or contract check is wrong")
	}
}
