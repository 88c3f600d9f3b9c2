package extract_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

var update = flag.Bool("update", false, "rewrite the generated PDF fixtures in testdata/pdf")

// fixtures are PDFs other packages' tests read from testdata/pdf, built by
// this package's test helpers so that they stay reproducible.
var fixtures = map[string]func() []byte{
	// A valid page with a drawing and no text: a scan-like PDF.
	"no-text.pdf": func() []byte { return buildPDF("0 0 m 200 200 l S") },
	// A cross-reference section that names itself as the previous one:
	// the PDF library reads it forever.
	"loop-xref.pdf": loopingPDF,
}

func TestFixtures(t *testing.T) {
	for name, build := range fixtures {
		path := "../testdata/pdf/" + name
		want := build()
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is missing or stale (go test ./extract -run TestFixtures -update): %v", path, err)
		}
	}
}

// TestReadPDF_Encrypted: a PDF encrypted with an empty user password is
// read when the library can decrypt it, or, for AES-256 (revisions 5 and
// 6, with or without object streams), when tailor can; otherwise the
// error says "encrypted" and what to do, never "damaged".
func TestReadPDF_Encrypted(t *testing.T) {
	t.Parallel()
	for file, readable := range map[string]bool{
		"encrypted-aes128-no-password.pdf": true,
		"encrypted-rc4-40.pdf":             false,
		"encrypted-aes256-no-password.pdf": true,
		"encrypted-aes256-objstm.pdf":      true,
		"encrypted-aes256-r5.pdf":          true,
		"encrypted-aes256-pdfcpu.pdf":      true,
		"encrypted-aes256-password.pdf":    false,
		"encrypted-password.pdf":           false,
	} {
		path := "../testdata/pdf/" + file
		doc, err := extract.Read(path, extract.Options{})
		if readable {
			if err != nil || !strings.Contains(doc.Text, "Declan Whitford-Reyes") {
				t.Errorf("%s: %v", file, err)
			}
			continue
		}
		if !errors.Is(err, extract.ErrEncrypted) || !strings.Contains(err.Error(), "without a password") || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("%s: error %v, want ErrEncrypted naming the file and the remedy", file, err)
		}
	}
}

// TestReadPDF_TesseractLayer: a scan that OCR software has given its
// invisible text layer reads as that text, without --ocr (which would
// recognise the page again), and says the text came from OCR.
func TestReadPDF_TesseractLayer(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/scan-tesseract-layer.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Declan Whitford-Reyes", "Experience", "declan.whitford@example.net"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	if len(doc.Warnings) == 0 || doc.Warnings[0].Code != extract.WarnOCRLayer {
		t.Errorf("warnings %+v, want the OCR warning first", doc.Warnings)
	}
}

// TestReadPDF_Ghostscript: a PDF from Ghostscript (groff, then ps2pdf)
// reads with its words apart, as pdftotext reads it, and a name broken
// across lines whole; a letter-spaced heading stays one word.
func TestReadPDF_Ghostscript(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/ghostscript-groff.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Senior ML Engineer, Northwind", "• Wrote Numba CUDA kernels", "moved training to CUDA 12.4 and PyTorch",
		"(S3, Batch) with NumPy, pandas and Polars", "• Features:", "Kubernetes, Docker, SQL"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	doc, err = extract.Read("../testdata/pdf/ghostscript-dvips.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Senior ML Engineer, Northwind Robotics", "• Wrote Numba CUDA kernels", "CUDA 12.4 and PyTorch 2.3",
		"with NumPy, pandas and Polars", "Kubernetes, Docker, SQL"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("dvips: text lacks %q:\n%s", want, doc.Text)
		}
	}
	spaced := buildPDF("BT /F1 12 Tf 3 Tc 72 700 Td (EXPERIENCE) Tj 0 Tc 0 -20 Td (Senior) Tj 4.5 Tc 36 0 Td (,N) Tj 0 Tc 17 0 Td (orthwind) Tj ET")
	doc, err = extract.ParsePDF("spaced.pdf", spaced, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "EXPERIENCE") || !strings.Contains(doc.Text, ", Northwind") {
		t.Errorf("letter spacing and a two-glyph gap: %q", doc.Text)
	}
	// A bullet glyph and the word after it, and a comma and a letter a
	// narrow justified space apart, are two words.
	doc, err = extract.ParsePDF("bullets.pdf", buildPDF("BT /F1 12 Tf 72 700 Td (\225Wrote) Tj 0 -20 Td (NumPy,) Tj 42.9 0 Td (pandas) Tj ET"), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "• Wrote") || !strings.Contains(doc.Text, "NumPy, pandas") {
		t.Errorf("a bullet and a comma glued to the next word: %q", doc.Text)
	}
}

// TestReadPDF_LaTeXTwoColumn: a LaTeX twocolumn article (a 10 pt gutter at
// 10 pt, a centred title block and a page number across it) reads column
// by column, and no word is joined from halves in different columns.
func TestReadPDF_LaTeXTwoColumn(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/latex-twocolumn.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, f := range strings.Fields(doc.Text) {
		if len(f) == 3 && f[0] == 'P' && f[1] >= '0' && f[1] <= '9' {
			order = append(order, f)
		}
	}
	if got := strings.Join(order, " "); got != "P01 P02 P03 P04 P05 P06 P07 P08 P09 P10 P11 P12 P13 P14" {
		t.Errorf("paragraphs read in the order %s", got)
	}
	words := map[string]bool{}
	for _, w := range strings.Fields("model training data pipeline segmentation clinical imaging transformer attention network gradient optimisation deployment inference latency throughput evaluation benchmark dataset annotation augmentation regularisation convolution architecture experiment baseline ablation accuracy robustness calibration uncertainty distribution representation histopathology stain-robust whole-slide images elif sandoval university aldemar") {
		words[w] = true
	}
	for _, f := range strings.Fields(strings.ToLower(doc.Text)) {
		if f = strings.Trim(f, ".,-"); len(f) > 3 && !words[f] && !strings.HasPrefix(f, "p") && strings.IndexFunc(f, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			t.Errorf("a word the article never wrote: %q", f)
		}
	}
}

// TestReadPDF_ChromiumType3: a resume Chromium printed with an OpenType web
// font (embedded as Type 3 fonts with glyph names) reads exactly, without
// a garbled-text warning.
func TestReadPDF_ChromiumType3(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/chromium-otf-type3.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lukas Brandt", "Kubernetes engineer · lukas.brandt@example.com · +49 30 555 0142",
		"Terraform, Helm and Argo CD; cut incident time by 35%", "Go, Python, Kubernetes, Terraform, PostgreSQL, Linux"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	for _, w := range doc.Warnings {
		if w.Code == extract.WarnGarbled || w.Code == extract.WarnNoEmail || w.Code == extract.WarnNoPhone {
			t.Errorf("false warning %s", w.Code)
		}
	}
}

// TestReadPDF_NameHeadsMainColumn: when the name heads the main column,
// not the page, the document still opens with the name and title (the
// Header), and the sidebar's contact block is a section of its own.
func TestReadPDF_NameHeadsMainColumn(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/name-heads-main-column.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sections) == 0 || doc.Sections[0].Name != extract.SectionHeader ||
		strings.Join(strings.Fields(doc.Text[doc.Sections[0].Start:doc.Sections[0].End]), " ") != "Mara Lindqvist Senior Machine Learning Engineer" {
		t.Errorf("sections %+v:\n%s", doc.Sections, doc.Text)
	}
	for _, kind := range []extract.SectionKind{extract.SectionSkills, extract.SectionExperience, extract.SectionEducation} {
		if !slices.ContainsFunc(doc.Sections, func(s extract.Section) bool { return s.Name == kind }) {
			t.Errorf("no %s section", kind)
		}
	}
}

// TestReadPDF_LibreOfficeTableName: a LibreOffice table layout whose large
// name reaches into the gap between the columns, on the baseline of the
// main column's first heading, reads the name as the header and that
// heading as a section of the main column: R01..R05 in order.
func TestReadPDF_LibreOfficeTableName(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/libreoffice-table-name.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.Text, "Mara Lindqvist\n") {
		t.Errorf("the text opens %q", doc.Text[:min(40, len(doc.Text))])
	}
	var order []string
	for _, f := range strings.Fields(doc.Text) {
		if len(f) == 3 && f[0] == 'R' && f[1] == '0' {
			order = append(order, f)
		}
	}
	if got := strings.Join(order, " "); got != "R01 R02 R03 R04 R05" {
		t.Errorf("order %s", got)
	}
	for _, sec := range doc.Sections {
		if sec.Name == extract.SectionExperience && !strings.Contains(doc.Text[sec.Start:sec.End], "R01 Built perception models") {
			t.Errorf("the Experience section lacks its first entry: %q", doc.Text[sec.Start:sec.End])
		}
	}
	if !slices.ContainsFunc(doc.Sections, func(s extract.Section) bool { return s.Name == extract.SectionExperience }) {
		t.Errorf("no Experience section: %+v", doc.Sections)
	}
}

// TestReadPDF_OCR: a scan (an image-only PDF) reads with OCR when asked,
// and otherwise fails naming --ocr.
func TestReadPDF_OCR(t *testing.T) {
	t.Parallel()
	path := "../testdata/pdf/scan.pdf"
	_, err := extract.Read(path, extract.Options{})
	if !errors.Is(err, extract.ErrNoText) || !strings.Contains(err.Error(), "--ocr") {
		t.Errorf("without OCR: %v", err)
	}
	for _, prog := range []string{"tesseract", "pdftoppm"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s not found (apt-get install tesseract-ocr poppler-utils; .ci/run installs them)", prog)
		}
	}
	doc, err := extract.Read(path, extract.Options{OCR: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Declan Whitford-Reyes", "go-to-market", "Experience"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("OCR text lacks %q", want)
		}
	}
	if len(doc.Warnings) == 0 || doc.Warnings[0].Code != extract.WarnOCR || doc.Format != extract.FormatPDF {
		t.Errorf("format %s, warnings %+v", doc.Format, doc.Warnings)
	}
}
