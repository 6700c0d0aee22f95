package engine

import (
	"encoding/binary"
	"encoding/hex"
	"math"
)

// A candidate record is a candidate in a few dozen bytes: the skills a
// shortlist reads first, in fixed three-byte cells, then everything else
// as varints, with repeated strings (organisations, languages, sectors,
// certificates, programme kinds, contracts) interned. Positions are kept
// in float32, the precision matching computes in (about a metre).
//
//	uvarint length of the rest
//	u8 n, n × (u16 skill, u8 level | attested<<7)   sorted by skill
//	u8 flags, id, alias, org, version, [house], [day release], release,
//	[region], languages, excluded sectors, n × hours, certificates,
//	programme kinds, preferred sectors, hours per week, contracts

// Record flags.
const (
	flagHoused = 1 << iota
	flagHouse
	flagDayRelease
	flagRegion
	flagUUID
)

// strings interns the repeated strings of records; it only grows.
type stringTable struct {
	ids  map[string]uint32
	strs []string
}

func (t *stringTable) intern(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	if t.ids == nil {
		t.ids = make(map[string]uint32)
	}
	id := uint32(len(t.strs))
	t.ids[s] = id
	t.strs = append(t.strs, s)
	return id
}

// maxSkillsPerRecord bounds the skills of a record, far above any real
// portfolio.
const maxSkillsPerRecord = 255

// encodeRecord appends the record of c (with its scoring form p) to buf.
func encodeRecord(buf []byte, c *Candidate, p *profile, st *stringTable) []byte {
	body := make([]byte, 0, 128)
	n := min(len(p.skills), maxSkillsPerRecord)
	body = append(body, byte(n))
	for _, s := range p.skills[:n] {
		lvl := byte(max(min(s.level, 127), 0))
		if s.attested {
			lvl |= 0x80
		}
		body = append(body, byte(s.id), byte(s.id>>8), lvl)
	}
	var flags byte
	if c.Housed {
		flags |= flagHoused
	}
	if c.House != nil {
		flags |= flagHouse
	}
	if c.DayRelease != nil {
		flags |= flagDayRelease
	}
	if c.ReturnRegion != nil {
		flags |= flagRegion
	}
	uuid, isUUID := parseUUID(c.ID)
	if isUUID {
		flags |= flagUUID
	}
	body = append(body, flags)
	if isUUID {
		body = append(body, uuid[:]...)
	} else {
		body = appendString(body, c.ID)
	}
	body = appendString(body, c.Alias)
	body = binary.AppendUvarint(body, uint64(st.intern(c.OrgID)))
	body = binary.AppendVarint(body, c.Version)
	if c.House != nil {
		body = appendPoint(body, *c.House)
	}
	if d := c.DayRelease; d != nil {
		body = binary.AppendVarint(body, int64(d.EligibleFrom))
		body = append(body, d.Days)
		body = appendInts(body, d.Start, d.End, d.MaxCommuteKm)
	}
	body = binary.AppendVarint(body, int64(c.ReleaseDate))
	if r := c.ReturnRegion; r != nil {
		body = appendPoint(body, r.Point)
		body = appendInts(body, r.RadiusKm)
	}
	body = binary.AppendUvarint(body, uint64(len(c.Languages)))
	for _, l := range c.Languages {
		body = binary.AppendUvarint(body, uint64(st.intern(l.Code)))
		body = appendInts(body, l.Rank)
	}
	body = appendStrings(body, c.ExcludedSectors, st)
	for _, s := range p.skills[:n] {
		body = binary.AppendVarint(body, int64(s.hours))
	}
	body = appendStrings(body, c.Certificates, st)
	body = appendStrings(body, c.ProgrammeKinds, st)
	body = appendStrings(body, c.PreferredSectors, st)
	body = appendInts(body, c.HoursPerWeek)
	body = appendStrings(body, c.Contracts, st)
	buf = binary.AppendUvarint(buf, uint64(len(body)))
	return append(buf, body...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, ss []string, st *stringTable) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(st.intern(s)))
	}
	return b
}

func appendInts(b []byte, vs ...int) []byte {
	for _, v := range vs {
		b = binary.AppendVarint(b, int64(v))
	}
	return b
}

func appendPoint(b []byte, p Point) []byte {
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(p.Lat)))
	return binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(p.Lon)))
}

// parseUUID reads a canonical lower-case UUID, the form the candidates
// service issues, into 16 bytes.
func parseUUID(s string) (u [16]byte, ok bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, false
	}
	hexDigits := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:36]
	for i := 0; i < len(hexDigits); i++ {
		if c := hexDigits[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return u, false
		}
	}
	_, err := hex.Decode(u[:], []byte(hexDigits))
	return u, err == nil
}

// formatUUID writes 16 bytes as a canonical lower-case UUID.
func formatUUID(u []byte) string {
	var b [36]byte
	formatUUIDInto(&b, u)
	return string(b[:])
}

func formatUUIDInto(b *[36]byte, u []byte) {
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:36], u[10:16])
}
