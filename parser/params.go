package parser

// This file parses the parameter lists of def and lambda.

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// paramList accumulates parameters while they are parsed.
type paramList struct {
	args      *ast.Arguments
	plain     []*ast.Arg
	star      *plexer.Token // the '*' token, bare or not
	afterStar *plexer.Token // the token after it
	slash     bool
	annotate  bool // def allows annotations, lambda does not
}

// parameters parses a parameter list up to (not including) close, which is
// ")" for def and ":" for lambda.
func (p *parser) parameters(close string, annotate bool) *ast.Arguments {
	l := &paramList{args: &ast.Arguments{}, annotate: annotate}
	for !p.isOp(close) {
		p.parameter(l)
		if !p.acceptOp(",") {
			break
		}
	}
	if l.star != nil && l.args.Vararg == nil && len(l.args.KwOnly) == 0 {
		p.fail(l.bareStarAt(l.star, l.afterStar), "named arguments must follow bare *")
	}
	l.args.Args = l.plain
	return l.args
}

// parameter parses one entry: `/`, `*`, `*args`, `**kw` or `name[=default]`.
func (p *parser) parameter(l *paramList) {
	t := p.tok
	if l.args.Kwarg != nil {
		p.fail(t, "arguments cannot follow var-keyword argument")
	}
	switch {
	case p.isOp("/"):
		p.slashParam(l, t)
	case p.isOp("*"):
		p.next()
		if l.star != nil {
			p.fail(t, "* argument may appear only once")
		}
		l.star, l.afterStar = t, p.tok
		if p.tok.Type == lexer.Name {
			l.args.Vararg = p.arg(l)
		} else if !p.isOp(",") {
			p.fail(l.bareStarAt(t, p.tok), "named arguments must follow bare *")
		}
	case p.isOp("**"):
		p.next()
		l.args.Kwarg = p.arg(l)
	case t.Type == lexer.Name:
		p.namedParam(l)
	case p.isOp("(") && p.peek2().Type == lexer.Name && l.annotate:
		p.fail(t, "Function parameters cannot be parenthesized")
	case p.isOp("(") && p.peek2().Type == lexer.Name:
		p.fail(t, "Lambda expression parameters cannot be parenthesized")
	default:
		p.syntaxError(t)
	}
}

func (p *parser) slashParam(l *paramList, t *plexer.Token) {
	switch {
	case l.slash:
		p.fail(t, "/ may appear only once")
	case l.star != nil:
		p.fail(t, "/ must be ahead of *")
	case len(l.plain) == 0:
		p.fail(t, "at least one argument must precede /")
	}
	p.next()
	l.slash = true
	l.args.PosOnly = l.plain
	l.plain = nil
}

// namedParam parses `name[: annotation][= default]`.
func (p *parser) namedParam(l *paramList) {
	t := p.tok
	a := p.arg(l)
	var def ast.Expr
	if p.acceptOp("=") {
		def = p.expression()
	}
	if l.star != nil {
		l.args.KwOnly = append(l.args.KwOnly, a)
		l.args.KwDefaults = append(l.args.KwDefaults, def)
		return
	}
	if def != nil {
		l.args.Defaults = append(l.args.Defaults, def)
	} else if len(l.args.Defaults) > 0 {
		p.fail(t, "non-default argument follows default argument")
	}
	l.plain = append(l.plain, a)
}

// arg parses `name[: annotation]` and refuses a repeated name.
func (p *parser) arg(l *paramList) *ast.Arg {
	t := p.expectName()
	if l.has(t.Value) {
		p.fail(t, "duplicate argument '"+t.Value+"' in function definition")
	}
	a := &ast.Arg{Pos: tokPos(t), Name: t.Value}
	if l.annotate && p.acceptOp(":") {
		a.Annotation = p.expression()
	}
	return a
}

// bareStarAt is where CPython reports a bare '*' without keyword-only
// parameters: at the '*' in a def, after it in a lambda.
func (l *paramList) bareStarAt(star, after *plexer.Token) *plexer.Token {
	if l.annotate {
		return star
	}
	return after
}

// has reports whether a parameter is already named name.
func (l *paramList) has(name string) bool {
	a := l.args
	for _, group := range [][]*ast.Arg{a.PosOnly, l.plain, a.KwOnly} {
		for _, x := range group {
			if x.Name == name {
				return true
			}
		}
	}
	return (a.Vararg != nil && a.Vararg.Name == name) || (a.Kwarg != nil && a.Kwarg.Name == name)
}
