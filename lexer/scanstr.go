// This file scans string literals into single String tokens.

package lexer

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// isStringPrefix reports whether p is a valid string prefix: r, u, b, f, br,
// rb, fr or rf in any case.
func isStringPrefix(p string) bool {
	switch len(p) {
	case 1:
		switch p[0] | 0x20 {
		case 'r', 'u', 'b', 'f':
			return true
		}
	case 2:
		a, b := p[0]|0x20, p[1]|0x20
		return a == 'r' && (b == 'b' || b == 'f') || b == 'r' && (a == 'b' || a == 'f')
	}
	return false
}

// str scans a string literal whose prefix starts at start and whose opening
// quote is at s.off. The token's value is the whole source text.
func (s *scanner) str(start int) error {
	p := s.pos(start)
	q := s.src[s.off]
	triple := byteAt(s.src, s.off+1) == q && byteAt(s.src, s.off+2) == q
	if triple {
		s.off += 3
	} else {
		s.off++
	}
	for s.off < len(s.src) {
		switch c := s.src[s.off]; c {
		case q:
			if !triple {
				s.off++
				s.emit(String, start, p)
				return nil
			}
			if byteAt(s.src, s.off+1) == q && byteAt(s.src, s.off+2) == q {
				s.off += 3
				s.emit(String, start, p)
				return nil
			}
			s.off++
		case '\\':
			s.off++
			if s.off < len(s.src) {
				s.skipStringChar()
			}
		case '\n', '\r':
			if !triple {
				return s.errorAt(p, KindSyntax, "unterminated string literal (detected at line %d)", s.line)
			}
			s.newline()
		default:
			s.off++
		}
	}
	return s.unterminated(p, triple)
}

// skipStringChar skips the character after a backslash, tracking lines.
func (s *scanner) skipStringChar() {
	if c := s.src[s.off]; c == '\n' || c == '\r' {
		s.newline()
		return
	}
	s.off++
}

// unterminated reports a string literal still open at the end of input.
func (s *scanner) unterminated(p plexer.Position, triple bool) error {
	line := s.line
	if n := len(s.src); n > 0 && (s.src[n-1] == '\n' || s.src[n-1] == '\r') && line > 1 {
		line--
	}
	if !triple {
		e := s.errorAt(p, KindSyntax, "unterminated string literal (detected at line %d)", line)
		e.eof = strings.HasSuffix(s.src, "\\\n") || strings.HasSuffix(s.src, "\\\r\n") // 'abc\ then more lines
		return e
	}
	e := s.errorAt(p, KindSyntax, "unterminated triple-quoted string literal (detected at line %d)", line)
	e.eof = true
	return e
}
