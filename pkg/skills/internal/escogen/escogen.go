// Package escogen writes synthetic ESCO v1.2 CSV files of realistic size, so
// the import, load and search can be measured against a taxonomy as large as
// the real ESCO without shipping or downloading it. The content is
// pseudo-words; only the shape (file layout, columns, quoting, multi-line
// alternative labels, label lengths and counts) is meant to be realistic.
package escogen

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Config sizes the synthetic download.
type Config struct {
	Skills, Occupations int
	// SkillsPerOccupation is the average number of occupation–skill
	// relations per occupation.
	SkillsPerOccupation int
	Langs               []string
	Seed                uint64
}

// ESCOSize is about the size of ESCO v1.2: 13,939 skills, 3,039
// occupations and 129,004 relations.
var ESCOSize = Config{Skills: 14000, Occupations: 3000, SkillsPerOccupation: 40, Langs: []string{"en", "nl", "fr", "de"}, Seed: 1}

const uriBase = "http://data.europa.eu/esco/"

// SkillURI is the URI the generator gives skill i.
func SkillURI(i int) string { return fmt.Sprintf("%sskill/%08x-0000-4000-8000-%012x", uriBase, i, i) }

// OccupationURI is the URI the generator gives occupation i.
func OccupationURI(i int) string {
	return fmt.Sprintf("%soccupation/%08x-0000-4000-9000-%012x", uriBase, i, i)
}

// Write writes skills_<lang>.csv, occupations_<lang>.csv,
// occupationSkillRelations_<lang>.csv and broaderRelationsSkillPillar_<lang>.csv
// for every language of cfg into dir.
func Write(dir string, cfg Config) error {
	g := newGenerator(cfg)
	for _, lang := range cfg.Langs {
		for _, f := range []struct {
			name string
			rows func(w *csv.Writer, lang string) error
		}{
			{"skills_", g.skillRows},
			{"occupations_", g.occupationRows},
			{"occupationSkillRelations_", g.relationRows},
			{"broaderRelationsSkillPillar_", g.broaderRows},
		} {
			if err := writeFile(filepath.Join(dir, f.name+lang+".csv"), func(w *csv.Writer) error { return f.rows(w, lang) }); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFile(path string, rows func(w *csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := rows(w); err != nil {
		f.Close()
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// generator derives every label from a seed, language by language, so each
// file can be written on its own and all files agree.
type generator struct {
	cfg   Config
	vocab map[string][]string
}

// Syllables per language give the pseudo-words a plausible spelling,
// including the accented letters search must fold.
var syllables = map[string][]string{
	"en": {"ro", "ast", "cof", "fee", "man", "age", "op", "er", "ate", "tr", "ain", "in", "spect", "clean", "pre", "pare", "serv", "ice", "con", "trol", "mon", "it", "or", "dr", "ive", "weld", "ing", "re", "pair", "pl", "ant"},
	"nl": {"ko", "ffie", "bran", "den", "be", "hee", "ren", "ij", "oe", "aa", "sch", "oon", "maak", "ver", "kop", "werk", "zaam", "heid", "lei", "ding", "ge", "ven", "stel", "len", "hef", "truck", "tuin", "bouw"},
	"fr": {"tor", "ré", "fac", "tion", "ca", "fé", "gé", "rer", "pré", "pa", "rer", "ç", "on", "ne", "ment", "net", "toy", "age", "ser", "vi", "ce", "é", "lè", "ve", "con", "duite", "cha", "riot"},
	"de": {"kaf", "fee", "rös", "ten", "ver", "wal", "tung", "be", "trieb", "ü", "ber", "wa", "chung", "rei", "ni", "gung", "stap", "ler", "fah", "ren", "gä", "ßen", "schwei", "ßen", "gar", "ten", "bau", "ö"},
}

func newGenerator(cfg Config) *generator {
	g := &generator{cfg: cfg, vocab: map[string][]string{}}
	for _, lang := range cfg.Langs {
		r := rand.New(rand.NewPCG(cfg.Seed, uint64(len(lang))+uint64(lang[0])<<8))
		syl := syllables[lang]
		if syl == nil {
			syl = syllables["en"]
		}
		seen := map[string]bool{}
		for len(g.vocab[lang]) < 6000 {
			var b strings.Builder
			for n := 1 + r.IntN(4); n > 0; n-- {
				b.WriteString(syl[r.IntN(len(syl))])
			}
			if w := b.String(); !seen[w] && len(w) >= 2 {
				seen[w] = true
				g.vocab[lang] = append(g.vocab[lang], w)
			}
		}
	}
	return g
}

// phrase returns n words of lang, common words far more often than rare
// ones, as in real labels.
func (g *generator) phrase(r *rand.Rand, lang string, n int) string {
	words := make([]string, n)
	vocab := g.vocab[lang]
	for i := range words {
		x := r.Float64()
		words[i] = vocab[int(x*x*x*float64(len(vocab)))]
	}
	return strings.Join(words, " ")
}

// conceptRand is the random source for one concept in one language.
func (g *generator) conceptRand(kind byte, i int, lang string) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed^uint64(kind)<<56, uint64(i)<<8|uint64(lang[0])))
}

// structRand is the random source for language-independent facts of one
// concept (type, relations, hierarchy).
func (g *generator) structRand(kind byte, i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed^uint64(kind)<<56, uint64(i)<<8))
}

func (g *generator) altLabels(r *rand.Rand, lang string, count, minWords, maxWords int) string {
	alts := make([]string, count)
	for i := range alts {
		alts[i] = g.phrase(r, lang, minWords+r.IntN(maxWords-minWords+1))
	}
	return strings.Join(alts, "\n")
}

var (
	skillTypes  = []string{"skill/competence", "skill/competence", "knowledge"}
	reuseLevels = []string{"transversal", "cross-sector", "sector-specific", "sector-specific", "occupation-specific", "occupation-specific"}
)

func (g *generator) skillRows(w *csv.Writer, lang string) error {
	w.Write(strings.Split("conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description", ","))
	for i := range g.cfg.Skills {
		s := g.structRand('s', i)
		r := g.conceptRand('s', i, lang)
		w.Write([]string{
			"KnowledgeSkillCompetence", SkillURI(i),
			skillTypes[s.IntN(len(skillTypes))], reuseLevels[s.IntN(len(reuseLevels))],
			g.phrase(r, lang, 2+r.IntN(5)), g.altLabels(r, lang, r.IntN(13), 2, 6), "",
			"released", "2024-01-25T11:28:50.295Z", "", "", uriBase + "concept-scheme/skills",
			g.phrase(r, lang, 15+r.IntN(35)) + ".",
		})
	}
	return w.Error()
}

func (g *generator) occupationRows(w *csv.Writer, lang string) error {
	w.Write(strings.Split("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code", ","))
	for i := range g.cfg.Occupations {
		s := g.structRand('o', i)
		r := g.conceptRand('o', i, lang)
		isco := fmt.Sprintf("%04d", 1000+s.IntN(9000))
		w.Write([]string{
			"Occupation", OccupationURI(i), isco,
			g.phrase(r, lang, 1+r.IntN(4)), g.altLabels(r, lang, 4+r.IntN(17), 1, 5), "",
			"released", "2024-01-25T11:28:50.295Z", uriBase + "regulated-professions/unregulated", "", "",
			uriBase + "concept-scheme/occupations", g.phrase(r, lang, 30+r.IntN(60)) + ".", isco + "." + fmt.Sprint(1+s.IntN(9)),
		})
	}
	return w.Error()
}

func (g *generator) relationRows(w *csv.Writer, _ string) error {
	w.Write([]string{"occupationUri", "relationType", "skillType", "skillUri"})
	for i := range g.cfg.Occupations {
		s := g.structRand('r', i)
		n := g.cfg.SkillsPerOccupation/2 + s.IntN(g.cfg.SkillsPerOccupation+1)
		seen := map[int]bool{}
		for range n {
			k := s.IntN(g.cfg.Skills)
			if seen[k] {
				continue
			}
			seen[k] = true
			rel := "optional"
			if s.IntN(5) < 2 {
				rel = "essential"
			}
			w.Write([]string{OccupationURI(i), rel, "skill/competence", SkillURI(k)})
		}
	}
	return w.Error()
}

// broaderRows links most skills to a skill group, as ESCO does, and some to
// an earlier skill, which keeps the hierarchy acyclic.
func (g *generator) broaderRows(w *csv.Writer, _ string) error {
	w.Write([]string{"conceptType", "conceptUri", "broaderType", "broaderUri"})
	for i := range g.cfg.Skills {
		s := g.structRand('b', i)
		if i > 0 && s.IntN(10) < 3 {
			w.Write([]string{"KnowledgeSkillCompetence", SkillURI(i), "KnowledgeSkillCompetence", SkillURI(s.IntN(i))})
			continue
		}
		w.Write([]string{"KnowledgeSkillCompetence", SkillURI(i), "SkillGroup", fmt.Sprintf("%sskill/S%d.%d", uriBase, 1+s.IntN(8), s.IntN(20))})
	}
	return w.Error()
}
