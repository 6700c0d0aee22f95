package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/textkey"
)

// placeList is a gazetteer of a few places, matched as the real one
// matches: ignoring case, accents and punctuation.
type placeList []string

func (p placeList) IsPlaceName(name string) bool {
	return slices.Contains(p, textkey.Of(name))
}

var testPlaces = placeList{"kortrijk", "den haag", "sint niklaas", "liege", "job", "as"}

func TestCheckStatement(t *testing.T) {
	tests := []struct {
		name, text string
		want       []StatementFlag
	}{
		{"nothing to flag", "I roast coffee. I'm good with people and I’ve learnt to keep time.", []StatementFlag{}},
		{"first word of each sentence", "Coffee is my trade. Baking too! Why not? Gardens\nalso.", []StatementFlag{}},
		{"a name mid-sentence", "I worked with Marek on the roaster.",
			[]StatementFlag{{FlagName, "Marek", 14, 19}}},
		{"digits", "Since 2021 I did 600 hours.",
			[]StatementFlag{{FlagDigits, "2021", 6, 10}, {FlagDigits, "600", 17, 20}}},
		{"a word with a digit", "Cell B12 was quiet.", []StatementFlag{{FlagDigits, "B12", 5, 8}}},
		{"a place in lower case", "i grew up near kortrijk.", []StatementFlag{{FlagPlace, "kortrijk", 15, 23}}},
		{"a place starting a sentence", "Kortrijk is home.", []StatementFlag{{FlagPlace, "Kortrijk", 0, 8}}},
		{"a place of two words", "I want to work in Den Haag again.", []StatementFlag{{FlagPlace, "Den Haag", 18, 26}}},
		{"a hyphenated place", "Back to Sint-Niklaas soon.", []StatementFlag{{FlagPlace, "Sint-Niklaas", 8, 20}}},
		{"accents ignored", "I lived in Liège.", []StatementFlag{{FlagPlace, "Liège", 11, 16}}},
		{"whole words only", "Kortrijkse coffee is good.", []StatementFlag{}},
		{"a common word in lower case", "I want a job as a baker.", []StatementFlag{}},
		{"rune offsets", "Ça va très bien à Kortrijk.", []StatementFlag{{FlagPlace, "Kortrijk", 18, 26}}},
		{"no place across a full stop", "I like Den. Haag is far.", []StatementFlag{{FlagName, "Den", 7, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckStatement(tt.text, testPlaces)
			if !slices.Equal(got, tt.want) {
				t.Errorf("CheckStatement(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			runes := []rune(tt.text)
			for _, f := range got {
				if string(runes[f.Start:f.End]) != f.Text {
					t.Errorf("flag %+v: offsets give %q", f, string(runes[f.Start:f.End]))
				}
			}
		})
	}
}

func TestNewStatement(t *testing.T) {
	at := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	s, err := NewStatement("  I roast coffee in Kortrijk.  ", "u1", at, testPlaces)
	if err != nil {
		t.Fatal(err)
	}
	if s.Text != "I roast coffee in Kortrijk." || s.Status != StatementPending || s.WrittenBy != "u1" || !s.WrittenAt.Equal(at) {
		t.Errorf("statement = %+v", s)
	}
	if len(s.Flags) != 1 || s.Flags[0].Kind != FlagPlace {
		t.Errorf("flags = %+v, want one place", s.Flags)
	}
	for _, text := range []string{"", "   \n ", strings.Repeat("é", MaxStatement+1)} {
		_, err := NewStatement(text, "u1", at, testPlaces)
		var v *errs.ValidationError
		if !errors.As(err, &v) || v.Fields[0].Field != "text" {
			t.Errorf("NewStatement(%d runes) = %v, want a validation error naming text", len(text), err)
		}
	}
	if _, err := NewStatement(strings.Repeat("é", MaxStatement), "u1", at, nil); err != nil {
		t.Errorf("600 characters: %v", err)
	}
}

func TestStatementReview(t *testing.T) {
	at := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	if err := ValidateReview(DecisionReject, ""); err == nil {
		t.Error("a rejection without a note passed")
	}
	if err := ValidateReview("maybe", "x"); err == nil {
		t.Error("an unknown decision passed")
	}
	if err := ValidateReview(DecisionApprove, strings.Repeat("x", MaxStatementNote+1)); err == nil {
		t.Error("a long note passed")
	}
	if err := ValidateReview(DecisionApprove, ""); err != nil {
		t.Errorf("approve without a note: %v", err)
	}
	s := Statement{Text: "I roast coffee.", Status: StatementPending}
	c := Candidate{Statement: &s}
	if c.ApprovedStatement() != "" {
		t.Error("a pending statement is shown")
	}
	if err := s.Review(DecisionApprove, "", "u2", at); err != nil {
		t.Fatal(err)
	}
	if c.ApprovedStatement() != "I roast coffee." || c.MatchingView().Statement != "I roast coffee." {
		t.Errorf("approved statement not shown: %+v", s)
	}
	if err := s.Review(DecisionReject, "no", "u2", at); !errors.Is(err, errs.Conflict) {
		t.Errorf("second review = %v, want a conflict", err)
	}
	r := Statement{Text: "x", Status: StatementPending}
	if err := r.Review(DecisionReject, "names a town", "u2", at); err != nil || r.Status != StatementRejected || r.Note != "names a town" {
		t.Errorf("reject: %v %+v", err, r)
	}
	if (Candidate{Statement: &r}).ApprovedStatement() != "" {
		t.Error("a rejected statement is shown")
	}
}
