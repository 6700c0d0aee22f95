package domain

import "github.com/onward-jobs/onward/pkg/vocab"

// The closed vocabularies live in pkg/vocab, shared with the candidates
// service; these names keep the domain's callers short.
var (
	// Weekdays are the day names schedules use.
	Weekdays = vocab.Weekdays
	// Contracts are the contract types a role may offer.
	Contracts = vocab.Contracts
	// CEFRLevels are the Common European Framework language levels.
	CEFRLevels = vocab.CEFRLevels
)

// NACESections are the sections of NACE Rev. 2 by letter.
const NACESections = vocab.NACESections

// ValidSector reports whether s is one NACE Rev. 2 section letter.
func ValidSector(s string) bool { return vocab.ValidSector(s) }

// ValidLanguage reports whether code is an ISO 639-1 code in lower case.
func ValidLanguage(code string) bool { return vocab.ValidLanguage(code) }

// SizeBands are the employer size bands, by head count.
var SizeBands = []string{"1-9", "10-49", "50-249", "250+"}

// Commitments are the fair-chance commitments an employer can tick.
var Commitments = []string{"skills_first", "mentor", "day_release_welcome", "appointment_adjustments"}
