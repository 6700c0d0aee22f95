package loadtest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// An operator's mix must come out as written: over every cycle of the
// schedule each kind appears exactly in its proportion, the same seed gives
// the same order, and another seed another order.
func TestScheduleKeepsTheMixAndTheSeed(t *testing.T) {
	mix, err := ParseMix("shortlist_read=70,suggestions_read=12,candidate_update=7,role_edit=6,candidate_register=3,role_post=2")
	if err != nil {
		t.Fatal(err)
	}
	s := mix.Schedule(1)
	if len(s) != 100 {
		t.Fatalf("a schedule of %d, want 100", len(s))
	}
	count := map[Kind]int{}
	for _, k := range s {
		count[k]++
	}
	for _, share := range mix {
		if count[share.Kind] != share.Weight {
			t.Errorf("%s appears %d times in 100, want %d", share.Kind, count[share.Kind], share.Weight)
		}
	}
	if !slices.Equal(s, mix.Schedule(1)) {
		t.Error("the same seed gave another order")
	}
	if slices.Equal(s, mix.Schedule(2)) {
		t.Error("another seed gave the same order")
	}
	if got := mix.String(); !strings.HasPrefix(got, "shortlist_read 70%, suggestions_read 12%") {
		t.Errorf("mix reads %q", got)
	}
}

func TestParseMixRefusesWhatItCannotRun(t *testing.T) {
	for _, bad := range []string{"", "shortlist_read", "shortlist_read=-1", "delete_everything=5", "shortlist_read=0"} {
		if _, err := ParseMix(bad); err == nil {
			t.Errorf("ParseMix(%q) accepted it", bad)
		}
	}
	if _, err := ParseMix(mixString(DefaultMix)); err != nil {
		t.Errorf("the default mix does not parse back: %v", err)
	}
}

func mixString(m Mix) string {
	var parts []string
	for _, s := range m {
		parts = append(parts, string(s.Kind)+"="+strconv.Itoa(s.Weight))
	}
	return strings.Join(parts, ",")
}

// The load test must never leave this machine.
func TestRequireLoopbackRefusesOtherMachines(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8090", "http://localhost:8090/api/v1", "redis://127.0.0.1:6379/0", "http://[::1]:80", "http://127.0.0.2:1"} {
		if err := RequireLoopback(ok); err != nil {
			t.Errorf("RequireLoopback(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.5:8090", "https://onward.example.org", "redis://redis.internal:6379/0", "http://0.0.0.0:8090", "/api/v1", "http://localhost.example.org"} {
		if err := RequireLoopback(bad); err == nil {
			t.Errorf("RequireLoopback(%q) accepted it", bad)
		}
	}
}

// Every request the workload makes is counted under its own operation.
func TestClassifyNamesEachOperation(t *testing.T) {
	base := "http://127.0.0.1:1"
	for _, c := range []struct {
		method, url string
		want        Kind
	}{
		{"GET", base + "/api/v1/roles/r1/shortlist?limit=20", ShortlistRead},
		{"GET", base + "/api/v1/candidates/c1/suggestions?limit=20", SuggestionsRead},
		{"PATCH", base + "/api/v1/roles/r1", RoleEdit},
		{"PATCH", base + "/api/v1/candidates/c1", CandidateUpdate},
		{"POST", base + "/api/v1/roles", RolePost},
		{"POST", base + "/api/v1/candidates", CandidateRegister},
		{"GET", base + "/api/v1/roles/r1", "other"},
	} {
		if got := Classify(c.method, c.url); got != c.want {
			t.Errorf("Classify(%s %s) = %s, want %s", c.method, c.url, got, c.want)
		}
	}
}

// The table an operator reads: milliseconds with one decimal, errors by
// status most frequent first, a dash where there is nothing.
func TestTableFormatting(t *testing.T) {
	if got := Millis(11949 * time.Microsecond); got != "11.9" {
		t.Errorf("Millis = %q", got)
	}
	if got := ErrorSummary(map[string]int{"409": 2, "503": 45, "conn": 0}); got != "503×45 409×2" {
		t.Errorf("ErrorSummary = %q", got)
	}
	if got := ErrorSummary(nil); got != "-" {
		t.Errorf("ErrorSummary(nil) = %q", got)
	}
	var buf bytes.Buffer
	WriteTable(&buf, Step{Name: "mixed at 500/s", Stores: "embedded", Rate: 500, Duration: 20 * time.Second,
		Rows:  []Row{{Kind: ShortlistRead, Requests: 8000, Throughput: 399.9, P50: 2 * time.Millisecond, P95: 7 * time.Millisecond, P99: 11900 * time.Microsecond, CPUPer1000: 1.234}},
		Total: Row{Kind: "all", Requests: 10000, Throughput: 499.5, Errors: map[string]int{"503": 3}}})
	out := buf.String()
	for _, want := range []string{"mixed at 500/s", "500 req/s for 20s", "shortlist_read", "8000", "399.9", "11.9", "1.23", "503×3"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}

// A data directory the load test did not make is never wiped; its own is
// kept when it holds the world asked for and made afresh otherwise.
func TestPrepareDataDirWipesOnlyItsOwn(t *testing.T) {
	params := SeedParams{Seed: 1, Houses: 1, Candidates: 2, Employers: 1, RolesPerEmployer: 1}
	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "precious.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := PrepareDataDir(foreign, params); err == nil {
		t.Error("a foreign directory was accepted")
	}
	if _, err := os.Stat(filepath.Join(foreign, "precious.txt")); err != nil {
		t.Error("a foreign directory's file is gone")
	}
	own := filepath.Join(t.TempDir(), "data")
	if _, seeded, err := PrepareDataDir(own, params); err != nil || seeded {
		t.Fatalf("a new directory: seeded %v, %v", seeded, err)
	}
	world := World{Params: params, Employers: []Employer{{Email: "e@x", Roles: []string{"r1"}}}}
	if err := SaveWorld(own, world); err != nil {
		t.Fatal(err)
	}
	if w, seeded, err := PrepareDataDir(own, params); err != nil || !seeded || w.Employers[0].Roles[0] != "r1" {
		t.Errorf("the seeded world was not reused: %v %v %+v", seeded, err, w)
	}
	bigger := params
	bigger.Candidates = 3
	if _, seeded, err := PrepareDataDir(own, bigger); err != nil || seeded {
		t.Errorf("a world of other sizes was reused: %v %v", seeded, err)
	}
}

// The sizing model: 10,000 candidates, 1,000 open roles each read 30 times
// a working day, three times the mean in the busy hour, is 3.125 shortlist
// reads a second; cores follow the CPU per request at 60% utilisation.
func TestSizingModel(t *testing.T) {
	rates := BusyHourRates(10_000)
	if got := rates[ShortlistRead]; got < 3.12 || got > 3.13 {
		t.Errorf("shortlist reads at 10,000 candidates = %.3f/s, want 3.125", got)
	}
	if BusyHourRates(1_000_000)[CandidateUpdate] <= 99*rates[CandidateUpdate] {
		t.Error("updates do not grow with the candidates")
	}
	cores := CoresFor(map[Kind]float64{ShortlistRead: 1000}, map[Kind]float64{ShortlistRead: 0.3})
	if cores != 0.5 {
		t.Errorf("1,000 reads/s at 0.3 CPU s per 1,000 = %.2f cores, want 0.5 (0.3 at 60%%)", cores)
	}
	if got := MemoryFor(1_000_000, 200<<20); got != 200<<20+370_000_000 {
		t.Errorf("MemoryFor(1M) = %d", got)
	}
}
