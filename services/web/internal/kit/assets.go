package kit

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
)

//go:embed assets/*
var assetFiles embed.FS

// asset is one embedded file, minified, with its brotli and gzip forms,
// its content type and its version.
type asset struct {
	body, br, gz []byte
	contentType  string
	version      string
}

// assets are the UI's stylesheet, scripts and images, served by the web app
// itself: no CDN and no external fonts. The sources stay readable in the
// repository; the binary minifies and compresses them once, as it loads,
// so no generated copy can drift from them.
type assets map[string]asset

func mustLoadAssets() assets {
	files, err := fs.Glob(assetFiles, "assets/*")
	if err != nil {
		panic(err)
	}
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	a := assets{}
	for _, f := range files {
		src, err := assetFiles.ReadFile(f)
		if err != nil {
			panic(err)
		}
		ctype := mime.TypeByExtension(path.Ext(f))
		if ctype == "" {
			ctype = fiber.MIMEOctetStream
		}
		body := src
		if kind, _, _ := strings.Cut(ctype, ";"); minifiable[minifierType(kind)] {
			if body, err = m.Bytes(minifierType(kind), src); err != nil {
				panic("web: minify " + f + ": " + err.Error())
			}
		}
		sum := sha256.Sum256(body)
		a[path.Base(f)] = asset{body: body, br: brotliBytes(body), gz: gzipBytes(body), contentType: ctype, version: hex.EncodeToString(sum[:6])}
	}
	return a
}

// minifiable are the content types the minifier is given.
var minifiable = map[string]bool{"text/css": true, "text/javascript": true, "image/svg+xml": true}

// minifierType maps the content types Go knows to the minifier's names.
func minifierType(ctype string) string {
	if ctype == "application/javascript" {
		return "text/javascript"
	}
	return ctype
}

func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// url names an asset with its content hash, so it can be cached for a year
// and still change with the next release.
func (a assets) url(name string) string {
	return "/assets/" + name + "?v=" + a[name].version
}

// serve answers GET /assets/:name, compressed as the browser accepts.
func (a assets) serve(c *fiber.Ctx) error {
	f, ok := a[c.Params("name")]
	if !ok {
		return fiber.ErrNotFound
	}
	c.Set(fiber.HeaderContentType, f.contentType)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	c.Set(fiber.HeaderETag, `"`+f.version+`"`)
	c.Vary(fiber.HeaderAcceptEncoding)
	if c.Get(fiber.HeaderIfNoneMatch) == `"`+f.version+`"` {
		return c.SendStatus(fiber.StatusNotModified)
	}
	// Fiber reads Accept-Encoding with its q-values; no header at all means
	// the browser takes the plain file.
	coding := ""
	if c.Get(fiber.HeaderAcceptEncoding) != "" {
		coding = c.AcceptsEncodings("br", "gzip")
	}
	switch coding {
	case "br":
		c.Set(fiber.HeaderContentEncoding, "br")
		return c.Send(f.br)
	case "gzip":
		c.Set(fiber.HeaderContentEncoding, "gzip")
		return c.Send(f.gz)
	}
	return c.Send(f.body)
}
