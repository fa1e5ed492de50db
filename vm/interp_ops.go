package vm

// This file holds the slow paths of the run loop: name lookup, calls,
// unpacking, building values, exceptions, with statements and imports.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// ---- names ----

func unboundLocal(name string) error {
	return runtime.Errorf(runtime.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
}

func unboundDeref(f *Frame, i int) error {
	if i < len(f.code.CellVars) {
		return unboundLocal(f.code.CellVars[i])
	}
	return runtime.Errorf(runtime.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
		f.code.FreeVars[i-len(f.code.CellVars)])
}

// nameError is the NameError for name looked up in f. It carries the name
// (NameError.name) and f's scope, which its report's hint searches.
func nameError(th *runtime.Thread, f *Frame, name string) error {
	e := runtime.Errorf(runtime.NameError, "name '%s' is not defined", name)
	e.SetField("name", runtime.Str(name))
	e.SetNameScope(frameScope(th, f))
	return e
}

// frameScope is what CPython's hints search for a NameError in f: the
// code's local variable names (none for module and class bodies), the
// names frame.f_locals would list, a bound `self`, the globals and the
// builtins.
func frameScope(th *runtime.Thread, f *Frame) *runtime.NameScope {
	s := &runtime.NameScope{Globals: f.globals, Builtins: th.Builtins}
	if ns := f.ns(); ns != nil && ns != f.globals {
		ns.Range(func(k, _ runtime.Value) bool {
			if str, ok := runtime.AsString(k); ok {
				s.Bound = append(s.Bound, str)
			}
			return true
		})
	}
	if f.fn == nil {
		return s
	}
	s.Locals = f.code.VarNames
	for i, name := range f.code.VarNames {
		if v := f.locals()[i]; !v.IsNull() {
			s.Bound = append(s.Bound, name)
			if name == "self" {
				s.Self = v
			}
		}
	}
	cellNames := append(append([]string(nil), f.code.CellVars...), f.code.FreeVars...)
	for i, c := range f.cells {
		if i < len(cellNames) && c != nil && !c.v.IsNull() && !slices.Contains(f.code.VarNames, cellNames[i]) {
			s.Bound = append(s.Bound, cellNames[i])
		}
	}
	return s
}

// namespace is where STORE_NAME writes: the class namespace or the globals.
func (f *Frame) namespace() *runtime.Dict {
	if ns := f.ns(); ns != nil {
		return ns
	}
	return f.globals
}

func loadName(th *runtime.Thread, f *Frame, i uint32) (runtime.Value, error) {
	if ns := f.ns(); ns != nil && ns != f.globals {
		if v, ok, err := dictGet(th, ns, f.code.NameVals[i]); err != nil || ok {
			return v, err
		}
	}
	return loadGlobal(th, f, i)
}

func deleteName(th *runtime.Thread, f *Frame, d *runtime.Dict, name string) error {
	if _, ok, err := dictGetStr(th, d, name); err != nil || !ok {
		if err != nil {
			return err
		}
		return nameError(th, f, name)
	}
	return dictDelStr(th, d, name)
}

func loadClassDeref(th *runtime.Thread, f *Frame, i int) (runtime.Value, error) {
	name := f.code.FreeVars[i-len(f.code.CellVars)]
	if v, ok, err := dictGetStr(th, f.ns(), name); err != nil || ok {
		return v, err
	}
	v := f.cells[i].v
	if v.IsNull() {
		return v, unboundDeref(f, i)
	}
	return v, nil
}

// loadMethod looks up obj.name for a call: (function, obj) when the
// attribute is a plain method found on obj's type, so that CALL_METHOD can
// call it with obj prepended without a bound method; else (attribute, null).
func loadMethod(th *runtime.Thread, obj runtime.Value, name string) (runtime.Value, runtime.Value, error) {
	if m, ok := typeLookup(th, obj.Type(), name); ok {
		switch m.Object().(type) {
		case *Function, *runtime.BuiltinMethod:
			if !instanceShadows(th, obj, name) {
				return m, obj, nil
			}
		}
	}
	v, err := runtime.GetAttr(th, obj, name)
	return v, runtime.Value{}, err
}

// classInit prepares a call of class t whose __init__ is a plain pyish
// function: it returns the function and a fresh instance.
func classInit(th *runtime.Thread, t *runtime.Type) (*Function, runtime.Value, bool) {
	v, ok := runtime.BareInit(t) // false for built-in types: they construct in Go
	if !ok {
		return nil, runtime.Value{}, false
	}
	init, ok := v.Object().(*Function)
	if !ok || init.code.Flags&(flagGenerator|flagCoroutine|flagAsyncGen) != 0 {
		return nil, runtime.Value{}, false
	}
	return init, runtime.NewBare(t), true
}

// typeLookup finds name in the dicts of t's MRO, without binding (through
// the class's lookup cache).
func typeLookup(th *runtime.Thread, t *runtime.Type, name string) (runtime.Value, bool) {
	return t.Lookup(name)
}

// ---- values ----

func truth(th *runtime.Thread, v runtime.Value) (bool, error) {
	switch {
	case v.IsBool():
		return v.AsBool(), nil
	case v.IsInt():
		return v.AsInt() != 0, nil
	case v.IsNone():
		return false, nil
	}
	return runtime.Truth(th, v)
}

// getItem is x[key] with fast paths for exact lists, tuples and dicts.
func getItem(th *runtime.Thread, x, key runtime.Value) (runtime.Value, error) {
	var items []runtime.Value
	if l := runtime.ExactList(x); l != nil {
		items = l.Items
	} else if t := runtime.ExactTuple(x); t != nil {
		items = t.Items
	} else if d := runtime.ExactDict(x); d != nil {
		v, ok, err := d.Lookup(th, key)
		if err != nil || ok {
			return v, err
		}
		return runtime.Value{}, runtime.NewException(runtime.KeyError, key)
	} else {
		return runtime.GetItem(th, x, key)
	}
	if key.IsInt() {
		i := key.AsInt()
		if i < 0 {
			i += int64(len(items))
		}
		if i >= 0 && i < int64(len(items)) {
			return items[i], nil
		}
	}
	return runtime.GetItem(th, x, key)
}

// setItem is x[key] = v with fast paths for exact lists and dicts.
func setItem(th *runtime.Thread, x, key, v runtime.Value) error {
	if l := runtime.ExactList(x); l != nil && key.IsInt() {
		i := key.AsInt()
		if i < 0 {
			i += int64(len(l.Items))
		}
		if i >= 0 && i < int64(len(l.Items)) {
			l.Items[i] = v
			return nil
		}
	} else if d := runtime.ExactDict(x); d != nil {
		return d.Store(th, key, v)
	}
	return runtime.SetItem(th, x, key, v)
}

// containsOp is `x in c` with a fast path for exact dicts.
func containsOp(th *runtime.Thread, c, x runtime.Value) (bool, error) {
	if d := runtime.ExactDict(c); d != nil {
		_, ok, err := d.Lookup(th, x)
		return ok, err
	}
	return runtime.Contains(th, c, x)
}

func getIter(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	it, err := runtime.Iter(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(it), nil
}

func iterNext(th *runtime.Thread, it runtime.Value) (runtime.Value, bool, error) {
	return it.Object().(runtime.Iterator).Next(th)
}

// forEach calls fn for every item of iterable v.
func forEach(th *runtime.Thread, v runtime.Value, fn func(runtime.Value) error) error {
	switch o := v.Object().(type) {
	case *runtime.List:
		for i := 0; i < len(o.Items); i++ {
			if err := fn(o.Items[i]); err != nil {
				return err
			}
		}
		return nil
	case *runtime.Tuple:
		for _, x := range o.Items {
			if err := fn(x); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := runtime.Iter(th, v)
	if err != nil {
		return err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
}

func buildMap(th *runtime.Thread, kvs []runtime.Value) (runtime.Value, error) {
	d := runtime.NewDict()
	dv := runtime.Obj(d)
	for i := 0; i < len(kvs); i += 2 {
		if err := runtime.SetItem(th, dv, kvs[i], kvs[i+1]); err != nil {
			return runtime.Value{}, err
		}
	}
	clearValues(kvs)
	return dv, nil
}

func listExtend(th *runtime.Thread, list, it runtime.Value) error {
	l := list.Object().(*runtime.List)
	if src, ok := it.Object().(*runtime.List); ok {
		l.Items = append(l.Items, src.Items...)
		return nil
	}
	iter, err := iterWithMessage(th, it, "Value after * must be an iterable, not %s")
	if err != nil {
		return err
	}
	return forEach(th, runtime.Obj(iter), func(x runtime.Value) error {
		l.Items = append(l.Items, x)
		return nil
	})
}

// setUpdate is SET_UPDATE: CPython's set merge (its table order).
func setUpdate(th *runtime.Thread, set, it runtime.Value) error {
	return set.Object().(*runtime.Set).Update(th, it)
}

// dictUpdate merges mapping m into dict d. With a callable fn (call-site
// **), keys must be strings and may not repeat.
func dictUpdate(th *runtime.Thread, d, m, fn runtime.Value) error {
	add := func(k, v runtime.Value) error {
		if !fn.IsNull() {
			s, ok := strValue(th, k)
			if !ok {
				return runtime.Errorf(runtime.TypeError, "%s keywords must be strings", funcName(th, fn))
			}
			if has, err := runtime.Contains(th, d, k); err != nil || has {
				if err != nil {
					return err
				}
				return runtime.Errorf(runtime.TypeError, "%s got multiple values for keyword argument '%s'", funcName(th, fn), s)
			}
		}
		return runtime.SetItem(th, d, k, v)
	}
	if src, ok := m.Object().(*runtime.Dict); ok {
		return dictItems(th, src, add)
	}
	keys, err := runtime.GetAttr(th, m, "keys")
	if err != nil {
		if fn.IsNull() {
			return runtime.Errorf(runtime.TypeError, "'%s' object is not a mapping", typeName(m))
		}
		return runtime.Errorf(runtime.TypeError, "%s argument after ** must be a mapping, not %s", funcName(th, fn), typeName(m))
	}
	ks, err := runtime.Call(th, keys, nil, nil)
	if err != nil {
		return err
	}
	return forEach(th, ks, func(k runtime.Value) error {
		v, err := runtime.GetItem(th, m, k)
		if err != nil {
			return err
		}
		return add(k, v)
	})
}

// funcName names a callable in call errors: "f()".
func funcName(th *runtime.Thread, fn runtime.Value) string {
	switch o := fn.Object().(type) {
	case *Function:
		return o.qualname + "()"
	case *Method:
		return o.Fn.qualname + "()"
	case *runtime.BuiltinFunction:
		return o.Name + "()"
	case *runtime.Type:
		return o.Name + "()"
	}
	if v, err := runtime.GetAttr(th, fn, "__qualname__"); err == nil {
		if s, ok := strValue(th, v); ok {
			return s + "()"
		}
	}
	return typeName(fn) + " object"
}

func typeName(v runtime.Value) string { return v.Type().Name }

// addChainEnd runs ADD_CHAIN_END k: the chain's k+1 operands on top of
// the stack become its value.
func addChainEnd(th *runtime.Thread, stack []runtime.Value, sp, k int) (int, error) {
	v, err := runtime.ConcatChainEnd(th, stack[sp-1-k:sp])
	if err != nil {
		return sp, err
	}
	clearValues(stack[sp-k : sp])
	sp -= k
	stack[sp-1] = v
	return sp, nil
}

func buildString(th *runtime.Thread, parts []runtime.Value) (runtime.Value, error) {
	if v, ok := runtime.ConcatStrs(parts); ok {
		clearValues(parts)
		return v, nil
	}
	var b strings.Builder
	for _, p := range parts {
		s, err := runtime.StrOf(th, p)
		if err != nil {
			return runtime.Value{}, err
		}
		b.WriteString(s)
	}
	clearValues(parts)
	return runtime.Str(b.String()), nil
}

// formatValue implements an f-string field: conversion, then format().
func formatValue(th *runtime.Thread, v runtime.Value, conv int, spec runtime.Value) (runtime.Value, error) {
	if conv == fmtNone && spec.IsNull() {
		if r, ok := runtime.FormatPlain(v); ok {
			return r, nil
		}
	}
	var s string
	var err error
	switch conv {
	case fmtStr:
		s, err = runtime.StrOf(th, v)
	case fmtRepr:
		s, err = runtime.Repr(th, v)
	case fmtASCII:
		s, err = runtime.Repr(th, v)
		s = asciiEscape(s)
	}
	if err != nil {
		return runtime.Value{}, err
	}
	if conv != fmtNone {
		v = runtime.Str(s)
	}
	sp := ""
	if !spec.IsNull() {
		sp, _ = strValue(th, spec)
	}
	if conv != fmtNone && sp == "" {
		return v, nil
	}
	out, err := runtime.Format(th, v, sp)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(out), nil
}

// asciiEscape is ascii(): repr with non-ASCII characters escaped.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

// ---- unpacking ----

// unpackSequence writes the n items of seq into out in reverse order (the
// first item on top of the stack).
func unpackSequence(th *runtime.Thread, seq runtime.Value, out []runtime.Value) error {
	n := len(out)
	// Exact tuples and lists only: a subclass may override __iter__.
	if items, ok := exactSeqItems(seq); ok {
		if len(items) < n {
			return runtime.Errorf(runtime.ValueError, "not enough values to unpack (expected %d, got %d)", n, len(items))
		}
		if len(items) > n {
			return runtime.Errorf(runtime.ValueError, "too many values to unpack (expected %d)", n)
		}
		for i, x := range items {
			out[n-1-i] = x
		}
		return nil
	}
	it, err := iterForUnpack(th, seq)
	if err != nil {
		return err
	}
	got := make([]runtime.Value, 0, n)
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if len(got) == n {
			return runtime.Errorf(runtime.ValueError, "too many values to unpack (expected %d)", n)
		}
		got = append(got, x)
	}
	if len(got) < n {
		return runtime.Errorf(runtime.ValueError, "not enough values to unpack (expected %d, got %d)", n, len(got))
	}
	for i, x := range got {
		out[n-1-i] = x
	}
	return nil
}

// exactSeqItems returns the items of an exact tuple or list.
func exactSeqItems(v runtime.Value) ([]runtime.Value, bool) {
	if t := runtime.ExactTuple(v); t != nil {
		return t.Items, true
	}
	if l := runtime.ExactList(v); l != nil {
		return l.Items, true
	}
	return nil, false
}

func iterForUnpack(th *runtime.Thread, seq runtime.Value) (runtime.Iterator, error) {
	return iterWithMessage(th, seq, "cannot unpack non-iterable %s object")
}

// iterWithMessage is iter(v) with a context-specific TypeError for
// objects that are not iterable at all.
func iterWithMessage(th *runtime.Thread, v runtime.Value, format string) (runtime.Iterator, error) {
	it, err := runtime.Iter(th, v)
	if err == nil {
		return it, nil
	}
	if e, ok := err.(*runtime.Exception); ok && isExc(e, runtime.TypeError) && !hasIter(th, v) {
		return nil, runtime.Errorf(runtime.TypeError, format, typeName(v))
	}
	return nil, err
}

// hasIter reports whether v's type defines __iter__ or __getitem__ (so a
// TypeError from iter() came from inside it).
func hasIter(th *runtime.Thread, v runtime.Value) bool {
	if v.IsInline() {
		return false
	}
	if _, err := runtime.GetAttr(th, v, "__iter__"); err == nil {
		return true
	}
	_, err := runtime.GetAttr(th, v, "__getitem__")
	return err == nil
}

// unpackEx implements `a, *b, c = seq`; it writes into out (from the slot
// of seq upward) and returns how many values it wrote.
func unpackEx(th *runtime.Thread, seq runtime.Value, before, after int, out []runtime.Value) (int, error) {
	items, exact := exactSeqItems(seq)
	if !exact {
		it, err := iterForUnpack(th, seq)
		if err != nil {
			return 0, err
		}
		for {
			x, ok, err := it.Next(th)
			if err != nil {
				return 0, err
			}
			if !ok {
				break
			}
			items = append(items, x)
		}
	}
	if len(items) < before+after {
		return 0, runtime.Errorf(runtime.ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	n := before + after + 1
	k := 0
	for i := len(items) - 1; i >= len(items)-after; i-- {
		out[k] = items[i]
		k++
	}
	mid := append([]runtime.Value(nil), items[before:len(items)-after]...)
	out[k] = runtime.Obj(runtime.NewList(mid))
	k++
	for i := before - 1; i >= 0; i-- {
		out[k] = items[i]
		k++
	}
	return n, nil
}

// ---- calls ----

// callValue calls any callable from the run loop (vm functions that are
// not plain were handled by the caller or run nested here).
func callValue(th *runtime.Thread, fn runtime.Value, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	switch o := fn.Object().(type) {
	case *runtime.BuiltinFunction:
		return o.Fn(th, args, kwnames)
	case *Function:
		return o.Call(th, args, kwnames)
	case *runtime.Type:
		if o == runtime.StrType && len(args) == 1 && len(kwnames) == 0 && args[0].IsInt() {
			return runtime.StrFromInt(args[0].AsInt()), nil // str(int)
		}
	}
	return runtime.Call(th, fn, args, kwnames)
}

func callEx(th *runtime.Thread, fn, list, kwargs runtime.Value, withKw bool) (runtime.Value, error) {
	args := list.Object().(*runtime.List).Items
	var kwnames []string
	if withKw {
		args = append([]runtime.Value(nil), args...)
		err := dictItems(th, kwargs.Object().(*runtime.Dict), func(k, v runtime.Value) error {
			s, ok := strValue(th, k)
			if !ok {
				return runtime.Errorf(runtime.TypeError, "%s keywords must be strings", funcName(th, fn))
			}
			kwnames = append(kwnames, s)
			args = append(args, v)
			return nil
		})
		if err != nil {
			return runtime.Value{}, err
		}
	}
	return callValue(th, fn, args, kwnames)
}

// calleeFrame returns the frame CALL pushes to call fnv: for a class whose
// __init__ is a pyish function, the frame of __init__ with the new
// instance stored at stack[slot] before the arguments; for a plain pyish
// function, its frame. It returns nil when fnv is called some other way.
// (A helper keeps the run loop under the compiler's big-function size,
// past which its small helpers stop being inlined.)
func calleeFrame(th *runtime.Thread, f *Frame, fnv runtime.Value, stack []runtime.Value, slot int,
	args []runtime.Value, kwnames []string, hasSelf bool) (*Frame, error) {
	var nf *Frame
	var err error
	switch o := fnv.Object().(type) {
	case *runtime.Type:
		if hasSelf {
			return nil, nil
		}
		init, self, ok := classInit(th, o)
		if !ok {
			return nil, nil
		}
		stack[slot] = self
		if nf, err = init.frameFor(th, stack[slot:], kwnames, f.child); err == nil {
			nf.setInitSelf(self)
		}
	case *Function:
		if o.code.Flags&(flagGenerator|flagCoroutine|flagAsyncGen) != 0 {
			return nil, nil
		}
		if len(kwnames) == 0 && o.simpleCall(len(args)) {
			nf = simpleCallFrame(o, args, f.child) // a bound method's function
		} else {
			nf, err = o.frameFor(th, args, kwnames, f.child)
		}
	default:
		return nil, nil
	}
	f.child = nil
	if err == nil {
		err = pushDepth(th)
	}
	if err != nil {
		return nil, err
	}
	return nf, nil
}

// leaveFrame pops a returning non-entry frame and hands v to its caller.
func leaveFrame(th *runtime.Thread, f *Frame, v runtime.Value) (*Frame, error) {
	th.Depth--
	back := f.back
	f.back = nil
	if g := f.gen; g != nil {
		return back, g.returnedLinked(back, v)
	}
	if f.is(fBinop) {
		return back, binaryReturned(back, v)
	}
	if f.is(fInit) {
		if !v.IsNone() {
			return back, runtime.Errorf(runtime.TypeError, "__init__() should return None, not '%s'", typeName(v))
		}
		v = f.initSelf()
	}
	back.push(v)
	return back, nil
}

// leaveFrameWithError pops a non-entry frame an exception leaves. resumed
// is true when the caller continues normally (an async generator closed).
func leaveFrameWithError(th *runtime.Thread, f *Frame, exc *runtime.Exception) (*Frame, bool) {
	th.Depth--
	back := f.back
	f.back = nil
	if g := f.gen; g != nil && g.kind == kindAsyncGen && g.op != nil && g.op.closing &&
		(isExc(exc, runtime.GeneratorExit) || isExc(exc, runtime.StopAsyncIteration)) {
		g.op = nil
		back.push(runtime.None)
		return back, true
	}
	return back, false
}

// ---- classes ----

func buildClass(th *runtime.Thread, body, name runtime.Value, bases []runtime.Value, kwnames []string, kwvals []runtime.Value) (runtime.Value, error) {
	fn := body.Object().(*Function)
	ns := runtime.NewDict()
	f := newFrame(fn.code, fn.globals)
	f.fn = fn
	f.extra().ns = ns
	fn.setupCells(f)
	cell, err := runFrame(th, f)
	if err != nil {
		return runtime.Value{}, err
	}
	sname, _ := strValue(th, name)
	cls, err := newClass(th, sname, copyValues(bases), ns, kwnames, kwvals)
	if err != nil {
		return runtime.Value{}, err
	}
	if c, ok := cell.Object().(*Cell); ok {
		c.v = cls
	}
	return cls, nil
}

// ---- exceptions ----

func isExc(e *runtime.Exception, t *runtime.Type) bool { return runtime.IsSubtype(e.Type(), t) }

func excValue(e *runtime.Exception) runtime.Value {
	if e == nil {
		return runtime.None
	}
	return runtime.Obj(e)
}

// toException turns any error into a Python exception.
func toException(err error) *runtime.Exception {
	if e, ok := err.(*runtime.Exception); ok {
		return e
	}
	return runtime.Errorf(runtime.RuntimeError, "%v", err)
}

// noteRaise records that exc passes through f: a traceback entry and, if
// f is handling another exception, the implicit __context__.
func noteRaise(f *Frame, exc *runtime.Exception) {
	e := f.traceEntry()
	exc.Traceback = append([]runtime.TraceEntry{e}, exc.Traceback...)
	if exc.Context != nil {
		return
	}
	h := f.handled()
	if h == nil || h == exc {
		return
	}
	for c := h; c != nil; c = c.Context {
		if c.Context == exc {
			c.Context = nil
			break
		}
	}
	exc.Context = h
}

// frameFailed is called when exc leaves f: a generator or coroutine
// finishes, and StopIteration escaping one becomes RuntimeError.
func frameFailed(f *Frame, exc *runtime.Exception) *runtime.Exception {
	g := f.gen
	if g == nil {
		return exc
	}
	g.finish()
	var msg string
	switch {
	case isExc(exc, runtime.StopIteration):
		msg = g.kindName() + " raised StopIteration"
	case g.kind == kindAsyncGen && isExc(exc, runtime.StopAsyncIteration) && (g.op == nil || !g.op.closing):
		msg = "async generator raised StopAsyncIteration"
	default:
		return exc
	}
	r := runtime.Errorf(runtime.RuntimeError, "%s", msg)
	r.Cause = exc
	r.Context = exc
	r.Traceback = exc.Traceback
	return r
}

// makeRaise builds the exception of `raise exc [from cause]`.
func makeRaise(th *runtime.Thread, v, cause runtime.Value) error {
	exc, err := instantiate(th, v, "exceptions must derive from BaseException")
	if err != nil {
		return err
	}
	if cause.IsNull() {
		return exc
	}
	if cause.IsNone() {
		exc.Cause = nil
		exc.SuppressContext = true
		return exc
	}
	c, err := instantiate(th, cause, "exception causes must derive from BaseException")
	if err != nil {
		return err
	}
	exc.Cause = c
	exc.SuppressContext = true
	return exc
}

// instantiate returns v as an exception, calling it first if it is a class.
func instantiate(th *runtime.Thread, v runtime.Value, msg string) (*runtime.Exception, error) {
	if t, ok := v.Object().(*runtime.Type); ok {
		if !runtime.IsSubtype(t, runtime.BaseException) {
			return nil, runtime.Errorf(runtime.TypeError, "%s", msg)
		}
		r, err := runtime.Call(th, v, nil, nil)
		if err != nil {
			return nil, err
		}
		v = r
	}
	e, ok := v.Object().(*runtime.Exception)
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "%s", msg)
	}
	return e, nil
}

// exceptionMatches is `except E:` for a class or a tuple of classes.
func exceptionMatches(th *runtime.Thread, excv, match runtime.Value) (bool, error) {
	exc := excv.Object().(*runtime.Exception)
	if t, ok := match.Object().(*runtime.Tuple); ok {
		for _, m := range t.Items {
			ok, err := exceptionMatches(th, excv, m)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	t, ok := match.Object().(*runtime.Type)
	if !ok || !runtime.IsSubtype(t, runtime.BaseException) {
		return false, runtime.Errorf(runtime.TypeError, "catching classes that do not inherit from BaseException is not allowed")
	}
	return runtime.IsSubtype(exc.Type(), t), nil
}

// ---- with ----

func beforeWith(th *runtime.Thread, ctx runtime.Value) (exit, res runtime.Value, err error) {
	enter, err1 := runtime.GetAttr(th, ctx, "__enter__")
	exit, err2 := runtime.GetAttr(th, ctx, "__exit__")
	if err1 != nil || err2 != nil {
		return exit, res, runtime.Errorf(runtime.TypeError, "'%s' object does not support the context manager protocol", typeName(ctx))
	}
	res, err = runtime.Call(th, enter, nil, nil)
	return exit, res, err
}

func withExceptStart(th *runtime.Thread, exit, excv runtime.Value) (runtime.Value, error) {
	exc := excv.Object().(*runtime.Exception)
	args := []runtime.Value{runtime.Obj(exc.Type()), excv, runtime.None}
	return runtime.Call(th, exit, args, nil)
}

// ---- imports ----

func importName(th *runtime.Thread, name string, level, fromlist runtime.Value) (runtime.Value, error) {
	if level.IsInt() && level.AsInt() > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ImportError, "attempted relative import with no known parent package")
	}
	if th.Import == nil {
		return runtime.Value{}, runtime.Errorf(runtime.ImportError, "No module named '%s'", name)
	}
	m, err := th.Import(th, name)
	if err != nil {
		return runtime.Value{}, err
	}
	if fromlist.IsNone() {
		if i := strings.IndexByte(name, '.'); i >= 0 {
			top, err := th.Import(th, name[:i])
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(top), nil
		}
	}
	return runtime.Obj(m), nil
}

func importFrom(th *runtime.Thread, mod runtime.Value, name string) (runtime.Value, error) {
	v, err := runtime.GetAttr(th, mod, name)
	if err == nil {
		return v, nil
	}
	mname := "?"
	if m, ok := mod.Object().(*runtime.Module); ok {
		mname = m.Name
		if th.Import != nil {
			if sub, err := th.Import(th, m.Name+"."+name); err == nil {
				return runtime.Obj(sub), nil
			}
		}
	}
	return runtime.Value{}, runtime.Errorf(runtime.ImportError, "cannot import name '%s' from '%s' (unknown location)", name, mname)
}

func importStar(th *runtime.Thread, mod runtime.Value, into *runtime.Dict) error {
	m, ok := mod.Object().(*runtime.Module)
	if !ok {
		return runtime.Errorf(runtime.ImportError, "import * from a non-module")
	}
	return dictItems(th, m.Dict, func(k, v runtime.Value) error {
		if s, ok := strValue(th, k); ok && strings.HasPrefix(s, "_") {
			return nil
		}
		return dictSet(th, into, k, v)
	})
}

// printExpr shows a top-level expression's value in interactive mode: by
// calling builtins.__displayhook__ if the embedder installed one, else by
// remembering it as the value the module body returns. Code compiled in
// ModeSingle (display) calls sys.displayhook instead, as CPython does.
func printExpr(th *runtime.Thread, f *Frame, v runtime.Value, display bool) error {
	if display {
		return sysDisplay(th, v)
	}
	if v.IsNone() {
		return nil
	}
	if th.Builtins != nil {
		if hook, ok, _ := dictGetStr(th, th.Builtins, "__displayhook__"); ok {
			_, err := runtime.Call(th, hook, []runtime.Value{v}, nil)
			return err
		}
	}
	f.extra().echo = v
	return nil
}

// sysDisplay calls sys.displayhook(v).
func sysDisplay(th *runtime.Thread, v runtime.Value) error {
	hook, ok := runtime.Value{}, false
	if th.Import != nil {
		if sys, err := th.Import(th, "sys"); err == nil {
			hook, ok = sys.Dict.GetStr("displayhook")
		}
	}
	if !ok {
		return runtime.Errorf(runtime.RuntimeError, "lost sys.displayhook")
	}
	_, err := runtime.Call(th, hook, []runtime.Value{v}, nil)
	return err
}

// ---- except* ----

// starStateType is the type of the split state of a try/except*.
var starStateType = runtime.NewType("except_star_state", nil)

// starState is what a try/except* statement keeps while its clauses run:
// the exception caught, the part no clause has matched yet, and what the
// clauses raised.
type starState struct {
	orig   *runtime.Exception
	rest   *runtime.Exception
	raised []*runtime.Exception
}

// Type implements runtime.Object.
func (s *starState) Type() *runtime.Type { return starStateType }

// newStarState starts the split of exc; a naked exception is matched as
// the only member of a group, as CPython does.
func newStarState(exc *runtime.Exception) *starState {
	rest := exc
	if !runtime.IsSubtype(exc.Type(), runtime.BaseExceptionGroup) {
		rest = runtime.NewExceptionGroup("", []*runtime.Exception{exc})
		rest.Traceback = exc.Traceback
	}
	return &starState{orig: exc, rest: rest}
}

// match splits off the part of the rest that an `except* T` clause
// handles (nil if none).
func (s *starState) match(th *runtime.Thread, t runtime.Value) (*runtime.Exception, error) {
	if err := checkStarType(t); err != nil {
		return nil, err
	}
	m, err := runtime.ExceptionMatcher(th, t, false)
	if err != nil {
		return nil, runtime.Errorf(runtime.TypeError, "catching classes that do not inherit from BaseException is not allowed")
	}
	if s.rest == nil {
		return nil, nil
	}
	match, rest := runtime.SplitGroup(s.rest, m)
	s.rest = rest
	return match, nil
}

// checkStarType refuses exception groups as except* types.
func checkStarType(t runtime.Value) error {
	types := []runtime.Value{t}
	if tup, ok := t.Object().(*runtime.Tuple); ok {
		types = tup.Items
	}
	for _, x := range types {
		if tt, ok := x.Object().(*runtime.Type); ok && runtime.IsSubtype(tt, runtime.BaseExceptionGroup) {
			return runtime.Errorf(runtime.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
	}
	return nil
}
