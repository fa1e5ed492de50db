// This file defines the token types and the participle lexer.Definition.

package lexer

import (
	"io"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Token types. They are negative and never -1, which participle reserves for
// lexer.EOF: a Dedent typed -1 would silently end the input.
const (
	Newline plexer.TokenType = -(iota + 2) // end of a logical line
	Indent                                 // indentation level pushed
	Dedent                                 // indentation level popped
	Name                                   // identifier, including soft keywords
	Keyword                                // hard keyword such as def or None
	Int                                    // integer literal, source text
	Float                                  // floating-point literal, source text
	Imag                                   // imaginary literal such as 3j
	String                                 // one string literal with prefix and quotes
	Op                                     // operator or delimiter
)

// typeNames maps each token type to its symbol name.
var typeNames = map[plexer.TokenType]string{
	plexer.EOF: "EOF",
	Newline:    "Newline",
	Indent:     "Indent",
	Dedent:     "Dedent",
	Name:       "Name",
	Keyword:    "Keyword",
	Int:        "Int",
	Float:      "Float",
	Imag:       "Imag",
	String:     "String",
	Op:         "Op",
}

// TypeName returns the symbol name of a token type ("Name", "Op", ...), or
// "?" for a type this lexer does not produce.
func TypeName(t plexer.TokenType) string {
	if n, ok := typeNames[t]; ok {
		return n
	}
	return "?"
}

// Lexer is the participle lexer.Definition for pyish source. It also
// implements lexer.StringDefinition and lexer.BytesDefinition, so participle
// skips its reader copy.
var Lexer plexer.Definition = definition{}

// definition is the stateless type behind Lexer.
type definition struct{}

var (
	_ plexer.StringDefinition = definition{}
	_ plexer.BytesDefinition  = definition{}
)

// Symbols returns the token type of every symbol name, EOF included.
func (definition) Symbols() map[string]plexer.TokenType {
	m := make(map[string]plexer.TokenType, len(typeNames))
	for t, n := range typeNames {
		m[n] = t
	}
	return m
}

// Lex reads all of r and lexes it.
func (d definition) Lex(filename string, r io.Reader) (plexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexBytes(filename, src)
}

// LexString lexes src.
func (definition) LexString(filename string, src string) (plexer.Lexer, error) {
	toks, err := tokenize(filename, src)
	return &stream{toks: toks, err: err}, nil
}

// LexBytes lexes src.
func (definition) LexBytes(filename string, src []byte) (plexer.Lexer, error) {
	return definition{}.LexString(filename, string(src))
}

// stream hands out pre-lexed tokens, then the lexing error if there was one.
type stream struct {
	toks []plexer.Token
	i    int
	err  error
}

// Next returns the next token; after the last token it returns the lexing
// error, or EOF forever.
func (s *stream) Next() (plexer.Token, error) {
	if s.i < len(s.toks) {
		s.i++
		return s.toks[s.i-1], nil
	}
	if s.err != nil {
		return plexer.Token{}, s.err
	}
	return plexer.Token{Type: plexer.EOF}, nil
}

// Tokenize lexes a whole source. On error it returns the tokens lexed before
// the error (without the closing Newline, Dedents and EOF) and an *Error.
func Tokenize(filename string, src []byte) ([]plexer.Token, error) {
	return tokenize(filename, string(src))
}

// TokenizeExpr lexes the expression of an f-string field (FPart.Expr) as if
// it were parenthesized: leading blanks are allowed and line breaks are
// joined. Positions start at pos (FPart.ExprPos); the tokens end with EOF,
// with no Newline.
func TokenizeExpr(expr string, pos plexer.Position) ([]plexer.Token, error) {
	s := &scanner{
		filename: pos.Filename, src: expr, line: max(pos.Line, 1),
		col: max(pos.Column, 1), lineCol: max(pos.Column, 1), baseOff: pos.Offset, floor: 1,
		indents: make([]int, 1), alts: make([]int, 1),
		brackets: []bracket{{ch: '(', pos: pos}},
		toks:     make([]plexer.Token, 0, len(expr)/2+2),
	}
	err := s.run()
	return s.toks, err
}

// IsKeyword reports whether s is a hard keyword. Soft keywords (match,
// case, type, _) are not.
func IsKeyword(s string) bool {
	switch s {
	case "False", "None", "True", "and", "as", "assert", "async", "await",
		"break", "class", "continue", "def", "del", "elif", "else", "except",
		"finally", "for", "from", "global", "if", "import", "in", "is",
		"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
		"while", "with", "yield":
		return true
	}
	return false
}
