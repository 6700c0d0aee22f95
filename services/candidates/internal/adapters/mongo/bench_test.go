package mongo

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/sealed"
)

// BenchmarkSealAndIndexCandidate measures what privacy costs per write: the
// conversion of a full candidate to its stored form, which seals six
// identity fields and computes the blind name index, without the database.
func BenchmarkSealAndIndexCandidate(b *testing.B) {
	ring, err := sealed.ParseKeyring("k1:"+sealed.NewKey(), "k1")
	if err != nil {
		b.Fatal(err)
	}
	s := &Store{opts: Options{Identity: ring, IndexKey: []byte("0123456789abcdef0123456789abcdef")}}
	c := fullCandidate("c1", "org-1", "K7Q2")
	for b.Loop() {
		_ = s.toCandidateDoc(c)
	}
}

// BenchmarkOpenCandidate measures the read side: opening the six sealed
// fields of a stored candidate.
func BenchmarkOpenCandidate(b *testing.B) {
	ring, err := sealed.ParseKeyring("k1:"+sealed.NewKey(), "k1")
	if err != nil {
		b.Fatal(err)
	}
	s := &Store{opts: Options{Identity: ring, IndexKey: []byte("0123456789abcdef0123456789abcdef")}}
	d := s.toCandidateDoc(fullCandidate("c1", "org-1", "K7Q2"))
	for b.Loop() {
		if _, err := s.toDomainCandidate(d); err != nil {
			b.Fatal(err)
		}
	}
}
