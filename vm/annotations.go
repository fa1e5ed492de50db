package vm

// This file compiles variable annotations as CPython does in module and
// class bodies: the block gets an __annotations__ dict when it contains an
// annotated assignment anywhere outside nested defs and classes, and each
// simple `name: T` stores T under the name. Function bodies evaluate no
// annotations of locals.

import "github.com/pyish/pyish/ast"

// hasAnnotations reports whether body contains an annotated assignment
// at its own level (inside compound statements, not in nested scopes).
func hasAnnotations(body []ast.Stmt) bool {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.AnnAssign:
			return true
		case *ast.If:
			if hasAnnotations(s.Body) || hasAnnotations(s.Orelse) {
				return true
			}
		case *ast.For:
			if hasAnnotations(s.Body) || hasAnnotations(s.Orelse) {
				return true
			}
		case *ast.While:
			if hasAnnotations(s.Body) || hasAnnotations(s.Orelse) {
				return true
			}
		case *ast.With:
			if hasAnnotations(s.Body) {
				return true
			}
		case *ast.Match:
			for _, mc := range s.Cases {
				if hasAnnotations(mc.Body) {
					return true
				}
			}
		case *ast.Try:
			if hasAnnotations(s.Body) || hasAnnotations(s.Orelse) || hasAnnotations(s.Finalbody) {
				return true
			}
			for _, h := range s.Handlers {
				if hasAnnotations(h.Body) {
					return true
				}
			}
		}
	}
	return false
}

// setupAnnotations is CPython's SETUP_ANNOTATIONS at the start of a module
// or class body that has annotations. A class body's namespace is new, so
// it just gets a dict; a module's globals may come from exec or the REPL
// and keep the dict they have:
//
//	try: __annotations__
//	except NameError: __annotations__ = {}
func (c *compiler) setupAnnotations(body []ast.Stmt) {
	if len(body) == 0 || !hasAnnotations(body) {
		return
	}
	if c.u.s.kind == scopeClass {
		c.emit(BUILD_MAP, 0)
		c.nameOp("__annotations__", ctxStore)
		return
	}
	c.u.code.Flags |= flagModuleAnnotations
	pos := body[0].Position()
	name := func() *ast.Name { return &ast.Name{Pos: pos, Id: "__annotations__"} }
	c.stmt(&ast.Try{Pos: pos,
		Body: []ast.Stmt{&ast.ExprStmt{Pos: pos, Value: name()}},
		Handlers: []*ast.ExceptHandler{{Pos: pos,
			Type: &ast.Name{Pos: pos, Id: "NameError"},
			Body: []ast.Stmt{&ast.Assign{Pos: pos,
				Targets: []ast.Expr{name()},
				Value:   &ast.Dict{Pos: pos}}},
		}},
	})
}

// annotate evaluates the annotation of n where CPython does: in module and
// class bodies only. A simple name's annotation is stored in
// __annotations__; for other targets it is evaluated and dropped, after
// the parts of the target that CPython checks.
func (c *compiler) annotate(n *ast.AnnAssign) {
	if c.u.s.kind == scopeFunction {
		return
	}
	if t, ok := n.Target.(*ast.Name); ok && n.Simple {
		c.annotation(n.Annotation)
		c.nameOp("__annotations__", ctxLoad)
		c.loadConst(t.Id)
		c.setLine(n.Pos)
		c.emit(STORE_SUBSCR, 0)
		return
	}
	if n.Value == nil {
		switch t := n.Target.(type) {
		case *ast.Attribute:
			c.expr(t.Value)
			c.emit(POP_TOP, 0)
		case *ast.Subscript:
			c.expr(t.Value)
			c.emit(POP_TOP, 0)
			c.subscriptKey(t.Slice)
			c.emit(POP_TOP, 0)
		}
	}
	if !c.futureAnnotations {
		c.expr(n.Annotation)
		c.emit(POP_TOP, 0)
	}
}

// annotation pushes an annotation's value: the expression's, or under
// `from __future__ import annotations` its source text as CPython
// rebuilds it.
func (c *compiler) annotation(e ast.Expr) {
	if c.futureAnnotations {
		text, forbidden := unparseAnnotation(e)
		if forbidden != "" {
			c.fail(e.Position(), "%s cannot be used within an annotation", forbidden)
		}
		c.loadConst(text)
		return
	}
	c.expr(e)
}

// futureFeatures are the names `from __future__ import` accepts; all but
// annotations are on in Python 3 anyway.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"generator_stop": true, "annotations": true,
}

// scanFuture finds the future imports at the start of a module (after its
// docstring) and checks their features, as CPython's future.c does. A
// future import anywhere else is refused when it is compiled.
func scanFuture(c *compiler, body []ast.Stmt) (map[*ast.ImportFrom]bool, bool) {
	valid := map[*ast.ImportFrom]bool{}
	annotations := false
	if _, ok := docstring(body); ok {
		body = body[1:]
	}
	for _, s := range body {
		n, ok := s.(*ast.ImportFrom)
		if !ok || n.Module != "__future__" || n.Level != 0 {
			break
		}
		for _, a := range n.Names {
			switch {
			case a.Name == "braces":
				c.fail(n.Pos.Start(), "not a chance") // CPython's future.c: the statement's start, one caret
			case a.Name == "barry_as_FLUFL":
				c.fail(a.Pos, "pyish: future feature barry_as_FLUFL is not supported")
			case !futureFeatures[a.Name]:
				c.fail(n.Pos.Start(), "future feature %s is not defined", a.Name)
			}
			annotations = annotations || a.Name == "annotations"
		}
		valid[n] = true
	}
	return valid, annotations
}

// argAnnotations evaluates a def's parameter and return annotations into
// a dict on the stack, in CPython's order (ordinary, positional-only,
// *args, keyword-only, **kwargs, return), and reports whether there were any.
func (c *compiler) argAnnotations(args *ast.Arguments, returns ast.Expr) bool {
	n := 0
	add := func(name string, ann ast.Expr) {
		if ann != nil {
			c.loadConst(name)
			c.annotation(ann)
			n++
		}
	}
	if args != nil {
		// CPython 3.12 visits the ordinary parameters before the
		// positional-only ones.
		for _, a := range args.Args {
			add(a.Name, a.Annotation)
		}
		for _, a := range args.PosOnly {
			add(a.Name, a.Annotation)
		}
		if args.Vararg != nil {
			add(args.Vararg.Name, args.Vararg.Annotation)
		}
		for _, a := range args.KwOnly {
			add(a.Name, a.Annotation)
		}
		if args.Kwarg != nil {
			add(args.Kwarg.Name, args.Kwarg.Annotation)
		}
	}
	add("return", returns)
	if n == 0 {
		return false
	}
	c.emit(BUILD_MAP, n)
	return true
}
