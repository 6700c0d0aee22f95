package http

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/proxy"
	"github.com/valyala/fasthttp"

	"github.com/onward-jobs/onward/pkg/httpx"
)

// upstreamPool is every instance of one service behind the gateway. Calls
// take turns over the instances; a call that could not connect to one is
// sent once more, to the next, since no byte of it reached a service and
// it cannot be applied twice.
type upstreamPool struct {
	bases *httpx.RoundRobin
}

// newUpstreamPool reads an upstream's address setting, one base URL or a
// comma-separated list (checked when the configuration was loaded); nil
// means the service is not deployed.
func newUpstreamPool(setting string) *upstreamPool {
	bases, err := httpx.ParseBaseURLs(setting)
	if err != nil || len(bases) == 0 {
		return nil
	}
	return &upstreamPool{bases: httpx.NewRoundRobin(bases)}
}

// forward sends c's request to the next instance at pathAndQuery (the
// path as sent, with its query), and once more to the one after it if
// the first could not be reached.
func (u *upstreamPool) forward(c *fiber.Ctx, pathAndQuery string, timeout time.Duration, client *fasthttp.Client) error {
	err := proxy.DoTimeout(c, u.bases.Next()+pathAndQuery, timeout, client)
	if err != nil && u.bases.Len() > 1 && isConnectError(err) {
		err = proxy.DoTimeout(c, u.bases.Next()+pathAndQuery, timeout, client)
	}
	return err
}

// isConnectError reports whether err is a failure to connect, before the
// request was written.
func isConnectError(err error) bool {
	return httpx.IsDialError(err) || errors.Is(err, fasthttp.ErrDialTimeout)
}
