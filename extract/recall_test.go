package extract_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/tailor-cli/tailor/extract"
)

// Corpus thresholds for text fidelity against pdftotext.
const (
	minRecall = 0.98
	maxGlued  = 0.01
)

// wordsOf splits text into case-folded words of letters and digits.
func wordsOf(text string) []string {
	// pdftotext leaves ligatures ("artiﬁcial"); compare unfolded words.
	return strings.FieldsFunc(strings.ToLower(norm.NFKC.String(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// fidelity compares the words tailor read with reference words: recall is
// the share of reference words (as a multiset) tailor has; glued is the
// share of reference words tailor has only fused with a neighbour
// ("machinelearning").
func fidelity(got, ref []string) (recall, glued float64) {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	var joined strings.Builder
	for _, w := range got {
		joined.WriteString(" " + w)
	}
	all := joined.String() + " "
	hit, fused := 0, 0
	for i := 0; i < len(ref); i++ {
		w := ref[i]
		if have[w] > 0 {
			have[w]--
			hit++
			continue
		}
		// pdftotext splits letter-spaced words ("c o n t a c t") and
		// keeps the halves of words hyphenated at a line end ("con",
		// "sul"); where tailor has the whole word, the reference's pieces
		// count as found.
		if n := joinedRun(ref[i:], have); n > 0 {
			hit += n
			i += n - 1
			continue
		}
		if len(w) > 2 && strings.Contains(all, w) {
			fused++
		}
	}
	if len(ref) == 0 {
		return 1, 0
	}
	return float64(hit) / float64(len(ref)), float64(fused) / float64(len(ref))
}

// joinedRun returns how many reference words, from the first, join into a
// word that have holds (taking it), or 0: at least two words, of which all
// but the last are short when more than two are joined.
func joinedRun(ref []string, have map[string]int) int {
	joined := ref[0]
	for n := 2; n <= len(ref) && n <= 12; n++ {
		joined += ref[n-1]
		if have[joined] > 0 {
			have[joined]--
			return n
		}
		if n >= 2 && len(ref[n-1]) > 2 && n > 2 {
			return 0
		}
	}
	return 0
}

// TestCorpus_Fidelity reads every corpus resume and compares its words with
// poppler's pdftotext: recall at least 0.98, glued words at most 1%. Run
// make corpus for the table.
func TestCorpus_Fidelity(t *testing.T) {
	files := corpusFiles(t, "resumes/*.pdf")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils; .ci/run installs it)")
	}
	type row struct {
		file, producer string
		pages          int
		recall, glued  float64
		columns        bool
	}
	var rows []row
	for _, p := range files {
		ref, err := exec.Command("pdftotext", "-q", p, "-").Output()
		if err != nil {
			t.Errorf("%s: pdftotext: %v", p, err)
			continue
		}
		doc, err := extract.Read(p, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		r, g := fidelity(wordsOf(doc.Text), wordsOf(string(ref)))
		columns := false
		for _, w := range doc.Warnings {
			columns = columns || w.Code == extract.WarnMultiColumn
		}
		rows = append(rows, row{filepath.Base(p), doc.Producer, doc.Pages, r, g, columns})
		if r < minRecall || g > maxGlued {
			t.Errorf("%s: recall %.3f, glued %.3f; want recall >= %.2f, glued <= %.2f", filepath.Base(p), r, g, minRecall, maxGlued)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].recall < rows[j].recall })
	var b strings.Builder
	fmt.Fprintf(&b, "%-72s %-28s %5s %7s %7s %8s\n", "file", "producer", "pages", "recall", "glued", "columns")
	for _, r := range rows {
		prod := r.producer
		if len(prod) > 28 {
			prod = prod[:28]
		}
		cols := "-"
		if r.columns {
			cols = "yes"
		}
		fmt.Fprintf(&b, "%-72s %-28s %5d %7.3f %7.3f %8s\n", r.file, prod, r.pages, r.recall, r.glued, cols)
	}
	t.Log("\n" + b.String())
}

// BenchmarkExtractCorpus measures extraction per page over the corpus's
// resumes (skipped without the corpus); compare with make bench-corpus,
// which times pdftotext on the same files.
func BenchmarkExtractCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpus, "resumes", "*.pdf"))
	if len(files) == 0 {
		b.Skip("corpus not found at " + corpus)
	}
	var data [][]byte
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	pages := 0
	b.ResetTimer()
	for b.Loop() {
		for i, d := range data {
			doc, err := extract.ParsePDF(files[i], d, extract.Options{})
			if err != nil {
				b.Fatal(err)
			}
			pages += doc.Pages
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(pages), "ms/page")
}

// TestProducers_Fidelity reads the fixtures made by producers the corpus
// lacks (Ghostscript from groff and from dvips, a LaTeX two-column
// article, Chromium with an OpenType web font, a Tesseract OCR layer,
// LibreOffice and Chromium table layouts, AES-256 from qpdf and pdfcpu, a
// page list that repeats pages) and compares their words with pdftotext's:
// recall and glued words as on the corpus, and no false warning.
func TestProducers_Fidelity(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils; .ci/run installs it)")
	}
	t.Parallel()
	for _, name := range []string{"ghostscript-groff.pdf", "ghostscript-dvips.pdf", "latex-twocolumn.pdf", "chromium-otf-type3.pdf",
		"scan-tesseract-layer.pdf", "libreoffice-table-name.pdf", "name-heads-main-column.pdf", "encrypted-aes256-no-password.pdf",
		"encrypted-aes256-objstm.pdf", "encrypted-aes256-r5.pdf", "encrypted-aes256-pdfcpu.pdf", "pages-repeated.pdf"} {
		p := "../testdata/pdf/" + name
		ref, err := exec.Command("pdftotext", "-q", p, "-").Output()
		if err != nil {
			t.Errorf("%s: pdftotext: %v", name, err)
			continue
		}
		doc, err := extract.Read(p, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		r, g := fidelity(wordsOf(doc.Text), wordsOf(string(ref)))
		t.Logf("%-36s recall %.3f, glued %.3f", name, r, g)
		if r < minRecall || g > maxGlued {
			t.Errorf("%s: recall %.3f, glued %.3f; want recall >= %.2f, glued <= %.2f", name, r, g, minRecall, maxGlued)
		}
		for _, w := range doc.Warnings {
			if w.Code == extract.WarnGarbled || w.Code == extract.WarnNoEmail && strings.Contains(string(ref), "@") || w.Code == extract.WarnHiddenText {
				t.Errorf("%s: false warning %s", name, w.Code)
			}
		}
	}
}
