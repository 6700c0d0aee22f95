package printout

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxingqr "github.com/makiuchi-d/gozxing/qrcode"
)

// TestPrintedQRCodeScans: the page, rasterised as a printer would (poppler's
// pdftoppm at 150 dpi), holds a QR code a reader decodes to exactly the
// attestation's verification address.
func TestPrintedQRCodeScans(t *testing.T) {
	const url = "https://onward.example.org/verify/credentials/0193a3c2-1111-7000-8000-123456789abc"
	pdf, err := Render(Portfolio{Alias: "K7Q2", Attestations: []Attestation{
		{Label: "Coffee roasting", Level: 3, Hours: 600, Date: "2026-11-20", VerifyURL: url},
	}}, Options{Paper: Letter, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatalf("pdftoppm is missing: install poppler-utils (scripts/ensure-test-deps.sh does): %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.pdf"), pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-png", "-singlefile", filepath.Join(dir, "p.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxingqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code read from the printed page: %v", err)
	}
	if res.GetText() != url {
		t.Errorf("the QR code says %q, want %q", res.GetText(), url)
	}
}
