package kit

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// QRSVG draws address as a QR code in inline SVG: dark modules as one
// path on a white square, quiet zone included, so a phone's camera reads
// it on any background. It uses presentation attributes only, no style
// attribute and no data: image, so no Content-Security-Policy has to
// allow anything for it. label is the image's accessible name.
func QRSVG(address, label string) (template.HTML, error) {
	code, err := qrcode.New(address, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("qr code: %w", err)
	}
	bitmap := code.Bitmap()
	var path strings.Builder
	for y, row := range bitmap {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run
		}
	}
	n := len(bitmap)
	return template.HTML(fmt.Sprintf(`<svg class="qr-code" role="img" aria-label="%s" viewBox="0 0 %d %d" width="200" height="200" `+
		`shape-rendering="crispEdges" focusable="false" xmlns="http://www.w3.org/2000/svg">`+
		`<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		html.EscapeString(label), n, n, n, n, path.String())), nil
}
