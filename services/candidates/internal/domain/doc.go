// Package domain holds the candidates service's entities and rules:
// candidates with their identity, setting, availability and portfolio,
// the programmes that train them, signed attestations, consent and the
// audit trail. It knows nothing of HTTP or storage.
//
// The data is criminal-justice data (GDPR Article 10), so the model is
// deliberately small: it records what matters for work and has no field,
// free text included, meant for offences. Restrictions are closed
// constraints (excluded NACE sectors), never reasons.
package domain
