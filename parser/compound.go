package parser

// This file parses compound statements and their blocks.

import (
	"fmt"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// block parses the body after a header's ':': an indented block, or simple
// statements on the same line. what names the header for
// "expected an indented block after …".
func (p *parser) block(what string, header *plexer.Token) []ast.Stmt {
	if p.tok.Type != lexer.Newline {
		if p.tok.EOF() {
			p.syntaxError(p.tok)
		}
		return p.simpleStatements()
	}
	nl := p.next()
	if p.tok.Type != lexer.Indent {
		p.expectedBlock(nl, what, header)
	}
	p.next()
	var body []ast.Stmt
	for p.tok.Type != lexer.Dedent && !p.tok.EOF() {
		body = append(body, p.statement()...)
	}
	p.next()
	return body
}

// expectedBlock reports a missing indented block, at the next token or, at
// the end of input, at the header's newline.
func (p *parser) expectedBlock(nl *plexer.Token, what string, header *plexer.Token) {
	msg := fmt.Sprintf("expected an indented block after %s on line %d", what, header.Pos.Line)
	t := p.tok
	incomplete := p.atEnd(t)
	var e *Error
	if incomplete {
		e = tokenError(nl, "IndentationError", msg)
		e.EndCol = -1
	} else {
		e = tokenError(t, "IndentationError", msg)
	}
	e.incomplete = incomplete
	p.raise(e)
}

// ifStmt parses if/elif/else; elif chains nest in Orelse.
func (p *parser) ifStmt() ast.Stmt {
	kw := p.next()
	s := &ast.If{Pos: tokPos(kw)}
	s.Test = p.namedExpression()
	p.headerColon()
	s.Body = p.block(fmt.Sprintf("'%s' statement", kw.Value), kw)
	switch {
	case p.isKw("elif"):
		s.Orelse = []ast.Stmt{p.ifStmt()}
	case p.isKw("else"):
		s.Orelse = p.elseBlock()
	}
	return s
}

// headerColon is the ':' of if/elif/while/for/with/except headers: CPython
// says "expected ':'" only when the line ends there.
func (p *parser) headerColon() {
	if p.isOp(":") {
		p.next()
		return
	}
	if p.tok.Type == lexer.Newline {
		p.fail(p.tok, "expected ':'")
	}
	p.syntaxError(p.tok)
}

// elseBlock parses `else: body`.
func (p *parser) elseBlock() []ast.Stmt {
	kw := p.next()
	p.expectColon()
	return p.block("'else' statement", kw)
}

func (p *parser) whileStmt() ast.Stmt {
	kw := p.next()
	s := &ast.While{Pos: tokPos(kw)}
	s.Test = p.namedExpression()
	p.headerColon()
	s.Body = p.block("'while' statement", kw)
	if p.isKw("else") {
		s.Orelse = p.elseBlock()
	}
	return s
}

// forStmt parses the rest of a for statement after `for`.
func (p *parser) forStmt(kw *plexer.Token, async bool) ast.Stmt {
	s := &ast.For{Pos: tokPos(kw), IsAsync: async}
	s.Target = p.targetList()
	if !p.acceptKw("in") {
		p.syntaxError(p.tok)
	}
	s.Iter = p.starExpressions()
	p.headerColon()
	s.Body = p.block("'for' statement", kw)
	if p.isKw("else") {
		s.Orelse = p.elseBlock()
	}
	return s
}

// tryStmt parses try/except/else/finally.
func (p *parser) tryStmt() ast.Stmt {
	kw := p.next()
	s := &ast.Try{Pos: tokPos(kw)}
	p.expectColon()
	s.Body = p.block("'try' statement", kw)
	for p.isKw("except") {
		h, star := p.exceptClause()
		if len(s.Handlers) > 0 && star != s.IsStar {
			p.failAt(h.Pos, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		s.IsStar = star
		s.Handlers = append(s.Handlers, h)
	}
	if len(s.Handlers) > 0 && p.isKw("else") {
		s.Orelse = p.elseBlock()
	}
	if p.isKw("finally") {
		fin := p.next()
		p.expectColon()
		s.Finalbody = p.block("'finally' statement", fin)
	}
	if len(s.Handlers) == 0 && s.Finalbody == nil {
		p.fail(p.tok, "expected 'except' or 'finally' block")
	}
	return s
}

// exceptClause parses `except [type [as name]]: body` or `except* type
// [as name]: body`; star reports the second form.
func (p *parser) exceptClause() (h *ast.ExceptHandler, star bool) {
	kw := p.next()
	h = &ast.ExceptHandler{Pos: tokPos(kw)}
	star = p.acceptOp("*")
	if star && p.isOp(":") {
		p.fail(p.tok, "expected one or more exception types")
	}
	if !p.isOp(":") {
		h.Type = p.expression()
		if p.isOp(",") {
			p.multipleTypes(h.Type)
		}
		if p.acceptKw("as") {
			h.Name = p.expectName().Value
		}
	}
	p.headerColon()
	what := "'except' statement"
	if star {
		what = "'except*' statement"
	}
	h.Body = p.block(what, kw)
	return h, star
}

// multipleTypes reports `except A, B:`, underlining the types.
func (p *parser) multipleTypes(first ast.Expr) {
	end := p.quietly(func() {
		for p.acceptOp(",") {
			p.expression()
		}
	})
	p.failSpan(first.Position(), end, "multiple exception types must be parenthesized")
}

// withStmt parses the rest of a with statement after `with`.
func (p *parser) withStmt(kw *plexer.Token, async bool) ast.Stmt {
	s := &ast.With{Pos: tokPos(kw), IsAsync: async}
	if !p.isOp("(") || !p.parenthesizedWithItems(s) {
		s.Items = p.withItems()
	}
	p.headerColon()
	s.Body = p.block("'with' statement", kw)
	return s
}

// withItems parses `item (',' item)*`.
func (p *parser) withItems() []*ast.WithItem {
	var items []*ast.WithItem
	for {
		items = append(items, p.withItem())
		if !p.acceptOp(",") {
			return items
		}
	}
}

func (p *parser) withItem() *ast.WithItem {
	it := &ast.WithItem{ContextExpr: p.expression()}
	if p.acceptKw("as") {
		it.OptionalVars = p.target()
		p.checkStore(it.OptionalVars, p.last)
	}
	return it
}

// parenthesizedWithItems tries `with (a as b, c):` and rewinds when the
// parentheses turn out to belong to an expression.
func (p *parser) parenthesizedWithItems(s *ast.With) bool {
	return p.try(false, func() bool {
		p.next()
		var items []*ast.WithItem
		for !p.isOp(")") {
			items = append(items, p.withItem())
			if !p.acceptOp(",") {
				break
			}
		}
		if !p.acceptOp(")") || !p.isOp(":") || len(items) == 0 {
			return false
		}
		s.Items = items
		return true
	})
}

// asyncStmt parses `async def|for|with`.
func (p *parser) asyncStmt(decorators []ast.Expr) ast.Stmt {
	kw := p.next()
	switch {
	case p.isKw("def"):
		return p.funcDef(decorators, kw, true)
	case decorators != nil:
	case p.isKw("for"):
		p.next()
		return p.forStmt(kw, true)
	case p.isKw("with"):
		p.next()
		return p.withStmt(kw, true)
	}
	p.syntaxError(p.tok)
	return nil
}

// decorated parses decorators and the def or class they decorate.
func (p *parser) decorated() ast.Stmt {
	var decorators []ast.Expr
	for p.acceptOp("@") {
		decorators = append(decorators, p.namedExpression())
		if p.tok.Type != lexer.Newline {
			p.syntaxError(p.tok)
		}
		p.next()
	}
	switch {
	case p.isKw("def"):
		return p.funcDef(decorators, p.tok, false)
	case p.isKw("class"):
		return p.classDef(decorators)
	case p.isKw("async"):
		return p.asyncStmt(decorators)
	}
	p.syntaxError(p.tok)
	return nil
}

// funcDef parses `def name(params) [-> ann]: body`; start is the `def` or
// `async` token.
func (p *parser) funcDef(decorators []ast.Expr, start *plexer.Token, async bool) ast.Stmt {
	kw := p.next()
	name := p.expectName()
	s := &ast.FunctionDef{Pos: tokPos(start), Name: name.Value, Decorators: decorators, IsAsync: async}
	if p.isOp("[") {
		p.fail(p.tok, "type parameters are not supported")
	}
	if !p.isOp("(") {
		p.fail(p.tok, "expected '('")
	}
	p.next()
	s.Args = p.parameters(")", true)
	p.expectOp(")")
	if p.acceptOp("->") {
		s.Returns = p.expression()
	}
	p.expectColon()
	s.Body = p.block("function definition", kw)
	return s
}

// classDef parses `class Name[(bases, keywords)]: body`.
func (p *parser) classDef(decorators []ast.Expr) ast.Stmt {
	kw := p.next()
	name := p.expectName()
	s := &ast.ClassDef{Pos: tokPos(kw), Name: name.Value, Decorators: decorators}
	if p.isOp("[") {
		p.fail(p.tok, "type parameters are not supported")
	}
	if p.isOp("(") {
		p.brackets++
		s.Bases, s.Keywords = p.arguments(p.next(), false)
		p.brackets--
	}
	if !p.isOp(":") {
		if p.tok.Type == lexer.Newline {
			p.fail(p.tok, "expected ':'")
		}
		p.syntaxError(p.tok)
	}
	p.next()
	s.Body = p.block("class definition", kw)
	return s
}
