package vm

// This file turns an expression back into source text the way CPython's
// Python/ast_unparse.c does: the text `from __future__ import annotations`
// stores for each annotation. Parentheses follow operator precedence, not
// the source, and constants are written as their repr.

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
)

// Precedence levels of ast_unparse.c, lowest first.
const (
	prTuple = iota
	prTest  // if-else, lambda
	prOr
	prAnd
	prNot
	prCmp
	prExpr // also bitwise or
	prBXor
	prBAnd
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

// unparseAnnotation is the string an annotation becomes under
// `from __future__ import annotations`. forbidden names the first
// expression kind such an annotation may not contain ("named expression",
// "yield expression", "await expression"), if any.
func unparseAnnotation(e ast.Expr) (text, forbidden string) {
	var u unparser
	u.expr(e, prTest)
	return u.b.String(), u.forbidden
}

type unparser struct {
	b         strings.Builder
	forbidden string
}

func (u *unparser) forbid(what string) {
	if u.forbidden == "" && what != "" {
		u.forbidden = what
	}
}

func (u *unparser) s(text string) { u.b.WriteString(text) }

// open writes "(" when the context binds tighter than the expression and
// returns the matching closer.
func (u *unparser) open(level, pr int) func() {
	if level <= pr {
		return func() {}
	}
	u.s("(")
	return func() { u.s(")") }
}

func (u *unparser) expr(e ast.Expr, level int) {
	switch e := e.(type) {
	case *ast.BoolOp:
		pr, op := prAnd, " and "
		if e.Op == ast.Or {
			pr, op = prOr, " or "
		}
		defer u.open(level, pr)()
		for i, v := range e.Values {
			if i > 0 {
				u.s(op)
			}
			u.expr(v, pr+1)
		}
	case *ast.BinOp:
		u.binOp(e, level)
	case *ast.UnaryOp:
		pr := prFactor
		if e.Op == ast.Not {
			pr = prNot
		}
		defer u.open(level, pr)()
		u.s(e.Op.String())
		if e.Op == ast.Not {
			u.s(" ")
		}
		u.expr(e.Operand, pr)
	case *ast.Lambda:
		defer u.open(level, prTest)()
		u.s("lambda")
		if e.Args != nil && argCount(e.Args) > 0 {
			u.s(" ")
			u.arguments(e.Args)
		}
		u.s(": ")
		u.expr(e.Body, prTest)
	case *ast.IfExp:
		defer u.open(level, prTest)()
		u.expr(e.Body, prTest+1)
		u.s(" if ")
		u.expr(e.Test, prTest+1)
		u.s(" else ")
		u.expr(e.Orelse, prTest)
	case *ast.Dict:
		u.s("{")
		for i, k := range e.Keys {
			if i > 0 {
				u.s(", ")
			}
			if k == nil {
				u.s("**")
				u.expr(e.Values[i], prExpr)
				continue
			}
			u.expr(k, prTest)
			u.s(": ")
			u.expr(e.Values[i], prTest)
		}
		u.s("}")
	case *ast.Set:
		u.s("{")
		u.list(e.Elts, prTest)
		u.s("}")
	case *ast.ListComp:
		u.comprehension("[", e.Elt, e.Generators, "]")
	case *ast.SetComp:
		u.comprehension("{", e.Elt, e.Generators, "}")
	case *ast.DictComp:
		u.s("{")
		u.expr(e.Key, prTest)
		u.s(": ")
		u.expr(e.Value, prTest)
		u.comprehensions(e.Generators)
		u.s("}")
	case *ast.GeneratorExp:
		u.comprehension("(", e.Elt, e.Generators, ")")
	case *ast.Await:
		u.forbid("await expression")
		defer u.open(level, prAwait)()
		u.s("await ")
		u.expr(e.Value, prAtom)
	case *ast.Yield:
		u.forbid("yield expression")
		if e.Value == nil {
			u.s("(yield)")
			return
		}
		u.s("(yield ")
		u.expr(e.Value, prTest)
		u.s(")")
	case *ast.YieldFrom:
		u.forbid("yield expression")
		u.s("(yield from ")
		u.expr(e.Value, prTest)
		u.s(")")
	case *ast.Compare:
		defer u.open(level, prCmp)()
		u.expr(e.Left, prCmp+1)
		for i, op := range e.Ops {
			u.s(" " + op.String() + " ")
			u.expr(e.Comparators[i], prCmp+1)
		}
	case *ast.Call:
		u.call(e)
	case *ast.Constant:
		u.constant(e.Value)
	case *ast.JoinedStr:
		u.s("f" + runtime.StrRepr(u.fstringBody(e)))
	case *ast.FormattedValue:
		u.s("f" + runtime.StrRepr(u.fstringBody(&ast.JoinedStr{Values: []ast.Expr{e}})))
	case *ast.Attribute:
		u.expr(e.Value, prAtom)
		if k, ok := e.Value.(*ast.Constant); ok && isIntConstant(k.Value) {
			u.s(" ")
		}
		u.s("." + e.Attr)
	case *ast.Subscript:
		u.expr(e.Value, prAtom)
		u.s("[")
		if t, ok := e.Slice.(*ast.Tuple); ok && len(t.Elts) > 0 {
			u.list(t.Elts, prTest)
			if len(t.Elts) == 1 {
				u.s(",")
			}
		} else {
			u.expr(e.Slice, prTuple)
		}
		u.s("]")
	case *ast.Starred:
		u.s("*")
		u.expr(e.Value, prExpr)
	case *ast.Name:
		u.s(e.Id)
	case *ast.List:
		u.s("[")
		u.list(e.Elts, prTest)
		u.s("]")
	case *ast.Tuple:
		if len(e.Elts) == 0 {
			u.s("()")
			return
		}
		defer u.open(level, prTuple)()
		u.list(e.Elts, prTest)
		if len(e.Elts) == 1 {
			u.s(",")
		}
	case *ast.Slice:
		if e.Lower != nil {
			u.expr(e.Lower, prTest)
		}
		u.s(":")
		if e.Upper != nil {
			u.expr(e.Upper, prTest)
		}
		if e.Step != nil {
			u.s(":")
			u.expr(e.Step, prTest)
		}
	case *ast.NamedExpr:
		u.forbid("named expression")
		defer u.open(level, prTuple)()
		u.expr(e.Target, prAtom)
		u.s(" := ")
		u.expr(e.Value, prAtom)
	default:
		u.s("...")
	}
}

func (u *unparser) list(es []ast.Expr, level int) {
	for i, x := range es {
		if i > 0 {
			u.s(", ")
		}
		u.expr(x, level)
	}
}

var binOpPrecedence = map[ast.Operator]int{
	ast.Add: prArith, ast.Sub: prArith,
	ast.Mult: prTerm, ast.MatMult: prTerm, ast.Div: prTerm, ast.Mod: prTerm, ast.FloorDiv: prTerm,
	ast.LShift: prShift, ast.RShift: prShift,
	ast.BitOr: prExpr, ast.BitXor: prBXor, ast.BitAnd: prBAnd,
	ast.Pow: prPower,
}

func (u *unparser) binOp(e *ast.BinOp, level int) {
	pr := binOpPrecedence[e.Op]
	rassoc := 0
	if e.Op == ast.Pow {
		rassoc = 1
	}
	defer u.open(level, pr)()
	u.expr(e.Left, pr+rassoc)
	u.s(" " + e.Op.String() + " ")
	u.expr(e.Right, pr+1-rassoc)
}

// comprehension writes open elt for … close.
func (u *unparser) comprehension(open string, elt ast.Expr, gens []*ast.Comprehension, close string) {
	u.s(open)
	u.expr(elt, prTest)
	u.comprehensions(gens)
	u.s(close)
}

func (u *unparser) comprehensions(gens []*ast.Comprehension) {
	for _, g := range gens {
		if g.IsAsync {
			u.s(" async for ")
		} else {
			u.s(" for ")
		}
		u.expr(g.Target, prTuple)
		u.s(" in ")
		u.expr(g.Iter, prTest+1)
		for _, cond := range g.Ifs {
			u.s(" if ")
			u.expr(cond, prTest+1)
		}
	}
}

func (u *unparser) call(e *ast.Call) {
	u.expr(e.Func, prAtom)
	if len(e.Args) == 1 && len(e.Keywords) == 0 {
		if g, ok := e.Args[0].(*ast.GeneratorExp); ok {
			u.expr(g, prTest)
			return
		}
	}
	u.s("(")
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	for _, a := range e.Args {
		sep()
		u.expr(a, prTest)
	}
	for _, k := range e.Keywords {
		sep()
		if k.Arg == "" {
			u.s("**")
			u.expr(k.Value, prExpr)
			continue
		}
		u.s(k.Arg + "=")
		u.expr(k.Value, prTest)
	}
	u.s(")")
}

func argCount(a *ast.Arguments) int {
	n := len(a.PosOnly) + len(a.Args) + len(a.KwOnly)
	if a.Vararg != nil {
		n++
	}
	if a.Kwarg != nil {
		n++
	}
	return n
}

// arguments writes a lambda's parameters (lambdas have no annotations).
func (u *unparser) arguments(a *ast.Arguments) {
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	positional := append(append([]*ast.Arg(nil), a.PosOnly...), a.Args...)
	firstDefault := len(positional) - len(a.Defaults)
	for i, p := range positional {
		sep()
		u.s(p.Name)
		if i >= firstDefault {
			u.s("=")
			u.expr(a.Defaults[i-firstDefault], prTest)
		}
		if len(a.PosOnly) > 0 && i == len(a.PosOnly)-1 {
			u.s(", /")
		}
	}
	if a.Vararg != nil {
		sep()
		u.s("*" + a.Vararg.Name)
	} else if len(a.KwOnly) > 0 {
		sep()
		u.s("*")
	}
	for i, k := range a.KwOnly {
		sep()
		u.s(k.Name)
		if d := a.KwDefaults[i]; d != nil {
			u.s("=")
			u.expr(d, prTest)
		}
	}
	if a.Kwarg != nil {
		sep()
		u.s("**" + a.Kwarg.Name)
	}
}

func isIntConstant(v any) bool {
	switch v.(type) {
	case int64, *big.Int:
		return true
	}
	return false
}

// constant writes a literal as its repr (infinity as 1e309, as CPython).
func (u *unparser) constant(v any) {
	switch v := v.(type) {
	case nil:
		u.s("None")
	case bool:
		if v {
			u.s("True")
		} else {
			u.s("False")
		}
	case int64:
		u.s(strconv.FormatInt(v, 10))
	case *big.Int:
		u.s(v.String())
	case float64:
		if math.IsInf(v, 0) {
			u.s("1e309")
			return
		}
		u.s(runtime.FloatRepr(v))
	case string:
		u.s(runtime.StrRepr(v))
	case []byte:
		u.s(runtime.BytesRepr(v))
	case ast.Ellipsis:
		u.s("...")
	default:
		u.s("...")
	}
}

// fstringBody is the text inside an f-string's quotes as ast_unparse.c
// rebuilds it: literal parts with braces doubled, replacement fields
// unparsed.
func (u *unparser) fstringBody(e *ast.JoinedStr) string {
	var b strings.Builder
	for _, v := range e.Values {
		switch v := v.(type) {
		case *ast.Constant:
			s, _ := v.Value.(string)
			s = strings.ReplaceAll(s, "{", "{{")
			b.WriteString(strings.ReplaceAll(s, "}", "}}"))
		case *ast.FormattedValue:
			inner := unparser{}
			inner.expr(v.Value, prTest+1)
			u.forbid(inner.forbidden)
			text := inner.b.String()
			b.WriteString("{")
			if strings.HasPrefix(text, "{") {
				b.WriteString(" ")
			}
			b.WriteString(text)
			if v.Conversion != 0 {
				b.WriteString("!" + string(v.Conversion))
			}
			if spec, ok := v.FormatSpec.(*ast.JoinedStr); ok {
				b.WriteString(":" + u.fstringBody(spec))
			}
			b.WriteString("}")
		}
	}
	return b.String()
}
