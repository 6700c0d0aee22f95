package printout

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"
)

// drawQR draws a QR code of content as filled squares, size millimetres
// wide, with its top-left corner at x, y. Vector squares print sharp at
// any resolution and need no image decoder. The code keeps its quiet zone
// (four modules of white), which scanners need.
func drawQR(pdf *fpdf.Fpdf, content string, x, y, size float64) error {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("qr code: %w", err)
	}
	bitmap := q.Bitmap()
	module := size / float64(len(bitmap))
	pdf.SetFillColor(0, 0, 0)
	for r, row := range bitmap {
		// One rectangle per run of dark modules keeps the file small.
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			pdf.Rect(x+float64(start)*module, y+float64(r)*module, float64(c-start)*module, module, "F")
		}
	}
	return nil
}
