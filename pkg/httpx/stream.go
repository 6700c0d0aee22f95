package httpx

import (
	"bufio"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// NDJSONContentType is the media type of a stream of JSON values, one per
// line, that a client asks for with its Accept header.
const NDJSONContentType = "application/x-ndjson"

// WantsNDJSON reports whether the client asked for a stream of JSON lines
// rather than a page.
func WantsNDJSON(c *fiber.Ctx) bool {
	return strings.Contains(c.Get(fiber.HeaderAccept), NDJSONContentType)
}

// StreamEnd is the last line of every stream. A reader that does not find
// it knows the stream was cut short, since the status (200) was sent
// before the first item.
type StreamEnd struct {
	End   bool `json:"end"`
	Count int  `json:"count"`
}

// Emit writes one item of a stream.
type Emit func(item any) error

// StreamNDJSON answers 200 with one JSON line per item that produce hands
// to emit, then a StreamEnd line. produce runs after the handler has
// returned, while the response is written, so it must not use c; it gets
// a context of its own that ends when the client stops reading. Each
// flushed batch moves the connection's write deadline writeTimeout ahead,
// so a long stream is bounded by its progress rather than its length.
// When produce fails the stream stops without its end line and the error
// is logged.
func StreamNDJSON(c *fiber.Ctx, logger *slog.Logger, writeTimeout time.Duration, produce func(ctx context.Context, emit Emit) error) error {
	conn := c.Context().Conn()
	route, id := routePattern(c), RequestID(c)
	base := context.WithoutCancel(c.UserContext())
	c.Set(fiber.HeaderContentType, NDJSONContentType)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithCancel(base)
		defer cancel()
		enc := json.NewEncoder(w)
		count := 0
		emit := func(item any) error {
			if err := enc.Encode(item); err != nil {
				return err
			}
			count++
			if count%streamFlushEvery == 0 {
				if writeTimeout > 0 {
					_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
				}
				if err := w.Flush(); err != nil {
					cancel()
					return err
				}
			}
			return nil
		}
		if err := produce(ctx, emit); err != nil {
			logger.Error("stream cut short", "route", route, "request_id", id, "items", count, "error", err.Error())
			return
		}
		if err := enc.Encode(StreamEnd{End: true, Count: count}); err == nil {
			_ = w.Flush()
		}
	})
	return nil
}

// streamFlushEvery is how many lines go out per flush.
const streamFlushEvery = 200
