package extract

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FormatHTML is a web page saved from a browser (.html, .htm): job ads
// arrive this way.
const FormatHTML Format = "html"

// skippedElements hold no text a reader sees as the page's content: code,
// styles, the site's navigation and footer, forms' option lists.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Footer: true, atom.Svg: true, atom.Iframe: true, atom.Head: true, atom.Select: true,
	atom.Button: true, atom.Object: true, atom.Canvas: true,
}

// blockElements start a line of their own; headings and paragraph-like
// blocks also leave a blank line before them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Aside: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Pre: true, atom.Blockquote: true, atom.Br: true, atom.Hr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Form: true, atom.Fieldset: true,
}

// paragraphElements leave a blank line before them.
var paragraphElements = map[atom.Atom]bool{
	atom.P: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Pre: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Section: true,
	atom.Article: true, atom.Dl: true,
}

func isHTMLHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// ReadHTML reads a web page held in memory, such as a job ad saved from a
// browser: the text a reader sees, with headings and list items kept as
// structure, and scripts, styles, navigation and footers left out. name is
// used in errors and as Document.Path.
func ReadHTML(name string, data []byte) (*Document, error) {
	return readHTML(name, data, Options{})
}

// ReadPasted reads text a person pasted (a job ad on standard input, or in
// the web page's text box): a web page's source as HTML, anything else as
// Markdown, which plain text reads the same as.
func ReadPasted(name string, data []byte) (*Document, error) {
	if LooksLikeHTML(data) {
		return ReadHTML(name, data)
	}
	return ReadText(name, data, FormatMarkdown)
}

// LooksLikeHTML reports whether pasted text is a web page's source rather
// than its text.
func LooksLikeHTML(data []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	head = strings.TrimPrefix(head, "\ufeff")
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// readHTML is ReadHTML within the limits of opts.
func readHTML(name string, data []byte, opts Options) (*Document, error) {
	data, err := fromUTF16(name, data)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%s: %w: it holds binary data", name, ErrNotText)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNotText, err)
	}
	w := &htmlText{maxDepth: opts.maxXMLDepth()}
	w.walk(root, 0)
	w.flush()
	doc := &Document{Path: name, Format: FormatHTML, Pages: 1}
	builder{}.build(doc, w.lines)
	if err := checkText(doc, opts); err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("%s: %w: the page shows no text", name, ErrNoText)
	}
	doc.Warnings = append(doc.Warnings, contentWarnings(doc)...)
	return doc, nil
}

// htmlText collects a page's visible text as lines.
type htmlText struct {
	lines    []rawLine
	cur      strings.Builder
	heading  bool // the line being built is a heading
	gap      bool // a blank line comes before the next line
	bullet   bool // the next line is a list item
	maxDepth int
}

// flush ends the line being built.
func (w *htmlText) flush() {
	text := strings.Join(strings.Fields(w.cur.String()), " ")
	w.cur.Reset()
	if text == "" {
		return
	}
	if w.bullet {
		text = "• " + text
		w.bullet = false
	}
	w.lines = append(w.lines, rawLine{text: text, page: 1, paraGap: w.gap, markdown: w.heading})
	w.gap = false
}

// walk appends the text of n and its children. Nesting deeper than
// maxDepth is not read: no page a person reads nests that deep.
func (w *htmlText) walk(n *html.Node, depth int) {
	if depth > w.maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skippedElements[n.DataAtom] || hidden(n) {
			return
		}
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		w.flush()
		w.heading = false
		if paragraphElements[n.DataAtom] {
			w.gap = true
		}
		switch {
		case n.DataAtom == atom.Li:
			w.bullet = true
		case isHTMLHeading(n.DataAtom):
			w.heading = true
		}
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) && w.cur.Len() > 0 {
		w.cur.WriteString(" · ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
		if isHTMLHeading(n.DataAtom) {
			w.heading = false
			w.gap = true
		}
		if paragraphElements[n.DataAtom] {
			w.gap = true
		}
	}
}

// hidden reports whether an element is hidden from readers: the hidden
// attribute, aria-hidden, or an inline display:none.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
				return true
			}
		}
	}
	return false
}
