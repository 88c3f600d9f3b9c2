package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// This file reads a page's content stream: its operators and their
// operands. ledongthuc/pdf does this in pdf.Interpret, which turns every
// operand into a pdf.Value through the library's general object reader and
// was 40% of a screen's CPU. Here the decoded stream is read once into
// memory and lexed in place, with operands of tailor's own type. The
// reading follows the library's, quirks included, so that a page reads
// as it did through pdf.Interpret (TestContentStream_LikeLibrary and
// FuzzContentStream compare the two): content the library refuses (an
// invalid escape in a string, say) still stops the page with an error,
// and an operand it cannot read is still dropped.

// operandKind says what an operand is.
type operandKind uint8

// Operand kinds.
const (
	operandNull operandKind = iota
	operandBool
	operandInteger
	operandReal
	operandString
	operandName
	operandArray
	operandDict
)

// operand is one operand of a content-stream operator.
type operand struct {
	kind operandKind
	num  float64            // an integer's or a real's value; a boolean's as 1 or 0
	str  string             // a string's bytes, or a name without its slash
	arr  []operand          // an array's elements
	dict map[string]operand // a dictionary's entries
}

// float returns a number's value, and 0 for any other operand.
func (o operand) float() float64 {
	if o.kind == operandInteger || o.kind == operandReal {
		return o.num
	}
	return 0
}

// name returns a name's text, and "" for any other operand.
func (o operand) name() string {
	if o.kind == operandName {
		return o.str
	}
	return ""
}

// rawString returns a string's bytes, and "" for any other operand.
func (o operand) rawString() string {
	if o.kind == operandString {
		return o.str
	}
	return ""
}

// text returns a string operand as a PDF text string (UTF-16 with a byte
// order mark, or PDFDocEncoding) in UTF-8, as pdf.Value's Text does.
func (o operand) text() string {
	if o.kind != operandString {
		return ""
	}
	return textString(o.str)
}

// textString decodes a PDF text string (PDF 32000-1:2008, 7.9.2.2): UTF-16BE
// after a byte order mark, else PDFDocEncoding; a string that is neither
// is returned as it is.
func textString(s string) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff && len(s)%2 == 0 {
		u := make([]uint16, 0, len(s)/2-1)
		for i := 2; i < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	plain := true
	for i := 0; i < len(s); i++ {
		r := pdfDocRune(s[i])
		if r < 0 {
			return s
		}
		plain = plain && r == rune(s[i]) && s[i] < 0x80
	}
	if plain {
		return s
	}
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = pdfDocRune(s[i])
	}
	return string(rs)
}

// pdfDocHigh holds PDFDocEncoding's characters from 0x80 to 0x9f (PDF
// 32000-1:2008, table D.2); -1 marks a code with none.
var pdfDocHigh = [32]rune{
	'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
	'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', -1,
}

// pdfDocLow holds PDFDocEncoding's accents from 0x18 to 0x1f.
var pdfDocLow = [8]rune{'˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'}

// pdfDocRune returns the character of one PDFDocEncoding code, or -1.
func pdfDocRune(c byte) rune {
	switch {
	case c == '\t' || c == '\n' || c == '\r':
		return rune(c)
	case c < 0x18 || c == 0x7f || c == 0xad:
		return -1
	case c < 0x20:
		return pdfDocLow[c-0x18]
	case c < 0x80:
		return rune(c)
	case c < 0xa0:
		return pdfDocHigh[c-0x80]
	case c == 0xa0:
		return '€'
	}
	return rune(c) // Latin-1
}

// contentBuffers holds the buffers content streams are read into, one
// page at a time.
var contentBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledContent is the largest buffer kept for the next page: a rare
// huge stream's memory goes back to the collector.
const maxPooledContent = 1 << 20

// errContentTooLarge reports a content stream that decodes to more than
// the limit readContent was given.
var errContentTooLarge = errors.New("content stream over the limit")

// readContent reads a content stream, or an array of them one after the
// other, as pdf.Interpret does: every stream's reader is opened first, and
// reading stops at the first error, which is returned with what was read.
// A stream that decodes to more than max bytes stops it with
// errContentTooLarge: the library read a stream a few KB at a time, and a
// form XObject's size is not measured before (a page's streams are, by
// inflateBudget).
func readContent(strm pdf.Value, buf []byte, max int64) ([]byte, error) {
	var readers []io.ReadCloser
	if strm.Kind() == pdf.Array {
		readers = make([]io.ReadCloser, 0, strm.Len())
		for i := 0; i < strm.Len(); i++ {
			readers = append(readers, strm.Index(i).Reader())
		}
	} else {
		readers = []io.ReadCloser{strm.Reader()}
	}
	if cap(buf) == 0 {
		buf = make([]byte, 0, 64<<10) // most pages' content fits
	}
	b := bytes.NewBuffer(buf[:0])
	var err error
	for _, rd := range readers {
		if err == nil {
			before := b.Len()
			_, err = b.ReadFrom(io.LimitReader(rd, max+1))
			if err == nil && int64(b.Len()-before) > max {
				err = errContentTooLarge
			}
		}
		rd.Close()
	}
	return b.Bytes(), err
}

// tokenKind says what a lexed token is.
type tokenKind uint8

const (
	tokenEOF tokenKind = iota
	tokenKeyword
	tokenOperand // a number, boolean, string or name
)

// contentToken is one lexed token: a keyword (an operator, or "[", "]", "<<",
// ">>", "{", "}") or an operand.
type contentToken struct {
	kind tokenKind
	word []byte  // a keyword's bytes, in the stream's data
	op   operand // an operand's value
}

// is reports whether the token is the keyword w.
func (t contentToken) is(w string) bool { return t.kind == tokenKeyword && string(t.word) == w }

// contentLexer reads the tokens of a decoded content stream.
type contentLexer struct {
	data    []byte
	pos     int
	eof     bool
	readErr error // the error that ended reading the stream, if one did
	tmp     []byte
	// cutHex reports a hexadecimal string cut off by the end of the data,
	// where the library reads for ever: such a string ends there.
	cutHex bool
	// elems holds the elements of the arrays being read, innermost last;
	// a finished array's elements move to arena, which hands out room
	// for them a chunk at a time (a page's TJ arrays grown one by one
	// were a tenth of reading a resume's memory). Arrays already handed
	// out keep their chunk.
	elems []operand
	arena []operand
}

// arrayChunk is how many array elements the lexer allocates room for at
// once.
const arrayChunk = 1024

// keep moves the elements above mark in l.elems into the arena and
// returns them.
func (l *contentLexer) keep(mark int) []operand {
	n := len(l.elems) - mark
	if n == 0 {
		return nil
	}
	if cap(l.arena)-len(l.arena) < n {
		l.arena = make([]operand, 0, max(arrayChunk, n))
	}
	start := len(l.arena)
	l.arena = append(l.arena, l.elems[mark:]...)
	clear(l.elems[mark:])
	l.elems = l.elems[:mark]
	return l.arena[start:len(l.arena):len(l.arena)]
}

// maxOperandDepth bounds how deeply arrays and dictionaries may nest in
// one operand, as the library does.
const maxOperandDepth = 1000

// byte returns the next byte; past the end, it reports the error that
// ended reading, if any, and returns a newline, as the library does.
func (l *contentLexer) byte() byte {
	if l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		return c
	}
	if l.readErr != nil {
		panic(fmt.Errorf("malformed PDF: reading at offset %d: %v", len(l.data), l.readErr))
	}
	l.eof = true
	l.pos = len(l.data) + 1 // unreading a byte past the end stays past it
	return '\n'
}

// unread steps back one byte.
func (l *contentLexer) unread() {
	if l.pos > 0 {
		l.pos--
	}
}

// wordEnds marks the bytes that end a keyword or number: white space and
// delimiters (see isPDFSpace, isPDFDelim), looked up in one table.
var wordEnds = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isPDFSpace(byte(c)) || isPDFDelim(byte(c))
	}
	return t
}()

// isPDFSpace reports whether c is white space in PDF syntax.
func isPDFSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// isPDFDelim reports whether c is a delimiter in PDF syntax.
func isPDFDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next reads one token. An error is what the library panics with.
func (l *contentLexer) next() (contentToken, error) {
	c := l.byte()
	for {
		if isPDFSpace(c) {
			if l.eof {
				return contentToken{kind: tokenEOF}, nil
			}
			c = l.byte()
		} else if c == '%' {
			for c != '\r' && c != '\n' {
				c = l.byte()
			}
		} else {
			break
		}
	}
	switch c {
	case '<':
		if l.byte() == '<' {
			return contentToken{kind: tokenKeyword, word: []byte("<<")}, nil
		}
		l.unread()
		return l.hexString()
	case '(':
		return l.literalString()
	case '[', ']', '{', '}':
		return contentToken{kind: tokenKeyword, word: l.data[l.pos-1 : l.pos]}, nil
	case '/':
		return l.name()
	case '>':
		if l.byte() == '>' {
			return contentToken{kind: tokenKeyword, word: []byte(">>")}, nil
		}
		l.unread()
	}
	if isPDFDelim(c) {
		return contentToken{}, fmt.Errorf("unexpected delimiter %#q", rune(c))
	}
	l.unread()
	return l.keyword()
}

// hexString reads a hexadecimal string after its "<". One cut off by the
// end of the data ends there (cutHex).
func (l *contentLexer) hexString() (contentToken, error) {
	l.tmp = l.tmp[:0]
	for !l.cutHex {
		// Most hex strings are digits without spaces: two of them are a
		// byte, read here without the general path's calls.
		if p := l.pos; p+1 < len(l.data) {
			if hi, lo := hexValue[l.data[p]], hexValue[l.data[p+1]]; hi >= 0 && lo >= 0 {
				l.tmp = append(l.tmp, byte(hi)<<4|byte(lo))
				l.pos += 2
				continue
			}
		}
		c := l.nonSpace()
		if c == '>' || l.cutHex {
			break
		}
		c2 := l.nonSpace()
		if l.cutHex {
			break
		}
		x := unhexDigit(c)<<4 | unhexDigit(c2)
		if x < 0 {
			rest := l.data[min(l.pos, len(l.data)):]
			return contentToken{}, fmt.Errorf("malformed hex string %c %c %s", c, c2, rest)
		}
		l.tmp = append(l.tmp, byte(x))
	}
	return contentToken{kind: tokenOperand, op: operand{kind: operandString, str: string(l.tmp)}}, nil
}

// nonSpace returns the next byte that is not white space; at the end of
// the data it sets cutHex, where the library would read on for ever.
func (l *contentLexer) nonSpace() byte {
	c := l.byte()
	for isPDFSpace(c) {
		if l.eof {
			l.cutHex = true
			return c
		}
		c = l.byte()
	}
	return c
}

// hexValue holds unhexDigit's answer for every byte.
var hexValue = func() (t [256]int8) {
	for c := range 256 {
		t[c] = int8(unhexDigit(byte(c)))
	}
	return t
}()

// unhexDigit returns a hexadecimal digit's value, or -1.
func unhexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// literalString reads a literal string after its "(".
func (l *contentLexer) literalString() (contentToken, error) {
	l.tmp = l.tmp[:0]
	depth := 1
loop:
	for !l.eof {
		c := l.byte()
		switch c {
		default:
			l.tmp = append(l.tmp, c)
		case '(':
			depth++
			l.tmp = append(l.tmp, c)
		case ')':
			if depth--; depth == 0 {
				break loop
			}
			l.tmp = append(l.tmp, c)
		case '\\':
			switch c = l.byte(); c {
			default:
				return contentToken{}, fmt.Errorf("invalid escape sequence \\%c", c)
			case 'n':
				l.tmp = append(l.tmp, '\n')
			case 'r':
				l.tmp = append(l.tmp, '\r')
			case 'b':
				l.tmp = append(l.tmp, '\b')
			case 't':
				l.tmp = append(l.tmp, '\t')
			case 'f':
				l.tmp = append(l.tmp, '\f')
			case '(', ')', '\\':
				l.tmp = append(l.tmp, c)
			case '\r':
				if l.byte() != '\n' {
					l.unread()
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(c - '0')
				for range 2 {
					c = l.byte()
					if c < '0' || c > '7' {
						l.unread()
						break
					}
					x = x*8 + int(c-'0')
				}
				if x > 255 {
					return contentToken{}, fmt.Errorf("invalid octal escape \\%03o", x)
				}
				l.tmp = append(l.tmp, byte(x))
			}
		}
	}
	return contentToken{kind: tokenOperand, op: operand{kind: operandString, str: string(l.tmp)}}, nil
}

// name reads a name after its "/".
func (l *contentLexer) name() (contentToken, error) {
	l.tmp = l.tmp[:0]
	for {
		c := l.byte()
		if isPDFDelim(c) || isPDFSpace(c) {
			l.unread()
			break
		}
		if c == '#' {
			x := unhexDigit(l.byte())<<4 | unhexDigit(l.byte())
			if x < 0 {
				return contentToken{}, fmt.Errorf("malformed name")
			}
			l.tmp = append(l.tmp, byte(x))
			continue
		}
		l.tmp = append(l.tmp, c)
	}
	return contentToken{kind: tokenOperand, op: operand{kind: operandName, str: string(l.tmp)}}, nil
}

// keyword reads a number, a boolean or an operator.
func (l *contentLexer) keyword() (contentToken, error) {
	start := l.pos
	i := start
	for i < len(l.data) && !wordEnds[l.data[i]] {
		i++
	}
	l.pos = i
	if i == len(l.data) {
		l.byte() // the end: as byte meets it (a read error, or eof)
		l.unread()
	}
	w := l.data[start:min(l.pos, len(l.data))]
	switch {
	case string(w) == "true":
		return contentToken{kind: tokenOperand, op: operand{kind: operandBool, num: 1}}, nil
	case string(w) == "false":
		return contentToken{kind: tokenOperand, op: operand{kind: operandBool}}, nil
	}
	kind := numberKind(w)
	if kind != operandNull {
		if x, ok := shortNumber(w, kind); ok {
			return contentToken{kind: tokenOperand, op: operand{kind: kind, num: x}}, nil
		}
	}
	switch kind {
	case operandInteger:
		x, err := strconv.ParseInt(string(w), 10, 64)
		if err != nil {
			return contentToken{}, fmt.Errorf("invalid integer %s", w)
		}
		return contentToken{kind: tokenOperand, op: operand{kind: operandInteger, num: float64(x)}}, nil
	case operandReal:
		x, err := strconv.ParseFloat(string(w), 64)
		if err != nil {
			return contentToken{}, fmt.Errorf("invalid real %s", w)
		}
		return contentToken{kind: tokenOperand, op: operand{kind: operandReal, num: x}}, nil
	}
	return contentToken{kind: tokenKeyword, word: w}, nil
}

// shortNumber reads a number of the given kind (see numberKind) of at
// most 15 digits, as strconv would: its digits and the power of ten under
// them are then exact as float64, and their quotient is the correctly
// rounded value ParseFloat returns (an integer's sign is taken before it
// becomes a float, as ParseInt's is, so "-0" is 0). Longer numbers, and
// a full stop with no digit, are strconv's.
func shortNumber(w []byte, kind operandKind) (float64, bool) {
	neg := len(w) > 0 && w[0] == '-'
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	var m int64
	digits, frac := 0, 0
	for i, c := range w {
		if c == '.' {
			frac = len(w) - i - 1
			continue
		}
		m = m*10 + int64(c-'0')
		digits++
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	if kind == operandInteger {
		if neg {
			m = -m
		}
		return float64(m), true
	}
	x := float64(m) / exactPow10[frac]
	if neg {
		x = -x
	}
	return x, true
}

// exactPow10 are the powers of ten a float64 holds exactly, as far as
// shortNumber needs them.
var exactPow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// numberKind returns operandInteger for an optional sign and digits,
// operandReal for those with one full stop among them, or operandNull.
func numberKind(w []byte) operandKind {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if len(w) == 0 {
		return operandNull
	}
	dots := 0
	for _, c := range w {
		switch {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return operandNull
		}
	}
	switch dots {
	case 0:
		return operandInteger
	case 1:
		return operandReal
	}
	return operandNull
}

// object reads one operand that starts with tok.
func (l *contentLexer) object(tok contentToken, depth int) (operand, error) {
	if depth > maxOperandDepth {
		return operand{}, fmt.Errorf("object nesting exceeds maximum depth %d", maxOperandDepth)
	}
	switch tok.kind {
	case tokenOperand:
		return tok.op, nil
	case tokenEOF:
		return operand{}, nil // a dictionary's last value, cut off: the library keeps a null
	}
	switch string(tok.word) {
	case "null", ">>", "]":
		return operand{}, nil
	case "<<":
		return l.dict(depth)
	case "[":
		return l.array(depth)
	}
	return operand{}, fmt.Errorf("unexpected keyword %q parsing object", tok.word)
}

// array reads an array's elements after its "[".
func (l *contentLexer) array(depth int) (operand, error) {
	mark := len(l.elems)
	for {
		tok, err := l.next()
		if err != nil {
			l.elems = l.elems[:mark]
			return operand{}, err
		}
		if tok.kind == tokenEOF || tok.is("]") {
			return operand{kind: operandArray, arr: l.keep(mark)}, nil
		}
		v, err := l.object(tok, depth+1)
		if err != nil {
			l.elems = l.elems[:mark]
			return operand{}, err
		}
		l.elems = append(l.elems, v)
	}
}

// dict reads a dictionary's entries after its "<<".
func (l *contentLexer) dict(depth int) (operand, error) {
	d := operand{kind: operandDict, dict: map[string]operand{}}
	for {
		tok, err := l.next()
		if err != nil {
			return operand{}, err
		}
		if tok.kind == tokenEOF || tok.is(">>") {
			return d, nil
		}
		if tok.kind != tokenOperand || tok.op.kind != operandName {
			return operand{}, fmt.Errorf("unexpected non-name key parsing dictionary")
		}
		key := tok.op.str
		next, err := l.next()
		if err != nil {
			return operand{}, err
		}
		v, err := l.object(next, depth+1)
		if err != nil {
			return operand{}, err
		}
		d.dict[key] = v
	}
}

// interpretContent calls do with each operator of a decoded content stream
// and its operands, as pdf.Interpret does, including the few PostScript
// operators it runs itself (dict, begin, end, def, pop, currentdict). The
// operands passed are valid only during the call. Content the library
// would refuse panics with the library's error; readErr, when not nil, is
// the error that cut the stream short, raised where the data ends.
func interpretContent(data []byte, readErr error, do func(args []operand, op string)) {
	ap := arenas.Get().(*[]operand)
	l := &contentLexer{data: data, readErr: readErr, arena: *ap}
	defer func() {
		if cap(l.arena) <= 4*arrayChunk {
			clear(l.arena)
			*ap = l.arena[:0]
			arenas.Put(ap)
		}
	}()
	l.interpret(do)
}

// arenas lends content lexers their arrays' arena from stream to stream: an
// arena made for each page cost a 40-page resume 3.8 MB.
var arenas = sync.Pool{New: func() any { a := make([]operand, 0, arrayChunk); return &a }}

// interpret is interpretContent on the lexer's data.
func (l *contentLexer) interpret(do func(args []operand, op string)) {
	var stack []operand
	var dicts []map[string]operand
	pop := func() operand {
		if len(stack) == 0 {
			return operand{}
		}
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	for {
		tok, err := l.next()
		if err != nil {
			panic(err)
		}
		if tok.kind == tokenEOF {
			return
		}
		if tok.kind == tokenKeyword {
			switch w := string(tok.word); w {
			case "null", "[", "]", "<<", ">>":
			case "dict":
				pop()
				stack = append(stack, operand{kind: operandDict, dict: map[string]operand{}})
				continue
			case "currentdict":
				if len(dicts) == 0 {
					panic("no current dictionary")
				}
				stack = append(stack, operand{kind: operandDict, dict: dicts[len(dicts)-1]})
				continue
			case "begin":
				d := pop()
				if d.kind != operandDict {
					panic("cannot begin non-dict")
				}
				dicts = append(dicts, d.dict)
				continue
			case "end":
				if len(dicts) == 0 {
					panic("mismatched begin/end")
				}
				dicts = dicts[:len(dicts)-1]
				continue
			case "def":
				val := pop()
				if len(dicts) == 0 {
					continue
				}
				if key := pop(); key.kind == operandName {
					dicts[len(dicts)-1][key.str] = val
				}
				continue
			case "pop":
				pop()
				continue
			default:
				for i := len(dicts) - 1; i >= 0; i-- {
					if v, ok := dicts[i][w]; ok {
						stack = append(stack, v)
						goto nextToken
					}
				}
				do(stack, operatorName(tok.word))
				clear(stack)
				stack = stack[:0]
				if len(dicts) == 0 {
					// Nothing holds the operands any more (no dictionary
					// of definitions is open): their arrays' room is free.
					clear(l.arena)
					l.arena = l.arena[:0]
				}
				continue
			}
		}
		if v, err := l.object(tok, 1); err == nil {
			stack = append(stack, v)
		}
	nextToken:
	}
}

// operators are the operators tailor acts on, so that naming one costs no
// allocation.
var operators = func() map[string]string {
	m := map[string]string{}
	for _, op := range []string{"BMC", "BDC", "EMC", "q", "Q", "cm", "BT", "ET", "Tf", "Tc", "Tw", "Tz", "TL", "Ts", "Tr",
		"Td", "TD", "Tm", "T*", "Tj", "'", "\"", "TJ", "Do"} {
		m[op] = op
	}
	return m
}()

// operatorName returns an operator's name as a string.
func operatorName(w []byte) string {
	if op, ok := operators[string(w)]; ok {
		return op
	}
	return string(w)
}
