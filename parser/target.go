package parser

// This file checks assignment, deletion and annotation targets, with
// CPython's messages.

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/pyish/pyish/ast"
)

// The checks take the target's last token, end, to underline the target
// when it is the culprit as a whole.

// checkStore checks a target of =, for, with-as or a comprehension.
func (p *parser) checkStore(e ast.Expr, end *plexer.Token) {
	if bad := invalidTarget(e, false); bad != nil {
		p.failCulprit(e, bad, end, "cannot assign to "+ast.Describe(bad))
	}
}

// failCulprit underlines bad, the whole target e (ending at end) or an
// element of it.
func (p *parser) failCulprit(e, bad ast.Expr, end *plexer.Token, msg string) {
	if e != bad {
		p.failElement(bad.Position(), msg)
	}
	p.failSpan(bad.Position(), end, msg)
}

// checkDelete checks a target of del.
func (p *parser) checkDelete(e ast.Expr, end *plexer.Token) {
	if bad := invalidTarget(e, true); bad != nil {
		p.failCulprit(e, bad, end, "cannot delete "+ast.Describe(bad))
	}
}

// checkAssignTop checks one target of `=`; single says the statement has
// one `=`, where CPython hints at `==`.
func (p *parser) checkAssignTop(e ast.Expr, single bool, end *plexer.Token) {
	switch e.(type) {
	case *ast.Yield, *ast.YieldFrom:
		p.failSpan(e.Position(), end, "assignment to yield expression not possible")
	}
	bad := invalidTarget(e, false)
	if bad == nil {
		return
	}
	msg := "cannot assign to " + ast.Describe(bad)
	if single && hintsEquality(e, bad) {
		msg += " here. Maybe you meant '==' instead of '='?"
	}
	p.failCulprit(e, bad, end, msg)
}

// hintsEquality reports whether CPython adds its `==` hint: the bad part
// is the target or an element of a bare tuple, and an operand-like
// expression.
func hintsEquality(top, bad ast.Expr) bool {
	if _, ok := top.(*ast.List); ok {
		return false
	}
	if t, ok := top.(*ast.Tuple); ok && top != bad {
		if len(t.Elts) > 0 && t.Pos.Start() != t.Elts[0].Position().Start() {
			return false // parenthesized
		}
		found := false
		for _, e := range t.Elts {
			found = found || e == bad
		}
		if !found {
			return false
		}
	}
	switch b := bad.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.Lambda, *ast.IfExp, *ast.GeneratorExp:
		return false
	case *ast.UnaryOp:
		return b.Op != ast.Not
	case *ast.Constant:
		switch b.Value.(type) {
		case nil, bool:
			return false
		}
	}
	return true
}

// invalidTarget returns the first part of e that cannot be assigned (or
// deleted), or nil.
func invalidTarget(e ast.Expr, del bool) ast.Expr {
	switch x := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return nil
	case *ast.Starred:
		if del {
			return x
		}
		return invalidTarget(x.Value, del)
	case *ast.Tuple:
		return invalidElts(x.Elts, del)
	case *ast.List:
		return invalidElts(x.Elts, del)
	}
	return e
}

func invalidElts(elts []ast.Expr, del bool) ast.Expr {
	for _, e := range elts {
		if bad := invalidTarget(e, del); bad != nil {
			return bad
		}
	}
	return nil
}

// checkAugTarget checks the target of `x op= y`, just parsed.
func (p *parser) checkAugTarget(e ast.Expr) {
	switch e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return
	}
	p.failSpan(e.Position(), p.last, "'"+ast.Describe(e)+"' is an illegal expression for augmented assignment")
}

// checkAnnTarget checks the target of `x: annotation`, just parsed; the
// head is the ':'.
func (p *parser) checkAnnTarget(e ast.Expr) {
	switch e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return
	case *ast.Tuple:
		p.failSpan(e.Position(), p.last, "only single target (not tuple) can be annotated")
	case *ast.List:
		p.failSpan(e.Position(), p.last, "only single target (not list) can be annotated")
	}
	p.syntaxError(p.tok)
}

// checkCompElt refuses `*x` as the element of a comprehension, just parsed.
func (p *parser) checkCompElt(e ast.Expr) {
	if _, ok := e.(*ast.Starred); ok {
		p.failSpan(e.Position(), p.last, "iterable unpacking cannot be used in comprehension")
	}
}
