package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

func TestNormaliseEmail(t *testing.T) {
	cases := map[string]string{
		" Ana@Cafe.BE ":      "ana@cafe.be",
		"jo.coach@house.be":  "jo.coach@house.be",
		"not-an-email":       "",
		"Ana <ana@cafe.be>":  "",
		"ana@cafe.be, b@c.d": "",
	}
	for in, want := range cases {
		got, err := NormaliseEmail("email", in)
		if want == "" {
			if !errors.Is(err, errs.InvalidArgument) {
				t.Errorf("%q accepted as %q", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("%q = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	cases := []struct {
		password string
		inputs   []string
		ok       bool
	}{
		{"quiet-orchard-bicycle-91", nil, true},
		{"short", nil, false},
		{"password1234", nil, false},
		{"qwertyuiop123", nil, false},
		{"koffiebranderij", []string{"koffiebranderij@house.be"}, false},
	}
	for _, tc := range cases {
		err := CheckPassword("password", tc.password, tc.inputs...)
		if (err == nil) != tc.ok {
			t.Errorf("CheckPassword(%q) = %v, want ok=%v", tc.password, err, tc.ok)
		}
	}
}

func TestNewOrganisation(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	org, err := NewOrganisation("o1", "  Kortrijk house ", KindProgramme, DetentionHouse, now)
	if err != nil || org.Name != "Kortrijk house" || org.CreatedAt.Location() != time.UTC {
		t.Fatalf("programme organisation: %+v %v", org, err)
	}
	obs, err := NewOrganisation("o3", "City of Kortrijk", KindObserver, "", now)
	if err != nil || obs.Kind != KindObserver || obs.Status != StatusVerified {
		t.Fatalf("observer organisation: %+v %v", obs, err)
	}
	bad := []struct {
		name  string
		kind  OrgKind
		ptype ProgrammeType
		field string
	}{
		{"", KindEmployer, "", "name"},
		{"Bakery", "prison", "", "kind"},
		{"Bakery", KindEmployer, DetentionHouse, "programme_type"},
		{"House", KindProgramme, "jail", "programme_type"},
		{"Funder", KindObserver, ProbationService, "programme_type"},
	}
	for _, tc := range bad {
		_, err := NewOrganisation("o2", tc.name, tc.kind, tc.ptype, now)
		var ve *errs.ValidationError
		if !errors.As(err, &ve) || ve.Fields[0].Field != tc.field {
			t.Errorf("%+v: %v, want a field error on %s", tc, err, tc.field)
		}
	}
}

func TestInvitationUsable(t *testing.T) {
	now := time.Now()
	inv := Invitation{ExpiresAt: now.Add(time.Hour)}
	if !inv.Usable(now) {
		t.Fatal("fresh invitation unusable")
	}
	if inv.Usable(now.Add(2 * time.Hour)) {
		t.Fatal("expired invitation usable")
	}
	inv.AcceptedAt = &now
	if inv.Usable(now) {
		t.Fatal("accepted invitation usable again")
	}
}

func TestNormaliseUsername(t *testing.T) {
	cases := map[string]string{
		" Sam.K ":                         "sam.k",
		"sam_k-2":                         "sam_k-2",
		"abc":                             "abc",
		"a23456789012345678901234567890":  "a23456789012345678901234567890",
		"ab":                              "",
		"a234567890123456789012345678901": "",
		"-sam":                            "",
		".sam":                            "",
		"sam k":                           "",
		"sam@home.be":                     "",
		"sàm.k":                           "",
		"":                                "",
	}
	for in, want := range cases {
		got, err := NormaliseUsername("username", in)
		if want == "" {
			var ve *errs.ValidationError
			if !errors.As(err, &ve) || ve.Fields[0].Field != "username" {
				t.Errorf("%q accepted as %q (%v)", in, got, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("%q = %q, %v; want %q", in, got, err, want)
		}
	}
}
