package app

import (
	"io/fs"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// locales are the page packages' message files, read into the kit's one
// bundle.
var locales = []fs.FS{}

// MessageFiles are the kit's and every page package's locale folders, for
// the tests of the messages.
func MessageFiles() []fs.FS { return append([]fs.FS{kit.LocaleFiles}, locales...) }

// routes is the web app's route table: every page, who may open it, and
// the package that draws it.
func routes(app *fiber.App, k *kit.Kit) {
	// Pages are compressed as they go out (brotli or gzip, as the browser
	// accepts); assets were compressed once, as they loaded.
	app.Use(compress.New(compress.Config{
		Level: compress.LevelBestSpeed,
		Next:  func(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/assets/") },
	}))
	app.Get("/assets/:name", k.Assets)
	app.Get("/lang/:code", k.SwitchLanguage)
	app.Get("/suggest/:kind", k.Suggest)
	app.Get("/session/renew", k.RenewSession)

	accountRoutes(app, k)
	exploreRoutes(app, k)
	employerRoutes(app, k)
	staffRoutes(app, k)
	portfolioRoutes(app, k)
	adminRoutes(app, k)
}
