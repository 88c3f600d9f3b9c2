package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// WarnOCR says a document's text was recognised from images.
const WarnOCR = "ocr"

// OCRTimeout bounds OCR of one document: rendering and recognising pages
// take seconds each, far more than reading a text layer. The programs run
// under this deadline themselves, since a child process outlives a parent
// that gives up on it.
const OCRTimeout = 2 * time.Minute

// ocrText renders a PDF's pages with pdftoppm and recognises their text
// with tesseract, for PDFs without a text layer (scans). It needs both
// programs installed.
func ocrText(name string, data []byte) (string, error) {
	for _, prog := range []string{"pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(prog); err != nil {
			return "", fmt.Errorf("%s: %w: the PDF has no text layer, and --ocr needs %s (apt-get install poppler-utils tesseract-ocr)", name, ErrNoText, prog)
		}
	}
	dir, err := os.MkdirTemp("", "tailor-ocr-*")
	if err != nil {
		return "", fmt.Errorf("%s: OCR: %w", name, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return "", fmt.Errorf("%s: OCR: %w", name, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), OCRTimeout)
	defer cancel()
	run := func(prog string, args ...string) ([]byte, error) {
		out, err := exec.CommandContext(ctx, prog, args...).Output()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: OCR gave up after %s", name, OCRTimeout)
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("%s: OCR: %s failed: %s", name, prog, strings.TrimSpace(string(ee.Stderr)))
		}
		return out, err
	}
	if _, err := run("pdftoppm", "-r", "300", "-gray", "-png", in, filepath.Join(dir, "page")); err != nil {
		return "", err
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	sort.Strings(pages)
	var texts []string
	for _, p := range pages {
		out, err := run("tesseract", p, "stdout")
		if err != nil {
			return "", err
		}
		texts = append(texts, string(out))
	}
	return strings.Join(texts, "\n\n"), nil
}

// readOCR builds a document from a scanned PDF's recognised text.
func readOCR(name string, data []byte, pages int, producer string, opts Options) (*Document, error) {
	text, err := ocrText(name, data)
	if err != nil {
		return nil, err
	}
	doc, err := readText(name, []byte(text), FormatText, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: OCR found no text either; the scan may be too faint or not a document", name, ErrNoText)
	}
	doc.Format, doc.Pages, doc.Producer = FormatPDF, pages, producer
	doc.Warnings = append([]Warning{{Code: WarnOCR,
		Message: "The PDF has no text layer, so its text was recognised from images (OCR); check names and numbers, and send a text-based export when you apply."}}, doc.Warnings...)
	return doc, nil
}
