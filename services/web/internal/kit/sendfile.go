package kit

import (
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// SendFile passes an API answer through to the browser as a file to keep:
// its type, the file name (the API's own attachment name when it gives
// one), kept by no cache and never sniffed. Fiber reads the body after
// the handler returns and closes it.
func SendFile(c *fiber.Ctx, resp *http.Response, contentType, fileName string) error {
	disposition := resp.Header.Get(fiber.HeaderContentDisposition)
	if !strings.HasPrefix(disposition, "attachment") {
		disposition = `attachment; filename="` + fileName + `"`
	}
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, disposition)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	return c.SendStream(resp.Body, int(resp.ContentLength))
}
