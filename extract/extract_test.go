package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

const samples = "../testdata/samples/"

func TestReadPDF_Samples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file     string
		producer string
		pages    int
		want     []string // substrings of the text
		sections []string // section names that must be present
	}{
		{
			file: "strong-dl.pdf", producer: "pdfTeX", pages: 2,
			// Accents drawn as separate glyphs (OT1) are recomposed;
			// ligatures are unfolded.
			want:     []string{"Zoë Dvořák-Ångström", "Göteborg", "efficient production systems", "workflow", "INT8", "Kubeflow Pipelines"},
			sections: []string{"Header", "Summary", "Experience", "Education", "Skills", "Publications"},
		},
		{
			file: "partial-ml.pdf", producer: "LibreOffice", pages: 1,
			want: []string{"Aisha Bennett-Okoro", "scikit-learn, XGBoost and pandas", "LSTM forecasting model in Keras"},
			// Subset fonts give code 32 to letters: "PROJECTS", not "PROJEC S".
			sections: []string{"Summary", "Experience", "Projects", "Education", "Skills"},
		},
		{
			file: "web-dev-decoys.pdf", producer: "gropdf", pages: 1,
			want:     []string{"go-to-market plan", "the C-suite", "Carried the torch", "power transformers"},
			sections: []string{"Summary", "Experience"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.Read(samples+tt.file, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Producer, tt.producer) {
				t.Errorf("Producer = %q, want it to contain %q", doc.Producer, tt.producer)
			}
			if doc.Pages != tt.pages {
				t.Errorf("Pages = %d, want %d", doc.Pages, tt.pages)
			}
			for _, w := range tt.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, lig := range []string{"ﬁ", "ﬂ", "ﬀ", "ﬃ", "\u00ad"} {
				if strings.Contains(doc.Text, lig) {
					t.Errorf("text still holds %q", lig)
				}
			}
			have := map[string]bool{}
			for _, s := range doc.Sections {
				have[string(s.Name)] = true
			}
			for _, s := range tt.sections {
				if !have[s] {
					t.Errorf("no %s section; sections: %+v", s, doc.Sections)
				}
			}
		})
	}
}

// TestReadPDF_WordsMatchPlainText compares the words read from the groff PDF
// with its plain-text twin, which holds the same resume: spacing errors show
// up as glued or split words.
func TestReadPDF_WordsMatchPlainText(t *testing.T) {
	t.Parallel()
	pdfDoc, err := extract.Read(samples+"web-dev-decoys.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	txtDoc, err := extract.Read(samples+"web-dev-decoys.txt", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Words are compared case-folded without punctuation (the text twin
	// writes headings in title case) and as a multiset, as make corpus does.
	if recall, glued := fidelity(wordsOf(pdfDoc.Text), wordsOf(txtDoc.Text)); recall < 0.98 || glued > 0.01 {
		t.Errorf("word recall %.3f, glued %.3f; want at least 0.98 and at most 0.01", recall, glued)
	}
}

func TestParsePDF_Layout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"word gaps from Td moves", "BT /F1 12 Tf 72 700 Td (Deep) Tj 40 0 Td (learning) Tj ET", "Deep learning"},
		{"TJ kerning is not a space", "BT /F1 12 Tf 72 700 Td [(Py) 20 (Torch)] TJ ET", "PyTorch"},
		{"TJ offset of a third of an em is a space", "BT /F1 12 Tf 72 700 Td [(fine) -400 (tuning)] TJ ET", "fine tuning"},
		{"lines from baselines, top first", "BT /F1 12 Tf 72 600 Td (second) Tj ET BT /F1 12 Tf 72 700 Td (first) Tj ET", "first\n\nsecond"},
		{"close baselines are one paragraph", "BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj ET", "one\ntwo"},
		{"line-end hyphen joined", "BT /F1 10 Tf 14 TL 72 700 Td (distri-) Tj T* (buted training) Tj ET", "distributed\ntraining"},
		{"compound prefix keeps its hyphen", "BT /F1 10 Tf 14 TL 72 700 Td (a multi-) Tj T* (account setup) Tj ET", "a multi-account\nsetup"},
		{"a hyphenated first half keeps it", "BT /F1 10 Tf 14 TL 72 700 Td (a sequence-to-) Tj T* (sequence model) Tj ET", "a sequence-to-sequence\nmodel"},
		{"a compound written elsewhere keeps it", "BT /F1 10 Tf 14 TL 72 700 Td (one set-top box; a set-) Tj T* (top box) Tj ET", "one set-top box; a set-top\nbox"},
		{"bold by overprinting read once", "BT /F1 12 Tf 72 700 Td (Skills) Tj ET BT /F1 12 Tf 72 700 Td (Skills) Tj ET", "Skills"},
		{"invisible text dropped", "BT /F1 12 Tf 3 Tr 72 700 Td (hidden) Tj 0 Tr 0 -20 Td (shown) Tj ET", "shown"},
		{"off-page text dropped", "BT /F1 12 Tf 72 900 Td (away) Tj ET BT /F1 12 Tf 72 700 Td (here) Tj ET", "here"},
		{"cm scales placement", "q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 350 Td (scaled) Tj 30 0 Td (text) Tj ET Q", "scaled text"},
		{"CID font with /W widths", "BT /F2 10 Tf 72 700 Td " + cid("deep") + " Tj 20 0 Td " + cid("learning") + " Tj ET", "deeplearning"},
		{"CID font word gap", "BT /F2 10 Tf 72 700 Td " + cid("deep") + " Tj 23 0 Td " + cid("learning") + " Tj ET", "deep learning"},
		{"ligature unfolded", "BT /F1 12 Tf 72 700 Td <8C> Tj ET", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.ParsePDF("test.pdf", buildPDF(tt.content), extract.Options{})
			if tt.want == "" {
				return // only must not panic
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text = %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestRead_Errors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want error  // sentinel, or nil to check only the message
		msg  string // substring of the message besides the path
	}{
		{"missing file", filepath.Join(dir, "nope.pdf"), nil, "no such file"},
		{"HTML named .pdf", write("page.pdf", []byte("<!doctype html><html></html>")), extract.ErrNotPDF, "does not start with %PDF-"},
		{"empty file named .pdf", write("empty.pdf", nil), extract.ErrNotPDF, "empty"},
		{"PDF without text", write("blank.pdf", buildPDF("0 0 m 100 100 l S")), extract.ErrNoText, "text-based PDF"},
		{"truncated PDF", write("trunc.pdf", buildPDF("BT /F1 12 Tf (x) Tj ET")[:300]), extract.ErrMalformed, ""},
		{"legacy .doc not read", write("cv.doc", []byte("x")), extract.ErrUnsupported, "export it as PDF"},
		{"unknown extension", write("cv.xyz", []byte("x")), extract.ErrUnsupported, ".xyz"},
		{"binary text file", write("cv.txt", []byte("a\x00b")), extract.ErrNotText, "binary"},
		{"empty text file", write("cv.md", []byte("\n \n")), extract.ErrNoText, "empty"},
		{"directory", dir + "/", nil, "directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.Read(tt.path, extract.Options{})
			if err == nil {
				t.Fatalf("Read = %+v, want an error", doc)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), strings.TrimSuffix(tt.path, "/")) {
				t.Errorf("error %q does not name the file", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestRead_SizeLimit(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat("word ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := extract.Read(p, extract.Options{MaxBytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("err = %v, want a size-limit error", err)
	}
}

func TestReadText_Markdown(t *testing.T) {
	t.Parallel()
	// A list item escaped as job boards export them ("\- Wrote") is one too.
	src := "# Jo Doe\n\n## Work Experience\n\n- Trained **CNNs** in [PyTorch](https://pytorch.org)\n\\- Wrote `CUDA` kernels  \n\n## Technical Skills\n\nPython, Go\n"
	doc, err := extract.ReadText("cv.md", []byte(src), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	want := "Jo Doe\n\nWork Experience\n\n• Trained CNNs in PyTorch\n• Wrote CUDA kernels\n\nTechnical Skills\n\nPython, Go"
	if doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
	var names []string
	for _, s := range doc.Sections {
		names = append(names, string(s.Name)+"="+strings.TrimSpace(doc.Text[s.Start:s.End]))
	}
	// "# Jo Doe", the name, is the Header, not a section of its own.
	wantSections := []string{"Header=Jo Doe", "Experience=• Trained CNNs in PyTorch\n• Wrote CUDA kernels", "Skills=Python, Go"}
	if strings.Join(names, "|") != strings.Join(wantSections, "|") {
		t.Errorf("sections = %q, want %q", names, wantSections)
	}
}

// TestReadText_MarkdownEscapes: a backslash before punctuation, as job
// boards export Markdown, leaves the punctuation.
func TestReadText_MarkdownEscapes(t *testing.T) {
	t.Parallel()
	doc, err := extract.ReadText("job.md", []byte("Explain trade\\-offs \\| Full\\-time \\*C\\+\\+\\* or C:\\\\path\n"), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Explain trade-offs | Full-time *C++* or C:\\path"; doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
}

func TestReadText_MarkdownSubheadings(t *testing.T) {
	t.Parallel()
	// Roles under "## Experience" as "###" headings stay in Experience; a
	// "##" heading the reader does not know starts a section of its own,
	// and so does a deeper one under it.
	src := "# Jo Doe\n\n## Experience\n\n### Staff Engineer — Acme\n*Mar 2022 – present*\n\n- Built things.\n\n" +
		"### Engineer — Beta\n\n- Ran things.\n\n## Awards\n\n### Best paper\n\n## Education\n\n### Example University\n\nMSc, 2015\n"
	doc, err := extract.ReadText("cv.md", []byte(src), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range doc.Sections {
		names = append(names, string(s.Name)+":"+s.Heading)
	}
	want := []string{"Header:", "Experience:Experience", "Other:Awards", "Other:Best paper", "Education:Education"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("sections = %q, want %q", names, want)
	}
	if sec := doc.SectionAt(strings.Index(doc.Text, "Ran things")); sec.Name != extract.SectionExperience {
		t.Errorf("the second role is in %s, want Experience", sec.Name)
	}
}

func TestReadText_Headings(t *testing.T) {
	t.Parallel()
	src := "Jane Roe\njane@example.com\n\nPROFESSIONAL EXPERIENCE\nBuilt things.\nRequirements:\n- PyTorch\n- JS/TS\n* AWS\nLanguages: Go, Python\n"
	doc, err := extract.ReadText("cv.txt", []byte(src), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, ln := range doc.Lines {
		if ln.Heading {
			headings = append(headings, doc.Text[ln.Start:ln.End])
		}
	}
	// The name on the first line is not a heading; an inline label with
	// content after the colon is not either, nor an item in capitals.
	want := []string{"PROFESSIONAL EXPERIENCE", "Requirements:"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q, want %q", headings, want)
	}
}

func TestReadText_Windows1252(t *testing.T) {
	t.Parallel()
	doc, err := extract.ReadText("cv.txt", []byte("Jos\xe9 M\xfcller, caf\xe9 owner"), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "José Müller") {
		t.Errorf("text = %q", doc.Text)
	}
	if len(doc.Warnings) == 0 || doc.Warnings[0].Code != "not-utf8" {
		t.Errorf("warnings = %+v, want not-utf8 first", doc.Warnings)
	}
}

func TestDocument_LineAt(t *testing.T) {
	t.Parallel()
	doc, err := extract.ReadText("x.txt", []byte("ab\ncd\n\nef"), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	for off, want := range map[int]int{0: 0, 2: 0, 3: 1, 7: 2, 6: -1} {
		if got := doc.LineAt(off); got != want {
			t.Errorf("LineAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestRead_Limits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		opts  extract.Options
		limit string
		msg   string
	}{
		{"strong-dl.pdf", extract.Options{MaxBytes: 10 << 10}, extract.LimitSize, "89 KB, over the limit of 10 KB"},
		{"strong-dl.pdf", extract.Options{MaxPages: 1}, extract.LimitPages, "more than the limit of 1 page"},
		{"strong-dl.pdf", extract.Options{MaxTextBytes: 1000}, extract.LimitText, "over the limit of 1000 bytes of text"},
		{"strong-dl.pdf", extract.Options{MaxStreamBytes: 1000}, extract.LimitStream, "more than the limit of 1000 bytes decompressed in one stream or part"},
		{"strong-dl.pdf", extract.Options{MaxInflatedBytes: 5000}, extract.LimitInflated, "more than the limit of 4 KB decompressed in all"},
		{"strong-dl.md", extract.Options{MaxTextBytes: 1000}, extract.LimitText, "of text"},
	}
	for _, tt := range tests {
		_, err := extract.Read(samples+tt.file, tt.opts)
		var le *extract.LimitError
		if !errors.As(err, &le) || le.Limit != tt.limit || !errors.Is(err, extract.ErrLimit) {
			t.Errorf("%s %+v: error %v, want a %s limit", tt.file, tt.opts, err, tt.limit)
			continue
		}
		if !strings.HasPrefix(err.Error(), samples+tt.file) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: message %q, want it to contain %q", tt.file, err, tt.msg)
		}
	}
}

// TestParse_SameAsRead checks that a document read from memory, as the web
// page reads dropped files, is the document Read makes of the file.
func TestParse_SameAsRead(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"../testdata/samples/strong-dl.pdf", "../testdata/samples/partial-ml.docx",
		"../testdata/samples/strong-dl.md", "../testdata/samples/web-dev-decoys.txt"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := extract.Read(path, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := extract.Parse(path, data, extract.Options{})
		if err != nil {
			t.Fatalf("Parse(%s): %v", path, err)
		}
		if got.Text != want.Text || got.Format != want.Format || len(got.Sections) != len(want.Sections) {
			t.Errorf("Parse(%s) differs from Read: %d vs %d bytes of text, format %s vs %s", path, len(got.Text), len(want.Text), got.Format, want.Format)
		}
	}
	if _, err := extract.Parse("resume.odt", []byte("x"), extract.Options{}); !errors.Is(err, extract.ErrUnsupported) {
		t.Errorf("Parse(resume.odt): %v, want extract.ErrUnsupported", err)
	}
	var le *extract.LimitError
	if _, err := extract.Parse("resume.txt", []byte("too long"), extract.Options{MaxBytes: 4}); !errors.As(err, &le) || le.Limit != extract.LimitSize {
		t.Errorf("Parse over MaxBytes: %v, want a size extract.LimitError", err)
	}
}

// TestReadText_WindowsForms checks text as Windows writes it: CRLF line
// ends, and UTF-16 with a byte-order mark (Notepad's "Unicode"), little
// and big endian, read as the same text in UTF-8 does.
func TestReadText_WindowsForms(t *testing.T) {
	t.Parallel()
	src := "Ana Lopes\n\nSkills\nPython, PyTorch, Kubernetes\n\nExperience\n- Trained CNNs on 2 GPUs for café receipts\n"
	utf16 := func(s string, big bool) []byte {
		out := []byte{0xff, 0xfe}
		if big {
			out = []byte{0xfe, 0xff}
		}
		for _, r := range s { // the text is all in the Basic Multilingual Plane
			if big {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	for name, data := range map[string][]byte{
		"CRLF":                 []byte(crlf),
		"UTF-16LE with BOM":    utf16(src, false),
		"UTF-16BE with BOM":    utf16(src, true),
		"UTF-16LE, CRLF":       utf16(crlf, false),
		"UTF-8 with BOM, CRLF": append([]byte("\ufeff"), crlf...),
	} {
		for _, ext := range []string{".txt", ".md"} {
			want, err := extract.Parse("cv"+ext, []byte(src), extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := extract.Parse("cv"+ext, data, extract.Options{})
			if err != nil {
				t.Errorf("%s %s: %v", name, ext, err)
				continue
			}
			if got.Text != want.Text || len(got.Sections) != len(want.Sections) || len(got.Warnings) != len(want.Warnings) {
				t.Errorf("%s %s: read %q (%d sections, %d warnings), want %q (%d, %d)", name, ext, got.Text, len(got.Sections), len(got.Warnings),
					want.Text, len(want.Sections), len(want.Warnings))
			}
		}
	}
	if _, err := extract.Parse("cv.txt", []byte{0xff, 0xfe, 'a'}, extract.Options{}); err == nil {
		t.Error("a byte-order mark and one byte read as a resume")
	}
}

// TestReadText_StyledLetters checks that letters styled with Unicode's
// mathematical symbols, as LinkedIn posts write headings, read as plain
// letters.
func TestReadText_StyledLetters(t *testing.T) {
	t.Parallel()
	doc, err := extract.Parse("job.txt", []byte("𝗪𝗵𝗮𝘁 𝘆𝗼𝘂'𝗹𝗹 𝗱𝗼\n- Build 𝘙𝘈𝘎 pipelines\n"), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "What you'll do\n- Build RAG pipelines"; doc.Text != want {
		t.Errorf("read %q, want %q", doc.Text, want)
	}
}
