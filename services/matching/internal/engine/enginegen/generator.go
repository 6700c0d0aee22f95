package enginegen

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// Generator makes candidates and roles from a seed. It is immutable after
// New and safe for concurrent use; every method call draws from its own
// random streams.
type Generator struct {
	seed        uint64
	tax         *skills.Taxonomy
	places      placeTable
	houses      []house
	occupations []occupation
	// candOcc and roleOcc draw an occupation for a candidate and a role.
	candOcc, roleOcc weighted
	// transversal and anySkill draw extra skills by popularity.
	transversal, anySkill  []string
	transWeight, anyWeight weighted
	certLabel              map[string]string
}

// Stream keys, so candidates, roles and houses never share random numbers
// and adding a field to one leaves the others unchanged.
const (
	streamCandidate uint64 = 1 + iota
	streamRole
	streamHouse
	streamOccupation
)

// numHouses is how many detention and transition houses the candidates
// live in; at a million candidates that is more residents per house than
// any real one has, which only makes the benchmark harder.
const numHouses = 1000

// New returns a generator for seed over the taxonomy and gazetteer. It
// takes about a tenth of a second, most of it collecting the places.
func New(seed uint64, tax *skills.Taxonomy, places *geo.Gazetteer) *Generator {
	g := &Generator{seed: seed, tax: tax, places: collectPlaces(places)}
	g.occupations = rankOccupations(tax)
	g.candOcc = zipf(len(g.occupations), 1.0)
	g.roleOcc = zipf(len(g.occupations), 0.9)
	g.transversal, g.anySkill = rankSkills(tax)
	g.transWeight = zipf(len(g.transversal), 1.0)
	g.anyWeight = zipf(len(g.anySkill), 0.5)
	g.certLabel = map[string]string{}
	for _, s := range tax.Skills() {
		if s.Kind == skills.KindCertificate {
			g.certLabel[s.ID] = s.Label(skills.EN)
		}
	}
	s := g.newStream()
	g.houses = make([]house, numHouses)
	for k := range g.houses {
		s.reset(streamHouse, k)
		g.houses[k] = house{place: g.places.pick(s.r), org: k / 3}
	}
	return g
}

// stream is a reseedable random source: entity i of a kind gets the
// numbers of PCG seeded from (seed, kind, i) and nothing else.
type stream struct {
	seed uint64
	pcg  *rand.PCG
	r    *rand.Rand
}

func (g *Generator) newStream() *stream {
	pcg := rand.NewPCG(0, 0)
	return &stream{seed: g.seed, pcg: pcg, r: rand.New(pcg)}
}

// reset seeds the stream for entity i of kind. splitmix64 spreads nearby
// keys apart: PCG started from neighbouring states gives related numbers.
func (s *stream) reset(kind uint64, i int) {
	s.pcg.Seed(splitmix(s.seed^splitmix(kind)), splitmix(uint64(i)^kind<<56))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// weighted draws an index with probability proportional to its weight.
type weighted struct {
	cum []float64 // running sums; the last is the total
}

func newWeighted(weights []float64) weighted {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return weighted{cum: cum}
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.Float64() * w.cum[len(w.cum)-1]
	i := sort.SearchFloat64s(w.cum, x)
	// SearchFloat64s finds the first sum >= x; a zero weight never wins
	// because its sum equals the one before.
	for i < len(w.cum)-1 && w.cum[i] <= x {
		i++
	}
	return i
}

// zipf weighs rank k (from 0) by 1/(k+1)^s.
func zipf(n int, s float64) weighted {
	ws := make([]float64, n)
	for k := range ws {
		ws[k] = 1 / math.Pow(float64(k+1), s)
	}
	return newWeighted(ws)
}

// choice draws one of values with the given weights.
type choice[T any] struct {
	values []T
	w      weighted
}

func newChoice[T any](values []T, weights ...float64) choice[T] {
	if len(values) != len(weights) {
		panic("enginegen: a choice needs one weight per value")
	}
	return choice[T]{values: values, w: newWeighted(weights)}
}

func (c choice[T]) pick(r *rand.Rand) T { return c.values[c.w.pick(r)] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }
