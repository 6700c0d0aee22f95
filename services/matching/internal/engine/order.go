package engine

import "cmp"

// IDHash is the stable 64-bit FNV-1a hash of an id that breaks ties
// between equal scores, so the order never depends on when a candidate or
// role was registered.
func IDHash(id string) uint64 {
	return idHashBytes([]byte(id))
}

// idHashBytes is IDHash of an id held as bytes.
func idHashBytes(id []byte) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= prime
	}
	return h
}

// CompareEntries orders entries best first: full matches before near
// matches, then the higher score, then the lower IDHash, then the id. It is
// the one order of shortlists and suggestions; callers keeping cut-offs
// should use it too.
func CompareEntries(a, b Entry) int {
	return compareKeys(rankKey{a.Match == MatchFull, a.Score, IDHash(a.ID)}, a.ID,
		rankKey{b.Match == MatchFull, b.Score, IDHash(b.ID)}, b.ID)
}

// rankKey is the part of the order that needs no string comparison.
type rankKey struct {
	full  bool
	score int
	hash  uint64
}

// compareKeys returns -1 when a ranks before b.
func compareKeys(a rankKey, aID string, b rankKey, bID string) int {
	if a.full != b.full {
		if a.full {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c := cmp.Compare(a.hash, b.hash); c != 0 {
		return c
	}
	return cmp.Compare(aID, bID)
}
