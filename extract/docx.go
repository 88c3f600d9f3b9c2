package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on the work one DOCX may cause. A resume is a few dozen entries
// and a few hundred KB of XML; the limits stop hostile files (zip bombs,
// deeply nested XML, runaway text) long before they cost much.
const (
	maxDOCXStyles    = 10_000 // styles kept from word/styles.xml; the rest are ignored
	maxStyleChain    = 16     // basedOn hops followed when resolving a style
	maxProducerBytes = 1000
)

// XML namespaces of WordprocessingML (transitional and strict) and of
// markup compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// oleMagic starts every OLE compound file: Word wraps a password-protected
// DOCX in one, and legacy .doc files are one.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}

// ReadDOCX reads the text of a Word (.docx) file. A file that is not a zip
// archive holding word/document.xml is ErrNotDOCX; a password-protected
// file (or a legacy .doc renamed .docx) is ErrEncrypted; a document
// without text is ErrNoText.
func ReadDOCX(path string, opts Options) (*Document, error) {
	data, err := readLimited(path, opts)
	if err != nil {
		return nil, err
	}
	return ParseDOCX(path, data, opts)
}

// ParseDOCX reads the text of a DOCX held in memory; name is used in errors
// and as Document.Path. It streams word/document.xml and reads paragraphs,
// lists (as "• " lines), tables (a row per line, cells joined by " · ", or
// each cell's lines when the table lays out the page) and text boxes, in
// document order; paragraphs styled as headings (Heading 1-6, Title, or
// styles based on them) are headings. Headers, footers, footnotes,
// comments, hidden text and deleted (tracked) text are not read. Besides
// opts's size and text limits, the limits on hostile archives (entries,
// decompressed part size, XML depth) are fixed.
func ParseDOCX(name string, data []byte, opts Options) (doc *Document, err error) {
	switch {
	case len(data) == 0:
		return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrNotDOCX)
	case bytes.HasPrefix(data, oleMagic):
		return nil, &detailError{
			msg: name + ": an encrypted DOCX or a legacy .doc file; save it as .docx without a password or export it as PDF",
			err: ErrEncrypted,
		}
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return nil, fmt.Errorf("%s: %w: it is a PDF file; rename it to .pdf", name, ErrNotDOCX)
	}
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = fmt.Errorf("%s: %w: the file is damaged (%s)", name, ErrNotDOCX, panicText(r))
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("%s: %w: it is not a zip archive, or the archive is damaged; open it in Word and save it again as .docx", name, ErrNotDOCX)
	}
	lim := opts.docxLimits()
	if n := len(zr.File); n > lim.entries {
		return nil, &LimitError{Path: name, Limit: LimitEntries, Value: int64(n), Max: int64(lim.entries)}
	}
	find := func(part string) *zip.File {
		for _, f := range zr.File {
			if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), part) {
				return f
			}
		}
		return nil
	}
	body := find("word/document.xml")
	if body == nil {
		return nil, fmt.Errorf("%s: %w: the zip archive has no word/document.xml, so it is not a Word document", name, ErrNotDOCX)
	}
	styles := styleSheet{}
	if f := find("word/styles.xml"); f != nil {
		if err := readStyles(f, styles, lim); err != nil {
			return nil, docxError(name, err)
		}
	}
	rd := &docxReader{styles: styles, lim: lim}
	if err := rd.read(body); err != nil {
		return nil, docxError(name, err)
	}
	doc = &Document{Path: name, Format: FormatDOCX, Pages: 1}
	if f := find("docProps/app.xml"); f != nil {
		doc.Producer = readApplication(f, lim)
	}
	builder{}.build(doc, rd.out)
	if err := checkText(doc, opts); err != nil {
		return nil, err
	}
	if len(strings.Fields(doc.Text)) == 0 {
		return nil, fmt.Errorf("%s: %w: the document has no text", name, ErrNoText)
	}
	if rd.rows > 0 {
		doc.Warnings = append(doc.Warnings, Warning{Code: WarnTables, Message: fmt.Sprintf(
			"The document sets text in tables (%d rows); many applicant tracking systems read tables cell by cell or skip them, so plain paragraphs are safer.", rd.rows)})
	}
	doc.Warnings = append(doc.Warnings, contentWarnings(doc)...)
	return doc, nil
}

// detailError is an error with its own message that still matches a
// sentinel through errors.Is, for causes where "name: sentinel: detail"
// would read wrong.
type detailError struct {
	msg string
	err error
}

func (e *detailError) Error() string { return e.msg }
func (e *detailError) Unwrap() error { return e.err }

// docxError names the file in an error from reading a part: a limit error
// gets the file as its Path, others a prefix.
func docxError(name string, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		le.Path = name
		return le
	}
	return fmt.Errorf("%s: %w", name, err)
}

// docxLimits are the limits on one DOCX archive, from Options.
type docxLimits struct {
	entries   int
	partBytes int64 // decompressed size of one XML part
	depth     int   // XML element nesting
	text      int64 // bytes of text read
}

func (o Options) docxLimits() docxLimits {
	return docxLimits{entries: o.maxEntries(), partBytes: o.maxStreamBytes(), depth: o.maxXMLDepth(), text: o.maxTextBytes()}
}

// partReader reads one zip entry through io.LimitReader and fails once more
// than max bytes come out of it: the zip's declared size is checked first,
// and this catches an entry that inflates past it anyway (a zip bomb).
type partReader struct {
	r   io.Reader
	n   int64
	max int64
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n > p.max {
		return 0, &LimitError{Limit: LimitStream, Value: p.n, Max: p.max}
	}
	return n, err
}

// xmlPart streams the tokens of one XML part of the archive, enforcing the
// size and nesting limits, and skips subtrees on request.
type xmlPart struct {
	name     string
	rc       io.ReadCloser
	dec      *xml.Decoder
	depth    int // depth of the current element; the root is 1
	skip     int // depth of the subtree being skipped; 0 when none
	maxDepth int
}

// openPart opens the entry f, named part in errors (the entry's own name
// may differ in case).
func openPart(f *zip.File, part string, lim docxLimits) (*xmlPart, error) {
	if f.UncompressedSize64 > uint64(lim.partBytes) {
		return nil, &LimitError{Limit: LimitStream, Value: int64(min(f.UncompressedSize64, 1<<62)), Max: lim.partBytes}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(part, err)
	}
	pr := &partReader{r: io.LimitReader(rc, lim.partBytes+1), max: lim.partBytes}
	return &xmlPart{name: part, rc: rc, dec: xml.NewDecoder(pr), maxDepth: lim.depth}, nil
}

func damaged(part string, err error) error {
	return fmt.Errorf("%w: %s is damaged: %s", ErrNotDOCX, part, strings.Join(strings.Fields(err.Error()), " "))
}

// next returns the next element or text token and its element depth (for
// text, the depth of the enclosing element). It returns io.EOF at the end
// of the part.
func (p *xmlPart) next() (xml.Token, int, error) {
	for {
		tok, err := p.dec.Token()
		if err != nil {
			var le *LimitError
			if errors.Is(err, io.EOF) || errors.As(err, &le) {
				return nil, 0, err
			}
			return nil, 0, damaged(p.name, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			p.depth++
			if p.depth > p.maxDepth {
				return nil, 0, &LimitError{Limit: LimitDepth, Value: int64(p.depth), Max: int64(p.maxDepth)}
			}
			if p.skip > 0 {
				continue
			}
			return tok, p.depth, nil
		case xml.EndElement:
			d := p.depth
			p.depth--
			if p.skip > 0 {
				if d == p.skip {
					p.skip = 0
				}
				continue
			}
			return tok, d, nil
		case xml.CharData:
			if p.skip > 0 {
				continue
			}
			return tok, p.depth, nil
		}
	}
}

// skipCurrent skips the rest of the element just returned by next,
// including its end tag.
func (p *xmlPart) skipCurrent() { p.skip = p.depth }

func (p *xmlPart) close() { p.rc.Close() }

// onOff reads a WordprocessingML on/off value; an absent value is on.
func onOff(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// style is what tailor needs of one paragraph style.
type style struct {
	name, basedOn string
	hasNum        bool   // the style sets numbering (w:numPr)
	numID         string // its w:numId; "0" turns numbering off
}

// styleSheet holds paragraph styles by style id.
type styleSheet map[string]*style

// heading reports whether paragraphs of style id are headings: the
// built-in ids Heading1-Heading6 and Title, a style named "heading N" or
// "Title" (Word keeps the English names when it localises ids), or a style
// based on one of those.
func (s styleSheet) heading(id string) bool {
	for hops := 0; id != "" && hops < maxStyleChain; hops++ {
		if headingStyleName(id) {
			return true
		}
		st := s[id]
		if st == nil {
			return false
		}
		if headingStyleName(st.name) {
			return true
		}
		id = st.basedOn
	}
	return false
}

// headingStyleName matches "Title", "heading 1".."heading 6" and the
// built-in ids "Heading1".."Heading6", in any case.
func headingStyleName(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "title" {
		return true
	}
	rest, ok := strings.CutPrefix(s, "heading")
	rest = strings.TrimPrefix(rest, " ")
	return ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '6'
}

// numbered reports whether style id (or one it is based on) numbers its
// paragraphs, as Word's "List Bullet" does.
func (s styleSheet) numbered(id string) bool {
	for hops := 0; id != "" && hops < maxStyleChain; hops++ {
		st := s[id]
		if st == nil {
			return false
		}
		if st.hasNum {
			return st.numID != "" && st.numID != "0"
		}
		id = st.basedOn
	}
	return false
}

// readStyles reads the paragraph styles of word/styles.xml into s.
func readStyles(f *zip.File, s styleSheet, lim docxLimits) error {
	p, err := openPart(f, "word/styles.xml", lim)
	if err != nil {
		return err
	}
	defer p.close()
	var cur *style
	var id string
	curDepth := 0
	for {
		tok, depth, err := p.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			switch {
			case t.Name.Local == "style" && cur == nil:
				if typ := attr(t, "type"); typ != "" && typ != "paragraph" {
					p.skipCurrent()
					continue
				}
				cur, id, curDepth = &style{}, attr(t, "styleId"), depth
			case cur == nil:
			case strings.HasSuffix(t.Name.Local, "Change"):
				p.skipCurrent() // tracked changes hold the old properties
			case t.Name.Local == "name" && depth == curDepth+1:
				cur.name = attr(t, "val")
			case t.Name.Local == "basedOn" && depth == curDepth+1:
				cur.basedOn = attr(t, "val")
			case t.Name.Local == "numPr":
				cur.hasNum = true
			case t.Name.Local == "numId":
				cur.numID = attr(t, "val")
			}
		case xml.EndElement:
			if cur != nil && depth == curDepth {
				if _, dup := s[id]; id != "" && !dup && len(s) < maxDOCXStyles {
					s[id] = cur
				}
				cur = nil
			}
		}
	}
}

// readApplication returns docProps/app.xml's Application, or "" when it is
// missing or unreadable: the producer is a detail, not worth an error.
func readApplication(f *zip.File, lim docxLimits) string {
	p, err := openPart(f, "docProps/app.xml", lim)
	if err != nil {
		return ""
	}
	defer p.close()
	var sb strings.Builder
	in := false
	for {
		tok, depth, err := p.next()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = depth == 2 && t.Name.Local == "Application"
		case xml.CharData:
			if in && sb.Len() < maxProducerBytes {
				sb.Write(t)
			}
		case xml.EndElement:
			if in {
				return strings.TrimSpace(normalizeText(sb.String()))
			}
		}
	}
}

// frameKind says what an open frame of the document collects.
type frameKind int

const (
	paraFrame frameKind = iota // a w:p: text runs
	rowFrame                   // a w:tr: its cells
	cellFrame                  // a w:tc: the lines of its paragraphs
)

// frame is an open paragraph, table row or table cell.
type frame struct {
	kind  frameKind
	depth int // the element's depth

	// Paragraphs.
	segs   []string // finished segments, split at w:br
	cur    strings.Builder
	style  string
	hasNum bool   // the paragraph has w:numPr
	numID  string // its w:numId
	pPr    int    // depth of the paragraph's w:pPr while inside it
	run    int    // depth of the open w:r
	hidden bool   // the open run is hidden (w:vanish)
	inText bool   // inside w:t
	nested []rawLine

	// Cells: the lines of their paragraphs; rows: their cells.
	lines []rawLine
	cells [][]rawLine
}

// docxReader walks word/document.xml.
type docxReader struct {
	styles styleSheet
	out    []rawLine
	gap    bool // an empty paragraph is pending before the next line
	frames []*frame
	alts   []alternate
	text   int // bytes of text read
	rows   int // table rows read
	lim    docxLimits
}

// alternate is an open mc:AlternateContent, whose first choice is read and
// whose other choices and fallback (the same content for older readers)
// are skipped.
type alternate struct {
	depth int
	taken bool
}

// gapLine marks an empty paragraph among lines handed up the frames: the
// next line starts a new paragraph.
var gapLine = rawLine{paraGap: true}

func isGapLine(l rawLine) bool { return l.text == "" && l.paraGap }

func (r *docxReader) top() *frame {
	if len(r.frames) == 0 {
		return nil
	}
	return r.frames[len(r.frames)-1]
}

// para returns the innermost frame when it is a paragraph.
func (r *docxReader) para() *frame {
	if f := r.top(); f != nil && f.kind == paraFrame {
		return f
	}
	return nil
}

// add appends text to the open paragraph, within the text limit.
func (r *docxReader) add(f *frame, s string) error {
	if err := r.count(len(s)); err != nil {
		return err
	}
	f.cur.WriteString(s)
	return nil
}

// count adds n bytes to the text read and checks the limit.
func (r *docxReader) count(n int) error {
	r.text += n
	if int64(r.text) > r.lim.text {
		return &LimitError{Limit: LimitText, Value: int64(r.text), Max: r.lim.text}
	}
	return nil
}

func (r *docxReader) read(zf *zip.File) error {
	p, err := openPart(zf, "word/document.xml", r.lim)
	if err != nil {
		return err
	}
	defer p.close()
	for {
		tok, depth, err := p.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.start(p, t, depth); err != nil {
				return err
			}
		case xml.EndElement:
			r.end(t, depth)
		case xml.CharData:
			if f := r.para(); f != nil && f.inText {
				if err := r.add(f, string(t)); err != nil {
					return err
				}
			}
		}
	}
}

func (r *docxReader) start(p *xmlPart, t xml.StartElement, depth int) error {
	if t.Name.Space == nsMC {
		switch t.Name.Local {
		case "AlternateContent":
			r.alts = append(r.alts, alternate{depth: depth})
		case "Choice", "Fallback":
			if n := len(r.alts); n > 0 && r.alts[n-1].depth == depth-1 {
				if r.alts[n-1].taken {
					p.skipCurrent()
				}
				r.alts[n-1].taken = true
			}
		}
		return nil
	}
	if !isW(t.Name) {
		return nil
	}
	f := r.para()
	inRun := f != nil && f.run > 0
	switch t.Name.Local {
	case "p":
		r.frames = append(r.frames, &frame{kind: paraFrame, depth: depth})
	case "tr":
		r.rows++
		r.frames = append(r.frames, &frame{kind: rowFrame, depth: depth})
	case "tc":
		r.frames = append(r.frames, &frame{kind: cellFrame, depth: depth})
	case "pPr":
		if f != nil && depth == f.depth+1 {
			f.pPr = depth
		}
	case "pStyle":
		if f != nil && f.pPr > 0 {
			f.style = attr(t, "val")
		}
	case "numPr":
		if f != nil && f.pPr > 0 {
			f.hasNum = true
		}
	case "numId":
		if f != nil && f.pPr > 0 {
			f.numID = attr(t, "val")
		}
	case "r":
		if f != nil && f.run == 0 {
			f.run, f.hidden = depth, false
		}
	case "vanish":
		// Hidden text is neither shown nor printed: leave it out, as the
		// PDF reader leaves out invisible text.
		if inRun {
			f.hidden = onOff(attr(t, "val"))
		}
	case "rt":
		p.skipCurrent() // ruby text: a pronunciation guide above the base text
	case "t":
		if f != nil {
			f.inText = inRun && !f.hidden
		}
	case "tab", "ptab":
		if inRun && !f.hidden {
			return r.add(f, " ")
		}
	case "br", "cr":
		if inRun && !f.hidden {
			// A break counts as a byte of text, so that breaks alone
			// cannot pile up segments.
			if err := r.count(1); err != nil {
				return err
			}
			f.segs = append(f.segs, f.cur.String())
			f.cur.Reset()
		}
	case "noBreakHyphen":
		if inRun && !f.hidden {
			return r.add(f, "-")
		}
	default:
		if strings.HasSuffix(t.Name.Local, "Change") {
			p.skipCurrent() // tracked changes hold the old properties
		}
	}
	return nil
}

func (r *docxReader) end(t xml.EndElement, depth int) {
	if t.Name.Space == nsMC {
		if n := len(r.alts); t.Name.Local == "AlternateContent" && n > 0 && r.alts[n-1].depth == depth {
			r.alts = r.alts[:n-1]
		}
		return
	}
	if !isW(t.Name) {
		return
	}
	f := r.top()
	if f == nil {
		return
	}
	switch t.Name.Local {
	case "p", "tr", "tc":
		if f.depth != depth {
			return
		}
		r.frames = r.frames[:len(r.frames)-1]
		switch f.kind {
		case paraFrame:
			r.deliver(r.paragraphLines(f))
		case cellFrame:
			if row := r.top(); row != nil && row.kind == rowFrame {
				row.cells = append(row.cells, f.lines)
			} else {
				r.deliver(f.lines)
			}
		case rowFrame:
			r.deliver(rowLines(f.cells))
		}
	case "pPr":
		if f.kind == paraFrame && f.pPr == depth {
			f.pPr = 0
		}
	case "r":
		if f.kind == paraFrame && f.run == depth {
			f.run = 0
		}
	case "t":
		if f.kind == paraFrame {
			f.inText = false
		}
	}
}

// paragraphLines turns a finished paragraph into lines: one per segment
// between line breaks ("• " before the first when it is a list item), or
// one heading line; then the lines of text boxes anchored in it. An empty
// paragraph is a gapLine.
func (r *docxReader) paragraphLines(f *frame) []rawLine {
	segs := append(f.segs, f.cur.String())
	heading := r.styles.heading(f.style)
	list := !heading && (f.hasNum && f.numID != "0" || !f.hasNum && r.styles.numbered(f.style))
	var lines []rawLine
	if heading {
		if text := strings.TrimSpace(strings.Join(segs, " ")); text != "" {
			lines = append(lines, rawLine{text: text, page: 1, markdown: true})
		}
	} else {
		gap := false
		for _, s := range segs {
			s = strings.TrimSpace(s)
			if s == "" {
				gap = len(lines) > 0 // two breaks in a row leave a blank line
				continue
			}
			if len(lines) == 0 && list && !strings.HasPrefix(s, "•") {
				s = "• " + s
			}
			lines = append(lines, rawLine{text: s, page: 1, paraGap: gap})
			gap = false
		}
	}
	if len(f.nested) > 0 {
		f.nested[0].paraGap = true // a text box is a block of its own
		lines = append(lines, f.nested...)
	}
	if len(lines) == 0 {
		return []rawLine{gapLine}
	}
	return lines
}

// rowLines turns a finished table row into lines. A row whose cells hold
// one line each is one line, the cells joined by " · "; a row with longer
// cells (a table used for page layout: a sidebar beside the main column)
// keeps each cell's lines, cell after cell.
func rowLines(cells [][]rawLine) []rawLine {
	var texts []string
	layout := false
	for _, c := range cells {
		n := 0
		for _, l := range c {
			if text := strings.TrimSpace(l.text); text != "" {
				n++
				layout = layout || l.markdown
				if n == 1 {
					texts = append(texts, text)
				}
			}
		}
		layout = layout || n > 1
	}
	if !layout {
		if len(texts) == 0 {
			return nil
		}
		return []rawLine{{text: strings.Join(texts, " · "), page: 1}}
	}
	var out []rawLine
	for _, c := range cells {
		first := true
		for _, l := range c {
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			l.paraGap = l.paraGap || first
			first = false
			out = append(out, l)
		}
	}
	return out
}

// deliver hands finished lines to the innermost open frame: a paragraph
// (whose text box they came from) keeps them to follow its own line, a
// cell keeps them for its row; with no frame open they are output.
// Consecutive gapLines collapse into one.
func (r *docxReader) deliver(lines []rawLine) {
	f := r.top()
	switch {
	case f == nil:
		for _, l := range lines {
			if isGapLine(l) {
				r.gap = true
				continue
			}
			l.paraGap = l.paraGap || r.gap
			r.gap = false
			r.out = append(r.out, l)
		}
	case f.kind == paraFrame:
		f.nested = appendLines(f.nested, lines)
	case f.kind == cellFrame:
		f.lines = appendLines(f.lines, lines)
	default: // a paragraph directly in a row: a cell of its own
		f.cells = append(f.cells, appendLines(nil, lines))
	}
}

func appendLines(dst, lines []rawLine) []rawLine {
	for _, l := range lines {
		if isGapLine(l) && len(dst) > 0 && isGapLine(dst[len(dst)-1]) {
			continue
		}
		dst = append(dst, l)
	}
	return dst
}
