// Package printout draws the printable portfolio: a PDF a candidate can
// hand to an employer. It is pure: it takes plain values the service has
// already chosen to show and returns the bytes of the document, so what
// may be printed is decided in one place (the service) and how it looks in
// another (here).
package printout

import "time"

// Paper is the size of the printed page.
type Paper string

// The paper sizes: ISO A4 (595 x 842 points) and US letter (612 x 792).
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// Portfolio is everything one printout shows. It has no field for a name,
// a house, an organisation or anything about an offence, so no caller can
// print one by mistake.
type Portfolio struct {
	// Alias is the candidate's pseudonym, such as "K7Q2".
	Alias string
	// Skills are the candidate's current skills, one per skill.
	Skills []Skill
	// TotalHours is the sum of the hours of the programme records.
	TotalHours   int
	Records      []Record
	Certificates []Certificate
	// Attestations are shown in this order, each with its QR code.
	Attestations []Attestation
}

// Skill is one current skill: its label in the printout's language, the
// attested level (1 to 4) and the hours behind it.
type Skill struct {
	Label string
	Level int
	Hours int
}

// Record is time spent in a work programme. Programme is empty unless the
// candidate chose to show programme names.
type Record struct {
	Programme string
	From      string
	// To is empty while the record is ongoing.
	To    string
	Hours int
}

// Certificate is a qualification from an outside issuer.
type Certificate struct {
	Name   string
	Issuer string
	Date   string
}

// Attestation is one signed attestation and the public address where
// anyone can check it. Programme is empty unless the candidate chose to
// show programme names.
type Attestation struct {
	Label     string
	Level     int
	Hours     int
	Date      string
	Programme string
	VerifyURL string
}

// Options say how to print: the paper, the language of the labels (en,
// nl, fr or de; anything else prints English) and the moment of printing,
// which is written on the page and into the document's dates.
type Options struct {
	Paper     Paper
	Lang      string
	PrintedAt time.Time
}
