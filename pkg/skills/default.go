package skills

import (
	"embed"
	"fmt"
	"sync"
)

// curatedData holds the curated taxonomy: data/curated/*.json, one file per
// trade area, and its version in data/curated/VERSION.
//
//go:embed data/curated
var curatedData embed.FS

// defaultTaxonomy parses the embedded data once, on first use.
var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	t, err := LoadDir(curatedData, "data/curated")
	if err != nil {
		// The data is part of the binary and a test proves it valid, so a
		// failure here is a build that should never have shipped.
		panic(fmt.Sprintf("skills: embedded taxonomy: %v", err))
	}
	return t
})

// Default returns the curated taxonomy embedded in the binary. It is parsed
// on first use and shared; it panics if the embedded data is invalid, which
// TestDefaultIsValid rules out before a release.
func Default() *Taxonomy { return defaultTaxonomy() }
