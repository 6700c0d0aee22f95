// Command esco-import builds a skills data file from the official ESCO v1.2
// CSV download, optionally merged with the curated taxonomy:
//
//	go run ./pkg/skills/cmd/esco-import -dir ~/esco-v1.2 -langs en,nl,fr,de \
//	    -merge-with pkg/skills/data/curated -out esco-merged.json
//
// The output is written to a temporary file beside -out and renamed only
// when everything succeeded, so a malformed input never leaves a partial or
// stale file behind. Errors name the ESCO file, line and column.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/skills/esco"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "esco-import:", err)
		}
		os.Exit(1)
	}
}

// config is the command line, checked.
type config struct {
	dir, out, mergeWith, version string
	langs                        []skills.Lang
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	var langs string
	fl := flag.NewFlagSet("esco-import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&c.dir, "dir", "", "folder holding the ESCO v1.2 CSV files (skills_<lang>.csv, …)")
	fl.StringVar(&langs, "langs", "en,nl,fr,de", "comma-separated languages to import; the first also supplies the relation files")
	fl.StringVar(&c.out, "out", "", "data file to write")
	fl.StringVar(&c.mergeWith, "merge-with", "", "optional curated data file or folder of *.json to merge with, by esco_uri")
	fl.StringVar(&c.version, "version", esco.DefaultVersion, "version recorded for the imported data")
	if err := fl.Parse(args); err != nil {
		return c, err
	}
	if c.dir == "" || c.out == "" {
		fl.Usage()
		return c, errors.New("-dir and -out are required")
	}
	for _, s := range strings.Split(langs, ",") {
		l, ok := skills.ParseLang(s)
		if !ok {
			return c, fmt.Errorf("-langs: unsupported language %q", s)
		}
		c.langs = append(c.langs, l)
	}
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	t, err := esco.Import(os.DirFS(c.dir), esco.Options{Langs: c.langs, Version: c.version})
	if err != nil {
		return err
	}
	if c.mergeWith != "" {
		curated, err := loadCurated(c.mergeWith)
		if err != nil {
			return fmt.Errorf("-merge-with %s: %w", c.mergeWith, err)
		}
		if t, err = skills.Merge(curated, t); err != nil {
			return err
		}
	}
	if err := writeAtomically(c.out, t); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d skills, %d occupations, version %s\n",
		c.out, len(t.Skills()), len(t.Occupations()), t.Version())
	return nil
}

// loadCurated reads a single data file or a folder of them.
func loadCurated(path string) (*skills.Taxonomy, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return skills.LoadDir(os.DirFS(path), ".")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return skills.Load(f)
}

// writeAtomically writes to a temporary file in the target folder, then
// renames it over path: readers never see a half-written file, and a
// failure leaves whatever was there before.
func writeAtomically(path string, t *skills.Taxonomy) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := skills.Write(tmp, t); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), fs.FileMode(0o644)); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
