package parser

// This file parses the match statement and its patterns (PEP 634), with
// CPython's grammar and its error messages for the common mistakes.

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// matchStmt parses `match subject:` NEWLINE INDENT case_block+ DEDENT; the
// head is the soft keyword `match`.
func (p *parser) matchStmt() ast.Stmt {
	kw := p.next()
	s := &ast.Match{Pos: tokPos(kw), Subject: p.matchSubject()}
	p.headerColon()
	nl := p.tok
	p.expectNewline()
	if p.tok.Type != lexer.Indent {
		p.expectedBlock(nl, "'match' statement", kw)
	}
	p.next()
	for p.tok.Type != lexer.Dedent && !p.tok.EOF() {
		if p.tok.Type != lexer.Name || p.tok.Value != "case" {
			p.syntaxError(p.tok)
		}
		s.Cases = append(s.Cases, p.caseBlock())
	}
	p.next()
	return s
}

// matchSubject parses `star_named_expression ',' star_named_expressions?
// | named_expression`.
func (p *parser) matchSubject() ast.Expr {
	start := tokPos(p.tok)
	first := p.starNamedExpression()
	if !p.isOp(",") {
		if _, ok := first.(*ast.Starred); ok {
			p.syntaxError(p.tok) // a lone starred subject: CPython blames what follows
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.acceptOp(",") && !p.isOp(":") {
		elts = append(elts, p.starNamedExpression())
	}
	return ended(p, &ast.Tuple{Pos: start, Elts: elts})
}

// caseBlock parses `case patterns [if guard]: block`.
func (p *parser) caseBlock() *ast.MatchCase {
	kw := p.next()
	c := &ast.MatchCase{Pattern: p.patterns()}
	if p.acceptKw("if") {
		c.Guard = p.namedExpression()
	}
	p.headerColon()
	c.Body = p.block("'case' statement", kw)
	return c
}

// patterns parses `open_sequence_pattern | pattern`: a top-level `a, b`
// is a sequence pattern.
func (p *parser) patterns() ast.Pattern {
	start := tokPos(p.tok)
	first := p.maybeStarPattern()
	if !p.isOp(",") {
		if _, ok := first.(*ast.MatchStar); ok {
			p.syntaxError(p.tok)
		}
		return first
	}
	seq := []ast.Pattern{first}
	for p.acceptOp(",") && !p.isOp(":") && !p.isKw("if") {
		seq = append(seq, p.maybeStarPattern())
	}
	return ended(p, &ast.MatchSequence{Pos: start, Patterns: seq})
}

// maybeStarPattern parses `'*' NAME | pattern`.
func (p *parser) maybeStarPattern() ast.Pattern {
	if !p.isOp("*") {
		return p.pattern()
	}
	star := p.next()
	name := p.expectName()
	s := &ast.MatchStar{Pos: tokPos(star)}
	if name.Value != "_" {
		s.Name = name.Value
	}
	return ended(p, s)
}

// pattern parses `or_pattern ['as' NAME]`.
func (p *parser) pattern() ast.Pattern {
	p.enter()
	defer p.leave()
	start := tokPos(p.tok) // of a '(' around the first alternative too
	or := p.orPattern()
	if !p.acceptKw("as") {
		return or
	}
	if p.tok.Type != lexer.Name {
		p.fail(p.tok, "invalid pattern target")
	}
	name := p.next()
	if name.Value == "_" {
		p.fail(name, "cannot use '_' as a target")
	}
	return ended(p, &ast.MatchAs{Pos: start, Pattern: or, Name: name.Value})
}

// orPattern parses `closed_pattern ('|' closed_pattern)*`.
func (p *parser) orPattern() ast.Pattern {
	start := tokPos(p.tok)
	first := p.closedPattern()
	if !p.isOp("|") {
		return first
	}
	alts := []ast.Pattern{first}
	for p.acceptOp("|") {
		alts = append(alts, p.closedPattern())
	}
	return ended(p, &ast.MatchOr{Pos: start, Patterns: alts})
}

// closedPattern parses one pattern that is not an or/as pattern.
func (p *parser) closedPattern() ast.Pattern {
	t := p.tok
	switch t.Type {
	case lexer.Int, lexer.Float, lexer.Imag, lexer.String:
		return ended(p, &ast.MatchValue{Pos: tokPos(t), Value: p.literalExpr()})
	case lexer.Keyword:
		switch t.Value {
		case "None", "True", "False":
			return ended(p, &ast.MatchSingleton{Pos: tokPos(t), Value: p.atom().(*ast.Constant).Value})
		}
	case lexer.Name:
		return p.namePattern()
	case lexer.Op:
		switch t.Value {
		case "-":
			return ended(p, &ast.MatchValue{Pos: tokPos(t), Value: p.literalExpr()})
		case "(":
			return p.groupPattern()
		case "[":
			return p.sequencePattern("]")
		case "{":
			return p.mappingPattern()
		}
	}
	p.syntaxError(t)
	return nil
}

// literalExpr parses a signed number, a complex literal (`1+2j`, `-1-2j`)
// or adjacent strings, the values a literal pattern or a mapping key may
// hold.
func (p *parser) literalExpr() ast.Expr {
	t := p.tok
	if t.Type == lexer.String {
		e := p.strings()
		if _, ok := e.(*ast.JoinedStr); ok {
			p.failAt(e.Position(), "patterns may only match literals and attribute lookups")
		}
		return e
	}
	n, num := p.signedNumber()
	if !p.isOp("+") && !p.isOp("-") {
		return n
	}
	if num.Type == lexer.Imag {
		p.failSpan(tokPos(num), num, "real number required in complex literal")
	}
	op := ast.Add
	if p.next().Value == "-" {
		op = ast.Sub
	}
	im := p.tok
	if !isNumber(im) {
		p.syntaxError(im)
	}
	if im.Type != lexer.Imag {
		p.failSpan(tokPos(im), im, "imaginary number required in complex literal")
	}
	return ended(p, &ast.BinOp{Pos: tokPos(t), Left: n, Op: op, Right: p.atom()})
}

// isNumber reports whether t is an int, float or imaginary literal.
func isNumber(t *plexer.Token) bool {
	return t.Type == lexer.Int || t.Type == lexer.Float || t.Type == lexer.Imag
}

// signedNumber parses NUMBER or '-' NUMBER, returning the number's token.
func (p *parser) signedNumber() (ast.Expr, *plexer.Token) {
	t := p.tok
	if t.Type == lexer.Op && t.Value == "-" {
		p.next()
		num := p.tok
		if !isNumber(num) {
			p.syntaxError(num)
		}
		return ended(p, &ast.UnaryOp{Pos: tokPos(t), Op: ast.USub, Operand: p.atom()}), num
	}
	if !isNumber(t) {
		p.syntaxError(t)
	}
	return p.atom(), t
}

// namePattern parses a capture, the wildcard, a dotted value pattern or a
// class pattern, all of which start with a name.
func (p *parser) namePattern() ast.Pattern {
	first := p.next()
	pos := tokPos(first)
	var e ast.Expr = ended(p, &ast.Name{Pos: pos, Id: first.Value})
	dotted := false
	for p.acceptOp(".") {
		attr := p.expectName()
		e = ended(p, &ast.Attribute{Pos: pos, Value: e, Attr: attr.Value})
		dotted = true
	}
	switch {
	case p.isOp("("):
		return p.classPattern(pos, e)
	case dotted:
		return ended(p, &ast.MatchValue{Pos: pos, Value: e})
	case first.Value == "_":
		return ended(p, &ast.MatchAs{Pos: pos})
	}
	return ended(p, &ast.MatchAs{Pos: pos, Name: first.Value})
}

// groupPattern parses `'(' pattern ')'` or a parenthesized sequence
// pattern.
func (p *parser) groupPattern() ast.Pattern {
	open := p.tok
	p.brackets++
	defer func() { p.brackets-- }()
	p.next()
	if p.acceptOp(")") {
		return ended(p, &ast.MatchSequence{Pos: tokPos(open)})
	}
	first := p.maybeStarPattern()
	if p.isOp(")") {
		if _, star := first.(*ast.MatchStar); star {
			p.syntaxError(p.tok) // `(*a)` is neither a group nor a sequence
		}
		p.next()
		return first
	}
	return p.restOfSequence(open, first, ")")
}

// sequencePattern parses `'[' maybe_sequence_pattern? ']'`.
func (p *parser) sequencePattern(close string) ast.Pattern {
	open := p.tok
	p.brackets++
	defer func() { p.brackets-- }()
	p.next()
	if p.acceptOp(close) {
		return ended(p, &ast.MatchSequence{Pos: tokPos(open)})
	}
	return p.restOfSequence(open, p.maybeStarPattern(), close)
}

// restOfSequence parses the patterns after first up to the closing
// bracket.
func (p *parser) restOfSequence(open *plexer.Token, first ast.Pattern, close string) ast.Pattern {
	seq := []ast.Pattern{first}
	for !p.isOp(close) {
		p.expectOp(",")
		if p.isOp(close) {
			break
		}
		seq = append(seq, p.maybeStarPattern())
	}
	p.next()
	return ended(p, &ast.MatchSequence{Pos: tokPos(open), Patterns: seq})
}

// mappingPattern parses `'{' (key ':' pattern ',')* ['**' NAME] '}'`.
func (p *parser) mappingPattern() ast.Pattern {
	open := p.tok
	p.brackets++
	defer func() { p.brackets-- }()
	p.next()
	m := &ast.MatchMapping{Pos: tokPos(open)}
	for !p.isOp("}") {
		if p.isOp("**") {
			p.next()
			name := p.expectName()
			if name.Value == "_" {
				p.syntaxError(name)
			}
			m.Rest = name.Value
			p.acceptOp(",")
			if !p.isOp("}") {
				p.syntaxError(p.tok)
			}
			break
		}
		m.Keys = append(m.Keys, p.mappingKey())
		p.expectOp(":")
		m.Patterns = append(m.Patterns, p.pattern())
		if !p.acceptOp(",") && !p.isOp("}") {
			p.syntaxError(p.tok)
		}
	}
	p.next()
	return ended(p, m)
}

// mappingKey parses a mapping pattern's key: a literal, None/True/False,
// or a dotted name.
func (p *parser) mappingKey() ast.Expr {
	t := p.tok
	switch {
	case t.Type == lexer.Keyword && (t.Value == "None" || t.Value == "True" || t.Value == "False"):
		return p.atom()
	case t.Type == lexer.Name:
		p.next()
		pos := tokPos(t)
		var e ast.Expr = ended(p, &ast.Name{Pos: pos, Id: t.Value})
		if !p.isOp(".") {
			p.syntaxError(p.tok)
		}
		for p.acceptOp(".") {
			e = ended(p, &ast.Attribute{Pos: pos, Value: e, Attr: p.expectName().Value})
		}
		return e
	}
	return p.literalExpr()
}

// classPattern parses the arguments of `Cls(p, ..., attr=p, ...)`.
func (p *parser) classPattern(pos ast.Pos, cls ast.Expr) ast.Pattern {
	p.brackets++
	defer func() { p.brackets-- }()
	p.next()
	c := &ast.MatchClass{Pos: pos, Cls: cls}
	for !p.isOp(")") {
		if p.tok.Type == lexer.Name && p.peek2().Type == lexer.Op && p.peek2().Value == "=" {
			attr := p.next()
			p.next()
			c.KwdAttrs = append(c.KwdAttrs, attr.Value)
			c.KwdPatterns = append(c.KwdPatterns, p.pattern())
		} else {
			start := p.tok
			pat := p.pattern()
			if len(c.KwdAttrs) > 0 {
				p.failAt(tokPos(start), "positional patterns follow keyword patterns")
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if !p.acceptOp(",") && !p.isOp(")") {
			p.syntaxError(p.tok)
		}
	}
	p.next()
	return ended(p, c)
}
