package skills_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/skills/esco"
	"github.com/onward-jobs/onward/pkg/skills/internal/escogen"
)

// synthetic is an ESCO-sized taxonomy built once per test binary from
// generated CSV files, with its data file, because generating and importing
// takes seconds that no benchmark should measure.
var synthetic = sync.OnceValues(func() (*skills.Taxonomy, []byte) {
	dir, err := os.MkdirTemp("", "esco-synthetic-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := escogen.Write(dir, escogen.ESCOSize); err != nil {
		panic(err)
	}
	t, err := esco.Import(os.DirFS(dir), esco.Options{Langs: skills.Langs})
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := skills.Write(&buf, t); err != nil {
		panic(err)
	}
	return t, buf.Bytes()
})

// BenchmarkSuggestSkillsESCO measures suggestions over an ESCO-sized
// taxonomy with the mix a search box sees: prefixes while typing, typos,
// two-word queries and misses. It reports the 50th and 99th percentile of
// single queries; the target is a p99 under 1 ms.
func BenchmarkSuggestSkillsESCO(b *testing.B) {
	t, _ := synthetic()
	benchmarkSuggest(b, t, queryMix(t, 2000))
}

// BenchmarkSuggestSkillsCurated measures the same mix over the embedded
// curated taxonomy.
func BenchmarkSuggestSkillsCurated(b *testing.B) {
	t := skills.Default()
	benchmarkSuggest(b, t, queryMix(t, 500))
}

func benchmarkSuggest(b *testing.B, t *skills.Taxonomy, queries []query) {
	durations := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		start := time.Now()
		t.SuggestSkills(q.text, q.lang, 10)
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, durations)
}

func reportPercentiles(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	at := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))]) / float64(time.Microsecond)
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

type query struct {
	text string
	lang skills.Lang
}

// queryMix derives realistic queries from the taxonomy's own labels: a
// third prefixes of three to six letters, a fifth words with one typo, a
// fifth two-word queries with the last word half typed, the rest whole
// labels in another case, and misses.
func queryMix(t *skills.Taxonomy, n int) []query {
	r := rand.New(rand.NewPCG(42, 42))
	all := t.Skills()
	out := make([]query, 0, n)
	for len(out) < n {
		s := all[r.IntN(len(all))]
		lang := skills.Langs[r.IntN(len(skills.Langs))]
		words := strings.Fields(s.Label(lang))
		w := words[r.IntN(len(words))]
		switch k := r.IntN(20); {
		case k < 7:
			out = append(out, query{prefix(w, 3+r.IntN(4)), lang})
		case k < 11:
			out = append(out, query{typo(r, w), lang})
		case k < 15 && len(words) > 1:
			out = append(out, query{words[0] + " " + prefix(words[1], 2+r.IntN(3)), lang})
		case k < 18:
			out = append(out, query{strings.ToUpper(s.Label(lang)), lang})
		default:
			out = append(out, query{"zzqx" + prefix(w, 3), lang})
		}
	}
	return out
}

func prefix(w string, n int) string {
	runes := []rune(w)
	return string(runes[:min(n, len(runes))])
}

// typo swaps two neighbouring letters or drops one.
func typo(r *rand.Rand, w string) string {
	runes := []rune(w)
	if len(runes) < 4 {
		return w
	}
	i := r.IntN(len(runes) - 1)
	if r.IntN(2) == 0 {
		runes[i], runes[i+1] = runes[i+1], runes[i]
		return string(runes)
	}
	return string(append(runes[:i], runes[i+1:]...))
}

// BenchmarkLoadESCO measures loading an ESCO-sized data file, as a service
// would at start, and the heap it keeps. Targets: under 3 s and 100 MB.
func BenchmarkLoadESCO(b *testing.B) {
	_, data := synthetic()
	var heapMB float64
	for b.Loop() {
		b.StopTimer()
		before := heapAlloc()
		b.StartTimer()
		t, err := skills.Load(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		heapMB = float64(heapAlloc()-before) / (1 << 20)
		runtime.KeepAlive(t)
		b.StartTimer()
	}
	b.ReportMetric(heapMB, "heap-MB")
	b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
}

// heapAlloc is the live heap after a full collection.
func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
