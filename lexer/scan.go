// This file holds the scanner: one pass over the source bytes that appends
// tokens into one slice.

package lexer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Limits taken from CPython's tokenizer.
const (
	maxBrackets = 200 // MAXLEVEL: "too many nested parentheses"
	maxIndents  = 100 // MAXINDENT: "too many levels of indentation"
)

// bracket is an open (, [ or { and where it was opened.
type bracket struct {
	ch  byte
	pos plexer.Position
}

// scanner is the state of one tokenize call.
type scanner struct {
	filename  string
	src       string
	off       int // next byte to read
	line      int // line of off
	lineStart int // offset of the first byte of line
	colOff    int // column cache: the rune column of colOff is col
	col       int
	lineCol   int // rune column of lineStart: 1, except for TokenizeExpr
	baseOff   int // file offset of src[0], for TokenizeExpr
	floor     int // brackets that are not in src: 1 for TokenizeExpr
	toks      []plexer.Token
	indents   []int // indentation columns, tabs to multiples of 8
	alts      []int // the same with tabs counted as 1, to detect TabError
	brackets  []bracket
	lineToks  bool // the current logical line has produced a token
}

// tokenize lexes src; see Tokenize.
func tokenize(filename, src string) ([]plexer.Token, error) {
	s := &scanner{
		filename: filename, src: src, line: 1, col: 1, lineCol: 1,
		indents: make([]int, 1, 16), alts: make([]int, 1, 16),
	}
	if err := s.checkSource(); err != nil {
		return nil, err
	}
	s.toks = make([]plexer.Token, 0, len(src)/3+8) // about 3.7 bytes per token in typical code
	err := s.run()
	return s.toks, err
}

// checkSource rejects null bytes and invalid UTF-8 and skips a byte-order mark.
func (s *scanner) checkSource() error {
	if len(s.src) >= 3 && s.src[:3] == "\ufeff" {
		s.off, s.lineStart, s.colOff = 3, 3, 3
	}
	if utf8.ValidString(s.src) && strings.IndexByte(s.src, 0) < 0 {
		return nil
	}
	for i := 0; i < len(s.src); {
		c := s.src[i]
		if c == 0 {
			line, col := s.lineColOf(i)
			return &Error{Filename: s.filename, Line: line, Col: col, Offset: i, Kind: KindSyntax,
				Msg: "source code cannot contain null bytes"}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s.src[i:])
		if r == utf8.RuneError && n == 1 {
			return s.utf8Error(i)
		}
		i += n
	}
	return nil
}

// utf8Error reports the invalid UTF-8 byte at offset i, as CPython does
// for a file without an encoding declaration.
func (s *scanner) utf8Error(i int) error {
	line, col := s.lineColOf(i)
	return &Error{Filename: s.filename, Line: line, Col: col, Offset: i, Kind: KindSyntax,
		Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details", s.src[i], s.filename, line)}
}

// lineColOf computes the line and column of offset i from scratch.
func (s *scanner) lineColOf(i int) (line, col int) {
	start := strings.LastIndexByte(s.src[:i], '\n') + 1
	return strings.Count(s.src[:start], "\n") + 1, utf8.RuneCountInString(s.src[start:i]) + 1
}

// pos returns the position of offset off on the current line.
func (s *scanner) pos(off int) plexer.Position {
	if off < s.colOff {
		s.colOff, s.col = s.lineStart, s.lineCol
	}
	s.col += utf8.RuneCountInString(s.src[s.colOff:off])
	s.colOff = off
	return plexer.Position{Filename: s.filename, Offset: s.baseOff + off, Line: s.line, Column: s.col}
}

// errorAt builds an error of the given kind at position p.
func (s *scanner) errorAt(p plexer.Position, kind, format string, args ...any) *Error {
	return &Error{Filename: s.filename, Line: p.Line, Col: p.Column, Offset: p.Offset,
		Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// errorf builds a SyntaxError at offset off of the current line.
func (s *scanner) errorf(off int, format string, args ...any) *Error {
	return s.errorAt(s.pos(off), KindSyntax, format, args...)
}

// emit appends a token whose text runs from start to s.off, at position p.
func (s *scanner) emit(t plexer.TokenType, start int, p plexer.Position) {
	s.toks = append(s.toks, plexer.Token{Type: t, Value: s.src[start:s.off], Pos: p})
	s.lineToks = true
}

// emitLayout appends a Newline, Indent or Dedent token.
func (s *scanner) emitLayout(t plexer.TokenType, value string, p plexer.Position) {
	s.toks = append(s.toks, plexer.Token{Type: t, Value: value, Pos: p})
}

// newline moves past the line break at s.off ("\n", "\r\n" or "\r").
func (s *scanner) newline() {
	if s.src[s.off] == '\r' && s.off+1 < len(s.src) && s.src[s.off+1] == '\n' {
		s.off++
	}
	s.off++
	s.line++
	s.lineStart, s.colOff, s.col, s.lineCol = s.off, s.off, 1, 1
}

// run is the main loop: one iteration per token, comment or line break.
func (s *scanner) run() error {
	atLineStart := true
	for {
		if atLineStart && len(s.brackets) == 0 {
			if err := s.indentation(); err != nil {
				return err
			}
		}
		atLineStart = false
		s.skipSpace()
		if s.off >= len(s.src) {
			return s.finish()
		}
		var err error
		switch c := s.src[s.off]; c {
		case '#':
			s.skipComment()
		case '\n', '\r':
			atLineStart = s.lineBreak()
		case '\\':
			err = s.continuation()
		default:
			err = s.token(c)
		}
		if err != nil {
			return err
		}
	}
}

// lineBreak consumes a line break, emitting Newline if it ends a logical
// line. It reports whether the next line starts a logical line.
func (s *scanner) lineBreak() bool {
	if len(s.brackets) > 0 {
		s.newline()
		return false
	}
	if s.lineToks {
		s.emitLayout(Newline, "\n", s.pos(s.off))
		s.lineToks = false
	}
	s.newline()
	return true
}

// skipSpace skips blanks between tokens.
func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\f':
			s.off++
		default:
			return
		}
	}
}

// skipComment skips a comment up to (not including) the line break.
func (s *scanner) skipComment() {
	for s.off < len(s.src) && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
		s.off++
	}
}

// continuation joins the line ending in a backslash with the next one.
func (s *scanner) continuation() error {
	s.off++
	p := s.pos(s.off)
	if s.off >= len(s.src) {
		return s.eofError(p)
	}
	if c := s.src[s.off]; c != '\n' && c != '\r' {
		return s.errorAt(p, KindSyntax, "unexpected character after line continuation character")
	}
	s.newline()
	if s.off >= len(s.src) {
		return s.eofError(p)
	}
	return nil
}

// eofError reports input that ends after a line continuation.
func (s *scanner) eofError(p plexer.Position) error {
	e := s.errorAt(p, KindSyntax, "unexpected EOF while parsing")
	e.eof = true
	return e
}

// finish checks brackets and emits the closing Newline, Dedents and EOF.
func (s *scanner) finish() error {
	if n := len(s.brackets); n > s.floor {
		b := s.brackets[n-1]
		e := s.errorAt(b.pos, KindSyntax, "'%c' was never closed", b.ch)
		e.eof = true
		return e
	}
	p := s.pos(s.off)
	if s.floor > 0 {
		s.emitLayout(plexer.EOF, "", p)
		return nil
	}
	if s.lineToks {
		s.emitLayout(Newline, "", p)
	}
	for i := len(s.indents) - 1; i > 0; i-- {
		s.emitLayout(Dedent, "", p)
	}
	s.indents, s.alts = s.indents[:1], s.alts[:1]
	s.emitLayout(plexer.EOF, "", p)
	return nil
}

// token scans one token starting with byte c.
func (s *scanner) token(c byte) error {
	switch {
	case c == '"' || c == '\'':
		return s.str(s.off)
	case isDigit(c) || c == '.' && s.off+1 < len(s.src) && isDigit(s.src[s.off+1]):
		return s.number()
	case c < utf8.RuneSelf && isIdentStart(rune(c)):
		return s.name()
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(s.src[s.off:])
		if isIdentStart(r) {
			return s.name()
		}
		return s.badChar(r)
	}
	return s.op(c)
}

// badChar reports a character that starts no token.
func (s *scanner) badChar(r rune) error {
	switch {
	case unicode.IsPrint(r):
		return s.errorf(s.off, "invalid character '%c' (U+%04X)", r, r)
	}
	return s.errorf(s.off, "invalid non-printable character U+%04X", r)
}

// name scans an identifier or keyword, or a prefixed string literal.
func (s *scanner) name() error {
	start := s.off
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c < utf8.RuneSelf {
			if !isASCIIIdent(c) {
				break
			}
			s.off++
			continue
		}
		r, n := utf8.DecodeRuneInString(s.src[s.off:])
		if !isIdentContinue(r) {
			break
		}
		s.off += n
	}
	if s.off < len(s.src) && (s.src[s.off] == '"' || s.src[s.off] == '\'') && isStringPrefix(s.src[start:s.off]) {
		return s.str(start)
	}
	t := Name
	if IsKeyword(s.src[start:s.off]) {
		t = Keyword
	}
	s.emit(t, start, s.pos(start))
	return nil
}

// op scans an operator or delimiter and tracks bracket nesting.
func (s *scanner) op(c byte) error {
	n := opLen(s.src, s.off)
	if n == 0 {
		return s.badChar(rune(c))
	}
	if n < 0 {
		n = 1 // $ ? `: an Op that no rule accepts, as in CPython
	}
	start := s.off
	p := s.pos(start)
	switch c {
	case '(', '[', '{':
		if len(s.brackets) >= maxBrackets {
			return s.errorAt(p, KindSyntax, "too many nested parentheses")
		}
		s.brackets = append(s.brackets, bracket{ch: c, pos: p})
	case ')', ']', '}':
		if err := s.closeBracket(c, p); err != nil {
			return err
		}
	}
	s.off += n
	s.emit(Op, start, p)
	return nil
}

// closeBracket pops the bracket that c closes.
func (s *scanner) closeBracket(c byte, p plexer.Position) error {
	n := len(s.brackets)
	if n == s.floor {
		return s.errorAt(p, KindSyntax, "unmatched '%c'", c)
	}
	open := s.brackets[n-1]
	if open.ch != opening(c) {
		if open.pos.Line != p.Line {
			return s.errorAt(p, KindSyntax, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.pos.Line)
		}
		return s.errorAt(p, KindSyntax, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
	}
	s.brackets = s.brackets[:n-1]
	return nil
}

// opening returns the opening bracket for a closing one.
func opening(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// byteAt returns s[i], or 0 past the end.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// opLen returns the length of the operator at s[i:], or 0 if there is none.
// For $, ? and `, which CPython lexes as operators that its grammar then
// rejects with "invalid syntax", it returns -1: the parser reports them, so
// that a lexing error later in the file takes precedence, as in CPython.
func opLen(s string, i int) int {
	c, d := s[i], byteAt(s, i+1)
	switch c {
	case '(', ')', '[', ']', '{', '}', ',', ';', '~':
		return 1
	case '.':
		if d == '.' && byteAt(s, i+2) == '.' {
			return 3
		}
		return 1
	case '-':
		if d == '>' || d == '=' {
			return 2
		}
		return 1
	case '*', '/', '<', '>':
		if d == c {
			if byteAt(s, i+2) == '=' {
				return 3
			}
			return 2
		}
		if d == '=' {
			return 2
		}
		return 1
	case '+', '%', '&', '|', '^', '@', '=', '!', ':':
		if d == '=' {
			return 2
		}
		return 1
	case '$', '?', '`':
		return -1
	}
	return 0
}

// isDigit reports whether c is an ASCII decimal digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isASCIIIdent reports whether the ASCII byte c may continue an identifier.
func isASCIIIdent(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || isDigit(c)
}

// isIdentStart reports whether r may start an identifier (XID_Start or _).
func isIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// isIdentContinue reports whether r may continue an identifier (XID_Continue).
func isIdentContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIIdent(byte(r))
	}
	return isIdentStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}
