package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// placed draws one line of text with /F1 at (x, y).
func placed(x, y float64, text string) string {
	return fmt.Sprintf("BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n", x, y, text)
}

// column draws lines top to bottom from y, 14 points apart.
func column(x, y float64, lines ...string) string {
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(placed(x, y-14*float64(i), l))
	}
	return b.String()
}

var (
	sidebar = []string{"Skills", "PyTorch and CUDA", "Docker", "Kubernetes", "Languages", "Python and C++"}
	main1   = []string{"Experience", "Trained detection models on eight GPUs.", "Cut inference latency by half with INT8.",
		"Built the data pipeline for camera images.", "Education", "MSc Machine Learning, 2016."}
)

// twoColumnPDFs are layouts whose reading order is known: the text of each
// column must come out whole, column after column.
var twoColumnPDFs = map[string]struct {
	pdf  func() []byte
	want []string // lines, in reading order
}{
	"two-column-left-sidebar.pdf": {
		pdf: func() []byte {
			return buildPDFPages(placed(40, 740, "Ana Lee, Deep Learning Engineer, ana@example.com, +44 20 7946 0958") +
				column(40, 690, sidebar...) + column(230, 690, main1...))
		},
		want: append(append([]string{"Ana Lee, Deep Learning Engineer, ana@example.com, +44 20 7946 0958"}, sidebar...), main1...),
	},
	"two-column-right-sidebar.pdf": {
		pdf: func() []byte {
			return buildPDFPages(placed(40, 740, "Ana Lee, Deep Learning Engineer, ana@example.com, +44 20 7946 0958") +
				column(40, 690, main1...) + column(420, 683, sidebar...))
		},
		want: append(append([]string{"Ana Lee, Deep Learning Engineer, ana@example.com, +44 20 7946 0958"}, main1...), sidebar...),
	},
	// Like Chrome's column-count: two equal columns on the same baselines,
	// which pdftotext reads straight across; a full-width line between two
	// bands of columns stays between them.
	"two-column-count.pdf": {
		pdf: func() []byte {
			return buildPDFPages(
				column(54, 700, "Led the vision team.", "Shipped three models.", "Mentored two juniors.") +
					column(320, 700, "Wrote the INT8 kernels.", "Halved the latency.", "Owned on-call.") +
					placed(54, 640, "Projects: an open-source library for training detection models across many GPUs at once") +
					column(54, 610, "Built a labelling tool.", "Ran the data audit.") +
					column(320, 610, "Published two papers.", "Reviewed for CVPR."))
		},
		want: []string{"Led the vision team.", "Shipped three models.", "Mentored two juniors.",
			"Wrote the INT8 kernels.", "Halved the latency.", "Owned on-call.",
			"Projects: an open-source library for training detection models across many GPUs at once",
			"Built a labelling tool.", "Ran the data audit.", "Published two papers.", "Reviewed for CVPR."},
	},
}

func TestReadPDF_ColumnOrder(t *testing.T) {
	t.Parallel()
	for name, tt := range twoColumnPDFs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.ParsePDF(name, tt.pdf(), extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ln := range doc.Lines {
				got = append(got, doc.Text[ln.Start:ln.End])
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("reading order:\n%s\n--- want ---\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !slicesContains(codes(doc), extract.WarnMultiColumn) {
				t.Errorf("no multi-column warning: %v", codes(doc))
			}
		})
	}
}

// TestReadPDF_Rails: dates at the right of each row, or labels at its
// left, are read row by row; they are no columns.
func TestReadPDF_Rails(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	rows := []string{"Staff Engineer, Nordlys AB", "Trained detection models on eight GPUs.", "Cut inference latency by half with INT8.",
		"Senior Engineer, Brightpath", "Built the data pipeline for camera images.", "Shipped the first on-device model."}
	for i, r := range rows {
		y := 700 - 14*float64(i)
		b.WriteString(placed(72, y, r))
		if i%3 == 0 {
			b.WriteString(placed(480, y, "2019 - 2023"))
		}
	}
	doc, err := extract.ParsePDF("rail.pdf", buildPDFPages(b.String()), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Text[doc.Lines[0].Start:doc.Lines[1].End]
	if first != "Staff Engineer, Nordlys AB\n2019 - 2023" || slicesContains(codes(doc), extract.WarnMultiColumn) {
		t.Errorf("date rail read as a column: %q, warnings %v", doc.Text, codes(doc))
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func init() {
	// The two-column layouts are kept in testdata/pdf too, for trying
	// tailor extract on them.
	for name, tt := range twoColumnPDFs {
		fixtures[name] = tt.pdf
	}
}

// TestReadPDF_ChromeColumnCount reads a resume that Chrome laid out with
// CSS column-count: 2 (testdata/pdf/chrome-column-count.html, printed with
// headless Chromium): its numbered paragraphs must come out in order.
func TestReadPDF_ChromeColumnCount(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read("../testdata/pdf/chrome-column-count.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	for i := 1; i <= 14; i++ {
		at := strings.Index(doc.Text, fmt.Sprintf("P%02d ", i))
		if at < last {
			t.Fatalf("paragraph P%02d is out of order:\n%s", i, doc.Text)
		}
		last = at
	}
	if !slicesContains(codes(doc), extract.WarnMultiColumn) {
		t.Errorf("no multi-column warning: %v", codes(doc))
	}
}

// TestReadPDF_NameBelowSmallLine: a big name under a small line ("Last
// updated ...") is the Header, not a section heading.
func TestReadPDF_NameBelowSmallLine(t *testing.T) {
	t.Parallel()
	content := "BT /F1 7 Tf 400 770 Td (Last updated June 2026) Tj ET BT /F1 22 Tf 72 740 Td (Ana Lee) Tj ET " +
		column(72, 700, "Experience", "Trained detection models on eight GPUs for a warehouse robot company.",
			"Cut inference latency by half with INT8 quantization and TensorRT engines.")
	doc, err := extract.ParsePDF("cv.pdf", buildPDFPages(content), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Sections {
		if s.Heading == "Ana Lee" {
			t.Errorf("the name became a section: %+v", doc.Sections)
		}
	}
	if !strings.Contains(doc.Text[doc.Sections[0].Start:doc.Sections[0].End], "Ana Lee") || doc.Sections[0].Name != "Header" {
		t.Errorf("the name is not in the Header: %+v", doc.Sections)
	}
}
