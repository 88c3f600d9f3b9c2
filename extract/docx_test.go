package extract_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
)

// buildDOCX returns a minimal DOCX archive: the content types, the package
// relationships, word/document.xml (left out when documentXML is empty)
// and the extra entries by name, in a stable order.
func buildDOCX(documentXML string, extra map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			panic(err)
		}
	}
	write("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?>`+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`+
		`</Types>`)
	write("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>`+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>`+
		`</Relationships>`)
	if documentXML != "" {
		write("word/document.xml", documentXML)
	}
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		write(name, extra[name])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
	` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
	` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
	` xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>`

const docxTail = `<w:sectPr/></w:body></w:document>`

// wordDoc wraps body XML in a document element that declares the usual
// namespaces.
func wordDoc(body string) string { return docxHead + body + docxTail }

// para is a paragraph of one run; style is its pStyle, "" for none.
func para(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// item is a numbered (list) paragraph.
func item(numID, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` +
		`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// row is a table row of one-paragraph cells.
func row(cells ...string) string {
	var sb strings.Builder
	sb.WriteString(`<w:tr>`)
	for _, c := range cells {
		sb.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>`)
		if c == "" {
			sb.WriteString(`<w:p/>`)
		} else {
			sb.WriteString(para("", c))
		}
		sb.WriteString(`</w:tc>`)
	}
	sb.WriteString(`</w:tr>`)
	return sb.String()
}

// textBox is a run holding a text box as Word writes it: a DrawingML shape
// in mc:Choice and the same text again as VML in mc:Fallback.
func textBox(paras string) string {
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>` +
		paras +
		`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + paras + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r>`
}

// testStyles defines Heading2 by name, a custom heading style based on it,
// a localised heading id, and a list style that numbers its paragraphs.
const testStyles = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="SectionHead"><w:name w:val="Section Head"/><w:basedOn w:val="Heading2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>` +
	`</w:styles>`

func TestParseDOCX_Text(t *testing.T) {
	t.Parallel()
	styles := map[string]string{"word/styles.xml": testStyles}
	tests := []struct {
		name     string
		body     string
		extra    map[string]string
		want     string   // the whole text
		headings []string // heading lines, in order (nil: not checked)
		sections []string // "Name=Heading", in order (nil: not checked)
	}{
		{
			name: "paragraphs and headings from styles",
			body: para("Title", "Jo Doe") + para("", "jo@example.com") +
				para("Heading1", "Work history") + para("", "Built things.") +
				para("SectionHead", "Toolbox") + para("", "Python, Go") +
				para("berschrift1", "Education") + para("", "BSc, 2019"),
			extra: styles,
			want:  "Jo Doe\njo@example.com\nWork history\nBuilt things.\nToolbox\nPython, Go\nEducation\nBSc, 2019",
			// The Title is the name: the Header, not a section.
			headings: []string{"Work history", "Toolbox", "Education"},
			sections: []string{"Experience=Work history", "Other=Toolbox", "Education=Education"},
		},
		{
			name:     "heading ids work without styles.xml",
			body:     para("", "Jo Doe") + para("Heading2", "Toolbox") + para("", "Go") + para("Heading7", "Not one"),
			want:     "Jo Doe\nToolbox\nGo\nNot one",
			headings: []string{"Toolbox"},
		},
		{
			name:     "a style based on itself is not a heading and ends",
			body:     para("", "Jo Doe") + para("Loop", "Some words here, plainly"),
			extra:    styles,
			want:     "Jo Doe\nSome words here, plainly",
			headings: []string{},
		},
		{
			name: "empty paragraphs set a paragraph gap",
			body: para("", "one") + `<w:p/><w:p><w:pPr/><w:r><w:t> </w:t></w:r></w:p>` + para("", "two") + para("", "three"),
			want: "one\n\ntwo\nthree",
		},
		{
			name: "runs join, tabs are spaces, breaks split lines",
			body: `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>` +
				`<w:r><w:t>Senior</w:t></w:r><w:r><w:t xml:space="preserve"> Engineer,</w:t><w:tab/><w:t>2020</w:t></w:r>` +
				`<w:r><w:br/><w:t>Acme</w:t><w:noBreakHyphen/><w:t>Corp</w:t><w:softHyphen/><w:t>oration</w:t></w:r></w:p>`,
			want: "Senior Engineer, 2020\nAcme-Corporation",
		},
		{
			name: "deleted text, field codes and old properties are not read",
			body: `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown text</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:del w:id="2"><w:r><w:delText> deleted</w:delText></w:r></w:del><w:ins w:id="3"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins></w:p>`,
			want:     "shown text inserted",
			headings: []string{},
		},
		{
			name: "hidden runs and ruby guides are not read",
			body: `<w:p><w:r><w:t xml:space="preserve">shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t><w:tab/></w:r>` +
				`<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve">also shown </w:t></w:r>` +
				`<w:r><w:ruby><w:rt><w:r><w:t>guide</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>base</w:t></w:r></w:rubyBase></w:ruby><w:t xml:space="preserve"> after</w:t></w:r></w:p>`,
			want: "shown also shown base after",
		},
		{
			name: "lists",
			body: para("", "Experience") + item("3", "Trained CNNs") + item("3", "• Wrote kernels") +
				item("0", "numbering switched off") + para("ListBullet", "from the list style") +
				`<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>first</w:t><w:br/><w:t>second</w:t></w:r></w:p>`,
			extra: styles,
			want:  "Experience\n• Trained CNNs\n• Wrote kernels\nnumbering switched off\n• from the list style\n• first\nsecond",
		},
		{
			name: "a table is a line per row",
			body: para("", "Skills") + `<w:tbl><w:tblPr/><w:tblGrid/>` +
				row("Languages", "Python", "Go") + row("Tools", "", "Docker") + row("", "", "") + `</w:tbl>` + para("", "after"),
			want:     "Skills\nLanguages · Python · Go\nTools · Docker\nafter",
			sections: []string{"Skills=Skills"},
		},
		{
			name: "a layout table keeps its cells' lines",
			body: `<w:tbl><w:tr><w:tc>` + para("Heading1", "Skills") + para("", "Python") + para("", "Go") + `</w:tc>` +
				`<w:tc>` + para("Heading1", "Experience") + item("1", "Trained CNNs") + `</w:tc></w:tr></w:tbl>`,
			want:     "Skills\nPython\nGo\n\nExperience\n• Trained CNNs",
			sections: []string{"Skills=Skills", "Experience=Experience"},
		},
		{
			name: "a text box in mc:AlternateContent is read once, after its anchor",
			body: para("", "Jo Doe") +
				`<w:p>` + `<w:r><w:t>Anchor line</w:t></w:r>` + textBox(para("Heading1", "Skills")+para("", "PyTorch, CUDA")) + `</w:p>` +
				para("", "After the box"),
			want:     "Jo Doe\nAnchor line\n\nSkills\nPyTorch, CUDA\nAfter the box",
			headings: []string{"Skills"},
		},
		{
			name: "a fallback is read when there is no choice",
			body: `<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>fallback text</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			want: "fallback text",
		},
		{
			name: "a VML text box outside AlternateContent is read",
			body: para("", "Jo Doe") + `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>` + para("", "Boxed text") +
				`</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`,
			want: "Jo Doe\n\nBoxed text",
		},
		{
			name: "elements of other namespaces are not text",
			body: `<w:p><w:r><w:t>word</w:t></w:r><w:r><a:t>drawing text</a:t></w:r></w:p>`,
			want: "word",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.ParseDOCX("test.docx", buildDOCX(wordDoc(tt.body), tt.extra), extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != extract.FormatDOCX || doc.Pages != 1 {
				t.Errorf("Format, Pages = %q, %d", doc.Format, doc.Pages)
			}
			if doc.Text != tt.want {
				t.Errorf("text = %q\nwant   %q", doc.Text, tt.want)
			}
			if tt.headings != nil {
				headings := []string{}
				for _, ln := range doc.Lines {
					if ln.Heading {
						headings = append(headings, doc.Text[ln.Start:ln.End])
					}
				}
				if strings.Join(headings, "|") != strings.Join(tt.headings, "|") {
					t.Errorf("headings = %q, want %q", headings, tt.headings)
				}
			}
			if tt.sections != nil {
				var got []string
				for _, s := range doc.Sections {
					if s.Name != "Header" {
						got = append(got, string(s.Name)+"="+s.Heading)
					}
				}
				if strings.Join(got, "|") != strings.Join(tt.sections, "|") {
					t.Errorf("sections = %q, want %q", got, tt.sections)
				}
			}
			checkDocument(t, doc)
		})
	}
}

func TestParseDOCX_Producer(t *testing.T) {
	t.Parallel()
	app := `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application></Properties>`
	doc, err := extract.ParseDOCX("cv.docx", buildDOCX(wordDoc(para("", "text")), map[string]string{"docProps/app.xml": app}), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Producer != "Microsoft Office Word" {
		t.Errorf("Producer = %q", doc.Producer)
	}
	// A damaged app.xml only loses the producer.
	doc, err = extract.ParseDOCX("cv.docx", buildDOCX(wordDoc(para("", "text")), map[string]string{"docProps/app.xml": "<Properties><Application>"}), extract.Options{})
	if err != nil {
		t.Fatalf("damaged app.xml: %v", err)
	}
	if doc.Producer != "" {
		t.Errorf("damaged app.xml: Producer = %q", doc.Producer)
	}
}

// bigDocumentDOCX returns a DOCX whose document.xml inflates to 60 MB of
// spaces: 60 KB compressed, a zip bomb in miniature. The deflate stream is
// one compressed megabyte of spaces repeated (each piece ends byte-aligned
// with a sync flush, so pieces concatenate), which keeps the test fast
// under the race detector.
func bigDocumentDOCX(t *testing.T) []byte {
	t.Helper()
	deflate := func(p []byte, final bool) []byte {
		var buf bytes.Buffer
		fw, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(p)
		if final {
			err = fw.Close()
		} else {
			err = fw.Flush()
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	head, tail := []byte(docxHead), []byte(para("", "text")+docxTail)
	var raw bytes.Buffer
	raw.Write(deflate(head, false))
	packed := deflate(spaces, false)
	for range 60 {
		raw.Write(packed)
	}
	raw.Write(deflate(tail, true))
	crc := crc32.ChecksumIEEE(head)
	for range 60 {
		crc = crc32.Update(crc, crc32.IEEETable, spaces)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(raw.Len()),
		UncompressedSize64: uint64(len(head) + 60*len(spaces) + len(tail)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(raw.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// manyEntriesDOCX returns a small DOCX with n more entries, stored rather
// than deflated so that building it stays fast.
func manyEntriesDOCX(t *testing.T, n int) []byte {
	t.Helper()
	base := buildDOCX(wordDoc(para("", "text")), nil)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/image%d.png", i), Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseDOCX_Errors(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 101) + para("", "deep") + strings.Repeat("</w:sdtContent></w:sdt>", 101)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		want error  // sentinel, or nil when the error need not wrap one
		msg  string // substring of the message besides the file name
	}{
		{"not a zip", []byte("just some text, not a zip"), extract.ErrNotDOCX, "not a zip archive"},
		{"a zip header and nothing else", []byte("PK\x03\x04"), extract.ErrNotDOCX, "damaged"},
		{"empty file", nil, extract.ErrNotDOCX, "empty"},
		{"a PDF named .docx", []byte("%PDF-1.7\n"), extract.ErrNotDOCX, "rename it to .pdf"},
		{"a zip without word/document.xml", buildDOCX("", map[string]string{"content.xml": "<x/>"}), extract.ErrNotDOCX, "no word/document.xml"},
		{"too many entries", manyEntriesDOCX(t, 1001), nil, "more than the limit of 1000 files in the archive"},
		{"document.xml over the size limit", bigDocumentDOCX(t), nil, "more than the limit of 32.0 MB decompressed in one stream or part"},
		{"nesting too deep", buildDOCX(wordDoc(deep), nil), nil, "more than the limit of XML nested 200 deep"},
		{"too much text", buildDOCX(wordDoc(para("", strings.Repeat("wordy ", 350_000))), nil), nil, "of text, over the limit of 1.0 MB of text"},
		{"damaged XML", buildDOCX(docxHead+"<w:p><w:r><w:t>cut off", nil), extract.ErrNotDOCX, "word/document.xml is damaged: XML syntax error"},
		{"damaged styles.xml", buildDOCX(wordDoc(para("", "text")), map[string]string{"word/styles.xml": "<w:styles"}), extract.ErrNotDOCX, "word/styles.xml is damaged"},
		{"OLE header: encrypted or legacy .doc", ole, extract.ErrEncrypted, "save it as .docx without a password or export it as PDF"},
		{"empty document", buildDOCX(wordDoc(`<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>`), nil), extract.ErrNoText, "the document has no text"},
		{"only drawings", buildDOCX(wordDoc(`<w:p><w:r><w:drawing/></w:r></w:p>`), nil), extract.ErrNoText, "the document has no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			const name = "in/cv.docx"
			start := time.Now()
			doc, err := extract.ParseDOCX(name, tt.data, extract.Options{})
			if err == nil {
				t.Fatalf("ParseDOCX = %q, want an error", doc.Text)
			}
			t.Log(err)
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Errorf("error %q does not start with the file name", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			// A guard against hangs, not a speed check (benchmarks do
			// that): decoding a 2 MB text node under the race detector
			// on a busy machine takes seconds.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestRead_DOCX reads .docx files from disk through Read.
func TestRead_DOCX(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "CV.DOCX")
	if err := os.WriteFile(good, buildDOCX(wordDoc(para("", "Jo Doe")+para("Heading1", "Skills")+para("", "Go")), nil), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Read(good, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Path != good || doc.Format != extract.FormatDOCX || doc.SectionAt(len(doc.Text)).Name != "Skills" {
		t.Errorf("doc = %+v", doc)
	}
	bad := filepath.Join(dir, "resume.docx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := extract.Read(bad, extract.Options{}); !errors.Is(err, extract.ErrNotDOCX) || !strings.HasPrefix(err.Error(), bad+": ") {
		t.Errorf("err = %v, want ErrNotDOCX naming %s", err, bad)
	}
	if _, err := extract.Read(good, extract.Options{MaxBytes: 100}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("err = %v, want the file size limit", err)
	}
}

// TestReadDOCX_Sample reads the LibreOffice DOCX export of partial-ml and
// compares its words with the PDF export of the same source.
func TestReadDOCX_Sample(t *testing.T) {
	t.Parallel()
	doc, err := extract.Read(samples+"partial-ml.docx", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Producer, "LibreOffice") {
		t.Errorf("Producer = %q", doc.Producer)
	}
	for _, w := range []string{"Aisha Bennett-Okoro", "LSTM forecasting model in Keras", "• Built store-level demand forecasts", "Languages: Python, R, SQL, Spark"} {
		if !strings.Contains(doc.Text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	have := map[extract.SectionKind]bool{}
	for _, s := range doc.Sections {
		have[s.Name] = true
	}
	for _, s := range []extract.SectionKind{"Summary", "Experience", "Skills"} {
		if !have[s] {
			t.Errorf("no %s section; sections: %+v", s, doc.Sections)
		}
	}
	checkDocument(t, doc)

	pdfDoc, err := extract.Read(samples+"partial-ml.pdf", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Words are compared case-folded without punctuation (the PDF's
	// headings are upper-cased by their style), as make corpus does.
	if recall, _ := fidelity(wordsOf(doc.Text), wordsOf(pdfDoc.Text)); recall < 0.97 {
		t.Errorf("word recall %.3f against the PDF < 0.97", recall)
	}
}

// FuzzParseDOCX feeds mutated DOCX archives to the reader: it must return a
// document or a one-line error naming the file, never panic or hang. Each
// input is also read as word/document.xml inside a valid archive, so that
// mutations reach the XML walker rather than stopping at the zip's
// checksums; the seeds are built DOCX files and their document.xml.
func FuzzParseDOCX(f *testing.F) {
	if data, err := os.ReadFile(samples + "partial-ml.docx"); err == nil {
		f.Add(data)
	}
	styles := map[string]string{"word/styles.xml": testStyles}
	for _, body := range []string{
		para("Title", "Jo Doe") + para("SectionHead", "Toolbox") + item("1", "Go") + `<w:p/>` + para("", "a"),
		`<w:tbl>` + row("a", "", "b") + `</w:tbl>` + `<w:tbl><w:tr><w:tc>` + para("Heading1", "Skills") + para("", "Go") + `</w:tc></w:tr></w:tbl>`,
		`<w:p>` + textBox(para("Heading1", "Skills")) + `<w:r><w:t>x</w:t><w:tab/><w:br/></w:r></w:p>`,
		`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>h</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>g</w:t></w:r></w:rt></w:ruby></w:r></w:p>`,
	} {
		f.Add(buildDOCX(wordDoc(body), styles))
		f.Add([]byte(wordDoc(body)))
	}
	f.Add(buildDOCX("", nil))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, buildDOCX(string(data), styles)} {
			doc, err := extract.ParseDOCX("fuzz.docx", in, extract.Options{})
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz.docx: ") || strings.Contains(err.Error(), "\n") {
					t.Errorf("error does not name the file on one line: %q", err)
				}
				continue
			}
			checkDocument(t, doc)
		}
	})
}

// TestBigDocumentDOCX checks that the zip bomb of TestParseDOCX_Errors is a
// valid archive that inflates to what its header says.
func TestBigDocumentDOCX(t *testing.T) {
	t.Parallel()
	data := bigDocumentDOCX(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := zr.File[0]
	if len(data) > 100<<10 || f.UncompressedSize64 < 60<<20 {
		t.Fatalf("%d bytes inflating to %d", len(data), f.UncompressedSize64)
	}
	if testing.Short() {
		return
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc) // checks the CRC at the end
	if err != nil || uint64(n) != f.UncompressedSize64 {
		t.Fatalf("inflated %d bytes, err %v", n, err)
	}
}

// TestParseDOCX_TablesWarning: a table fires the tables warning; the
// sample, which has none, stays silent (see TestWarnings_CleanSamples).
func TestParseDOCX_TablesWarning(t *testing.T) {
	t.Parallel()
	cell := func(s string) string { return `<w:tc><w:p><w:r><w:t>` + s + `</w:t></w:r></w:p></w:tc>` }
	body := para("", "Jo Doe") + `<w:tbl><w:tr>` + cell("Python") + cell("SQL") + `</w:tr><w:tr>` + cell("Go") + cell("Rust") + `</w:tr></w:tbl>`
	doc, err := extract.ParseDOCX("cv.docx", buildDOCX(wordDoc(body), nil), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msg string
	for _, w := range doc.Warnings {
		if w.Code == extract.WarnTables {
			msg = w.Message
		}
	}
	if !strings.Contains(msg, "2 rows") {
		t.Errorf("tables warning %q, warnings %+v", msg, doc.Warnings)
	}
}
