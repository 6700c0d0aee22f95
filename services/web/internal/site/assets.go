package site

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"

	"github.com/gofiber/fiber/v2"
)

//go:embed assets/*
var assetFiles embed.FS

// asset is one embedded file with its content type and version.
type asset struct {
	body        []byte
	contentType string
	version     string
}

// assets are the UI's stylesheet, script and images, served by the gateway
// itself: no CDN and no external fonts.
type assets map[string]asset

func mustLoadAssets() assets {
	files, err := fs.Glob(assetFiles, "assets/*")
	if err != nil {
		panic(err)
	}
	a := assets{}
	for _, f := range files {
		body, err := assetFiles.ReadFile(f)
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(f))
		if ctype == "" {
			ctype = fiber.MIMEOctetStream
		}
		a[path.Base(f)] = asset{body: body, contentType: ctype, version: hex.EncodeToString(sum[:6])}
	}
	return a
}

// url names an asset with its content hash, so it can be cached for a year
// and still change with the next release.
func (a assets) url(name string) string {
	return "/assets/" + name + "?v=" + a[name].version
}

// serve answers GET /assets/:name.
func (a assets) serve(c *fiber.Ctx) error {
	f, ok := a[c.Params("name")]
	if !ok {
		return fiber.ErrNotFound
	}
	c.Set(fiber.HeaderContentType, f.contentType)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	c.Set(fiber.HeaderETag, `"`+f.version+`"`)
	if c.Get(fiber.HeaderIfNoneMatch) == `"`+f.version+`"` {
		return c.SendStatus(fiber.StatusNotModified)
	}
	return c.Send(f.body)
}
