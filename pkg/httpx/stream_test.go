package httpx

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

func TestStreamNDJSONEndsWithItsCount(t *testing.T) {
	s := NewServer(AppConfig{Service: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BodyLimit: 1024})
	s.App.Get("/items", func(c *fiber.Ctx) error {
		if !WantsNDJSON(c) {
			return c.JSON(fiber.Map{"page": true})
		}
		fail := c.Query("fail") != ""
		return StreamNDJSON(c, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Second, func(ctx context.Context, emit Emit) error {
			for i := range 1000 {
				if fail && i == 500 {
					return errors.New("store went away")
				}
				if err := emit(map[string]int{"n": i}); err != nil {
					return err
				}
			}
			return nil
		})
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeListener(ctx, ln, time.Second) }()
	defer func() { cancel(); <-done }()

	read := func(query string) (items int, end *StreamEnd) {
		req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/items"+query, nil)
		req.Header.Set("Accept", NDJSONContentType)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != NDJSONContentType {
			t.Fatalf("Content-Type %q", ct)
		}
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			var line struct {
				N   *int `json:"n"`
				End bool `json:"end"`
				StreamEnd
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			if line.End {
				end = &line.StreamEnd
				continue
			}
			if line.N == nil || *line.N != items {
				t.Fatalf("item %d: %s", items, sc.Text())
			}
			items++
		}
		return items, end
	}
	if n, end := read(""); n != 1000 || end == nil || end.Count != 1000 {
		t.Fatalf("whole stream: %d items, end %+v", n, end)
	}
	if n, end := read("?fail=1"); end != nil || n != 500 {
		t.Fatalf("failed stream: %d items, end %+v; want 500 and no end line", n, end)
	}
}
