package extract

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// contentPDF returns a one-page PDF whose page's content stream is content,
// unfiltered.
func contentPDF(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	return WriteTestPDF(objs, func(int) string { return "" })
}

// libraryOperators runs content through pdf.Interpret and returns each
// operator with its operands, written out, and what it panicked with.
func libraryOperators(t testing.TB, content string) (ops []string, panicked string) {
	t.Helper()
	data := contentPDF(content)
	rd, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("test PDF: %v", err)
	}
	strm := rd.Page(1).V.Key("Contents")
	defer func() {
		if r := recover(); r != nil {
			panicked = panicText(r)
		}
	}()
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]string, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = libraryValue(stk.Pop())
		}
		ops = append(ops, op+"("+strings.Join(args, " ")+")")
	})
	return ops, panicked
}

// libraryValue writes out one of the library's values.
func libraryValue(v pdf.Value) string {
	switch v.Kind() {
	case pdf.Bool:
		return strconv.FormatBool(v.Bool())
	case pdf.Integer, pdf.Real:
		return strconv.FormatFloat(v.Float64(), 'g', -1, 64)
	case pdf.String:
		return strconv.Quote(v.RawString()) + "=" + strconv.Quote(v.Text())
	case pdf.Name:
		return "/" + strconv.Quote(v.Name())
	case pdf.Array:
		var out []string
		for i := 0; i < v.Len(); i++ {
			out = append(out, libraryValue(v.Index(i)))
		}
		return "[" + strings.Join(out, " ") + "]"
	case pdf.Dict:
		keys := v.Keys()
		slices.Sort(keys)
		var out []string
		for _, k := range keys {
			out = append(out, k+"="+libraryValue(v.Key(k)))
		}
		return "<<" + strings.Join(out, " ") + ">>"
	}
	return "null"
}

// ourOperators runs content through interpretContent, written out as
// libraryOperators writes the library's; cut reports a hexadecimal string
// cut off by the end, on which the library never returns.
func ourOperators(content string) (ops []string, panicked string, cut bool) {
	l := &contentLexer{data: []byte(content)}
	defer func() {
		if r := recover(); r != nil {
			panicked = panicText(r)
		}
		cut = l.cutHex
	}()
	l.interpret(func(args []operand, op string) {
		out := make([]string, len(args))
		for i, a := range args {
			out[i] = ourValue(a)
		}
		ops = append(ops, op+"("+strings.Join(out, " ")+")")
	})
	return ops, panicked, cut
}

// ourValue writes out an operand as libraryValue does.
func ourValue(o operand) string {
	switch o.kind {
	case operandBool:
		return strconv.FormatBool(o.num != 0)
	case operandInteger, operandReal:
		return strconv.FormatFloat(o.num, 'g', -1, 64)
	case operandString:
		return strconv.Quote(o.str) + "=" + strconv.Quote(o.text())
	case operandName:
		return "/" + strconv.Quote(o.str)
	case operandArray:
		var out []string
		for _, e := range o.arr {
			out = append(out, ourValue(e))
		}
		return "[" + strings.Join(out, " ") + "]"
	case operandDict:
		keys := make([]string, 0, len(o.dict))
		for k := range o.dict {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var out []string
		for _, k := range keys {
			out = append(out, k+"="+ourValue(o.dict[k]))
		}
		return "<<" + strings.Join(out, " ") + ">>"
	}
	return "null"
}

// compareWithLibrary fails when content reads differently here and in
// pdf.Interpret: other operators or operands, or a panic in one only. A
// malformed hexadecimal string's message quotes the data after it, which
// the library takes from its read buffer: only its start must agree.
func compareWithLibrary(t *testing.T, content string) {
	t.Helper()
	ours, ourPanic, cut := ourOperators(content)
	if cut {
		return // the library would never return
	}
	theirs, theirPanic := libraryOperators(t, content)
	if strings.HasPrefix(theirPanic, "malformed hex string") {
		theirPanic, ourPanic = theirPanic[:min(len(theirPanic), 24)], ourPanic[:min(len(ourPanic), 24)]
	}
	if !slices.Equal(ours, theirs) || ourPanic != theirPanic {
		t.Errorf("%q:\n ours    %q (panic %q)\n library %q (panic %q)", content, ours, ourPanic, theirs, theirPanic)
	}
}

// contentCases are content streams that exercise the lexer: every operand
// kind, escapes, comments, nesting, the PostScript operators, and the
// malformed input the library refuses or drops.
var contentCases = []string{
	"BT /F1 12 Tf 72 700 Td (Hello, world) Tj ET",
	"BT [(A) -120 (B) 3.5 (C)] TJ T* (x) ' 1 2 (y) \" ET",
	"q 1 0 0 1 10.5 -20 cm /Im1 Do Q",
	"/Span << /ActualText (tel:) >> BDC (J) Tj EMC /P <</MCID 3>> BDC EMC",
	"/Span << /ActualText <FEFF00410042> >> BDC EMC",
	"/Span << /ActualText (\x80\x93\xa0caf\xe9) >> BDC EMC",
	"(esc \\n\\r\\t\\b\\f\\(\\)\\\\ \\101\\60\\7x \\\r\nline\\\nnext (nested (twice)) ) Tj",
	"<48 65 6c6C6f> Tj <> Tj",
	"/Na#6De /A#20B /  Tf",
	"% a comment\n+5 -3 .5 -.25 4. 007 true false null Tj",
	"1.2.3 4 x 5 -- 6 + 7",
	"[1 [2 [3]] <</A [4]>>] TJ",
	"<< /A 1 /B >> x",
	"<< /A >> y << 3 /B >> z",
	"[ (unterminated array",
	"(unterminated string",
	"<< /A 1",
	"1 dict begin /x 5 def x 2 currentdict end pop Tj",
	"/y 3 def y Tj",
	"3 dict 2 pop begin end",
	"begin",
	"end",
	"currentdict",
	"{ 1 2 } Tj",
	"] 1 >> 2 Tj",
	"(bad \\x escape) Tj",
	"(octal \\777) Tj",
	"<4G> Tj",
	"<414> Tj",
	"/A#G1 Tf",
	"99999999999999999999 Tj",
	". Tj",
	") Tj",
	"> Tj",
	"a>b Tj",
	"[ (x) Tj ] TJ 1 Tj",
	"<< 1 2 >> 3 Tj",
	"\x00\t\f BT\r\nET",
	"(a) Tj %comment at the end",
	"5 Tj 6",
}

// TestContentStream_LikeLibrary checks that content streams read here as
// pdf.Interpret reads them: the same operators with the same operands, and
// a panic where it panics.
func TestContentStream_LikeLibrary(t *testing.T) {
	t.Parallel()
	for _, c := range contentCases {
		compareWithLibrary(t, c)
	}
}

// TestContentStream_CutHexString checks that a hexadecimal string cut off
// by the end of the stream ends there, where the library reads for ever.
func TestContentStream_CutHexString(t *testing.T) {
	t.Parallel()
	ops, panicked, cut := ourOperators("<41 42 4")
	if !cut || panicked != "" || len(ops) != 0 {
		t.Errorf("ops %q, panic %q, cut %v: want no operator, no panic, the string cut", ops, panicked, cut)
	}
}

// TestTextString checks PDF text strings: UTF-16 with a byte order mark,
// PDFDocEncoding, and bytes that are neither.
func TestTextString(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"\xfe\xff\x00h\x00i", "hi"},
		{"\x93 \x84 \xa0 \xe9", "ﬁ — € é"},
		{"\x18\x1f", "˘˜"},
		{"bad \x01 byte", "bad \x01 byte"},
		{"\xad", "\xad"},
	} {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzContentStream compares reading arbitrary content here and in the
// library.
func FuzzContentStream(f *testing.F) {
	for _, c := range contentCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, content string) {
		if len(content) > 4096 {
			return
		}
		compareWithLibrary(t, content)
	})
}

// TestFontRef reads a font's reference from a Font resource dictionary as
// the PDF library prints it, and nothing from any other form.
func TestFontRef(t *testing.T) {
	for _, tc := range []struct{ res, name, want string }{
		{"<</F1 12 0 R /F2 15 0 R>>", "F1", "\x0112 0 R"},
		{"<</F1 12 0 R /F2 15 0 R>>", "F2", "\x0115 0 R"},
		{"<</F1 12 0 R /F2 15 0 R>>", "F3", ""},
		{"<</F10 12 0 R /F1 15 3 R>>", "F1", "\x0115 3 R"},
		{"<</F1 12 0 R /F2 <</Type /Font /BaseFont /Helvetica>>>>", "F1", ""}, // a font in the dictionary itself
		{"<</F1 12 0 R>>", "F1 12", ""},
		{"<</F1 x 0 R>>", "F1", ""},
		{"", "F1", ""},
		{"<</F1 12 0 R", "F1", ""},
		{"<</F1 /Helvetica /Helvetica 12 0 R>>", "Helvetica", ""}, // a value that reads as the entry: the library's path
		{"<</F1 /Helvetica /F2 12 0 R>>", "Helvetica", ""},
		{"<</F1 12  0 R>>", "F1", ""},
	} {
		if got := fontRef(tc.res, tc.name); got != tc.want {
			t.Errorf("fontRef(%q, %q) = %q, want %q", tc.res, tc.name, got, tc.want)
		}
	}
}

// TestShortNumber holds the lexer's own reading of short numbers to
// strconv's, bit for bit, on generated numbers of every form a content
// stream writes.
func TestShortNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"0", "-0", "+0", "-0.0", ".5", "-.5", "5.", "+5.", "007", "0.1", "0.3", "123456789012345", "1234567.89012345", "-999999999999999", "0.000000000000001", "."}
	for range 20000 {
		var b []byte
		switch rng.IntN(3) {
		case 1:
			b = append(b, '-')
		case 2:
			b = append(b, '+')
		}
		n := 1 + rng.IntN(16)
		dot := rng.IntN(n + 2)
		for i := range n {
			if i == dot {
				b = append(b, '.')
			}
			b = append(b, byte('0'+rng.IntN(10)))
		}
		if dot == n {
			b = append(b, '.')
		}
		words = append(words, string(b))
	}
	checked := 0
	for _, w := range words {
		kind := numberKind([]byte(w))
		got, ok := shortNumber([]byte(w), kind)
		if !ok || kind == operandNull {
			continue
		}
		checked++
		var want float64
		if kind == operandInteger {
			x, err := strconv.ParseInt(w, 10, 64)
			if err != nil {
				t.Fatalf("%q: %v", w, err)
			}
			want = float64(x)
		} else {
			x, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatalf("%q: %v", w, err)
			}
			want = x
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%q: %v (%x), strconv %v (%x)", w, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
	if _, ok := shortNumber([]byte("."), operandReal); ok {
		t.Error(`"." read as a number; strconv must refuse it`)
	}
	if checked < 10000 {
		t.Errorf("only %d numbers checked", checked)
	}
}

// TestRuneSet holds the glyph set visible uses to a map, over pages of
// random glyphs with repeats, the set emptied between them.
func TestRuneSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var s runeSet
	for page := range 50 {
		n := 1 + rng.IntN(6000)
		s.reset(n)
		want := map[runeKey]bool{}
		for range n {
			k := runeKey{rune('a' + rng.IntN(3)), int32(rng.IntN(40)), int32(rng.IntN(40))}
			if got := s.add(k); got != !want[k] {
				t.Fatalf("page %d: add(%v) = %v, want %v", page, k, got, !want[k])
			}
			want[k] = true
		}
	}
	s.gen = ^uint32(0) // the generation wraps: the set must still start empty
	s.reset(10)
	if !s.add(runeKey{'a', 1, 1}) || s.add(runeKey{'a', 1, 1}) {
		t.Error("after the generation wrapped, the set did not start empty")
	}
}

// TestPlainASCII: a line plainASCII lets through is one normalizeRunes
// leaves unchanged, on every line of testdata's texts and on generated
// lines of ASCII, spaces and tabs.
func TestPlainASCII(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob("../testdata/*/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch b[i] = byte(0x20 + rng.IntN(0x5f)); rng.IntN(40) {
			case 0, 1, 2, 3, 4:
				b[i] = ' '
			case 5:
				b[i] = '\t'
			case 6:
				b[i] = byte(rng.IntN(0x20))
			case 7:
				b[i] = 0x7f
			}
		}
		lines = append(lines, string(b))
	}
	plain := 0
	for _, l := range lines {
		if plainASCII(l) {
			plain++
			if got := normalizeRunes(l); got != l {
				t.Errorf("%q: plain, but normalizeRunes makes it %q", l, got)
			}
		}
	}
	if plain < 1000 {
		t.Errorf("only %d plain lines: the test no longer tests the shortcut", plain)
	}
}
