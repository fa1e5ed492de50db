package parser

// This file parses simple statements and dispatches compound ones.

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// statement parses one compound statement or one line of simple
// statements.
func (p *parser) statement() []ast.Stmt {
	t := p.tok
	switch t.Type {
	case lexer.Keyword:
		if s := p.compound(); s != nil {
			return []ast.Stmt{s}
		}
	case lexer.Op:
		if t.Value == "@" {
			return []ast.Stmt{p.decorated()}
		}
	case lexer.Name:
		if s := p.softKeyword(); s != nil {
			return []ast.Stmt{s}
		}
	case lexer.Indent, lexer.Dedent:
		p.syntaxError(t)
	}
	return p.simpleStatements()
}

// compound parses a compound statement led by a keyword, or returns nil.
func (p *parser) compound() ast.Stmt {
	switch p.tok.Value {
	case "if":
		return p.ifStmt()
	case "while":
		return p.whileStmt()
	case "for":
		return p.forStmt(p.next(), false)
	case "try":
		return p.tryStmt()
	case "with":
		return p.withStmt(p.next(), false)
	case "def":
		return p.funcDef(nil, p.tok, false)
	case "class":
		return p.classDef(nil)
	case "async":
		return p.asyncStmt(nil)
	}
	return nil
}

// softKeyword parses a match statement, or refuses a type statement;
// both start with a name. It returns nil for anything else.
func (p *parser) softKeyword() ast.Stmt {
	switch p.tok.Value {
	case "match":
		if p.looksLikeMatch() {
			return p.matchStmt()
		}
	case "type":
		if n := p.peek2(); n.Type == lexer.Name {
			p.fail(p.tok, "'type' statements are not supported")
		}
	}
	return nil
}

// looksLikeMatch tries `match subject:` NEWLINE and rewinds.
func (p *parser) looksLikeMatch() bool {
	return p.try(true, func() bool {
		p.next()
		if p.tok.Type == lexer.Newline || p.isOp("=") || p.isOp(".") || p.isOp(":") {
			return false
		}
		p.starExpressions()
		return p.isOp(":") && p.peek2().Type == lexer.Newline
	})
}

// simpleStatements parses `small (';' small)* [';'] NEWLINE`.
func (p *parser) simpleStatements() []ast.Stmt {
	var out []ast.Stmt
	for {
		s := p.smallStatement()
		if n, ok := s.(spanned); ok {
			endAt(n, p.last)
		}
		out = append(out, s)
		if !p.acceptOp(";") {
			break
		}
		if p.tok.Type == lexer.Newline || p.tok.EOF() {
			break
		}
	}
	p.expectNewline()
	return out
}

// smallStatement parses one simple statement.
func (p *parser) smallStatement() ast.Stmt {
	t := p.tok
	if t.Type == lexer.Keyword {
		pos := tokPos(t)
		switch t.Value {
		case "pass":
			p.next()
			return &ast.Pass{Pos: pos}
		case "break":
			p.next()
			return &ast.Break{Pos: pos}
		case "continue":
			p.next()
			return &ast.Continue{Pos: pos}
		case "return":
			return p.returnStmt()
		case "raise":
			return p.raiseStmt()
		case "global", "nonlocal":
			return p.globalStmt()
		case "del":
			return p.delStmt()
		case "assert":
			return p.assertStmt()
		case "import":
			return p.importStmt()
		case "from":
			return p.fromImport()
		}
	}
	return p.exprStatement()
}

func (p *parser) returnStmt() ast.Stmt {
	s := &ast.Return{Pos: tokPos(p.next())}
	if !p.endOfSimple() {
		s.Value = p.starExpressions()
	}
	return s
}

func (p *parser) raiseStmt() ast.Stmt {
	s := &ast.Raise{Pos: tokPos(p.next())}
	if p.endOfSimple() {
		return s
	}
	s.Exc = p.expression()
	if p.acceptKw("from") {
		s.Cause = p.expression()
	}
	return s
}

func (p *parser) globalStmt() ast.Stmt {
	kw := p.next()
	names := []string{p.expectName().Value}
	for p.acceptOp(",") {
		names = append(names, p.expectName().Value)
	}
	if kw.Value == "global" {
		return &ast.Global{Pos: tokPos(kw), Names: names}
	}
	return &ast.Nonlocal{Pos: tokPos(kw), Names: names}
}

func (p *parser) delStmt() ast.Stmt {
	s := &ast.Delete{Pos: tokPos(p.next())}
	for {
		t := p.target()
		p.checkDelete(t, p.last)
		s.Targets = append(s.Targets, t)
		if !p.acceptOp(",") || p.endOfSimple() {
			break
		}
	}
	return s
}

func (p *parser) assertStmt() ast.Stmt {
	s := &ast.Assert{Pos: tokPos(p.next())}
	s.Test = p.expression()
	if p.acceptOp(",") {
		s.Msg = p.expression()
	}
	return s
}

// importStmt parses `import a.b as c, d`.
func (p *parser) importStmt() ast.Stmt {
	s := &ast.Import{Pos: tokPos(p.next())}
	for {
		t := p.tok
		a := &ast.Alias{Pos: tokPos(t), Name: p.dottedName()}
		if p.acceptKw("as") {
			a.AsName = p.expectName().Value
		}
		s.Names = append(s.Names, a)
		if !p.acceptOp(",") {
			return s
		}
	}
}

// dottedName parses `a.b.c`.
func (p *parser) dottedName() string {
	name := p.expectName().Value
	if !p.isOp(".") {
		return name
	}
	var b strings.Builder
	b.WriteString(name)
	for p.acceptOp(".") {
		b.WriteByte('.')
		b.WriteString(p.expectName().Value)
	}
	return b.String()
}

// fromImport parses `from .mod import a as b, c` and `from m import *`.
func (p *parser) fromImport() ast.Stmt {
	s := &ast.ImportFrom{Pos: tokPos(p.next())}
	for p.isOp(".") || p.isOp("...") {
		s.Level += len(p.next().Value)
	}
	if s.Level == 0 || !p.isKw("import") {
		s.Module = p.dottedName()
	}
	if !p.acceptKw("import") {
		p.syntaxError(p.tok)
	}
	if t := p.tok; p.acceptOp("*") {
		s.Names = []*ast.Alias{{Pos: tokPos(t), Name: "*"}}
		return s
	}
	paren := p.acceptOp("(")
	for {
		t := p.expectName()
		a := &ast.Alias{Pos: tokPos(t), Name: t.Value}
		if p.acceptKw("as") {
			a.AsName = p.expectName().Value
		}
		s.Names = append(s.Names, a)
		if !p.isOp(",") {
			break
		}
		p.next()
		if paren && p.isOp(")") {
			break
		}
		if !paren && p.endOfSimple() {
			p.fail(p.tok, "trailing comma not allowed without surrounding parentheses")
		}
	}
	if paren {
		p.expectOp(")")
	}
	return s
}

// endOfSimple reports whether the head ends a simple statement.
func (p *parser) endOfSimple() bool {
	t := p.tok
	return t.Type == lexer.Newline || t.EOF() || (t.Type == lexer.Op && t.Value == ";")
}

// augOps maps augmented assignment tokens to their operators.
var augOps = map[string]ast.Operator{
	"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mult, "@=": ast.MatMult, "/=": ast.Div,
	"%=": ast.Mod, "**=": ast.Pow, "<<=": ast.LShift, ">>=": ast.RShift, "|=": ast.BitOr,
	"^=": ast.BitXor, "&=": ast.BitAnd, "//=": ast.FloorDiv,
}

// exprStatement parses an expression statement or an assignment of any
// kind: parse an expression, then look at what follows.
func (p *parser) exprStatement() ast.Stmt {
	first := p.tok
	pos := tokPos(first)
	lhs := p.starExpressionsOrYield()
	t := p.tok
	if t.Type != lexer.Op {
		if !p.endOfSimple() {
			p.syntaxError(p.tok)
		}
		return &ast.ExprStmt{Pos: pos, Value: lhs}
	}
	switch t.Value {
	case "=":
		return p.assignment(pos, lhs)
	case ":":
		return p.annAssign(first, lhs)
	}
	if op, ok := augOps[t.Value]; ok {
		p.checkAugTarget(lhs)
		p.next()
		return &ast.AugAssign{Pos: pos, Target: lhs, Op: op, Value: p.starExpressionsOrYield()}
	}
	if !p.endOfSimple() {
		p.syntaxError(p.tok)
	}
	return &ast.ExprStmt{Pos: pos, Value: lhs}
}

// assignment parses the rest of `t1 = t2 = value`.
func (p *parser) assignment(pos ast.Pos, lhs ast.Expr) ast.Stmt {
	s := &ast.Assign{Pos: pos}
	targets, ends := []ast.Expr{lhs}, []*plexer.Token{p.last}
	for p.acceptOp("=") {
		targets = append(targets, p.starExpressionsOrYield())
		ends = append(ends, p.last)
	}
	s.Value = targets[len(targets)-1]
	s.Targets = targets[:len(targets)-1]
	for i, t := range s.Targets {
		p.checkAssignTop(t, len(s.Targets) == 1, ends[i])
	}
	return s
}

// annAssign parses the rest of `target: annotation [= value]`.
func (p *parser) annAssign(first *plexer.Token, lhs ast.Expr) ast.Stmt {
	p.checkAnnTarget(lhs)
	p.next()
	s := &ast.AnnAssign{Pos: tokPos(first), Target: lhs, Annotation: p.expression()}
	_, isName := lhs.(*ast.Name)
	s.Simple = isName && first.Type == lexer.Name
	if p.acceptOp("=") {
		s.Value = p.starExpressionsOrYield()
	}
	return s
}
