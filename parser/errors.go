package parser

// This file defines the parser's error type and the REPL completeness test.

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/lexer"
)

// Error is a syntax error with its position, shaped like CPython's
// SyntaxError. Kind is "SyntaxError" or "IndentationError".
type Error struct {
	Filename string
	Line     int // 1-based
	Col      int // 1-based column of the offending token
	EndCol   int // one past the offending text; 0 = one caret, -1 = no caret
	Kind     string
	Msg      string
	Text     string // the source line, as written

	incomplete bool // the input ended too early: a REPL should read more
	stopLine   int  // line of the token the parser stopped at
	element    bool // the culprit is an element of a target: underline it from Text
}

// Error formats e like CPython's report of a syntax error:
//
//	  File "f.pyish", line 3
//	    x = (1 +
//	        ^
//	SyntaxError: msg
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.Filename, e.Line)
	if e.Text != "" {
		raw := strings.TrimRight(e.Text, "\r\n")
		text := strings.TrimLeft(raw, " \t\f")
		fmt.Fprintf(&b, "    %s\n", text)
		if e.EndCol >= 0 {
			b.WriteString(e.caret(utf8.RuneCountInString(raw) - utf8.RuneCountInString(text)))
		}
	}
	fmt.Fprintf(&b, "%s: %s", e.Kind, e.Msg)
	return b.String()
}

// caret returns the marker line under the source text, which lost indent
// leading characters.
func (e *Error) caret(indent int) string {
	start := e.Col - 1 - indent
	if start < 0 {
		return ""
	}
	n := e.EndCol - e.Col
	if n < 1 {
		n = 1
	}
	return "    " + strings.Repeat(" ", start) + strings.Repeat("^", n) + "\n"
}

// IsIncomplete reports whether err says that the input stopped early: inside
// an open bracket or a triple-quoted string, after a compound statement's
// header or a decorator. A REPL then reads another line. An error at a
// newline (`x = 1 +`) is a real error.
func IsIncomplete(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.incomplete
	}
	var le *lexer.Error
	if errors.As(err, &le) {
		return le.Incomplete()
	}
	return false
}

// fromLexer converts a lexer error into an *Error with the same kind and
// position.
func fromLexer(le *lexer.Error) *Error {
	kind := le.Kind
	if kind == "" {
		kind = "SyntaxError"
	}
	line := le.Line
	if line < 1 {
		line = 1
	}
	e := &Error{Filename: le.Filename, Line: line, Col: max(le.Col, 1), Kind: kind, Msg: le.Msg,
		incomplete: le.Incomplete()}
	if le.Msg == "unexpected indent" { // CPython: no caret, the column before the token
		e.Col, e.EndCol = max(e.Col-1, 1), -1
	}
	return e
}

// bailout carries an *Error up the recursive descent to the hook that
// started it.
type bailout struct{ err *Error }

// tokenError builds an error pointing at token t.
func tokenError(t *plexer.Token, kind, msg string) *Error {
	e := &Error{Filename: t.Pos.Filename, Line: t.Pos.Line, Col: t.Pos.Column, Kind: kind, Msg: msg}
	if e.Line < 1 {
		e.Line = 1
	}
	if e.Col < 1 {
		e.Col = 1
	}
	switch t.Type {
	case lexer.Name, lexer.Keyword, lexer.Int, lexer.Float, lexer.Imag, lexer.Op:
		e.EndCol = e.Col + utf8.RuneCountInString(t.Value)
	case lexer.String:
		if i := strings.IndexByte(t.Value, '\n'); i >= 0 {
			e.EndCol = e.Col + utf8.RuneCountInString(t.Value[:i])
		} else {
			e.EndCol = e.Col + utf8.RuneCountInString(t.Value)
		}
	}
	return e
}

// withSource fills in the file name and the offending line's text.
func (e *Error) withSource(filename string, src []byte) *Error {
	if e.Filename == "" {
		e.Filename = filename
	}
	e.Text = sourceLine(src, e.Line)
	if e.element && e.EndCol == 0 {
		e.EndCol = elementEnd(e.Text, e.Col)
	}
	return e
}

// elementEnd finds where the element of a tuple or list that starts at
// column col (1-based, in runes) of line ends: before the first ',', '=',
// ':', closing bracket or ` in ` outside brackets and quotes.
func elementEnd(line string, col int) int {
	r := []rune(line)
	if col < 1 || col > len(r) {
		return 0
	}
	depth, end := 0, col
	var quote rune
	for i := col - 1; i < len(r); i++ {
		c := r[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(",=:)]}#", c):
			return end
		case depth == 0 && c == ' ' && strings.HasPrefix(string(r[i:]), " in "):
			return end
		}
		if c != ' ' && c != '\t' {
			end = i + 2
		}
	}
	return end
}

// sourceLine returns line n (1-based) of src without its line ending.
func sourceLine(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := indexNewline(src)
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := indexNewline(src); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}

func indexNewline(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}
