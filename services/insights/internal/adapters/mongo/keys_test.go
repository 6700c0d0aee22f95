package mongo

import (
	"errors"
	"testing"
)

// TestContributionsReadBackAsWritten: a candidate's contributions read
// back equal, from the compact form and from the compressed addresses
// that documents written before it hold, with a scope's bar and a
// region's dot intact.
func TestContributionsReadBackAsWritten(t *testing.T) {
	t.Parallel()
	c := changeTo(progress("c1", "org|7", "released"), nil).Contributions
	if len(c.Cells) == 0 || len(c.Days) == 0 || len(c.Employers) == 0 {
		t.Fatalf("the example contributes %d cells, %d days, %d employer counts", len(c.Cells), len(c.Days), len(c.Employers))
	}
	got, err := storedContributions(progressDoc{Keys: encodeContributions(c)})
	if err != nil || !got.Equal(c) {
		t.Errorf("compact form read back: equal %v, %v", got.Equal(c), err)
	}
	legacy, err := pack(contributionAddresses(c))
	if err != nil {
		t.Fatal(err)
	}
	got, err = storedContributions(progressDoc{Contrib: legacy})
	if err != nil || !got.Equal(c) {
		t.Errorf("addresses read back: equal %v, %v", got.Equal(c), err)
	}
}

// TestDamagedContributionsAreAnErrorNotAPanic: every truncation of the
// compact form, and every single byte changed to each of a few values,
// reads back as an error or as contributions, never a panic; a
// truncation is always an error.
func TestDamagedContributionsAreAnErrorNotAPanic(t *testing.T) {
	t.Parallel()
	b := encodeContributions(changeTo(progress("c1", "org-1", "probation"), nil).Contributions)
	for n := range len(b) {
		if _, err := decodeContributions(b[:n]); !errors.Is(err, errBadKeys) {
			t.Fatalf("truncated to %d of %d bytes: %v", n, len(b), err)
		}
	}
	for i := range b {
		for _, v := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			damaged := append([]byte(nil), b...)
			damaged[i] = v
			_, _ = decodeContributions(damaged)
		}
	}
}
