package re

import (
	"strconv"
	"strings"
)

// This file parses escapes, outside and inside character sets, as
// sre_parse's _escape and _class_escape.

// simpleEscapes are the escapes that stand for one character.
var simpleEscapes = map[rune]rune{'a': '\a', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}

// escape parses an escape outside a set; start is the backslash.
func (p *parser) escape(start, scoped int) atom {
	c := p.next()
	f := p.eff(scoped)
	switch c {
	case -1:
		p.fail(start, "bad escape (end of pattern)")
	case 'A':
		p.t.context = true
		return atom{text: `\A`, at: true, nullable: true}
	case 'Z':
		return atom{text: `\z`, at: true, nullable: true}
	case 'b', 'B':
		if !p.ascii(f) {
			p.t.boundary = true
		}
		p.t.context = true
		return atom{text: `\` + string(c), at: true, nullable: true}
	case 'd', 'D', 's', 'S', 'w', 'W':
		return atom{text: p.set(category(c, p.ascii(f)))}
	}
	if r, ok := simpleEscapes[c]; ok {
		return p.literal(r, scoped)
	}
	if c >= '1' && c <= '9' {
		return p.groupRef(start, c, scoped)
	}
	return p.literal(p.charEscape(start, c), scoped)
}

// groupRef parses \N (a backreference) or a three-digit octal escape.
func (p *parser) groupRef(start int, c rune, scoped int) atom {
	digits := string(c)
	if d := p.peek(); d >= '0' && d <= '9' {
		p.pos++
		digits += string(d)
		if isOct(rune(digits[0])) && isOct(rune(digits[1])) && isOct(p.peek()) {
			digits += string(p.next())
			n, _ := strconv.ParseInt(digits, 8, 32)
			if n > 0o377 {
				p.fail(start, "octal escape value \\%s outside of range 0-0o377", digits)
			}
			return p.literal(rune(n), scoped)
		}
	}
	g, _ := strconv.Atoi(digits)
	if g > p.t.groups {
		p.fail(start+1, "invalid group reference %d", g)
	}
	for _, o := range p.open {
		if o == g {
			p.fail(start, "cannot refer to an open group")
		}
	}
	p.refuse("backreference \\" + digits)
	return atom{text: `(?:)`, nullable: true}
}

func isOct(c rune) bool { return c >= '0' && c <= '7' }

func isHex(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// charEscape parses the escapes of one character common to both
// contexts: \x \u \U \N \0 and escaped punctuation.
func (p *parser) charEscape(start int, c rune) rune {
	if p.bytes && (c == 'u' || c == 'U' || c == 'N') {
		p.fail(start, "bad escape \\%c", c)
	}
	switch c {
	case 'x':
		return p.hexEscape(start, 2)
	case 'u':
		return p.hexEscape(start, 4)
	case 'U':
		r := p.hexEscape(start, 8)
		if r > 0x10ffff {
			p.fail(start, "bad escape %s", string(p.src[start:p.pos]))
		}
		return r
	case 'N':
		p.refuse(`\N{...} escape`)
		for !p.eof() && p.next() != '}' {
		}
		return 0
	case '0':
		n := 0
		for i := 0; i < 2 && isOct(p.peek()); i++ {
			n = n*8 + int(p.next()-'0')
		}
		return rune(n)
	}
	if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
		p.fail(start, "bad escape \\%c", c)
	}
	return c
}

// hexEscape reads n hex digits after \x, \u or \U.
func (p *parser) hexEscape(start, n int) rune {
	s := p.pos
	for p.pos-s < n && isHex(p.peek()) {
		p.pos++
	}
	if p.pos-s != n {
		p.fail(start, "incomplete escape %s", string(p.src[start:p.pos]))
	}
	v, _ := strconv.ParseUint(string(p.src[s:p.pos]), 16, 32)
	return rune(v)
}

// classEscape parses an escape inside a set: one character, or a
// category (cat != 0).
func (p *parser) classEscape(start int) (r rune, cat rune) {
	c := p.next()
	if c == -1 {
		p.fail(start, "bad escape (end of pattern)")
	}
	if c == 'b' {
		return '\b', 0
	}
	if r, ok := simpleEscapes[c]; ok {
		return r, 0
	}
	if strings.ContainsRune("dDsSwW", c) {
		return 0, c
	}
	if isOct(c) {
		n := int(c - '0')
		for i := 0; i < 2 && isOct(p.peek()); i++ {
			n = n*8 + int(p.next()-'0')
		}
		if n > 0o377 {
			p.fail(start, "octal escape value %s outside of range 0-0o377", string(p.src[start:p.pos]))
		}
		return rune(n), 0
	}
	return p.charEscape(start, c), 0
}
