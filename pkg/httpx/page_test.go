package httpx

import (
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/mongox"
)

// TestPageRequest checks what a list endpoint accepts as cursor and limit.
func TestPageRequest(t *testing.T) {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error {
		pg, err := PageRequest(c, 50)
		if err != nil {
			return c.Status(400).SendString(err.Error())
		}
		return c.JSON(pg)
	})
	for query, ok := range map[string]bool{
		"": true, "?limit=1": true, "?limit=50": true, "?limit=0": false, "?limit=51": false, "?limit=x": false,
		"?cursor=" + mongox.EncodeCursor("abc"): true, "?cursor=%25%25": false,
	} {
		resp, err := app.Test(httptest.NewRequest("GET", "/"+query, nil))
		if err != nil {
			t.Fatal(err)
		}
		if (resp.StatusCode == 200) != ok {
			t.Errorf("%q: status %d, want ok=%v", query, resp.StatusCode, ok)
		}
	}
	if p := ToPage([]int{1, 2}, "n", func(i int) string { return string(rune('a' + i)) }); len(p.Items) != 2 || p.Items[1] != "c" || p.NextCursor != "n" {
		t.Errorf("ToPage = %+v", p)
	}
	if p := ToPage[int, int](nil, "", func(i int) int { return i }); p.Items == nil {
		t.Error("an empty page's items are null")
	}
}
