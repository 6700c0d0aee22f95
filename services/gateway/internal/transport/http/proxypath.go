package http

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/onward-jobs/onward/pkg/errs"
)

// errPathNotCanonical refuses a path that a service could read as another
// route than the one the gateway matched.
var errPathNotCanonical = fmt.Errorf("%w: the path must be in canonical form, without dot segments, doubled slashes or encoded slashes", errs.InvalidArgument)

// refusedEscapes are percent-escapes no Onward path needs and an attacker
// uses to smuggle a separator past the route match: an encoded slash or
// backslash becomes a separator only at the service, an encoded dot forms
// a dot segment there, and an encoded percent sign hides any of these
// behind a second round of decoding. Control characters never belong in a
// path either.
var refusedEscapes = []string{"%2f", "%5c", "%2e", "%25"}

// canonicalPath checks the raw path of a request (as sent, before any
// decoding) and returns it decoded. It refuses a path with a backslash, a
// refused escape, a control character, a dot segment (raw or encoded) or
// anything path.Clean would change (doubled or trailing slashes), so the
// path the gateway matches is exactly the path the service routes.
func canonicalPath(raw string) (string, error) {
	lower := strings.ToLower(raw)
	if !strings.HasPrefix(raw, "/") || strings.ContainsRune(raw, '\\') {
		return "", errPathNotCanonical
	}
	for _, esc := range refusedEscapes {
		if strings.Contains(lower, esc) {
			return "", errPathNotCanonical
		}
	}
	decoded, err := url.PathUnescape(raw)
	if err != nil {
		return "", errors.Join(errPathNotCanonical, err)
	}
	for _, r := range decoded {
		if r < 0x20 || r == 0x7f {
			return "", errPathNotCanonical
		}
	}
	for _, seg := range strings.Split(decoded, "/") {
		if seg == "." || seg == ".." {
			return "", errPathNotCanonical
		}
	}
	if path.Clean(decoded) != decoded {
		return "", errPathNotCanonical
	}
	return decoded, nil
}
