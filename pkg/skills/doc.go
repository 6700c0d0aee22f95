// Package skills is Onward's skills taxonomy: the skills a person can show,
// the occupations employers hire for, and a fast, forgiving search over both.
//
// The taxonomy is data, not code. A versioned JSON data file (or a directory
// of them, split by trade area) is embedded in the binary and parsed once
// by Default; Load and LoadDir read other copies, such as one built from the
// official ESCO download by the esco-import command. Every skill has a
// stable, readable id (a slug such as "coffee-roasting") so that attestations
// and roles stored today still mean the same skill after the next import.
//
// Labels and synonyms exist in English, Dutch, French and German because the
// detention and transition houses Onward serves are in Belgium, the
// Netherlands, France and Germany. Search folds accents and case, accepts
// prefixes and one typo, and looks in every language, so a Dutch supervisor
// typing "koffie branden" and a French employer typing "torrefaction" find
// the same skill.
//
// A Taxonomy is immutable once loaded and safe for concurrent use. The maps
// and slices inside the Skill and Occupation values it returns are shared
// with it: read them, never modify them.
package skills
