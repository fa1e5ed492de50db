package parser

// This file turns number and string tokens into constants, joining
// adjacent string literals and parsing f-string fields.

import (
	"errors"
	"math/big"
	"strconv"
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/lexer"
)

// intValue converts an Int token: int64 when it fits, else *big.Int.
func (p *parser) intValue(t *plexer.Token) any {
	s, base := t.Value, 10
	if len(s) > 1 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			s, base = s[2:], 16
		case 'o', 'O':
			s, base = s[2:], 8
		case 'b', 'B':
			s, base = s[2:], 2
		}
	}
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	if v, err := strconv.ParseInt(s, base, 64); err == nil {
		return v
	}
	n, ok := new(big.Int).SetString(s, base)
	if !ok {
		p.fail(t, "invalid decimal literal")
	}
	return n
}

// floatValue converts a Float token; out-of-range values become ±inf or 0
// as in CPython.
func (p *parser) floatValue(t *plexer.Token) float64 {
	s := t.Value
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	var ne *strconv.NumError
	if err != nil && !(errors.As(err, &ne) && ne.Err == strconv.ErrRange) {
		p.fail(t, "invalid decimal literal")
	}
	return f
}

// imagValue converts an Imag token (1j, 2.5J, 1e3j, 1_0j) to the pure
// imaginary complex it denotes.
func (p *parser) imagValue(t *plexer.Token) complex128 {
	digits := *t
	digits.Value = t.Value[:len(t.Value)-1]
	return complex(0, p.floatValue(&digits))
}

// strBuilder joins adjacent string literals.
type strBuilder struct {
	pos    ast.Pos    // of the parts: the first token's (for a format spec, its token's)
	values []ast.Expr // for an f-string: Constants and FormattedValues
	text   strings.Builder
	isF    bool
}

// strings parses one or more adjacent String tokens.
func (p *parser) strings() ast.Expr {
	first := p.tok
	pos := tokPos(first)
	b := strBuilder{pos: pos}
	bytesKind := -1 // 0 = str, 1 = bytes
	for p.tok.Type == lexer.String {
		t := p.next()
		lit, err := lexer.DecodeString(*t)
		if err != nil {
			p.lexError(t, err)
		}
		kind := 0
		if lit.Bytes {
			kind = 1
		}
		if bytesKind >= 0 && kind != bytesKind {
			p.fail(t, "cannot mix bytes and nonbytes literals")
		}
		bytesKind = kind
		if lit.F {
			b.isF = true
			p.fstring(&b, t)
			continue
		}
		b.text.WriteString(lit.Value)
	}
	if bytesKind == 1 {
		return ended(p, &ast.Constant{Pos: pos, Value: []byte(b.text.String())})
	}
	if !b.isF {
		return ended(p, &ast.Constant{Pos: pos, Value: b.text.String()})
	}
	b.flush()
	endParts(b.values, p.last)
	return ended(p, &ast.JoinedStr{Pos: pos, Values: b.values})
}

// endParts gives the parts of an f-string the end of the whole string
// (last is its final token), as CPython 3.11 does; the expressions inside
// keep their own spans, and a format spec ends with its own token.
func endParts(values []ast.Expr, last *plexer.Token) {
	for _, v := range values {
		switch v := v.(type) {
		case *ast.Constant:
			endAt(v, last)
		case *ast.FormattedValue:
			endAt(v, last)
		}
	}
}

// flush turns pending literal text into a Constant.
func (b *strBuilder) flush() {
	if b.text.Len() > 0 {
		b.values = append(b.values, &ast.Constant{Pos: b.pos, Value: b.text.String()})
		b.text.Reset()
	}
}

// fstring adds the parts of f-string token t to b.
func (p *parser) fstring(b *strBuilder, t *plexer.Token) {
	parts, err := lexer.SplitFString(*t)
	if err != nil {
		p.lexError(t, err)
	}
	p.addParts(b, t, parts)
}

// addParts adds literal parts and fields to b.
func (p *parser) addParts(b *strBuilder, t *plexer.Token, parts []lexer.FPart) {
	for i := range parts {
		part := &parts[i]
		if part.Expr == "" {
			b.text.WriteString(part.Literal)
			continue
		}
		b.text.WriteString(part.Debug)
		b.flush()
		b.values = append(b.values, p.formattedValue(b.pos, t, part))
	}
}

// formattedValue parses one replacement field.
// Its position is pos, the whole string's, as in CPython; a format spec
// takes the position of its own token.
func (p *parser) formattedValue(pos ast.Pos, t *plexer.Token, part *lexer.FPart) ast.Expr {
	fv := &ast.FormattedValue{Pos: pos, Value: p.fieldExpr(t, part), Conversion: rune(part.Conversion)}
	if part.Spec != nil {
		sb := strBuilder{pos: tokPos(t)}
		p.addParts(&sb, t, part.Spec)
		sb.flush()
		endParts(sb.values, t)
		spec := &ast.JoinedStr{Pos: sb.pos, Values: sb.values}
		endAt(spec, t)
		fv.FormatSpec = spec
	}
	return fv
}

// fieldExpr parses the expression of a field as if it were parenthesized.
// Its errors say "f-string: …", as CPython's do.
func (p *parser) fieldExpr(t *plexer.Token, part *lexer.FPart) ast.Expr {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			if !strings.HasPrefix(b.err.Msg, "f-string") {
				b.err.Msg = "f-string: " + b.err.Msg
			}
			b.err.incomplete = false
			panic(b)
		}
	}()
	toks, err := lexer.TokenizeExpr(part.Expr, part.ExprPos)
	if err != nil {
		p.lexError(t, err)
	}
	lex, err := plexer.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		p.lexError(t, err)
	}
	sub := newParser(lex)
	sub.brackets = 1 // the field is parsed as if parenthesized
	var x ast.Expr
	if sub.isKw("yield") {
		x = sub.yieldExpr()
	} else {
		x = sub.starExpressions()
	}
	if !sub.tok.EOF() {
		sub.expectClose(")", x)
	}
	if s, ok := x.(*ast.Starred); ok {
		sub.failAt(s.Pos, "cannot use starred expression here")
	}
	if tup, ok := x.(*ast.Tuple); ok && len(toks) > 0 && tup.Pos.Start() == tokPos(&toks[0]) {
		tup.Pos.Col-- // CPython parses the field as "(expr)"
		tup.Pos.EndCol++
	}
	return x
}

// lexError stops the parse with a lexer error met while decoding token t.
func (p *parser) lexError(t *plexer.Token, err error) {
	var le *lexer.Error
	if errors.As(err, &le) {
		panic(bailout{fromLexer(le)})
	}
	p.fail(t, err.Error())
}
