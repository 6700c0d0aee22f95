package engine

import (
	"encoding/binary"
	"math"
	"strings"
)

// reader walks a record.
type reader struct {
	b   []byte
	pos int
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b[r.pos:])
	r.pos += n
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b[r.pos:])
	r.pos += n
	return v
}

func (r *reader) int() int { return int(r.varint()) }

func (r *reader) byte() byte {
	r.pos++
	return r.b[r.pos-1]
}

func (r *reader) bytes(n int) []byte {
	r.pos += n
	return r.b[r.pos-n : r.pos]
}

func (r *reader) point() point32 {
	lat := math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4)))
	lon := math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4)))
	return point32{lat, lon}
}

// openRecord returns the body of the record at the start of b and the
// record's full length.
func openRecord(b []byte) (body []byte, size int) {
	n, k := binary.Uvarint(b)
	return b[k : k+int(n)], k + int(n)
}

// recordSkills returns the skill cells of a record body: three bytes per
// skill, sorted by skill.
func recordSkills(body []byte) []byte {
	return body[1 : 1+3*int(body[0])]
}

// cellSkill decodes one skill cell.
func cellSkill(c []byte) (id skillID, level int8, attested bool) {
	return skillID(c[0]) | skillID(c[1])<<8, int8(c[2] & 0x7f), c[2]&0x80 != 0
}

// recordID returns the id in a record body and whether it equals want;
// with want "" it builds the id string.
func recordID(body []byte, want string) (string, bool) {
	r := reader{b: body, pos: 1 + 3*int(body[0])}
	flags := r.byte()
	if flags&flagUUID != 0 {
		raw := r.bytes(16)
		if want != "" {
			u, ok := parseUUID(want)
			return "", ok && string(u[:]) == string(raw)
		}
		return formatUUID(raw), true
	}
	n := int(r.uvarint())
	raw := r.bytes(n)
	if want != "" {
		return "", string(raw) == want
	}
	return string(raw), true
}

// recordIDHash is IDHash of the id in a record body, without building a
// string.
func recordIDHash(body []byte) uint64 {
	r := reader{b: body, pos: 1 + 3*int(body[0])}
	if r.byte()&flagUUID != 0 {
		var b [36]byte
		formatUUIDInto(&b, r.bytes(16))
		return idHashBytes(b[:])
	}
	return idHashBytes(r.bytes(int(r.uvarint())))
}

// decode walks a record body into the scoring form p (reusing its slices)
// and, when c is not nil, into a full Candidate.
func decode(body []byte, st *stringTable, sk *skillTable, p *profile, c *Candidate) {
	r := reader{b: body}
	n := int(r.byte())
	cells := r.bytes(3 * n)
	p.skills = p.skills[:0]
	for i := range n {
		id, lvl, att := cellSkill(cells[3*i:])
		p.skills = append(p.skills, skillRec{id: id, level: lvl, attested: att})
	}
	flags := r.byte()
	// The id and alias are built only for a Candidate: scoring needs
	// neither, and the hot path allocates nothing.
	var id, alias string
	var rawID []byte
	if flags&flagUUID != 0 {
		rawID = r.bytes(16)
	} else {
		rawID = r.bytes(int(r.uvarint()))
	}
	rawAlias := r.bytes(int(r.uvarint()))
	if c != nil {
		if flags&flagUUID != 0 {
			id = formatUUID(rawID)
		} else {
			id = string(rawID)
		}
		alias = string(rawAlias)
	}
	org := st.strs[r.uvarint()]
	version := r.varint()
	*p = profile{skills: p.skills, langs: p.langs[:0], contracts: p.contracts[:0], housed: flags&flagHoused != 0}
	if flags&flagHouse != 0 {
		p.hasHouse, p.house = true, r.point()
	}
	var dr DayRelease // copied for a Candidate, so it stays on the stack
	if flags&flagDayRelease != 0 {
		dr = DayRelease{EligibleFrom: Day(r.varint()), Days: r.byte(), Start: r.int(), End: r.int(), MaxCommuteKm: r.int()}
		p.hasDR = true
		p.dr = drWindow{eligible: dr.EligibleFrom, days: dr.Days & 0x7f, start: clampInt32(dr.Start),
			end: clampInt32(dr.End), commuteKm: clampInt32(dr.MaxCommuteKm)}
	}
	p.release = Day(r.varint())
	var radius int
	if flags&flagRegion != 0 {
		p.hasRegion, p.region = true, r.point()
		radius = r.int()
		p.radiusKm = clampInt32(radius)
	}
	var langs []Language
	for range r.uvarint() {
		code, rank := st.strs[r.uvarint()], r.int()
		p.langs = append(p.langs, langRank{strings.ToLower(code), clampInt32(rank)})
		if c != nil {
			langs = append(langs, Language{Code: code, Rank: rank})
		}
	}
	keep := c != nil
	excluded, mask, _ := r.strings(st, keep)
	p.excluded = mask
	for i := range p.skills {
		p.skills[i].hours = clampInt32(r.int())
	}
	certs, _, nCerts := r.strings(st, keep)
	p.certs = nCerts
	kinds, _, _ := r.strings(st, keep)
	preferred, mask, _ := r.strings(st, keep)
	p.preferred = mask
	hoursWeek := r.int()
	p.hoursWeek = clampInt32(hoursWeek)
	for range r.uvarint() {
		p.contracts = append(p.contracts, st.strs[r.uvarint()])
	}
	if c == nil {
		return
	}
	*c = Candidate{ID: id, OrgID: org, Alias: alias, Version: version, Consent: true, Housed: p.housed,
		ReleaseDate: p.release, Languages: langs, ExcludedSectors: excluded, Certificates: certs,
		ProgrammeKinds: kinds, PreferredSectors: preferred, HoursPerWeek: hoursWeek}
	if p.hasHouse {
		c.House = &Point{Lat: float64(p.house.lat), Lon: float64(p.house.lon)}
	}
	if p.hasDR {
		d := dr
		c.DayRelease = &d
	}
	if p.hasRegion {
		c.ReturnRegion = &Region{Point: Point{Lat: float64(p.region.lat), Lon: float64(p.region.lon)}, RadiusKm: radius}
	}
	if len(p.contracts) > 0 {
		c.Contracts = append([]string(nil), p.contracts...)
	}
	for _, s := range p.skills {
		c.Skills = append(c.Skills, Skill{ID: sk.names[s.id], Level: int(s.level), Hours: int(s.hours), Attested: s.attested})
	}
}

// strings reads a list of interned strings: the list itself only with
// keep (the hot path allocates nothing), its sector mask and its length.
func (r *reader) strings(st *stringTable, keep bool) (list []string, mask uint32, n int) {
	n = int(r.uvarint())
	for range n {
		s := st.strs[r.uvarint()]
		mask |= sectorBit(s)
		if keep {
			list = append(list, s)
		}
	}
	return list, mask, n
}
