package extract

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"regexp"
	"strconv"
	"sync"
)

// AES-256 (PDF 2.0, and Acrobat's default for "restrict editing") is the
// encryption the PDF library cannot open. Such a file opens without a
// password when its user password is empty, as pdftotext shows. tailor
// then decrypts it itself: every string and stream in place, each written
// back into the bytes it held so that the cross-reference offsets stay
// true, and the trailer's /Encrypt renamed, so the library reads a plain
// PDF. Only the standard security handler's revisions 5 and 6 with an
// empty user password are read this way.

// errNeedsPassword means the file's user password is not empty.
var errNeedsPassword = errors.New("the PDF needs a password to open")

var (
	encryptRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Encrypt\s+(\d+)\s+(\d+)\s+R`) })
	objHeader  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)\s+(\d+)\s+obj\b`) })
)

// decryptAES256 returns a copy of data, a PDF encrypted with AES-256 whose
// user password is empty, with its strings and streams decrypted. ok is
// false when data is not such a PDF (no AES-256 encryption); err says why
// one cannot be read.
func decryptAES256(data []byte) (out []byte, ok bool, err error) {
	refs := encryptRef().FindAllSubmatchIndex(data, -1)
	if len(refs) == 0 {
		return nil, false, nil
	}
	last := refs[len(refs)-1]
	encNum, encGen := string(data[last[2]:last[3]]), string(data[last[4]:last[5]])
	objs := objectIndex(data)
	dict, ok := objectDict(data, objs, encNum+" "+encGen)
	if !ok {
		return nil, false, nil
	}
	if v, _ := dict["V"].(int); v != 5 {
		return nil, false, nil
	}
	key, err := fileKey(dict)
	if err != nil {
		return nil, true, err
	}
	encryptMetadata := true
	if b, isBool := dict["EncryptMetadata"].(bool); isBool {
		encryptMetadata = b
	}
	out = append([]byte(nil), data...)
	if err := decryptObjects(data, objs, out, key, encNum+" "+encGen, encryptMetadata); err != nil {
		return nil, true, err
	}
	// The library must read a plain file: rename the key, same length.
	for _, r := range refs {
		copy(out[r[0]:], "/NoCrypt")
	}
	return out, true, nil
}

// fileKey computes the file key of an AES-256 encryption dictionary from
// the empty user password (ISO 32000-2, 7.6.4.3.3 and 7.6.4.4.10).
func fileKey(dict map[string]any) ([]byte, error) {
	r, _ := dict["R"].(int)
	u, _ := dict["U"].([]byte)
	ue, _ := dict["UE"].([]byte)
	if (r != 5 && r != 6) || len(u) < 48 || len(ue) != 32 {
		return nil, errors.New("an AES-256 security handler tailor does not know")
	}
	hash := func(salt []byte) []byte {
		if r == 5 {
			h := sha256.Sum256(salt)
			return h[:]
		}
		return hash2B(nil, salt, nil)
	}
	if !bytes.Equal(hash(u[32:40]), u[:32]) {
		return nil, errNeedsPassword
	}
	block, err := aes.NewCipher(hash(u[40:48]))
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, aes.BlockSize)).CryptBlocks(key, ue)
	return key, nil
}

// hash2B is the hash of revision 6 (ISO 32000-2, algorithm 2.B).
func hash2B(pwd, salt, udata []byte) []byte {
	first := sha256.Sum256(bytes.Join([][]byte{pwd, salt, udata}, nil))
	k := first[:]
	for round := 1; ; round++ {
		k1 := bytes.Repeat(bytes.Join([][]byte{pwd, k, udata}, nil), 64)
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			h := sha256.Sum256(e)
			k = h[:]
		case 1:
			h := sha512.Sum384(e)
			k = h[:]
		default:
			h := sha512.Sum512(e)
			k = h[:]
		}
		if round >= 64 && int(e[len(e)-1]) <= round-32 {
			return k[:32]
		}
	}
}

// objectIndex maps each object's "num gen" to where its body starts (the
// last definition wins, as an incremental update's does).
func objectIndex(data []byte) map[string]int {
	idx := map[string]int{}
	for _, m := range objHeader().FindAllSubmatchIndex(data, -1) {
		if m[0] == 0 || !isDigit(data[m[0]-1]) {
			idx[string(data[m[2]:m[3]])+" "+string(data[m[4]:m[5]])] = m[1]
		}
	}
	return idx
}

// objectDict reads the names, numbers, booleans and strings of the
// top-level dictionary of object id ("num gen").
func objectDict(data []byte, objs map[string]int, id string) (map[string]any, bool) {
	start, found := objs[id]
	if !found {
		return nil, false
	}
	lx := &pdfLexer{data: data, pos: start}
	dict := map[string]any{}
	depth, name := 0, ""
	for {
		t := lx.next()
		switch {
		case t.kind == tokEOF || t.is("endobj") || t.is("stream"):
			return dict, depth == 0 && len(dict) > 0
		case t.is("<<"):
			depth++
		case t.is(">>"):
			depth--
			if depth == 0 {
				return dict, true
			}
		case depth != 1:
		case t.kind == tokName && name == "":
			name = string(t.text[1:])
		case name != "":
			switch {
			case t.kind == tokString:
				dict[name] = t.value
			case t.is("true") || t.is("false"):
				dict[name] = t.is("true")
			case t.kind == tokOther:
				if n, err := strconv.Atoi(string(t.text)); err == nil {
					dict[name] = n
				}
			}
			if !t.is("[") && !t.is("<<") {
				name = ""
			}
		}
	}
}

// decryptObjects decrypts, from data into out (a copy), the strings and
// streams of every object but the encryption dictionary's (skip, as "num
// gen"), cross-reference streams and, when metadata stays in clear, the
// metadata stream.
func decryptObjects(data []byte, objs map[string]int, out, key []byte, skip string, encryptMetadata bool) error {
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	type edit struct {
		at   int
		text []byte
	}
	lx := &pdfLexer{data: data}
	for {
		// Find the next object header.
		var t, prev1, prev2 token
		for t = lx.next(); t.kind != tokEOF && !t.is("obj"); t = lx.next() {
			prev2, prev1 = prev1, t
		}
		if t.kind == tokEOF {
			return nil
		}
		id := string(prev2.text) + " " + string(prev1.text)
		var edits []edit
		var top []token // the tokens of the object's top-level dictionary
		depth, plain := 0, id == skip
		for {
			t = lx.next()
			if t.kind == tokEOF || t.is("endobj") {
				break
			}
			switch {
			case t.is("<<"):
				depth++
			case t.is(">>"):
				depth--
			}
			if depth == 1 {
				top = append(top, t)
			}
			if t.kind == tokString && !plain {
				if dec, ok := decryptAES(block, t.value); ok {
					text, fits := stringIn(dec, t.end-t.start)
					if !fits {
						return errors.New("a string cannot be decrypted in place")
					}
					edits = append(edits, edit{t.start, text})
				}
				continue
			}
			if !t.is("stream") {
				continue
			}
			typ := dictName(top, "Type")
			plain = plain || typ == "XRef" || typ == "Metadata" && !encryptMetadata
			n, ok := streamLength(data, objs, top)
			begin := lx.pos
			if begin < len(data) && data[begin] == '\r' {
				begin++
			}
			if begin < len(data) && data[begin] == '\n' {
				begin++
			}
			if !ok || n < 0 || begin+n > len(data) {
				return errors.New("a stream's length cannot be read")
			}
			if !plain {
				if dec, ok := decryptAES(block, data[begin:begin+n]); ok {
					// Padding after the decrypted bytes: whitespace, past
					// which a decompressor stops reading.
					text := append(dec, bytes.Repeat([]byte{'\n'}, n-len(dec))...)
					edits = append(edits, edit{begin, text})
				}
			}
			lx.pos = begin + n
		}
		if plain {
			continue
		}
		for _, e := range edits {
			copy(out[e.at:], e.text)
		}
	}
}

// decryptAES decrypts AES-256-CBC data whose first block is the
// initialisation vector, and strips its padding.
func decryptAES(block cipher.Block, data []byte) ([]byte, bool) {
	if len(data) < 2*aes.BlockSize || len(data)%aes.BlockSize != 0 {
		return nil, false
	}
	out := make([]byte, len(data)-aes.BlockSize)
	cipher.NewCBCDecrypter(block, data[:aes.BlockSize]).CryptBlocks(out, data[aes.BlockSize:])
	pad := int(out[len(out)-1])
	if pad < 1 || pad > aes.BlockSize {
		return out, true
	}
	return out[:len(out)-pad], true
}

// stringIn writes s as a PDF string in exactly n bytes (hex, or literal
// with escapes, then spaces), or reports that it does not fit.
func stringIn(s []byte, n int) ([]byte, bool) {
	h := make([]byte, 0, n)
	h = append(h, '<')
	h = hex.AppendEncode(h, s)
	h = append(h, '>')
	if len(h) > n {
		h = h[:0]
		h = append(h, '(')
		for _, c := range s {
			if c == '(' || c == ')' || c == '\\' {
				h = append(h, '\\')
			}
			h = append(h, c)
		}
		h = append(h, ')')
		if len(h) > n {
			return nil, false
		}
	}
	return append(h, bytes.Repeat([]byte{' '}, n-len(h))...), true
}

// streamLength reads /Length from a stream's dictionary tokens: a number,
// or a reference to an object that holds one.
func streamLength(data []byte, objs map[string]int, top []token) (int, bool) {
	for i := 0; i+1 < len(top); i++ {
		if top[i].kind != tokName || string(top[i].text) != "/Length" {
			continue
		}
		n, err := strconv.Atoi(string(top[i+1].text))
		if err != nil {
			return 0, false
		}
		if i+3 < len(top) && top[i+3].is("R") {
			return indirectInt(data, objs, string(top[i+1].text)+" "+string(top[i+2].text))
		}
		return n, true
	}
	return 0, false
}

// indirectInt reads object id ("num gen"), a plain integer.
func indirectInt(data []byte, objs map[string]int, id string) (int, bool) {
	start, found := objs[id]
	if !found {
		return 0, false
	}
	lx := &pdfLexer{data: data, pos: start}
	n, err := strconv.Atoi(string(lx.next().text))
	return n, err == nil
}

// dictName returns the name a dictionary's tokens give key, without its
// slash.
func dictName(top []token, key string) string {
	for i := 0; i+1 < len(top); i++ {
		if top[i].kind == tokName && string(top[i].text) == "/"+key && top[i+1].kind == tokName {
			return string(top[i+1].text[1:])
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// The kinds of token pdfLexer reads.
const (
	tokEOF = iota
	tokName
	tokString
	tokOther // numbers, keywords, delimiters
)

// token is one lexical token of a PDF file.
type token struct {
	kind       int
	text       []byte // as written
	value      []byte // a string's bytes
	start, end int
}

func (t token) is(s string) bool { return t.kind == tokOther && string(t.text) == s }

// pdfLexer reads the tokens of a PDF file's body.
type pdfLexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// next returns the next token.
func (lx *pdfLexer) next() token {
	d := lx.data
	for lx.pos < len(d) {
		if c := d[lx.pos]; isSpace(c) {
			lx.pos++
		} else if c == '%' {
			for lx.pos < len(d) && d[lx.pos] != '\n' && d[lx.pos] != '\r' {
				lx.pos++
			}
		} else {
			break
		}
	}
	if lx.pos >= len(d) {
		return token{kind: tokEOF, start: len(d), end: len(d)}
	}
	start := lx.pos
	c := d[start]
	switch {
	case c == '(':
		return lx.literal()
	case c == '<' && start+1 < len(d) && d[start+1] == '<', c == '>' && start+1 < len(d) && d[start+1] == '>':
		lx.pos += 2
	case c == '<':
		end := bytes.IndexByte(d[start:], '>')
		if end < 0 {
			lx.pos = len(d)
			return token{kind: tokEOF}
		}
		lx.pos = start + end + 1
		raw := d[start+1 : start+end]
		digits := make([]byte, 0, len(raw))
		for _, b := range raw {
			if !isSpace(b) {
				digits = append(digits, b)
			}
		}
		if len(digits)%2 == 1 {
			digits = append(digits, '0')
		}
		v := make([]byte, len(digits)/2)
		if _, err := hex.Decode(v, digits); err != nil {
			return token{kind: tokOther, text: d[start:lx.pos], start: start, end: lx.pos}
		}
		return token{kind: tokString, text: d[start:lx.pos], value: v, start: start, end: lx.pos}
	case c == '/':
		lx.pos++
		for lx.pos < len(d) && !isSpace(d[lx.pos]) && !isDelim(d[lx.pos]) {
			lx.pos++
		}
		return token{kind: tokName, text: d[start:lx.pos], start: start, end: lx.pos}
	case isDelim(c):
		lx.pos++
	default:
		for lx.pos < len(d) && !isSpace(d[lx.pos]) && !isDelim(d[lx.pos]) {
			lx.pos++
		}
	}
	return token{kind: tokOther, text: d[start:lx.pos], start: start, end: lx.pos}
}

// literal reads a literal string, its escapes and nested parentheses.
func (lx *pdfLexer) literal() token {
	d := lx.data
	start := lx.pos
	lx.pos++
	var v []byte
	for depth := 1; lx.pos < len(d); {
		c := d[lx.pos]
		lx.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return token{kind: tokString, text: d[start:lx.pos], value: v, start: start, end: lx.pos}
			}
		case '\\':
			if lx.pos >= len(d) {
				break
			}
			e := d[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if lx.pos < len(d) && d[lx.pos] == '\n' {
					lx.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && lx.pos < len(d) && d[lx.pos] >= '0' && d[lx.pos] <= '7'; k++ {
						n = n*8 + int(d[lx.pos]-'0')
						lx.pos++
					}
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		v = append(v, c)
	}
	return token{kind: tokString, text: d[start:lx.pos], value: v, start: start, end: lx.pos}
}
