package extract

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Sentinel errors returned (wrapped, with the file name) by Read and its
// format-specific readers.
var (
	// ErrUnsupported means the file's format is not one tailor reads.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNotPDF means a file named .pdf does not hold a PDF.
	ErrNotPDF = errors.New("not a PDF file")
	// ErrNotDOCX means a file named .docx is not a readable Word document:
	// it is empty, not a zip archive, a damaged one, a zip without
	// word/document.xml, or its XML is damaged.
	ErrNotDOCX = errors.New("not a DOCX file")
	// ErrMalformed means a PDF is damaged in a way that stops its text from
	// being read (a broken cross-reference table, a truncated stream, a
	// parser panic).
	ErrMalformed = errors.New("damaged PDF")
	// ErrEncrypted means a PDF or DOCX is encrypted and cannot be opened
	// without a password. For a .docx it is also returned for a legacy .doc
	// file renamed .docx: both are OLE compound files, which tailor does not
	// read.
	ErrEncrypted = errors.New("encrypted PDF")
	// ErrNoText means the file has no text layer (a scan or an image-only
	// export), a DOCX holds no text, or a text file is empty.
	ErrNoText = errors.New("no text")
	// ErrNotText means a file read as text is not valid UTF-8 text.
	ErrNotText = errors.New("not a text file")
)

// Format names the kind of source a Document was read from.
type Format string

// The formats Read understands.
const (
	FormatPDF      Format = "pdf"
	FormatDOCX     Format = "docx"
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
)

// Document is the text of one file as tailor reads it.
type Document struct {
	// Path is the file the document was read from, as given by the caller;
	// empty for text read from memory.
	Path string `json:"path,omitempty"`
	// Format is the kind of source.
	Format Format `json:"format"`
	// Producer is the PDF's Producer (or Creator) field, or the DOCX's
	// Application (docProps/app.xml); empty otherwise.
	Producer string `json:"producer,omitempty"`
	// Pages is the number of pages; 1 for DOCX and text formats.
	Pages int `json:"pages"`
	// Text is the normalised text (Unicode NFKC, ligatures unfolded,
	// hyphenated line ends joined): one line per Line, a blank line between
	// paragraphs. Offsets in Lines and Sections index into it.
	Text string `json:"text"`
	// Lines are the document's lines in reading order.
	Lines []Line `json:"-"`
	// Sections divide Text by headings, in order; the first section starts
	// at offset 0 and the last ends at len(Text).
	Sections []Section `json:"sections"`
	// Warnings are problems the reader can act on; empty when there are none.
	Warnings []Warning `json:"warnings"`
}

// Line is one line of text and where it sits.
type Line struct {
	// Start and End are byte offsets of the line in Document.Text.
	Start, End int
	// Page is the 1-based page number.
	Page int
	// X0, X1 and Y are the line's left edge, right edge and baseline in PDF
	// points from the page's bottom-left corner; zero for text formats.
	X0, X1, Y float64
	// Size is the line's dominant font size in points; zero for text formats.
	Size float64
	// Heading reports whether the line was taken as a section heading.
	Heading bool
	// Emphasis reports that the whole line was set in bold (Markdown
	// **…** or __…__): not a heading to a resume's reader, but often the
	// only mark of one in a job ad pasted from a job board.
	Emphasis bool
	// marked reports a heading marked up as one (Markdown, a DOCX heading
	// style), not inferred from its look.
	marked bool
	// level is a Markdown heading's level (the count of #); 0 otherwise.
	level int
}

// Section is a run of the document under one heading.
type Section struct {
	// Name is the section's kind: Summary, Experience, Education, Skills,
	// Projects, Publications, Certifications, or Other. The text before the
	// first heading (name, contact details) is Header. A job ad's parts
	// carry the job kinds once match/job has read them.
	Name SectionKind `json:"name"`
	// Heading is the heading's text as written; empty for Header.
	Heading string `json:"heading,omitempty"`
	// Start and End are byte offsets of the section's body in Document.Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Warning is a problem with a document that its owner can act on.
type Warning struct {
	// Code is a stable identifier such as "few-words".
	Code string `json:"code"`
	// Message is one sentence saying what was found and what to do.
	Message string `json:"message"`
}

// SectionAt returns the section that holds byte offset off of d.Text, or the
// zero Section when d has none.
func (d *Document) SectionAt(off int) Section {
	for i := len(d.Sections) - 1; i >= 0; i-- {
		if d.Sections[i].Start <= off {
			return d.Sections[i]
		}
	}
	return Section{}
}

// LineAt returns the index in d.Lines of the line holding byte offset off of
// d.Text, or -1 when off falls between lines.
func (d *Document) LineAt(off int) int {
	lo, hi := 0, len(d.Lines)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Lines[m].End < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Lines) && d.Lines[lo].Start <= off && off <= d.Lines[lo].End {
		return lo
	}
	return -1
}

// Read reads the file at path as a Document, choosing the reader from the
// file's extension (.pdf, .docx, .txt, .text, .md, .markdown, and .html or
// .htm for web pages saved from a browser). A file named
// .pdf that is not a PDF is ErrNotPDF; a file named .docx that is not a Word
// document is ErrNotDOCX. .doc, .odt, .rtf and other formats are
// ErrUnsupported.
func Read(path string, opts Options) (*Document, error) {
	if err := supported(path); err != nil {
		return nil, err
	}
	data, err := readLimited(path, opts)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, opts)
}

// Parse reads a document held in memory as Read reads a file: name's
// extension chooses the reader, and name stands for the file in errors
// and as Document.Path. (The web page reads the files a person drops on
// it this way.)
func Parse(name string, data []byte, opts Options) (*Document, error) {
	if err := supported(name); err != nil {
		return nil, err
	}
	if int64(len(data)) > opts.maxBytes() {
		return nil, &LimitError{Path: name, Limit: LimitSize, Value: int64(len(data)), Max: opts.maxBytes()}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return ParsePDF(name, data, opts)
	case ".md", ".markdown":
		return readText(name, data, FormatMarkdown, opts)
	case ".docx":
		return ParseDOCX(name, data, opts)
	case ".html", ".htm":
		return readHTML(name, data, opts)
	default:
		return readText(name, data, FormatText, opts)
	}
}

// supported returns ErrUnsupported for a name whose extension Read has no
// reader for.
func supported(name string) error {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".pdf", ".txt", ".text", "", ".md", ".markdown", ".docx", ".html", ".htm":
		return nil
	case ".doc", ".odt", ".rtf":
		return fmt.Errorf("%s: %w: %s resumes are not read yet; export it as PDF or plain text", name, ErrUnsupported, strings.TrimPrefix(ext, "."))
	default:
		return fmt.Errorf("%s: %w %q; tailor reads .pdf, .docx, .txt, .md and .html", name, ErrUnsupported, ext)
	}
}

// Options bound the work Read may do on one file. Zero values mean the
// defaults; exceeding a limit is a *LimitError.
type Options struct {
	// MaxBytes is the largest file read.
	MaxBytes int64
	// MaxPages is the most pages read from a PDF.
	MaxPages int
	// MaxTextBytes is the most text extracted.
	MaxTextBytes int64
	// MaxStreamBytes is the most bytes one PDF content stream may
	// decompress to, and MaxInflatedBytes all of a PDF's content streams.
	MaxStreamBytes, MaxInflatedBytes int64
	// MaxEntries is the most files a DOCX archive may hold, and
	// MaxXMLDepth how deep its XML may nest.
	MaxEntries, MaxXMLDepth int
	// OCR recognises the text of PDFs without a text layer (scans) with
	// pdftoppm and tesseract, which must be installed. Off by default.
	OCR bool
	// PageWorkers is how many pages of a PDF are read at once, each
	// worker taking two pages at least: 0 means one per CPU (at most 4),
	// 1 one at a time (as a screen worker does, its neighbours using the
	// other CPUs).
	PageWorkers int
}

// Defaults for Options.
const (
	DefaultMaxBytes         = 20 << 20
	DefaultMaxPages         = 50
	DefaultMaxTextBytes     = 1 << 20
	DefaultMaxStreamBytes   = 32 << 20
	DefaultMaxInflatedBytes = 128 << 20
	DefaultMaxEntries       = 1000
	DefaultMaxXMLDepth      = 200
)

func orDefault[T int | int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

func (o Options) maxBytes() int64       { return orDefault(o.MaxBytes, DefaultMaxBytes) }
func (o Options) maxPages() int         { return orDefault(o.MaxPages, DefaultMaxPages) }
func (o Options) pageWorkers() int      { return orDefault(o.PageWorkers, min(runtime.GOMAXPROCS(0), 4)) }
func (o Options) maxTextBytes() int64   { return orDefault(o.MaxTextBytes, DefaultMaxTextBytes) }
func (o Options) maxStreamBytes() int64 { return orDefault(o.MaxStreamBytes, DefaultMaxStreamBytes) }
func (o Options) maxInflatedBytes() int64 {
	return orDefault(o.MaxInflatedBytes, DefaultMaxInflatedBytes)
}

// readLimited reads a whole file after checking its size against the limit.
func readLimited(path string, opts Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a file", path)
	}
	if st.Size() > opts.maxBytes() {
		return nil, &LimitError{Path: path, Limit: LimitSize, Value: st.Size(), Max: opts.maxBytes()}
	}
	buf := make([]byte, st.Size())
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return buf[:n], nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats the
// path, keeping the cause ("no such file or directory").
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (o Options) maxEntries() int  { return orDefault(o.MaxEntries, DefaultMaxEntries) }
func (o Options) maxXMLDepth() int { return orDefault(o.MaxXMLDepth, DefaultMaxXMLDepth) }
