package domain

import "crypto/rand"

// aliasAlphabet leaves out letters and digits people confuse (0/O, 1/I/L)
// and vowels, so an alias never spells a word.
const aliasAlphabet = "23456789BCDFGHJKMNPQRSTVWXZ"

// AliasLength is the length of a new alias: 27^4 is about 530,000
// combinations, enough for the platform, and a short code is easy to say
// on the phone.
const AliasLength = 4

// NewAlias returns a random alias such as "K7Q2". Aliases are unique per
// platform; the store rejects a duplicate and the caller draws again.
func NewAlias() string {
	b := make([]byte, AliasLength)
	_, _ = rand.Read(b)
	for i := range b {
		// 27 does not divide 256; the slight bias toward the first letters
		// is harmless for a pseudonym.
		b[i] = aliasAlphabet[int(b[i])%len(aliasAlphabet)]
	}
	return string(b)
}
