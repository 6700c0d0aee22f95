package geo

import (
	"runtime"
	"slices"
	"testing"
	"time"
)

// suggestQueries is a mix of what people type into a place box: whole
// names, the first two to five letters, typos, names in another language,
// with and without a country filter.
var suggestQueries = []struct{ q, country string }{
	{"Kortrijk", ""}, {"Gent", ""}, {"Ghent", ""}, {"Bruxelles", ""}, {"Brussel", "BE"},
	{"Den Haag", ""}, {"Oslo", ""}, {"Bergen", ""}, {"Bergen", "NL"}, {"Antwerpen", "BE"},
	{"Saint-Étienne", ""}, {"Frankfurt am Main", ""}, {"Liège", "BE"}, {"München", ""},
	{"br", ""}, {"sa", ""}, {"ko", "BE"}, {"st", "FR"}, {"ma", ""}, {"le", "NL"},
	{"ams", ""}, {"mec", "BE"}, {"leu", ""}, {"kort", ""}, {"roes", "BE"}, {"rotte", ""},
	{"lill", "FR"}, {"hassel", ""}, {"stras", ""}, {"luxem", ""},
	{"kortrik", ""}, {"brusels", ""}, {"antwerpn", "BE"}, {"amsterdma", ""},
	{"rotterdma", "NL"}, {"sint niklas", ""}, {"frankfrut", "DE"}, {"koeln", ""},
	{"saint etiene", ""}, {"manchestre", ""}, {"Keulen", ""}, {"Rijsel", ""}, {"Luik", "BE"},
	{"s gravenhage", ""}, {"Wien", ""}, {"Praha", ""}, {"Lisboa", ""}, {"Warszawa", "PL"},
}

// BenchmarkSuggestPlaces times Suggest over every European place and
// reports the median and 99th percentile of single queries, the figures the
// type-ahead budget (p99 under 2 ms) is about.
func BenchmarkSuggestPlaces(b *testing.B) {
	g := Default()
	durations := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := suggestQueries[i%len(suggestQueries)]
		start := time.Now()
		g.Suggest(q.q, q.country, DefaultSuggestLimit)
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durations)
	percentile := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(percentile(0.50), "p50-µs")
	b.ReportMetric(percentile(0.99), "p99-µs")
}

// BenchmarkLoadGazetteer times parsing the embedded data and building the
// index, and reports the heap the loaded gazetteer keeps.
func BenchmarkLoadGazetteer(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := load(placesGz, aliasesTSV)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	heapMB := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)

	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := load(placesGz, aliasesTSV); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(heapMB, "heap-MB")
}
