// This file scans numeric literals, following CPython's tokenizer.

package lexer

import plexer "github.com/alecthomas/participle/v2/lexer"

// number scans an Int, Float or Imag literal starting at s.off.
func (s *scanner) number() error {
	start := s.off
	p := s.pos(start)
	t, err := s.scanNumber(start)
	if err != nil {
		return err
	}
	s.emit(t, start, p)
	return nil
}

// scanNumber advances s.off over a number and returns its token type.
func (s *scanner) scanNumber(start int) (plexer.TokenType, error) {
	if s.src[start] == '0' {
		switch byteAt(s.src, start+1) | 0x20 {
		case 'x':
			return s.radix(start, 16, "hexadecimal")
		case 'o':
			return s.radix(start, 8, "octal")
		case 'b':
			return s.radix(start, 2, "binary")
		}
		return s.zero(start)
	}
	if s.src[start] == '.' {
		return s.fraction(start)
	}
	if err := s.decimalTail(); err != nil {
		return 0, err
	}
	return s.afterInteger(start, false)
}

// radix scans 0x, 0o or 0b literals: digits with single _ separators.
func (s *scanner) radix(start, base int, kind string) (plexer.TokenType, error) {
	s.off = start + 2
	for {
		if byteAt(s.src, s.off) == '_' {
			s.off++
		}
		c := byteAt(s.src, s.off)
		if digitValue(c) >= base {
			if isDigit(c) {
				return 0, s.errorf(s.off, "invalid digit '%c' in %s literal", c, kind)
			}
			return 0, s.errorf(s.off-1, "invalid %s literal", kind)
		}
		for digitValue(byteAt(s.src, s.off)) < base {
			s.off++
		}
		if byteAt(s.src, s.off) != '_' {
			break
		}
	}
	if c := byteAt(s.src, s.off); isDigit(c) {
		return 0, s.errorf(s.off, "invalid digit '%c' in %s literal", c, kind)
	}
	return Int, s.endOfNumber(kind)
}

// zero scans a literal starting with 0 that is not 0x, 0o or 0b.
func (s *scanner) zero(start int) (plexer.TokenType, error) {
	s.off = start
	for {
		if byteAt(s.src, s.off) == '_' {
			s.off++
			if !isDigit(byteAt(s.src, s.off)) {
				return 0, s.errorf(s.off-1, "invalid decimal literal")
			}
		}
		if byteAt(s.src, s.off) != '0' {
			break
		}
		s.off++
	}
	nonzero := isDigit(byteAt(s.src, s.off))
	if nonzero {
		if err := s.decimalTail(); err != nil {
			return 0, err
		}
	}
	return s.afterInteger(start, nonzero)
}

// afterInteger continues after the integer part: fraction, exponent or j.
// nonzero marks a decimal with leading zeros, valid only as a float.
func (s *scanner) afterInteger(start int, nonzero bool) (plexer.TokenType, error) {
	switch byteAt(s.src, s.off) {
	case '.':
		return s.fraction(start)
	case 'e', 'E':
		return s.exponent(start)
	case 'j', 'J':
		return s.imaginary(start)
	}
	if nonzero {
		return 0, s.errorf(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	}
	return Int, s.endOfNumber("decimal")
}

// fraction scans from the '.' of a float.
func (s *scanner) fraction(start int) (plexer.TokenType, error) {
	s.off++
	if isDigit(byteAt(s.src, s.off)) {
		if err := s.decimalTail(); err != nil {
			return 0, err
		}
	}
	switch byteAt(s.src, s.off) {
	case 'e', 'E':
		return s.exponent(start)
	case 'j', 'J':
		return s.imaginary(start)
	}
	return Float, s.endOfNumber("decimal")
}

// exponent scans from the 'e' of a float. An 'e' followed by no digits ends
// the number before it (so "1else" lexes as 1 else).
func (s *scanner) exponent(start int) (plexer.TokenType, error) {
	e := s.off
	s.off++
	switch c := byteAt(s.src, s.off); {
	case c == '+' || c == '-':
		s.off++
		if !isDigit(byteAt(s.src, s.off)) {
			return 0, s.errorf(s.off-1, "invalid decimal literal")
		}
	case !isDigit(c):
		s.off = e
		if containsByte(s.src[start:e], '.') {
			return Float, s.endOfNumber("decimal")
		}
		return Int, s.endOfNumber("decimal")
	}
	if err := s.decimalTail(); err != nil {
		return 0, err
	}
	if c := byteAt(s.src, s.off); c == 'j' || c == 'J' {
		return s.imaginary(start)
	}
	return Float, s.endOfNumber("decimal")
}

// imaginary scans the trailing j of an imaginary literal.
func (s *scanner) imaginary(start int) (plexer.TokenType, error) {
	s.off++
	return Imag, s.endOfNumber("imaginary")
}

// decimalTail scans digits with single _ separators.
func (s *scanner) decimalTail() error {
	for {
		for isDigit(byteAt(s.src, s.off)) {
			s.off++
		}
		if byteAt(s.src, s.off) != '_' {
			return nil
		}
		s.off++
		if !isDigit(byteAt(s.src, s.off)) {
			return s.errorf(s.off-1, "invalid decimal literal")
		}
	}
}

// endOfNumber rejects a number glued to a name ("1abc"), except before the
// keywords that may follow a number in valid code (and else for if in is
// not or), which CPython only warns about.
func (s *scanner) endOfNumber(kind string) error {
	rest := s.src[s.off:]
	if rest == "" || !isIdentStartByte(rest[0]) {
		return nil
	}
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if len(rest) >= len(kw) && rest[:len(kw)] == kw {
			return nil
		}
	}
	return s.errorf(s.off-1, "invalid %s literal", kind) // at the last digit, as CPython
}

// isIdentStartByte reports whether the byte c may begin an identifier
// (any non-ASCII byte counts, as in CPython's check).
func isIdentStartByte(c byte) bool {
	return c >= 0x80 || isASCIIIdent(c)
}

// digitValue returns the value of a hex digit, or 99.
func digitValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'a' <= c|0x20 && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return 99
}

// containsByte reports whether s contains c.
func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
