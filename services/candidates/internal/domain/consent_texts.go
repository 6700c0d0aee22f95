package domain

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

// ConsentText is one version of the explanation staff go through with a
// candidate before recording consent to matching, in each language it was
// published in, one paragraph per entry. "{alias}" stands for the
// candidate's alias. A version id names exactly one text, which never
// changes: a changed text is a new version, so a consent record's
// text_version always says what the candidate heard.
type ConsentText struct {
	Version     string
	PublishedOn string
	// Texts maps a language code to the paragraphs in that language;
	// the languages are translations of one text.
	Texts map[string][]string
	// Digest is the SHA-256 of the text's canonical encoding, hex.
	Digest string
}

// CurrentConsentText is the version staff should show now. Consent
// recorded with an older version still stands, but the pages offer to go
// through the current text again.
const CurrentConsentText = "2026-12"

// consentTextDigests pins every published text. A text whose digest is not
// the pinned one was edited in place; loading the catalogue then fails,
// at start and in the tests, until the edit becomes a new version.
//
// Before 2026-12 the registration step and the consent page showed two
// wordings under 2026-11; the catalogue keeps the consent page's, and
// 2026-12 is the one text both pages must now show.
var consentTextDigests = map[string]string{
	"2026-11": "e5a415d65ee71b241ee43da4c4447f8aa70f4f1d082f60a1697ff717a15e3070",
	"2026-12": "b842e28e60364e64b9373d40fb53078afc0efd21d1e61e867e6514bf8cc95d49",
}

//go:embed consenttexts/*.json
var consentTextFiles embed.FS

type consentTextFile struct {
	Version     string              `json:"version"`
	PublishedOn string              `json:"published_on"`
	Texts       map[string][]string `json:"texts"`
}

var consentTexts, consentTextsErr = loadConsentTexts()

// ConsentTexts returns every published consent text, oldest first, or the
// reason the catalogue is broken (a text edited in place, a version named
// twice), which the service reports at start.
func ConsentTexts() ([]ConsentText, error) {
	return slices.Clone(consentTexts), consentTextsErr
}

// ConsentTextByVersion returns the text with that version id.
func ConsentTextByVersion(version string) (ConsentText, bool) {
	for _, t := range consentTexts {
		if t.Version == version {
			return t, true
		}
	}
	return ConsentText{}, false
}

func loadConsentTexts() ([]ConsentText, error) {
	entries, err := consentTextFiles.ReadDir("consenttexts")
	if err != nil {
		return nil, err
	}
	var out []ConsentText
	for _, e := range entries {
		t, err := readConsentText(path.Join("consenttexts", e.Name()))
		if err != nil {
			return nil, err
		}
		if strings.TrimSuffix(e.Name(), ".json") != t.Version {
			return nil, fmt.Errorf("consent text %s names version %q", e.Name(), t.Version)
		}
		if want := consentTextDigests[t.Version]; t.Digest != want {
			return nil, fmt.Errorf("consent text %s has digest %s, pinned %q: a published text never changes, publish a new version instead", t.Version, t.Digest, want)
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b ConsentText) int { return strings.Compare(a.Version, b.Version) })
	for v := range consentTextDigests {
		if !slices.ContainsFunc(out, func(t ConsentText) bool { return t.Version == v }) {
			return nil, fmt.Errorf("consent text %s is pinned but missing: a published text is never withdrawn", v)
		}
	}
	if !slices.ContainsFunc(out, func(t ConsentText) bool { return t.Version == CurrentConsentText }) {
		return nil, fmt.Errorf("the current consent text %s is missing", CurrentConsentText)
	}
	return out, nil
}

func readConsentText(name string) (ConsentText, error) {
	raw, err := consentTextFiles.ReadFile(name)
	if err != nil {
		return ConsentText{}, err
	}
	var f consentTextFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return ConsentText{}, fmt.Errorf("consent text %s: %w", name, err)
	}
	if ValidateConsentText(f.Version) != nil || len(f.Texts) == 0 {
		return ConsentText{}, fmt.Errorf("consent text %s: a version id and at least one language are required", name)
	}
	return ConsentText{Version: f.Version, PublishedOn: f.PublishedOn, Texts: f.Texts, Digest: consentDigest(f)}, nil
}

// consentDigest hashes what a candidate is shown: the version and every
// language's paragraphs. encoding/json writes map keys sorted, so the
// encoding is canonical.
func consentDigest(f consentTextFile) string {
	b, _ := json.Marshal(struct {
		Version string              `json:"version"`
		Texts   map[string][]string `json:"texts"`
	}{f.Version, f.Texts})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
