package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// placesGz is written by tools/geonames: a header line starting with "#",
// then one tab-separated line per place (id, name, country, lat, lon,
// population), sorted by id.
//
//go:embed data/places.tsv.gz
var placesGz []byte

// aliasesTSV is hand-curated; its header explains the columns.
//
//go:embed data/aliases.tsv
var aliasesTSV []byte

// load parses the two data files and builds the search index.
func load(placesGzip, aliases []byte) (*Gazetteer, error) {
	places, err := parsePlaces(placesGzip)
	if err != nil {
		return nil, err
	}
	g := &Gazetteer{places: places, ids: make([]uint32, len(places))}
	for i, p := range places {
		id, _ := strconv.ParseUint(p.ID, 10, 32) // checked by parsePlaces
		g.ids[i] = uint32(id)
	}
	if err := g.addAliases(string(aliases)); err != nil {
		return nil, err
	}
	g.buildIndex()
	return g, nil
}

// parsePlaces reads the gzipped TSV. Names are slices of one decompressed
// string, which saves an allocation per place.
func parsePlaces(gz []byte) ([]Place, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	text := string(raw)
	places := make([]Place, 0, strings.Count(text, "\n"))
	codes := map[string]string{} // country and region codes, interned so rows share one string
	var lastID uint64
	for n, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		p, id, err := parsePlace(line)
		if err != nil {
			return nil, fmt.Errorf("places line %d: %w", n+1, err)
		}
		if id <= lastID {
			return nil, fmt.Errorf("places line %d: id %d not above %d", n+1, id, lastID)
		}
		lastID = id
		p.Country, p.Region = intern(codes, p.Country), intern(codes, p.Region)
		places = append(places, p)
	}
	return places, nil
}

// parsePlace parses one data line and checks what the rest of the package
// relies on: a numeric id, a name, an upper-case country code and
// coordinates on the globe.
func parsePlace(line string) (Place, uint64, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return Place{}, 0, fmt.Errorf("%d fields, want 7", len(f))
	}
	id, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return Place{}, 0, fmt.Errorf("id: %w", err)
	}
	lat, errLat := strconv.ParseFloat(f[3], 64)
	lon, errLon := strconv.ParseFloat(f[4], 64)
	pop, errPop := strconv.Atoi(f[5])
	switch {
	case errLat != nil || errLon != nil || errPop != nil:
		return Place{}, 0, fmt.Errorf("id %d: bad number in %q", id, line)
	case f[1] == "" || !isCountryCode(f[2]):
		return Place{}, 0, fmt.Errorf("id %d: bad name or country", id)
	case lat < -90 || lat > 90 || lon < -180 || lon > 180 || pop < 0:
		return Place{}, 0, fmt.Errorf("id %d: coordinates or population out of range", id)
	case !isRegionCode(f[6]):
		return Place{}, 0, fmt.Errorf("id %d: bad region code %q", id, f[6])
	}
	return Place{ID: f[0], Name: f[1], Country: f[2], Lat: lat, Lon: lon, Population: pop, Region: f[6]}, id, nil
}

// isRegionCode accepts GeoNames' first-level division codes (VLG, 01, ENG)
// and the empty string of a place without one.
func isRegionCode(s string) bool {
	if len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

func isCountryCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

// addAliases merges data/aliases.tsv into the places. A line whose id,
// country or name no longer agree with the data is an error, so a
// regeneration that renumbers or renames a place cannot attach "Ghent" to
// the wrong town unnoticed.
func (g *Gazetteer) addAliases(text string) error {
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return fmt.Errorf("aliases line %d: %d fields, want 4", n+1, len(f))
		}
		i := g.placeIndex(f[0])
		if i < 0 || g.places[i].Country != f[1] || g.places[i].Name != f[2] {
			return fmt.Errorf("aliases line %d: no place %s %s %q in the data", n+1, f[0], f[1], f[2])
		}
		p := &g.places[i]
		p.AltNames = append(p.AltNames, strings.Split(f[3], "|")...)
	}
	return nil
}

// placeIndex returns the position of the place with the given id, or -1.
func (g *Gazetteer) placeIndex(id string) int {
	n, err := strconv.ParseUint(id, 10, 32)
	if err != nil {
		return -1
	}
	i := sort.Search(len(g.ids), func(i int) bool { return g.ids[i] >= uint32(n) })
	if i < len(g.ids) && g.ids[i] == uint32(n) {
		return i
	}
	return -1
}

// intern returns the copy of s the table already holds, adding s when it
// holds none, so that 62,000 places share a few hundred strings.
func intern(table map[string]string, s string) string {
	if c, ok := table[s]; ok {
		return c
	}
	table[s] = s
	return s
}
