package parser

// This file parses atoms: names, literals, displays, comprehensions, and
// the insides of calls and subscripts.

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// atom parses the innermost expressions.
func (p *parser) atom() ast.Expr {
	t := p.tok
	switch t.Type {
	case lexer.Name:
		p.next()
		return ended(p, &ast.Name{Pos: tokPos(t), Id: t.Value})
	case lexer.Int:
		p.next()
		return ended(p, &ast.Constant{Pos: tokPos(t), Value: p.intValue(t)})
	case lexer.Float:
		p.next()
		return ended(p, &ast.Constant{Pos: tokPos(t), Value: p.floatValue(t)})
	case lexer.Imag:
		p.next()
		return ended(p, &ast.Constant{Pos: tokPos(t), Value: p.imagValue(t)})
	case lexer.String:
		return p.strings()
	case lexer.Keyword:
		switch t.Value {
		case "True":
			p.next()
			return ended(p, &ast.Constant{Pos: tokPos(t), Value: true})
		case "False":
			p.next()
			return ended(p, &ast.Constant{Pos: tokPos(t), Value: false})
		case "None":
			p.next()
			return ended(p, &ast.Constant{Pos: tokPos(t), Value: nil})
		}
	case lexer.Op:
		switch t.Value {
		case "(", "[", "{":
			p.brackets++
			defer func() { p.brackets-- }()
			switch t.Value {
			case "(":
				return p.group()
			case "[":
				return p.listDisplay()
			}
			return p.braceDisplay()
		case "...":
			p.next()
			return ended(p, &ast.Constant{Pos: tokPos(t), Value: ast.Ellipsis{}})
		}
	}
	p.syntaxError(t)
	return nil
}

// group parses `()`, `(yield …)`, `(x)`, `(x, …)` and `(x for …)`.
func (p *parser) group() ast.Expr {
	open := p.next()
	pos := tokPos(open)
	if p.acceptOp(")") {
		return ended(p, &ast.Tuple{Pos: pos})
	}
	if p.isKw("yield") {
		y := p.yieldExpr()
		p.expectOp(")")
		return y
	}
	first := p.starNamedExpression()
	if p.isKw("for") || p.isKw("async") {
		p.checkCompElt(first)
		g := &ast.GeneratorExp{Pos: pos, Elt: first, Generators: p.comprehensions()}
		p.expectOp(")")
		return ended(p, g)
	}
	if p.isOp(")") {
		if s, ok := first.(*ast.Starred); ok {
			p.failSpan(s.Pos, p.last, "cannot use starred expression here")
		}
		p.next()
		return first
	}
	if !p.isOp(",") {
		p.expectClose(")", first)
	}
	elts := p.restOfList(first, ")")
	return ended(p, &ast.Tuple{Pos: pos, Elts: elts})
}

// restOfList parses `(',' element)* [','] close` after the first element.
func (p *parser) restOfList(first ast.Expr, close string) []ast.Expr {
	elts := []ast.Expr{first}
	for p.acceptOp(",") {
		if p.isOp(close) {
			break
		}
		elts = append(elts, p.starNamedExpression())
		if close != ")" && (p.isKw("for") || p.isKw("async")) {
			p.failSpan(first.Position(), p.last, "did you forget parentheses around the comprehension target?")
		}
	}
	p.expectClose(close, elts[len(elts)-1])
	return elts
}

// listDisplay parses `[…]`: a list or a list comprehension.
func (p *parser) listDisplay() ast.Expr {
	pos := tokPos(p.next())
	if p.acceptOp("]") {
		return ended(p, &ast.List{Pos: pos})
	}
	first := p.starNamedExpression()
	if p.isKw("for") || p.isKw("async") {
		p.checkCompElt(first)
		c := &ast.ListComp{Pos: pos, Elt: first, Generators: p.comprehensions()}
		p.expectOp("]")
		return ended(p, c)
	}
	return ended(p, &ast.List{Pos: pos, Elts: p.restOfList(first, "]")})
}

// braceDisplay parses `{…}`: a dict, set, or their comprehensions.
func (p *parser) braceDisplay() ast.Expr {
	pos := tokPos(p.next())
	if p.acceptOp("}") {
		return ended(p, &ast.Dict{Pos: pos})
	}
	if p.isOp("**") {
		return p.dictDisplay(pos, nil)
	}
	first := p.starNamedExpression()
	if p.isOp(":") {
		if _, ok := first.(*ast.Starred); ok {
			p.syntaxError(p.tok)
		}
		return p.dictDisplay(pos, first)
	}
	if p.isKw("for") || p.isKw("async") {
		p.checkCompElt(first)
		c := &ast.SetComp{Pos: pos, Elt: first, Generators: p.comprehensions()}
		p.expectOp("}")
		return ended(p, c)
	}
	return ended(p, &ast.Set{Pos: pos, Elts: p.restOfList(first, "}")})
}

// dictDisplay parses a dict display or comprehension whose first key was
// parsed already (nil when it starts with `**`).
func (p *parser) dictDisplay(pos ast.Pos, key ast.Expr) ast.Expr {
	d := &ast.Dict{Pos: pos}
	first := true
	for {
		if key == nil {
			star := p.expectOp("**")
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.bitwiseOr())
			if first && (p.isKw("for") || p.isKw("async")) {
				p.fail(star, "dict unpacking cannot be used in dict comprehension")
			}
		} else {
			p.dictValue(d, key)
			if first && (p.isKw("for") || p.isKw("async")) {
				c := &ast.DictComp{Pos: pos, Key: key, Value: d.Values[0], Generators: p.comprehensions()}
				p.expectOp("}")
				return ended(p, c)
			}
		}
		first = false
		if !p.acceptOp(",") || p.isOp("}") {
			break
		}
		key = nil
		if !p.isOp("**") {
			key = p.expression()
		}
	}
	p.expectClose("}", d.Values[len(d.Values)-1])
	return ended(p, d)
}

// dictValue parses `':' expression` after a key and adds the pair to d.
func (p *parser) dictValue(d *ast.Dict, key ast.Expr) {
	if !p.isOp(":") {
		p.failAt(key.Position(), "':' expected after dictionary key")
	}
	colon := p.next()
	if p.isOp("}") || p.isOp(",") {
		p.fail(colon, "expression expected after dictionary key and ':'")
	}
	if p.isOp("*") {
		p.fail(p.tok, "cannot use a starred expression in a dictionary value")
	}
	d.Keys = append(d.Keys, key)
	d.Values = append(d.Values, p.expression())
}

// comprehensions parses one or more `[async] for targets in iter (if cond)*`.
func (p *parser) comprehensions() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for {
		start := p.tok
		async := false
		if p.isKw("async") {
			p.next()
			async = true
		}
		if !p.acceptKw("for") {
			if async || gens == nil {
				p.syntaxError(p.tok)
			}
			return gens
		}
		c := &ast.Comprehension{Pos: tokPos(start), IsAsync: async}
		c.Target = p.targetList()
		if !p.acceptKw("in") {
			p.juxtaposed(start, c.Target)
			p.syntaxError(p.tok)
		}
		c.Iter = p.disjunction()
		for p.acceptKw("if") {
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		gens = append(gens, c)
	}
}

// callArguments parses call arguments after '(' up to and including ')'.
func (p *parser) callArguments(open *plexer.Token) ([]ast.Expr, []*ast.Keyword) {
	return p.arguments(open, true)
}

// arguments parses call or class-header arguments; only a call may take a
// bare generator expression.
func (p *parser) arguments(open *plexer.Token, genexp bool) ([]ast.Expr, []*ast.Keyword) {
	var args []ast.Expr
	var kws []*ast.Keyword
	sawKw, sawDoubleStar := false, false
	for !p.isOp(")") {
		t := p.tok
		switch {
		case p.isOp("*"):
			p.next()
			if sawDoubleStar {
				p.fail(t, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, ended(p, &ast.Starred{Pos: tokPos(t), Value: p.expression()}))
		case p.isOp("**"):
			p.next()
			kws = append(kws, ended(p, &ast.Keyword{Pos: tokPos(t), Value: p.expression()}))
			sawDoubleStar = true
		case t.Type == lexer.Name && p.peek2().Type == lexer.Op && p.peek2().Value == "=":
			p.next()
			p.next()
			kws = append(kws, ended(p, &ast.Keyword{Pos: tokPos(t), Arg: t.Value, Value: p.expression()}))
			sawKw = true
		default:
			x := p.namedExpr()
			if p.isOp("=") {
				p.failSpan(x.Position(), p.tok, `expression cannot contain assignment, perhaps you meant "=="?`)
			}
			if genexp && (p.isKw("for") || p.isKw("async")) {
				x = p.callGenexp(open, x, len(args)+len(kws) == 0)
			}
			switch {
			case sawDoubleStar:
				p.failAt(x.Position(), "positional argument follows keyword argument unpacking")
			case sawKw:
				p.failAt(x.Position(), "positional argument follows keyword argument")
			}
			args = append(args, x)
		}
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectClose(")", lastArg(args, kws))
	return args, kws
}

// lastArg returns the argument parsed last, or nil.
func lastArg(args []ast.Expr, kws []*ast.Keyword) ast.Expr {
	var last ast.Expr
	if len(args) > 0 {
		last = args[len(args)-1]
	}
	if len(kws) > 0 && (last == nil || posBefore(last.Position(), kws[len(kws)-1].Pos)) {
		last = kws[len(kws)-1].Value
	}
	return last
}

func posBefore(a, b ast.Pos) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
}

// callGenexp parses `f(x for …)`; the generator must be the only argument.
func (p *parser) callGenexp(start *plexer.Token, elt ast.Expr, alone bool) ast.Expr {
	p.checkCompElt(elt)
	g := &ast.GeneratorExp{Pos: tokPos(start), Elt: elt, Generators: p.comprehensions()}
	if !alone || !p.isOp(")") {
		p.failSpan(elt.Position(), p.last, "Generator expression must be parenthesized")
	}
	endAt(g, p.tok) // like CPython, the generator spans the call's parentheses
	return g
}

// slices parses the inside of `x[…]` up to and including ']'.
func (p *parser) slices() ast.Expr {
	if p.isOp("]") {
		p.syntaxError(p.tok)
	}
	start := tokPos(p.tok)
	first := p.sliceItem()
	if _, star := first.(*ast.Starred); !star && !p.isOp(",") {
		p.expectClose("]", first)
		return first
	}
	elts := []ast.Expr{first}
	for p.acceptOp(",") && !p.isOp("]") {
		elts = append(elts, p.sliceItem())
	}
	t := ended(p, &ast.Tuple{Pos: start, Elts: elts}) // the tuple ends before ']'
	p.expectClose("]", elts[len(elts)-1])
	return t
}

// sliceItem parses `[lower]:[upper][:[step]]`, a starred expression or a
// named expression.
func (p *parser) sliceItem() ast.Expr {
	if p.isOp("*") {
		pos := tokPos(p.next())
		return ended(p, &ast.Starred{Pos: pos, Value: p.bitwiseOr()})
	}
	s := &ast.Slice{Pos: tokPos(p.tok)}
	if !p.isOp(":") {
		lower := p.namedExpression()
		if !p.isOp(":") {
			return lower
		}
		s.Lower = lower
	}
	p.next()
	if !p.sliceEnd() {
		s.Upper = p.expression()
	}
	if p.acceptOp(":") && !p.sliceEnd() {
		s.Step = p.expression()
	}
	return ended(p, s)
}

// sliceEnd reports whether the head ends a slice part.
func (p *parser) sliceEnd() bool {
	return p.isOp(":") || p.isOp(",") || p.isOp("]")
}

// targetList parses the targets of a for loop or comprehension, which stop
// before `in`.
func (p *parser) targetList() ast.Expr {
	start := tokPos(p.tok)
	first := p.target()
	if !p.isOp(",") {
		p.checkStore(first, p.last)
		return first
	}
	elts := []ast.Expr{first}
	for p.acceptOp(",") && !p.isKw("in") && !p.isOp("=") {
		elts = append(elts, p.target())
	}
	t := ended(p, &ast.Tuple{Pos: start, Elts: elts})
	p.checkStore(t, p.last)
	return t
}

// target parses one assignment target: `*t` or a bitwise_or expression.
func (p *parser) target() ast.Expr {
	if p.isOp("*") {
		pos := tokPos(p.next())
		p.enter()
		defer p.leave()
		return ended(p, &ast.Starred{Pos: pos, Value: p.target()})
	}
	return p.bitwiseOr()
}
