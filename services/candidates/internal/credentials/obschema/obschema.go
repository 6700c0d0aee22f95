// Package obschema validates documents against the Open Badges 3.0 JSON
// Schemas 1EdTech publishes, which the tests read from the shared
// standards folder (../shared/standards/openbadges-3.0 next to the
// checkout) without a network. It is for tests only.
package obschema

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schemas' file names.
const (
	AchievementCredential = "achievementcredential.schema.json"
	Profile               = "profile.schema.json"
)

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Validate fails t unless doc (JSON) is valid against the named schema.
func Validate(t testing.TB, name string, doc []byte) {
	t.Helper()
	sch := schema(t, name)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("not valid against %s: %v\n%s", name, err, doc)
	}
}

// Invalid reports whether doc fails the named schema, so a test can show
// that the schema would catch a broken document.
func Invalid(t testing.TB, name string, doc []byte) bool {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return true
	}
	return schema(t, name).Validate(inst) != nil
}

func schema(t testing.TB, name string) *jsonschema.Schema {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[name]; ok {
		return s
	}
	path := filepath.Join(Dir(t), name)
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	compiled[name] = s
	return s
}

// Dir returns the folder holding the Open Badges 3.0 schemas: the first
// shared/standards/openbadges-3.0 found walking up from the working
// directory. It fails t when there is none, so CI cannot pass without them.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		candidate := filepath.Join(dir, "shared", "standards", "openbadges-3.0")
		if _, err := os.Stat(filepath.Join(candidate, AchievementCredential)); err == nil {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no shared/standards/openbadges-3.0 above the working directory: the Open Badges schemas are missing")
		}
		dir = parent
	}
}
