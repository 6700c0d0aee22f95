package domain

// Rate is a proportion kept as its two counts, so it can be compared
// exactly and printed as a percentage only at the edge.
type Rate struct {
	// Num is the count of people who reached the later step.
	Num int
	// Den is the count of people the rate is taken over.
	Den int
}

// Percent returns the rate as a percentage, or 0 for an empty base.
func (r Rate) Percent() float64 {
	if r.Den == 0 {
		return 0
	}
	return 100 * float64(r.Num) / float64(r.Den)
}

// Less reports whether r is below q, compared exactly on the counts.
// Both bases must be positive.
func (r Rate) Less(q Rate) bool { return r.Num*q.Den < q.Num*r.Den }

// BelowFourFifthsOf reports whether r is below four fifths of best, the
// threshold of the four-fifths rule, compared exactly on the counts.
// Both bases must be positive.
func (r Rate) BelowFourFifthsOf(best Rate) bool {
	return 5*r.Num*best.Den < 4*best.Num*r.Den
}

// RatioTo returns r divided by best (the impact ratio), or 0 when best is
// zero.
func (r Rate) RatioTo(best Rate) float64 {
	if best.Num == 0 || r.Den == 0 {
		return 0
	}
	return (float64(r.Num) / float64(r.Den)) / (float64(best.Num) / float64(best.Den))
}
