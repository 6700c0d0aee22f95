package engine

// chunkBits sizes the arena's chunks: 1 MiB, so a reference is a chunk
// number and an offset in 32 bits, and growth never copies old data.
const chunkBits = 20

// arena stores candidate records back to back in large chunks, so a
// million candidates cost a million small byte runs, not a million heap
// objects with their headers. Replaced records become garbage, which
// compact reclaims.
type arena struct {
	chunks  [][]byte
	garbage int
	used    int
}

// put appends rec and returns its reference. A record never spans chunks;
// records longer than a chunk get a chunk of their own.
func (a *arena) put(rec []byte) uint32 {
	n := len(a.chunks)
	if n == 0 || len(a.chunks[n-1])+len(rec) > cap(a.chunks[n-1]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(1<<chunkBits, len(rec))))
		n++
	}
	c := &a.chunks[n-1]
	off := len(*c)
	*c = append(*c, rec...)
	a.used += len(rec)
	return uint32(n-1)<<chunkBits | uint32(off)
}

// get returns the bytes from ref to the end of its chunk; the record
// format knows its own length.
func (a *arena) get(ref uint32) []byte {
	return a.chunks[ref>>chunkBits][ref&(1<<chunkBits-1):]
}

// free marks n bytes as garbage.
func (a *arena) free(n int) { a.garbage += n }
