package loadtest

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// The busy-hour model that turns a number of candidates into request
// rates (docs/deployment.md, "Sizing", states and argues each figure).
const (
	candidatesPerOpenRole   = 10    // one open role for every ten candidates
	shortlistReadsPerRole   = 30    // a working day's reads of an open role's list
	suggestionReadsPerCand  = 3     // a working day's reads of a candidate's suggestions
	candidateUpdatesPerWeek = 2     // changes to a candidate's record a week
	roleEditsPerWeek        = 2     // changes to an open role a week
	candidateStayDays       = 125   // working days a candidate stays (about six months)
	roleOpenDays            = 20    // working days a role stays open (about four weeks)
	workingDaySeconds       = 28800 // eight hours
	busyHourFactor          = 3     // the busy hour's rate over the working day's mean
	// indexBytesPerCandidate is the matching index's heap per candidate at
	// a million (docs/architecture.md, `make bench`), doubled for the
	// collector's headroom (GOGC=100) in MemoryFor.
	indexBytesPerCandidate = 185
	// targetUtilisation is the share of a core a request budget may use,
	// leaving room for bursts and for the tail to stay short.
	targetUtilisation = 0.6
)

// BusyHourRates are the requests a second of each kind a platform of n
// candidates sees in its busy hour.
func BusyHourRates(n int) map[Kind]float64 {
	roles := float64(n) / candidatesPerOpenRole
	perDay := func(x float64) float64 { return x / workingDaySeconds * busyHourFactor }
	return map[Kind]float64{
		ShortlistRead:     perDay(roles * shortlistReadsPerRole),
		SuggestionsRead:   perDay(float64(n) * suggestionReadsPerCand),
		CandidateUpdate:   perDay(float64(n) * candidateUpdatesPerWeek / 5),
		RoleEdit:          perDay(roles * roleEditsPerWeek / 5),
		CandidateRegister: perDay(float64(n) / candidateStayDays),
		RolePost:          perDay(roles / roleOpenDays),
	}
}

// CoresFor is the cores a load of rates needs at the measured CPU per
// 1,000 requests of each kind, at the target utilisation.
func CoresFor(rates, cpuPer1000 map[Kind]float64) float64 {
	busy := 0.0
	for k, r := range rates {
		busy += r * cpuPer1000[k] / 1000
	}
	return busy / targetUtilisation
}

// MemoryFor is the platform's memory for n candidates: its resident set at
// rest (measured) plus the matching index, with the collector's headroom.
func MemoryFor(n int, rssAtRest int64) int64 {
	return rssAtRest + int64(n)*indexBytesPerCandidate*2
}

// WriteSizing writes the sizing the measured figures imply for 10,000,
// 100,000 and 1,000,000 candidates.
func WriteSizing(w io.Writer, r Result, cpu map[Kind]float64) {
	perCandidate := 0.0
	if r.Candidates > 0 {
		perCandidate = float64(r.StoreBytes) / float64(r.Candidates)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "candidates\tbusy-hour req/s\tshortlist reads/s\tcores\tmemory MiB\tMongo GiB\t")
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		rates := BusyHourRates(n)
		total := 0.0
		for _, x := range rates {
			total += x
		}
		fmt.Fprintf(tw, "%d\t%.1f\t%.1f\t%.2f\t%d\t%.1f\t\n", n, total, rates[ShortlistRead], CoresFor(rates, cpu),
			MemoryFor(n, r.RSSIdle)>>20, perCandidate*float64(n)/(1<<30))
	}
	tw.Flush()
}
