package vm

// This file implements private name mangling: inside a class body, an
// identifier __x (not ending in __) means _Class__x, as CPython's compiler
// rewrites it. The pass edits the tree before scopes are resolved.

import (
	"reflect"
	"strings"

	"github.com/pyish/pyish/ast"
)

// mangleModule rewrites the private names of every class in mod. Def and
// class statements keep their names (their __name__); the names they bind
// are returned instead.
func mangleModule(mod *ast.Module) map[ast.Stmt]string {
	m := &mangler{binds: map[ast.Stmt]string{}}
	for _, s := range mod.Body {
		m.value(reflect.ValueOf(s), "")
	}
	return m.binds
}

// mangler carries the binding names found so far.
type mangler struct{ binds map[ast.Stmt]string }

// bind records the mangled binding of a private def or class.
func (m *mangler) bind(n ast.Stmt, class, name string) {
	if b := mangle(class, name); b != name {
		m.binds[n] = b
	}
}

// mangleValue walks one node (or slice of nodes) inside the class named
// class ("" outside classes).
func (m *mangler) value(v reflect.Value, class string) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			m.value(v.Elem(), class)
		}
	case reflect.Pointer:
		if v.IsNil() || !v.CanInterface() {
			return
		}
		if cd, ok := v.Interface().(*ast.ClassDef); ok {
			m.class(cd, class)
			return
		}
		if fd, ok := v.Interface().(*ast.FunctionDef); ok {
			m.bind(fd, class, fd.Name)
		}
		mangleNode(v.Interface(), class)
		m.value(v.Elem(), class)
	case reflect.Struct:
		for i := range v.NumField() {
			m.value(v.Field(i), class)
		}
	case reflect.Slice:
		for i := range v.Len() {
			m.value(v.Index(i), class)
		}
	}
}

// mangleClass: the class's name, bases, keywords and decorators belong to
// the enclosing scope; its body is mangled with its own name.
func (m *mangler) class(cd *ast.ClassDef, outer string) {
	for _, e := range cd.Bases {
		m.value(reflect.ValueOf(e), outer)
	}
	for _, k := range cd.Keywords {
		m.value(reflect.ValueOf(k.Value), outer)
	}
	for _, e := range cd.Decorators {
		m.value(reflect.ValueOf(e), outer)
	}
	m.bind(cd, outer, cd.Name)
	for _, s := range cd.Body {
		m.value(reflect.ValueOf(s), cd.Name)
	}
}

// mangleNode renames the identifiers a node holds itself.
func mangleNode(n any, class string) {
	if class == "" {
		return
	}
	switch n := n.(type) {
	case *ast.Name:
		n.Id = mangle(class, n.Id)
	case *ast.Attribute:
		n.Attr = mangle(class, n.Attr)
	case *ast.Arg:
		n.Name = mangle(class, n.Name)
	case *ast.Global:
		mangleAll(n.Names, class)
	case *ast.Nonlocal:
		mangleAll(n.Names, class)
	case *ast.ExceptHandler:
		n.Name = mangle(class, n.Name)
	case *ast.MatchAs:
		n.Name = mangle(class, n.Name)
	case *ast.MatchStar:
		n.Name = mangle(class, n.Name)
	case *ast.MatchMapping:
		n.Rest = mangle(class, n.Rest)
	}
}

func mangleAll(names []string, class string) {
	for i, s := range names {
		names[i] = mangle(class, s)
	}
}

// mangle is CPython's _Py_Mangle: __x becomes _Class__x (the class name
// without its leading underscores), except for dunder names, dotted names
// and classes named only with underscores.
func mangle(class, name string) string {
	if class == "" || !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	c := strings.TrimLeft(class, "_")
	if c == "" {
		return name
	}
	return "_" + c + name
}
