package parser

// This file holds the token-level helpers of the recursive descent.

import (
	"strings"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// parser is the state of one hook call: the token stream and its head.
type parser struct {
	lex      *plexer.PeekingLexer
	tok      *plexer.Token // the next token, lex.Peek()
	depth    int           // expression nesting, bounded by maxDepth
	brackets int           // open brackets around the head
	quiet    int           // inside a hint's trial parse, which gives no hints
	far      int           // the furthest line a token was looked at on
	last     *plexer.Token // the token consumed last: the end of what was just parsed
}

// state is what a trial parse restores.
type state struct {
	cp              plexer.Checkpoint
	tok, last       *plexer.Token
	depth, brackets int
}

// try runs fn as a trial: it reports whether fn returned true without a
// syntax error. The position is restored when the trial fails, and also
// when rewind is set.
func (p *parser) try(rewind bool, fn func() bool) (ok bool) {
	s := state{p.lex.MakeCheckpoint(), p.tok, p.last, p.depth, p.brackets}
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			ok = false
		}
		if rewind || !ok {
			p.lex.LoadCheckpoint(s.cp)
			p.tok, p.last, p.depth, p.brackets = s.tok, s.last, s.depth, s.brackets
		}
	}()
	return fn()
}

// maxDepth bounds expression nesting so that a hostile input cannot make
// the parser (or the compiler after it) recurse without end. CPython gives
// up at a similar depth.
const maxDepth = 1000

// enter counts one level of expression nesting; leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok, "expression too deeply nested")
	}
}

func (p *parser) leave() { p.depth-- }

func newParser(lex *plexer.PeekingLexer) *parser {
	return &parser{lex: lex, tok: lex.Peek()}
}

// next consumes the head token and returns it.
func (p *parser) next() *plexer.Token {
	t := p.lex.Next()
	p.last = t
	p.tok = p.lex.Peek()
	if p.tok.Pos.Line > p.far {
		p.far = p.tok.Pos.Line
	}
	return t
}

// peek2 returns the token after the head.
func (p *parser) peek2() *plexer.Token {
	cp := p.lex.MakeCheckpoint()
	p.lex.Next()
	t := p.lex.Peek()
	p.lex.LoadCheckpoint(cp)
	p.far = max(p.far, t.Pos.Line)
	return t
}

func (p *parser) skipToEOF() {
	for !p.tok.EOF() {
		p.next()
	}
}

// isOp reports whether the head is operator or delimiter s.
func (p *parser) isOp(s string) bool {
	return p.tok.Type == lexer.Op && p.tok.Value == s
}

// isKw reports whether the head is keyword s.
func (p *parser) isKw(s string) bool {
	return p.tok.Type == lexer.Keyword && p.tok.Value == s
}

// acceptOp consumes operator s if it is next.
func (p *parser) acceptOp(s string) bool {
	if p.isOp(s) {
		p.next()
		return true
	}
	return false
}

// acceptKw consumes keyword s if it is next.
func (p *parser) acceptKw(s string) bool {
	if p.isKw(s) {
		p.next()
		return true
	}
	return false
}

// expectOp consumes operator s or fails with "invalid syntax".
func (p *parser) expectOp(s string) *plexer.Token {
	if !p.isOp(s) {
		p.syntaxError(p.tok)
	}
	return p.next()
}

// expectClose consumes the closing bracket of a display, call or
// subscript whose last element was last; an expression there instead gets
// CPython's hint about a missing comma.
func (p *parser) expectClose(close string, last ast.Expr) {
	if !p.isOp(close) && last != nil {
		if end := p.missingComma(last); end != nil {
			p.failSpan(last.Position(), end, "invalid syntax. Perhaps you forgot a comma?")
		}
	}
	p.expectOp(close)
}

// missingComma reports whether an expression follows last directly, which
// CPython takes for a forgotten comma (not after a name before a string,
// as in a Python 2 print). It returns that expression's last token, or nil.
func (p *parser) missingComma(last ast.Expr) *plexer.Token {
	if !p.startsExpr() || p.isKw("yield") || p.isOp("*") {
		return nil
	}
	if _, isName := last.(*ast.Name); isName && p.tok.Type == lexer.String {
		return nil
	}
	return p.quietly(func() { p.expression() })
}

// quietly parses fn as a trial with hints off, and rewinds: CPython's hints
// look ahead with their own hints disabled. It returns the last token fn
// consumed, or nil when fn failed.
func (p *parser) quietly(fn func()) *plexer.Token {
	p.quiet++
	defer func() { p.quiet-- }()
	var end *plexer.Token
	p.try(true, func() bool { fn(); end = p.last; return true })
	return end
}

// juxtaposed reports an expression that directly follows the expression a
// (which began with token start), with CPython's hints: a Python 2 print
// anywhere, a forgotten comma inside brackets.
func (p *parser) juxtaposed(start *plexer.Token, a ast.Expr) {
	if p.quiet > 0 || !p.startsExpr() || p.isKw("yield") || p.isOp("*") {
		return
	}
	if n, ok := a.(*ast.Name); ok && (n.Id == "print" || n.Id == "exec") {
		if end := p.quietly(func() { p.starExpressions() }); end != nil {
			p.failSpan(n.Pos, end, "Missing parentheses in call to '"+n.Id+"'. Did you mean "+n.Id+"(...)?")
		}
		return
	}
	if p.brackets == 0 || isSoftKeyword(start) {
		return
	}
	if end := p.missingComma(a); end != nil {
		p.failSpan(a.Position(), end, "invalid syntax. Perhaps you forgot a comma?")
	}
}

// isSoftKeyword reports the soft keywords of Python 3.11.
func isSoftKeyword(t *plexer.Token) bool {
	return t.Type == lexer.Name && (t.Value == "match" || t.Value == "case" || t.Value == "_")
}

// expectColon consumes the ':' of a compound statement header, failing with
// CPython's "expected ':'".
func (p *parser) expectColon() {
	if !p.isOp(":") {
		p.fail(p.tok, "expected ':'")
	}
	p.next()
}

// expectName consumes an identifier.
func (p *parser) expectName() *plexer.Token {
	if p.tok.Type != lexer.Name {
		p.syntaxError(p.tok)
	}
	return p.next()
}

// expectNewline ends a simple statement line.
func (p *parser) expectNewline() {
	switch {
	case p.tok.Type == lexer.Newline:
		p.next()
	case p.tok.EOF():
	default:
		p.syntaxError(p.tok)
	}
}

// fail stops the parse with a SyntaxError at t.
func (p *parser) fail(t *plexer.Token, msg string) {
	p.failKind(t, "SyntaxError", msg)
}

// failKind stops the parse with an error of the given kind at t.
func (p *parser) failKind(t *plexer.Token, kind, msg string) {
	e := tokenError(t, kind, msg)
	e.incomplete = p.atEnd(t)
	p.raise(e)
}

// raise stops the parse with e, noting how far the parser had looked.
func (p *parser) raise(e *Error) {
	e.stopLine = max(e.stopLine, p.far, p.tok.Pos.Line)
	panic(bailout{e})
}

// failAt stops the parse with a SyntaxError at a node's position.
func (p *parser) failAt(pos ast.Pos, msg string) {
	p.failSpan(pos, nil, msg)
}

// failSpan stops the parse with a SyntaxError over the text from pos to
// the end of token end (when both are on one line; nil end: one caret).
func (p *parser) failSpan(pos ast.Pos, end *plexer.Token, msg string) {
	p.raise(p.spanError(pos, end, msg))
}

func (p *parser) spanError(pos ast.Pos, end *plexer.Token, msg string) *Error {
	t := p.tok
	e := &Error{Filename: t.Pos.Filename, Line: int(pos.Line), Col: int(pos.Col), Kind: "SyntaxError", Msg: msg}
	if end != nil && end.Pos.Line == e.Line {
		e.EndCol = tokenError(end, "", "").EndCol
	}
	return e
}

// failElement stops the parse with a SyntaxError at an element of a
// target, underlined from the source text.
func (p *parser) failElement(pos ast.Pos, msg string) {
	e := p.spanError(pos, nil, msg)
	e.element = true
	p.raise(e)
}

// syntaxError reports the unexpected token t, in CPython's words.
func (p *parser) syntaxError(t *plexer.Token) {
	switch t.Type {
	case lexer.Indent:
		p.unexpectedIndent(t)
	}
	p.fail(t, "invalid syntax")
}

// unexpectedIndent reports an indent where no block opens. Like CPython it
// gives the column before the first token of the line, and no caret.
func (p *parser) unexpectedIndent(t *plexer.Token) {
	e := tokenError(t, "IndentationError", "unexpected indent")
	if t == p.tok {
		e = tokenError(p.peek2(), "IndentationError", "unexpected indent")
		e.Col = max(e.Col-1, 1)
	}
	e.EndCol = -1
	p.raise(e)
}

// atEnd reports whether t is the end of input or a dedent that only more
// dedents follow: an error there means the input stopped early.
func (p *parser) atEnd(t *plexer.Token) bool {
	if t.EOF() {
		return true
	}
	if t != p.tok || t.Type != lexer.Dedent {
		return false
	}
	cp := p.lex.MakeCheckpoint()
	defer p.lex.LoadCheckpoint(cp)
	for p.lex.Peek().Type == lexer.Dedent {
		p.lex.Next()
	}
	return p.lex.Peek().EOF()
}

// tokPos is the ast position of t.
func tokPos(t *plexer.Token) ast.Pos {
	return ast.Pos{Line: int32(t.Pos.Line), Col: int32(t.Pos.Column)}
}

// spanned is a node whose end the parser records.
type spanned interface{ SetEnd(line, col int32) }

// ended records that n ends where the token consumed last ends, and
// returns n: every expression node is finished this way, right after its
// last token is consumed.
func ended[T spanned](p *parser, n T) T {
	endAt(n, p.last)
	return n
}

// endAt records that n ends where token t ends.
func endAt(n spanned, t *plexer.Token) {
	if t != nil {
		n.SetEnd(tokEnd(t))
	}
}

// tokEnd is the line and column just past token t's source text.
func tokEnd(t *plexer.Token) (line, col int32) {
	line, col = int32(t.Pos.Line), int32(t.Pos.Column)
	text := t.Value
	if nl := strings.LastIndexByte(text, '\n'); nl >= 0 {
		return line + int32(strings.Count(text, "\n")), 1 + int32(utf8.RuneCountInString(text[nl+1:]))
	}
	return line, col + int32(utf8.RuneCountInString(text))
}
