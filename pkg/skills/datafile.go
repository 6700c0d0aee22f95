package skills

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// dataFile is the JSON shape of a taxonomy data file. The curated data is
// split into one file per trade area, so every part is optional.
type dataFile struct {
	Version     string             `json:"version,omitempty"`
	Skills      []skillRecord      `json:"skills,omitempty"`
	Occupations []occupationRecord `json:"occupations,omitempty"`
}

type skillRecord struct {
	ID       string            `json:"id"`
	Kind     Kind              `json:"kind"`
	Labels   map[Lang]string   `json:"labels"`
	Synonyms map[Lang][]string `json:"synonyms,omitempty"`
	Parents  []string          `json:"parents,omitempty"`
	Related  []string          `json:"related,omitempty"`
	ESCOURI  string            `json:"esco_uri,omitempty"`
}

type occupationRecord struct {
	ID        string              `json:"id"`
	Labels    map[Lang]string     `json:"labels"`
	Synonyms  map[Lang][]string   `json:"synonyms,omitempty"`
	Essential []requirementRecord `json:"essential,omitempty"`
	Optional  []requirementRecord `json:"optional,omitempty"`
	ESCOURI   string              `json:"esco_uri,omitempty"`
}

type requirementRecord struct {
	Skill    string `json:"skill"`
	MinLevel Level  `json:"min_level"`
}

// Load reads one data file and validates it.
func Load(r io.Reader) (*Taxonomy, error) {
	f, err := decodeDataFile(r)
	if err != nil {
		return nil, err
	}
	skills, occs := toSkills(f.Skills), toOccupations(f.Occupations)
	return build(f.Version, skills, occs, nil)
}

// LoadDir reads every *.json file in dir of fsys, in name order, and merges
// them into one validated taxonomy; skills in one file may refer to skills in
// another. The version comes from a file named VERSION in dir when there is
// one, and otherwise from the files' "version" fields, which must agree.
func LoadDir(fsys fs.FS, dir string) (*Taxonomy, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no *.json data files in %s", ErrInvalid, dir)
	}
	version, err := readVersionFile(fsys, dir)
	if err != nil {
		return nil, err
	}
	var skills []Skill
	var occs []Occupation
	skillFile, occFile := map[string]string{}, map[string]string{}
	fileVersion, versionFrom := "", ""
	for _, name := range names {
		f, err := readDataFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch {
		case f.Version == "" || version != "":
		case fileVersion == "":
			fileVersion, versionFrom = f.Version, name
		case f.Version != fileVersion:
			return nil, fmt.Errorf("%w: %s has version %q but %s has %q", ErrInvalid, name, f.Version, versionFrom, fileVersion)
		}
		for _, s := range f.Skills {
			if prev, dup := skillFile[s.ID]; dup {
				return nil, fmt.Errorf("%w: %s: skill %q already defined in %s", ErrInvalid, name, s.ID, prev)
			}
			skillFile[s.ID] = name
		}
		for _, o := range f.Occupations {
			if prev, dup := occFile[o.ID]; dup {
				return nil, fmt.Errorf("%w: %s: occupation %q already defined in %s", ErrInvalid, name, o.ID, prev)
			}
			occFile[o.ID] = name
		}
		skills = append(skills, toSkills(f.Skills)...)
		occs = append(occs, toOccupations(f.Occupations)...)
	}
	if version == "" {
		version = fileVersion
	}
	origin := func(occupation bool, id string) string {
		if occupation {
			return occFile[id]
		}
		return skillFile[id]
	}
	return build(version, skills, occs, origin)
}

func readVersionFile(fsys fs.FS, dir string) (string, error) {
	b, err := fs.ReadFile(fsys, path.Join(dir, "VERSION"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

func readDataFile(fsys fs.FS, name string) (*dataFile, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeDataFile(f)
}

// decodeDataFile rejects unknown fields: in hand-written curated files an
// unknown field is nearly always a misspelt known one, silently dropped.
func decodeDataFile(r io.Reader) (*dataFile, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	dec.DisallowUnknownFields()
	var f dataFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the JSON object", ErrInvalid)
	}
	return &f, nil
}

// Write writes t as a data file that Load reads back. Skills and occupations
// come one per line in id order, so that two versions of a large imported
// file diff line by line.
func Write(w io.Writer, t *Taxonomy) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	version, _ := json.Marshal(t.version)
	fmt.Fprintf(bw, "{\"version\": %s,\n\"skills\": [", version)
	for i, s := range t.skills {
		if err := writeLine(bw, i, toSkillRecord(s)); err != nil {
			return err
		}
	}
	bw.WriteString("\n],\n\"occupations\": [")
	for i, o := range t.occupations {
		if err := writeLine(bw, i, toOccupationRecord(o)); err != nil {
			return err
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func writeLine(bw *bufio.Writer, i int, record any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(record); err != nil {
		return err
	}
	if i > 0 {
		bw.WriteByte(',')
	}
	bw.WriteString("\n")
	_, err := bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	return err
}
