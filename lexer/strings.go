// This file decodes the source text of String tokens into their values.

package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// StringLit is a decoded string literal token.
type StringLit struct {
	Value string // the characters; for bytes, the raw bytes as a Go string; unused for f-strings
	Bytes bool   // b prefix
	F     bool   // f prefix: call SplitFString
	Raw   bool   // r prefix
}

// literal is a String token's text split into prefix flags and body.
type literal struct {
	StringLit
	body    string // text between the quotes
	bodyOff int    // byte offset of body in the token text
}

// splitLiteral splits the text of a String token.
func splitLiteral(text string) literal {
	var l literal
	i := 0
	for i < len(text) && text[i] != '\'' && text[i] != '"' {
		switch text[i] | 0x20 {
		case 'b':
			l.Bytes = true
		case 'f':
			l.F = true
		case 'r':
			l.Raw = true
		}
		i++
	}
	q := 1
	if len(text)-i >= 6 && text[i+1] == text[i] && text[i+2] == text[i] {
		q = 3
	}
	if len(text) < i+2*q {
		return literal{StringLit: l.StringLit, bodyOff: i}
	}
	l.body, l.bodyOff = text[i+q:len(text)-q], i+q
	return l
}

// DecodeString decodes the source text of one String token: its prefix, all
// escapes (\N{...} is refused) and line continuations. Raw strings keep
// their backslashes. Line breaks in the value are always "\n". For f-strings
// only the flags are set: call SplitFString.
func DecodeString(tok plexer.Token) (StringLit, error) {
	l := splitLiteral(tok.Value)
	if l.F {
		return l.StringLit, nil
	}
	if l.Bytes {
		if nonASCII(l.body) >= 0 {
			return StringLit{}, posError(tok, 0, "bytes can only contain ASCII literal characters")
		}
	}
	v, err := decodeBody(tok, l.body, l.bodyOff, l.Raw, l.Bytes)
	if err != nil {
		return StringLit{}, err
	}
	l.Value = v
	return l.StringLit, nil
}

// nonASCII returns the index of the first non-ASCII byte of s, or -1.
func nonASCII(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// decodeBody decodes the escapes in body, which starts at byte off of the
// token text. The fast path returns body itself.
func decodeBody(tok plexer.Token, body string, off int, raw, bytes bool) (string, error) {
	if !strings.ContainsAny(body, "\\\r") {
		return body, nil
	}
	if raw {
		return normalizeNewlines(body), nil
	}
	d := decoder{tok: tok, body: body, off: off, bytes: bytes}
	return d.decode()
}

// normalizeNewlines turns "\r\n" and "\r" into "\n".
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// decoder decodes the escapes of one non-raw string body.
type decoder struct {
	tok   plexer.Token
	body  string
	off   int // offset of body in the token text, for error positions
	bytes bool
	out   []byte
	i     int
}

// decode runs the decoder over the whole body.
func (d *decoder) decode() (string, error) {
	d.out = make([]byte, 0, len(d.body))
	for d.i < len(d.body) {
		c := d.body[d.i]
		switch c {
		case '\\':
			if err := d.escape(); err != nil {
				return "", err
			}
		case '\r':
			d.out = append(d.out, '\n')
			d.i++
			if d.i < len(d.body) && d.body[d.i] == '\n' {
				d.i++
			}
		default:
			d.out = append(d.out, c)
			d.i++
		}
	}
	return string(d.out), nil
}

// simpleEscapes maps the letter after a backslash to its value.
var simpleEscapes = [128]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'a': '\a', 'b': '\b', 'f': '\f',
	'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
}

// escape decodes the escape sequence at d.i (a backslash).
func (d *decoder) escape() error {
	start := d.i
	d.i++
	if d.i >= len(d.body) {
		d.out = append(d.out, '\\')
		return nil
	}
	c := d.body[d.i]
	d.i++
	switch {
	case c < 128 && simpleEscapes[c] != 0:
		d.out = append(d.out, simpleEscapes[c])
	case c == '\n':
	case c == '\r':
		if d.i < len(d.body) && d.body[d.i] == '\n' {
			d.i++
		}
	case '0' <= c && c <= '7':
		d.octal(c)
	case c == 'x':
		return d.hex(start, 2)
	case c == 'u' && !d.bytes:
		return d.hex(start, 4)
	case c == 'U' && !d.bytes:
		return d.hex(start, 8)
	case c == 'N' && !d.bytes:
		return posError(d.tok, d.off+start, "(unicode error) \\N{...} escapes are not supported by pyish")
	default:
		// Unknown escapes keep their backslash (CPython only warns).
		d.i = start + 1
		d.out = append(d.out, '\\')
	}
	return nil
}

// octal decodes up to three octal digits, the first being c.
func (d *decoder) octal(c byte) {
	v := int(c - '0')
	for n := 1; n < 3 && d.i < len(d.body) && '0' <= d.body[d.i] && d.body[d.i] <= '7'; n++ {
		v = v*8 + int(d.body[d.i]-'0')
		d.i++
	}
	if d.bytes {
		d.out = append(d.out, byte(v))
		return
	}
	d.out = utf8.AppendRune(d.out, rune(v))
}

// hex decodes \x, \u or \U with exactly n hex digits.
func (d *decoder) hex(start, n int) error {
	v := 0
	for k := 0; k < n; k++ {
		if d.i >= len(d.body) || digitValue(d.body[d.i]) >= 16 {
			return d.truncated(start, n)
		}
		v = v*16 + digitValue(d.body[d.i])
		d.i++
	}
	switch {
	case d.bytes:
		d.out = append(d.out, byte(v))
	case v > utf8.MaxRune:
		return posError(d.tok, d.off+start, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", start, d.i-1)
	case 0xD800 <= v && v <= 0xDFFF:
		return posError(d.tok, d.off+start, "(unicode error) lone surrogates such as \\u%04x are not supported by pyish", v)
	default:
		d.out = utf8.AppendRune(d.out, rune(v))
	}
	return nil
}

// truncated reports a hex escape with too few digits, as CPython words it.
func (d *decoder) truncated(start, n int) error {
	if d.bytes {
		return posError(d.tok, d.off+start, "(value error) invalid \\x escape at position %d", start)
	}
	name := map[int]string{2: `\xXX`, 4: `\uXXXX`, 8: `\UXXXXXXXX`}[n]
	return posError(d.tok, d.off+start, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated %s escape", start, d.i-1, name)
}

// posError builds a SyntaxError at byte offset off of the token's text.
func posError(tok plexer.Token, off int, format string, args ...any) *Error {
	p := positionIn(tok, off)
	return &Error{Filename: p.Filename, Line: p.Line, Col: p.Column, Offset: p.Offset,
		Kind: KindSyntax, Msg: fmt.Sprintf(format, args...)}
}

// positionIn returns the file position of byte off of the token's text.
func positionIn(tok plexer.Token, off int) plexer.Position {
	p := tok.Pos
	if p.Line == 0 {
		p.Line, p.Column = 1, 1
	}
	text := tok.Value[:min(off, len(tok.Value))]
	p.Offset += len(text)
	if nl := strings.LastIndexByte(text, '\n'); nl >= 0 {
		p.Line += strings.Count(text, "\n")
		p.Column = 1 + utf8.RuneCountInString(text[nl+1:])
		return p
	}
	p.Column += utf8.RuneCountInString(text)
	return p
}
