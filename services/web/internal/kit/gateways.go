package kit

import (
	"net/http"
	"strings"

	"github.com/onward-jobs/onward/pkg/httpx"
)

// gateways reads the gateway address setting, one base URL or a
// comma-separated list (checked when the configuration was loaded): the
// first is the base the API clients are built with, and the transport
// sends each request to the gateways in turn, once more to the next if
// one cannot be reached. With one gateway the transport is the default.
func gateways(setting string) (string, http.RoundTripper) {
	bases, err := httpx.ParseBaseURLs(setting)
	if err != nil || len(bases) == 0 {
		return strings.TrimRight(setting, "/"), nil
	}
	if len(bases) == 1 {
		return bases[0], nil
	}
	return bases[0], httpx.RoundRobinTransport{Bases: httpx.NewRoundRobin(bases)}
}
