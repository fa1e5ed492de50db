// This file defines the lexer's positioned error.

package lexer

import (
	"fmt"
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Error kinds, named after the Python exception they become.
const (
	KindSyntax      = "SyntaxError"
	KindIndentation = "IndentationError"
	KindTab         = "TabError"
)

// Error is a positioned lexing error. Line and Col are 1-based (Col counts
// runes); Offset is the byte offset in the source.
type Error struct {
	Filename  string
	Line, Col int
	Offset    int
	Kind      string // "SyntaxError", "IndentationError" or "TabError"
	Msg       string
	eof       bool // the error is only due to the end of input
}

// Error formats the error as "file:line:col: Kind: Msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}

// Incomplete reports that the error is only due to the end of input (an
// unclosed bracket, an unterminated triple-quoted string, a trailing
// backslash): the REPL then asks for more lines.
func (e *Error) Incomplete() bool { return e.eof }

// Message returns Msg; with Position it makes Error a participle.Error.
func (e *Error) Message() string { return e.Msg }

// Position returns the error's position as a participle position.
func (e *Error) Position() plexer.Position {
	return plexer.Position{Filename: e.Filename, Offset: e.Offset, Line: e.Line, Column: e.Col}
}

// Deferred reports whether CPython prefers a syntax error that its parser
// finds earlier in the token stream to this one: its tokenizer reports
// indentation errors and an end of input inside brackets or after a
// backslash only when the parser asks for the offending token. For an
// unclosed bracket ("'(' was never closed", Line is the bracket's line)
// CPython keeps this error when the parser's error is on a later line.
// Other lexing errors win over parser errors anywhere in the file, except
// "unexpected indent" and "unexpected unindent". Tokenize returns the tokens
// before the error so that the parser can look for such an earlier error.
func (e *Error) Deferred() bool {
	return e.Kind != KindSyntax || e.eof && !strings.HasPrefix(e.Msg, "unterminated")
}
