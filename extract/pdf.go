package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ledongthuc/pdf"
)

// ReadPDF reads the text of a PDF file. Panics inside the PDF library are
// recovered and returned as ErrMalformed naming the file; a PDF whose pages
// carry no text is ErrNoText.
func ReadPDF(path string, opts Options) (*Document, error) {
	data, err := readLimited(path, opts)
	if err != nil {
		return nil, err
	}
	return ParsePDF(path, data, opts)
}

// ParsePDF reads the text of a PDF held in memory; name is used in errors
// and as Document.Path.
func ParsePDF(name string, data []byte, opts Options) (doc *Document, err error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		if len(data) == 0 {
			return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrNotPDF)
		}
		return nil, fmt.Errorf("%s: %w: it does not start with %%PDF-", name, ErrNotPDF)
	}
	// encryption describes the file's encryption once it is known to have
	// some. The library opens encrypted files with an empty user password
	// when it can; when its decryption is wrong for the file (40-bit RC4),
	// the content decodes to garbage. Such failures are reported as
	// encryption, which the user can act on, not as damage.
	encryption := ""
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = fmt.Errorf("%s: %w: %v", name, ErrMalformed, panicText(r))
		}
		if encryption != "" && (errors.Is(err, ErrMalformed) || errors.Is(err, ErrNoText)) {
			doc = nil
			err = fmt.Errorf("%s: %w: its encryption (%s) could not be read; print or export it to a new PDF without a password, and try again",
				name, ErrEncrypted, encryption)
		}
	}()
	rd, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && strings.Contains(err.Error(), "encrypt") {
		// AES-256, which the library cannot open: decrypt it here when
		// the user password is empty.
		plain, ok, derr := decryptAES256(data)
		switch {
		case errors.Is(derr, errNeedsPassword):
			return nil, fmt.Errorf("%s: %w: it needs a password to open; open it, print or export it to a new PDF without a password, and try again", name, ErrEncrypted)
		case ok && derr == nil:
			data, encryption = plain, "AES-256"
			rd, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		}
	}
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%s: %w: open it, print or export it to a new PDF without a password, and try again", name, ErrEncrypted)
		}
		return nil, fmt.Errorf("%s: %w: %v", name, ErrMalformed, err)
	}
	if enc := rd.Trailer().Key("Encrypt"); enc.Kind() == pdf.Dict {
		encryption = encryptionName(enc)
	}
	doc = &Document{Path: name, Format: FormatPDF, Producer: producer(rd)}
	pages := pageList(rd.Trailer().Key("Root").Key("Pages"), opts.maxPages()+1)
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s: %w: the PDF has no pages", name, ErrMalformed)
	}
	if len(pages) > opts.maxPages() {
		return nil, &LimitError{Path: name, Limit: LimitPages, Value: int64(len(pages)), Max: int64(opts.maxPages())}
	}
	doc.Pages = len(pages)
	budget := &inflateBudget{path: name, perStream: opts.maxStreamBytes(), max: opts.maxInflatedBytes()}
	for _, pg := range pages {
		if err := budget.check(pg.v.Key("Contents")); err != nil {
			return nil, err
		}
	}
	read, stats := readPages(pages, opts.pageWorkers(), opts.maxStreamBytes())
	var raws []rawLine
	for i, p := range read {
		if p.panicked != nil {
			panic(p.panicked) // reported as damage, as on one goroutine
		}
		if le := (*LimitError)(nil); errors.As(p.err, &le) {
			le.Path = name
			return nil, le
		}
		if p.err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", name, i+1, p.err)
		}
		raws = append(raws, p.lines...)
	}
	builder{dehyphenate: true, sizeHints: true}.build(doc, raws)
	if err := checkText(doc, opts); err != nil {
		return nil, err
	}
	if WordCount(doc.Text) == 0 {
		if opts.OCR {
			return readOCR(name, data, doc.Pages, doc.Producer, opts)
		}
		return nil, fmt.Errorf("%s: %w: the PDF has no text layer (a scan or an image export); export the resume from its editor as a text-based PDF, or save it as .txt, or try --ocr", name, ErrNoText)
	}
	if stats.ocrLayer {
		doc.Warnings = append(doc.Warnings, Warning{Code: WarnOCRLayer,
			Message: "The PDF is a scan with a text layer that someone's OCR software recognised, and tailor read that layer; check names and numbers, and send a text-based export when you apply."})
	}
	if stats.hidden >= hiddenMinChars {
		doc.Warnings = append(doc.Warnings, Warning{Code: WarnHiddenText, Message: fmt.Sprintf(
			"The PDF holds %d characters of text no reader sees (invisible or zero-size); tailor leaves them out, and applicant tracking systems and recruiters treat hidden keywords as cheating: remove them.", stats.hidden)})
	}
	doc.Warnings = append(doc.Warnings, garbledWarning(stats.shown, stats.garbled)...)
	if stats.columns {
		doc.Warnings = append(doc.Warnings, Warning{Code: WarnMultiColumn,
			Message: "The resume is laid out in columns; tailor reads them one after the other, but many applicant tracking systems read straight across and scramble them, so a single column is safer."})
	}
	doc.Warnings = append(doc.Warnings, contentWarnings(doc)...)
	return doc, nil
}

// panicText turns a recovered panic value into one line of text.
func panicText(r any) string {
	s := fmt.Sprint(r)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// producer returns the document information's Producer, or its Creator.
func producer(rd *pdf.Reader) string {
	info := rd.Trailer().Key("Info")
	for _, k := range []string{"Producer", "Creator"} {
		if v := info.Key(k); v.Kind() == pdf.String {
			if s := strings.TrimSpace(normalizeText(v.Text())); s != "" {
				return s
			}
		}
	}
	return ""
}

// page is one page object with the attributes it inherits.
type page struct {
	v         pdf.Value
	resources pdf.Value
	box       [4]float64 // MediaBox: llx, lly, urx, ury
}

// maxTreeDepth bounds the page tree walk: real trees are a few levels deep,
// and a tree that refers to itself must not loop.
const maxTreeDepth = 32

// pageList walks the page tree depth-first and returns up to limit pages,
// resolving inherited Resources and MediaBox on the way down. Unlike the
// library's Page(n), it visits each node once, so a tree that refers to
// itself ends.
func pageList(root pdf.Value, limit int) []page {
	var out []page
	// The library exposes no object identity; a node's printed form names
	// its kids and contents by reference. A node that holds itself among
	// its ancestors is a cycle; the same page twice (qpdf --pages a.pdf
	// a.pdf, or pages whose dictionaries print alike) is read each time.
	// A node found to hold no page is not walked again, and visits bounds
	// the walk of a tree that shares nodes many times over.
	ancestors, barren := map[string]bool{}, map[string]bool{}
	visits := 0
	var walk func(node pdf.Value, res pdf.Value, box [4]float64, depth int)
	walk = func(node pdf.Value, res pdf.Value, box [4]float64, depth int) {
		visits++
		if depth > maxTreeDepth || len(out) >= limit || node.Kind() != pdf.Dict || visits > maxTreeVisits(limit) {
			return
		}
		key := node.String()
		if ancestors[key] || barren[key] {
			return
		}
		if r := node.Key("Resources"); r.Kind() == pdf.Dict {
			res = r
		}
		if b, ok := rect(node.Key("MediaBox")); ok {
			box = b
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			out = append(out, page{v: node, resources: res, box: box})
			return
		}
		ancestors[key] = true
		before := len(out)
		for i := 0; i < kids.Len() && len(out) < limit; i++ {
			walk(kids.Index(i), res, box, depth+1)
		}
		delete(ancestors, key)
		if len(out) == before && visits <= maxTreeVisits(limit) {
			barren[key] = true // no page below: never walked again
		}
	}
	walk(root, pdf.Value{}, [4]float64{0, 0, 612, 792}, 0)
	return out
}

// maxTreeVisits bounds the nodes a page-tree walk visits when it looks for
// up to limit pages.
func maxTreeVisits(limit int) int { return 64*limit + 1024 }

// rect reads a PDF rectangle, normalising its corners.
func rect(v pdf.Value) ([4]float64, bool) {
	if v.Kind() != pdf.Array || v.Len() != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	return r, r[2]-r[0] > 1 && r[3]-r[1] > 1
}

// encryptionName describes a PDF's encryption dictionary, for messages.
func encryptionName(enc pdf.Value) string {
	v, bits := enc.Key("V").Int64(), enc.Key("Length").Int64()
	if bits == 0 {
		bits = 40
	}
	switch {
	case v >= 5:
		return "AES-256"
	case v == 4:
		return "AES-128 or RC4-128"
	default:
		return fmt.Sprintf("RC4-%d", bits)
	}
}

// pageResult is what reading one page gave.
type pageResult struct {
	lines    []rawLine
	err      error
	panicked any // the value the PDF library panicked with, if it did
}

// readPages reads the pages' lines, up to workers pages at once (at
// least two pages a worker); each worker keeps its own fonts (a font caches what it decodes, so it is not
// shared). A panic in one page is kept for the caller to raise.
func readPages(pages []page, workers int, maxStream int64) ([]pageResult, glyphStats) {
	out := make([]pageResult, len(pages))
	// Each worker reads its own fonts: below two pages a worker, that
	// costs more than reading side by side saves (a 2-page resume read at
	// once took 7% longer).
	workers = max(1, min(workers, len(pages)/2))
	stats := make([]glyphStats, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fonts := fontCache{}
			var scratch []glyph
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							out[i].panicked = r
						}
					}()
					out[i].lines, out[i].err = pageLines(pages[i], i+1, fonts, maxStream, &stats[w], &scratch)
				}()
			}
		}()
	}
	wg.Wait()
	var all glyphStats
	for _, s := range stats {
		all.shown += s.shown
		all.garbled += s.garbled
		all.hidden += s.hidden
		all.columns = all.columns || s.columns
		all.ocrLayer = all.ocrLayer || s.ocrLayer
	}
	return out, all
}
