package parser

// This file parses expressions by precedence climbing, from the loosest
// level (tuples, yield) down to primaries.

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// starExpressionsOrYield parses a yield expression or star_expressions:
// the right-hand side of an assignment or an expression statement.
func (p *parser) starExpressionsOrYield() ast.Expr {
	if p.isKw("yield") {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

// yieldExpr parses `yield [star_expressions]` and `yield from expr`.
func (p *parser) yieldExpr() ast.Expr {
	pos := tokPos(p.next())
	if p.acceptKw("from") {
		return ended(p, &ast.YieldFrom{Pos: pos, Value: p.expression()})
	}
	y := &ast.Yield{Pos: pos}
	if p.startsExpr() {
		y.Value = p.starExpressions()
	}
	return ended(p, y)
}

// starExpressions parses `star_expression (',' star_expression)* [',']`;
// a comma makes a tuple.
func (p *parser) starExpressions() ast.Expr {
	start := tokPos(p.tok)
	first := p.starExpression()
	if !p.isOp(",") {
		return first
	}
	elts := []ast.Expr{first}
	for p.acceptOp(",") && p.startsExpr() {
		elts = append(elts, p.starExpression())
	}
	return ended(p, &ast.Tuple{Pos: start, Elts: elts})
}

// starExpression parses `'*' bitwise_or | expression`.
func (p *parser) starExpression() ast.Expr {
	if p.isOp("*") {
		pos := tokPos(p.next())
		return ended(p, &ast.Starred{Pos: pos, Value: p.bitwiseOr()})
	}
	return p.expression()
}

// starNamedExpression is an element of a list, set or tuple display.
func (p *parser) starNamedExpression() ast.Expr {
	if p.isOp("*") {
		pos := tokPos(p.next())
		return ended(p, &ast.Starred{Pos: pos, Value: p.bitwiseOr()})
	}
	return p.namedExpression()
}

// namedExpression parses `NAME ':=' expression | expression`. A `=`
// after it gets CPython's hint that `==` or `:=` was meant.
func (p *parser) namedExpression() ast.Expr {
	x := p.namedExpr()
	if p.isOp("=") && p.quiet == 0 {
		p.equalsHint(x)
	}
	return x
}

// equalsHint reports `x = …` where an expression was expected. Like
// CPython it first reads the right-hand side, which decides whether the
// hint applies and how far the parser looked.
func (p *parser) equalsHint(x ast.Expr) {
	xEnd, eq := p.last, p.next()
	if !p.hintOperand() {
		p.syntaxError(eq)
	}
	if _, ok := x.(*ast.Name); ok {
		p.failSpan(x.Position(), p.last, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if hintsEquality(x, x) {
		p.failSpan(x.Position(), xEnd, "cannot assign to "+ast.Describe(x)+" here. Maybe you meant '==' instead of '='?")
	}
}

// hintOperand reports whether a bitwise_or expression not followed by `=`
// or `:=` comes next.
func (p *parser) hintOperand() bool {
	p.quiet++
	defer func() { p.quiet-- }()
	return p.try(false, func() bool {
		p.bitwiseOr()
		return !p.isOp("=") && !p.isOp(":=")
	})
}

// namedExpr is namedExpression without the `=` hint.
func (p *parser) namedExpr() ast.Expr {
	start := p.tok
	x := p.expression()
	if !p.isOp(":=") {
		return x
	}
	n, ok := x.(*ast.Name)
	if !ok || start.Type != lexer.Name {
		p.failSpan(x.Position(), p.last, "cannot use assignment expressions with "+ast.Describe(x))
	}
	p.next()
	return ended(p, &ast.NamedExpr{Pos: n.Pos, Target: n, Value: p.expression()})
}

// expression parses a conditional expression or a lambda.
func (p *parser) expression() ast.Expr {
	p.enter()
	defer p.leave()
	if p.isKw("lambda") {
		return p.lambda()
	}
	start := p.tok
	body := p.disjunction()
	if !p.isKw("if") {
		p.juxtaposed(start, body)
		return body
	}
	p.next()
	test := p.disjunction()
	if !p.acceptKw("else") {
		e := tokenError(start, "SyntaxError", "expected 'else' after 'if' expression")
		if p.last.Pos.Line == e.Line {
			e.EndCol = tokenError(p.last, "", "").EndCol
		}
		e.incomplete = p.tok.EOF()
		p.raise(e)
	}
	return ended(p, &ast.IfExp{Pos: tokPos(start), Test: test, Body: body, Orelse: p.expression()})
}

// lambda parses `lambda [params]: expression`.
func (p *parser) lambda() ast.Expr {
	pos := tokPos(p.next())
	args := p.parameters(":", false)
	p.expectOp(":")
	return ended(p, &ast.Lambda{Pos: pos, Args: args, Body: p.expression()})
}

// disjunction parses `conjunction ('or' conjunction)*`.
func (p *parser) disjunction() ast.Expr { return p.boolChain("or", ast.Or, p.conjunction) }

// conjunction parses `inversion ('and' inversion)*`.
func (p *parser) conjunction() ast.Expr { return p.boolChain("and", ast.And, p.inversion) }

// boolChain parses `operand (kw operand)*` into one BoolOp (or the lone
// operand).
func (p *parser) boolChain(kw string, op ast.BoolOperator, operand func() ast.Expr) ast.Expr {
	start := tokPos(p.tok)
	x := operand()
	if !p.isKw(kw) {
		return x
	}
	values := []ast.Expr{x}
	for p.acceptKw(kw) {
		values = append(values, operand())
	}
	return ended(p, &ast.BoolOp{Pos: start, Op: op, Values: values})
}

// inversion parses `'not' inversion | comparison`.
func (p *parser) inversion() ast.Expr {
	if p.isKw("not") {
		pos := tokPos(p.next())
		p.enter()
		defer p.leave()
		return ended(p, &ast.UnaryOp{Pos: pos, Op: ast.Not, Operand: p.inversion()})
	}
	return p.comparison()
}

// comparison parses a chain `a < b == c`.
func (p *parser) comparison() ast.Expr {
	start := tokPos(p.tok)
	x := p.bitwiseOr()
	op, ok := p.cmpOp()
	if !ok {
		return x
	}
	c := &ast.Compare{Pos: start, Left: x}
	for ok {
		c.Ops = append(c.Ops, op)
		c.Comparators = append(c.Comparators, p.bitwiseOr())
		op, ok = p.cmpOp()
	}
	return ended(p, c)
}

// cmpOp consumes a comparison operator if one is next.
func (p *parser) cmpOp() (ast.CmpOperator, bool) {
	t := p.tok
	var op ast.CmpOperator
	switch t.Type {
	case lexer.Op:
		switch t.Value {
		case "==":
			op = ast.Eq
		case "!=":
			op = ast.NotEq
		case "<":
			op = ast.Lt
		case "<=":
			op = ast.LtE
		case ">":
			op = ast.Gt
		case ">=":
			op = ast.GtE
		default:
			return 0, false
		}
	case lexer.Keyword:
		switch t.Value {
		case "in":
			op = ast.In
		case "is":
			p.next()
			if p.acceptKw("not") {
				return ast.IsNot, true
			}
			return ast.Is, true
		case "not":
			if n := p.peek2(); n.Type != lexer.Keyword || n.Value != "in" {
				return 0, false
			}
			p.next()
			op = ast.NotIn
		default:
			return 0, false
		}
	default:
		return 0, false
	}
	p.next()
	return op, true
}

// Binary operator precedences, loosest first.
const (
	precNone = iota
	precBitOr
	precBitXor
	precBitAnd
	precShift
	precArith
	precTerm
)

// binaryOp returns the operator and precedence of token t, or precNone.
func binaryOp(t *plexer.Token) (ast.Operator, int) {
	if t.Type != lexer.Op {
		return 0, precNone
	}
	switch t.Value {
	case "|":
		return ast.BitOr, precBitOr
	case "^":
		return ast.BitXor, precBitXor
	case "&":
		return ast.BitAnd, precBitAnd
	case "<<":
		return ast.LShift, precShift
	case ">>":
		return ast.RShift, precShift
	case "+":
		return ast.Add, precArith
	case "-":
		return ast.Sub, precArith
	case "*":
		return ast.Mult, precTerm
	case "/":
		return ast.Div, precTerm
	case "//":
		return ast.FloorDiv, precTerm
	case "%":
		return ast.Mod, precTerm
	case "@":
		return ast.MatMult, precTerm
	}
	return 0, precNone
}

// bitwiseOr parses the binary operator levels from `|` to `*`.
func (p *parser) bitwiseOr() ast.Expr {
	return p.binary(precBitOr)
}

// binary is precedence climbing over the left-associative binary
// operators binding at least as tightly as minPrec.
func (p *parser) binary(minPrec int) ast.Expr {
	start := tokPos(p.tok)
	x := p.factor()
	for {
		op, prec := binaryOp(p.tok)
		if prec < minPrec || prec == precNone {
			return x
		}
		p.next()
		y := p.binary(prec + 1)
		x = ended(p, &ast.BinOp{Pos: start, Left: x, Op: op, Right: y})
	}
}

// factor parses unary `+`, `-`, `~` and then a power.
func (p *parser) factor() ast.Expr {
	t := p.tok
	if t.Type == lexer.Op {
		var op ast.UnaryOperator
		switch t.Value {
		case "-":
			op = ast.USub
		case "+":
			op = ast.UAdd
		case "~":
			op = ast.Invert
		default:
			return p.power()
		}
		p.next()
		p.enter()
		defer p.leave()
		return ended(p, &ast.UnaryOp{Pos: tokPos(t), Op: op, Operand: p.factor()})
	}
	return p.power()
}

// power parses `await_primary ['**' factor]`; ** binds tighter than a
// unary operator on its left and looser than one on its right.
func (p *parser) power() ast.Expr {
	start := tokPos(p.tok)
	var x ast.Expr
	if p.isKw("await") {
		pos := tokPos(p.next())
		x = ended(p, &ast.Await{Pos: pos, Value: p.primary()})
	} else {
		x = p.primary()
	}
	if p.isOp("**") {
		p.next()
		p.enter()
		defer p.leave()
		return ended(p, &ast.BinOp{Pos: start, Left: x, Op: ast.Pow, Right: p.factor()})
	}
	return x
}

// primary parses an atom followed by attribute, call and subscript
// trailers.
func (p *parser) primary() ast.Expr {
	start := tokPos(p.tok)
	x := p.atom()
	for p.tok.Type == lexer.Op {
		switch p.tok.Value {
		case ".":
			p.next()
			name := p.expectName()
			x = ended(p, &ast.Attribute{Pos: start, Value: x, Attr: name.Value})
		case "(":
			p.brackets++
			args, kws := p.callArguments(p.next())
			p.brackets--
			x = ended(p, &ast.Call{Pos: start, Func: x, Args: args, Keywords: kws})
		case "[":
			p.next()
			p.brackets++
			x = ended(p, &ast.Subscript{Pos: start, Value: x, Slice: p.slices()})
			p.brackets--
		default:
			return x
		}
	}
	return x
}

// startsExpr reports whether the head can begin an expression: it decides
// whether a trailing comma ends a list.
func (p *parser) startsExpr() bool {
	t := p.tok
	switch t.Type {
	case lexer.Name, lexer.Int, lexer.Float, lexer.Imag, lexer.String:
		return true
	case lexer.Keyword:
		switch t.Value {
		case "not", "lambda", "await", "True", "False", "None", "yield":
			return true
		}
	case lexer.Op:
		switch t.Value {
		case "(", "[", "{", "-", "+", "~", "*", "...":
			return true
		}
	}
	return false
}
