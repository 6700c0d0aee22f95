package domain

import "slices"

// Kinds of notification. The account kinds are transactional mails the
// gateway hands off and are always sent at once; the preference kinds are
// the ones a user chooses a frequency for.
const (
	KindInvitation     = "invitation"
	KindPasswordReset  = "password_reset"
	KindSignupExisting = "signup_existing"
	// KindCandidateInvitation e-mails a candidate the link to their own
	// account; its delivery names the candidate, so erasure forgets it.
	KindCandidateInvitation = "candidate_invitation"
	KindDigest              = "digest"
	KindNewMatches          = "new_matches"
	KindIntroductions       = "introductions"
)

// AccountKinds are the kinds the transactional handoff accepts.
var AccountKinds = []string{KindInvitation, KindPasswordReset, KindSignupExisting, KindCandidateInvitation}

// PreferenceKinds are the kinds a user or organisation sets a frequency for.
var PreferenceKinds = []string{KindNewMatches, KindIntroductions}

// Frequency is how soon a user hears of a preference kind by e-mail.
type Frequency string

// Frequencies. Inbox means no e-mail at all; every kind always reaches the
// inbox.
const (
	Immediately Frequency = "immediately"
	Daily       Frequency = "daily"
	InboxOnly   Frequency = "inbox"
)

// Valid reports whether f is one of the frequencies.
func (f Frequency) Valid() bool { return f == Immediately || f == Daily || f == InboxOnly }

// DefaultFrequency is the built-in choice for a kind nobody chose for.
func DefaultFrequency(kind string) Frequency {
	if kind == KindNewMatches {
		return Daily
	}
	return Immediately
}

// IsAccountKind reports whether kind is a transactional account mail.
func IsAccountKind(kind string) bool { return slices.Contains(AccountKinds, kind) }

// IsPreferenceKind reports whether kind takes a preference.
func IsPreferenceKind(kind string) bool { return slices.Contains(PreferenceKinds, kind) }

// Languages are the languages mails and messages are written in, the
// default first.
var Languages = []string{"en", "nl", "fr", "de"}

// Language returns code if it is one of Languages, else the default.
func Language(code string) string {
	if slices.Contains(Languages, code) {
		return code
	}
	return Languages[0]
}
