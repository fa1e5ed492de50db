package parser

// This file holds the entry points and the participle grammar they drive.

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// fileInput is the grammar of a file or a REPL input: statement lines up to
// the end of input. Each line is parsed by parseLine.
type fileInput struct {
	Lines []line `parser:"@@*"`
}

// evalInput is the grammar of an expression given to eval().
type evalInput struct {
	Expr evalExpr `parser:"@@"`
}

// line is what one call of parseLine yields: the statements of one logical
// line or one compound statement, or the error that stopped the parse.
type line interface{ stmts() ([]ast.Stmt, *Error) }

// evalExpr is an expression with its trailing newlines, or an error.
type evalExpr interface{ expr() (ast.Expr, *Error) }

type stmtLine struct {
	body []ast.Stmt
	err  *Error
}

func (l *stmtLine) stmts() ([]ast.Stmt, *Error) { return l.body, l.err }

type exprResult struct {
	x   ast.Expr
	err *Error
}

func (r *exprResult) expr() (ast.Expr, *Error) { return r.x, r.err }

var fileParser = sync.OnceValue(func() *participle.Parser[fileInput] {
	return participle.MustBuild[fileInput](
		participle.Lexer(lexer.Lexer),
		participle.ParseTypeWith(parseLine),
		participle.UseLookahead(1),
	)
})

var evalParser = sync.OnceValue(func() *participle.Parser[evalInput] {
	return participle.MustBuild[evalInput](
		participle.Lexer(lexer.Lexer),
		participle.ParseTypeWith(parseEvalExpr),
		participle.UseLookahead(1),
	)
})

// ParseFile parses a whole source file.
func ParseFile(filename string, src []byte) (mod *ast.Module, err error) {
	defer recoverInternal(filename, &err)
	return parseModule(filename, src)
}

// ParseInteractive parses one REPL input, which may hold several
// statements. The grammar is the file grammar; IsIncomplete tells a REPL
// whether to read more lines.
func ParseInteractive(filename string, src []byte) (mod *ast.Module, err error) {
	defer recoverInternal(filename, &err)
	return parseModule(filename, src)
}

// ParseExpr parses the source of eval(): one expression (a bare tuple is
// allowed), optionally followed by newlines.
func ParseExpr(filename string, src []byte) (x ast.Expr, err error) {
	defer recoverInternal(filename, &err)
	return parseExpr(filename, src)
}

// recoverInternal turns a bug's panic into a SystemError, so that no panic
// reaches the caller.
func recoverInternal(filename string, err *error) {
	if r := recover(); r != nil {
		*err = &Error{Filename: filename, Line: 1, Col: 1, EndCol: -1, Kind: "SystemError",
			Msg: fmt.Sprintf("internal parser error: %v", r)}
	}
}

func parseExpr(filename string, src []byte) (ast.Expr, error) {
	for len(src) > 0 && (src[0] == ' ' || src[0] == '\t') { // as CPython's eval does
		src = src[1:]
	}
	lex, lexErr := tokenize(filename, src)
	in, err := evalParser().ParseFromLexer(lex)
	if in == nil || in.Expr == nil {
		in = &evalInput{Expr: &exprResult{}}
	}
	if lexErr != nil {
		return nil, earliest(lexErr, in.Expr.expr, filename, src)
	}
	x, perr := in.Expr.expr()
	switch {
	case perr != nil:
		return nil, perr.withSource(filename, src)
	case err != nil:
		return nil, participleError(err, filename, src)
	}
	return x, nil
}

func parseModule(filename string, src []byte) (*ast.Module, error) {
	lex, lexErr := tokenize(filename, src)
	in, err := fileParser().ParseFromLexer(lex)
	if lexErr != nil {
		return nil, earliest(lexErr, in.firstError, filename, src)
	}
	mod := &ast.Module{Filename: filename}
	if in != nil {
		for _, l := range in.Lines {
			body, perr := l.stmts()
			if perr != nil {
				return nil, perr.withSource(filename, src)
			}
			mod.Body = append(mod.Body, body...)
		}
	}
	if err != nil {
		return nil, participleError(err, filename, src)
	}
	return mod, nil
}

// firstError returns the error that stopped the parse of a file, if any.
func (in *fileInput) firstError() (ast.Expr, *Error) {
	if in == nil {
		return nil, nil
	}
	for _, l := range in.Lines {
		if _, err := l.stmts(); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// tokenize lexes src into participle's peeking lexer. On a lexing error it
// still returns the tokens before the error, so that a parse error there
// can be reported first, as CPython does (`def f(:` is invalid syntax, not
// an unclosed bracket).
func tokenize(filename string, src []byte) (*plexer.PeekingLexer, error) {
	toks, err := lexer.Tokenize(filename, src)
	if err != nil {
		var le *lexer.Error
		if errors.As(err, &le) {
			err = fromLexer(le).withSource(filename, src)
		} else {
			err = &Error{Filename: filename, Line: 1, Col: 1, Kind: "SyntaxError", Msg: err.Error()}
		}
	}
	if err != nil {
		// The tokens stop before the error: end them where the source ends.
		end := plexer.Position{Filename: filename, Line: 1 + bytes.Count(src, []byte("\n")), Column: 1}
		toks = append(toks, plexer.EOFToken(end))
	}
	lex, _ := plexer.Upgrade(&sliceLexer{toks: toks})
	return lex, err
}

// earliest picks between a lexing error and the parse of the tokens before
// it, as CPython does. After a parse error CPython tokenizes the rest of
// the file, and a tokenizer SyntaxError found there wins, except over
// "unexpected indent". Indentation errors of the tokenizer do not. An
// unclosed bracket wins only if the parser had looked at a later line.
func earliest(lexErr error, parsed func() (ast.Expr, *Error), filename string, src []byte) error {
	_, perr := parsed()
	var le *Error
	if perr == nil || perr.incomplete || !errors.As(lexErr, &le) {
		return lexErr
	}
	switch {
	case le.Kind != "SyntaxError", perr.Msg == "unexpected indent":
	case strings.HasSuffix(le.Msg, "was never closed"):
		if perr.stopLine > le.Line {
			closed := *le
			closed.incomplete = false // more input cannot mend the parse error
			return &closed
		}
	default:
		return lexErr
	}
	return perr.withSource(filename, src)
}

// participleError translates an error of participle itself (the hooks
// report their own) into an *Error.
func participleError(err error, filename string, src []byte) error {
	var pe participle.Error
	e := &Error{Filename: filename, Line: 1, Col: 1, Kind: "SyntaxError", Msg: "invalid syntax"}
	if errors.As(err, &pe) {
		pos := pe.Position()
		e.Line, e.Col = max(pos.Line, 1), max(pos.Column, 1)
	}
	return e.withSource(filename, src)
}

// sliceLexer replays tokens the lexer already made.
type sliceLexer struct {
	toks []plexer.Token
	i    int
}

func (l *sliceLexer) Next() (plexer.Token, error) {
	if l.i >= len(l.toks) {
		return plexer.EOFToken(plexer.Position{}), nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

// parseLine is the participle hook for one line of statements (or one
// compound statement). At the end of input it reports NextMatch, which ends
// the repetition. An error consumes the rest of the input so that the
// repetition stops too; the caller finds the error in the result.
func parseLine(lex *plexer.PeekingLexer) (l line, err error) {
	p := newParser(lex)
	for p.tok.Type == lexer.Newline {
		p.next()
	}
	if p.tok.EOF() {
		return nil, participle.NextMatch
	}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			p.skipToEOF()
			l, err = &stmtLine{err: b.err}, nil
		}
	}()
	return &stmtLine{body: p.statement()}, nil
}

// parseEvalExpr is the participle hook for eval input.
func parseEvalExpr(lex *plexer.PeekingLexer) (x evalExpr, err error) {
	p := newParser(lex)
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			p.skipToEOF()
			x, err = &exprResult{err: b.err}, nil
		}
	}()
	for p.tok.Type == lexer.Newline || p.tok.Type == lexer.Indent {
		p.next()
	}
	e := p.starExpressions()
	for p.tok.Type == lexer.Newline || p.tok.Type == lexer.Dedent {
		p.next()
	}
	if !p.tok.EOF() {
		p.syntaxError(p.tok)
	}
	return &exprResult{x: e}, nil
}
