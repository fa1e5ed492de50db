package builtins

// This file defines the builtins about objects in general: isinstance,
// issubclass, repr, ascii, hash, id, callable, format, iter, next, the
// attribute functions, vars and dir.

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pyish/pyish/runtime"
)

// builtin_isinstance is isinstance(obj, class_or_tuple), allocation-free
// when the second argument is a type.
func builtin_isinstance(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 2 || len(kwnames) > 0 {
		return runtime.Value{}, posArgs("isinstance", args, kwnames, 2, 2)
	}
	if t, ok := args[1].Object().(*runtime.Type); ok && args[0].Type() == t {
		return runtime.True, nil
	}
	if r, found, err := classHook(th, args[1], "__instancecheck__", args[0]); found || err != nil {
		return runtime.Bool(r), err
	}
	if t, ok := args[1].Object().(*runtime.Type); ok {
		return runtime.Bool(runtime.IsInstance(args[0], t)), nil
	}
	ok, err := classInfo(args[1], func(t *runtime.Type) bool { return runtime.IsInstance(args[0], t) },
		"isinstance() arg 2 must be a type, a tuple of types, or a union")
	return runtime.Bool(ok), err
}

// builtin_issubclass is issubclass(cls, class_or_tuple).
func builtin_issubclass(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("issubclass", args, kwnames, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	cls, ok := args[0].Object().(*runtime.Type)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "issubclass() arg 1 must be a class")
	}
	if r, found, err := classHook(th, args[1], "__subclasscheck__", args[0]); found || err != nil {
		return runtime.Bool(r), err
	}
	r, err := classInfo(args[1], func(t *runtime.Type) bool { return runtime.IsSubtype(cls, t) },
		"issubclass() arg 2 must be a class, a tuple of classes, or a union")
	return runtime.Bool(r), err
}

// classHook defers isinstance/issubclass to a user-defined hook (name) of
// classinfo's type: a metaclass's, or that of an object standing for a
// class (typing's aliases). Tuples and unions are checked item by item.
func classHook(th *runtime.Thread, classinfo runtime.Value, name string, arg runtime.Value) (bool, bool, error) {
	switch classinfo.Object().(type) {
	case *runtime.Tuple, *runtime.UnionType:
		return false, false, nil
	}
	return runtime.UserCheck(th, classinfo, name, arg)
}

// classInfo tests the types of a classinfo argument (a type, or tuples of
// them nested at any depth) with match, stopping at the first match.
func classInfo(info runtime.Value, match func(*runtime.Type) bool, msg string) (bool, error) {
	switch o := info.Object().(type) {
	case *runtime.Type:
		return match(o), nil
	case *runtime.Tuple:
		for _, item := range o.Items {
			if ok, err := classInfo(item, match, msg); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	case *runtime.UnionType:
		types, ok := o.Types()
		if !ok {
			return false, genericClassInfo(msg)
		}
		for _, t := range types {
			if match(t) {
				return true, nil
			}
		}
		return false, nil
	case *runtime.GenericAlias:
		return false, genericClassInfo(msg)
	}
	return false, runtime.Errorf(runtime.TypeError, "%s", msg)
}

// genericClassInfo is the TypeError for isinstance(x, list[int]) and
// issubclass(C, list[int] | str); msg names the function.
func genericClassInfo(msg string) error {
	fn, _, _ := strings.Cut(msg, " ")
	return runtime.Errorf(runtime.TypeError, "%s argument 2 cannot be a parameterized generic", fn)
}

// builtin_repr is repr(obj).
func builtin_repr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("repr", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	s, err := runtime.Repr(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(s), nil
}

// builtin_ascii is ascii(obj): repr with non-ASCII characters escaped.
func builtin_ascii(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("ascii", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	s, err := runtime.Repr(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(asciiEscape(s)), nil
}

// asciiEscape replaces each non-ASCII character of s by \xhh, \uhhhh or
// \Uhhhhhhhh.
func asciiEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// builtin_id is id(obj).
func builtin_id(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("id", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(objectID(args[0])), nil
}

// objectID is a positive integer that stays the same for an object while
// it lives. Heap objects use the runtime's identity (their address, a
// multiple of 8: Go's heap does not move objects); inline values are
// identified by kind and payload, in odd numbers no address can take.
func objectID(v runtime.Value) int64 {
	const mask = math.MaxInt64
	switch {
	case v.IsNone():
		return 7
	case v.IsBool():
		return 5 | v.AsInt()<<3
	case v.IsInt():
		return (v.AsInt()<<3 | 1) & mask
	case v.IsFloat():
		return (int64(math.Float64bits(v.AsFloat()))<<3 | 3) & mask
	}
	return int64(runtime.ID(v) & mask)
}

// builtin_callable is callable(obj).
func builtin_callable(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("callable", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Bool(runtime.IsCallable(args[0])), nil
}

// builtin_format is format(value, format_spec=”).
func builtin_format(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("format", args, kwnames, 1, 2); err != nil {
		return runtime.Value{}, err
	}
	spec := ""
	if len(args) == 2 {
		s, ok := runtime.AsString(args[1])
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "format() argument 2 must be str, not %s", typeName(args[1]))
		}
		spec = s
	}
	s, err := runtime.Format(th, args[0], spec)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(s), nil
}

// builtin_iter is iter(iterable) or iter(callable, sentinel).
func builtin_iter(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("iter", args, kwnames, 1, 2); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 2 {
		if !runtime.IsCallable(args[0]) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "iter(object, sentinel): object must be callable")
		}
		return runtime.Obj(&callableIter{fn: args[0], sentinel: args[1]}), nil
	}
	it, err := runtime.Iter(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(it), nil
}

// builtin_next is next(iterator[, default]).
func builtin_next(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("next", args, kwnames, 1, 2); err != nil {
		return runtime.Value{}, err
	}
	if r, ok := args[0].Object().(runtime.Returner); ok {
		v, err := r.NextOrStop(th)
		if err != nil && len(args) == 2 && runtime.AsException(err).Matches(runtime.StopIteration) {
			return args[1], nil
		}
		return v, err
	}
	v, ok, err := nextItem(th, args[0])
	switch {
	case err != nil:
		return runtime.Value{}, err
	case ok:
		return v, nil
	case len(args) == 2:
		return args[1], nil
	}
	return runtime.Value{}, runtime.NewException(runtime.StopIteration)
}

// nextItem advances an iterator: a Go Iterator, or an object whose type
// defines __next__ (StopIteration then means exhausted).
func nextItem(th *runtime.Thread, v runtime.Value) (runtime.Value, bool, error) {
	if it, ok := v.Object().(runtime.Iterator); ok {
		return it.Next(th)
	}
	r, found, err := callSpecial(th, v, "__next__")
	switch {
	case !found:
		return runtime.Value{}, false, runtime.Errorf(runtime.TypeError, "'%s' object is not an iterator", typeName(v))
	case err != nil && runtime.AsException(err).Matches(runtime.StopIteration):
		return runtime.Value{}, false, nil
	}
	return r, err == nil, err
}

// attrName checks the name argument of getattr and friends.
func attrName(v runtime.Value) (string, error) {
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf(runtime.TypeError, "attribute name must be string, not '%s'", typeName(v))
	}
	return s, nil
}

// builtin_getattr is getattr(object, name[, default]).
func builtin_getattr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("getattr", args, kwnames, 2, 3); err != nil {
		return runtime.Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	v, err := runtime.GetAttr(th, args[0], name)
	if err != nil && len(args) == 3 && runtime.AsException(err).Matches(runtime.AttributeError) {
		return args[2], nil
	}
	return v, err
}

// builtin_setattr is setattr(object, name, value).
func builtin_setattr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("setattr", args, kwnames, 3, 3); err != nil {
		return runtime.Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, runtime.SetAttr(th, args[0], name, args[2])
}

// builtin_hasattr is hasattr(object, name).
func builtin_hasattr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("hasattr", args, kwnames, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	if _, err := runtime.GetAttr(th, args[0], name); err != nil {
		if runtime.AsException(err).Matches(runtime.AttributeError) {
			return runtime.False, nil
		}
		return runtime.Value{}, err
	}
	return runtime.True, nil
}

// builtin_delattr is delattr(object, name).
func builtin_delattr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("delattr", args, kwnames, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, runtime.DelAttr(th, args[0], name)
}

// errNeedsFrame refuses the forms of globals, locals, vars and dir that
// read the caller's scope when they are not called by name: a direct call
// `globals()` is answered by the vm from the calling frame, but builtins
// cannot see frames.
func errNeedsFrame(name string) error {
	return runtime.Errorf(runtime.NotImplementedError, "%s() without an argument is supported by pyish only when called directly by its name", name)
}

// builtin_globals is globals() reached other than by a direct call.
func builtin_globals(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("globals", args, kwnames, 0, 0); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Value{}, errNeedsFrame("globals")
}

// builtin_locals is locals() reached other than by a direct call.
func builtin_locals(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("locals", args, kwnames, 0, 0); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Value{}, errNeedsFrame("locals")
}

// builtin_vars is vars(object): its __dict__.
func builtin_vars(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("vars", args, kwnames, 0, 1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		return runtime.Value{}, errNeedsFrame("vars")
	}
	d, err := runtime.GetAttr(th, args[0], "__dict__")
	if err != nil && runtime.AsException(err).Matches(runtime.AttributeError) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "vars() argument must have __dict__ attribute")
	}
	return d, err
}

// builtin_dir is dir(object): the sorted attribute names of object, its
// type and the type's bases (or what the class's __dir__ returns).
func builtin_dir(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("dir", args, kwnames, 0, 1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		return runtime.Value{}, errNeedsFrame("dir")
	}
	v := args[0]
	var names []runtime.Value
	if m, ok := runtime.LookupSpecial(v, "__dir__"); ok && !isBuiltinMethod(m) {
		r, _, err := callSpecial(th, v, "__dir__")
		if err != nil {
			return runtime.Value{}, err
		}
		if names, err = runtime.ToSlice(th, r); err != nil {
			return runtime.Value{}, err
		}
	} else {
		return runtime.Obj(runtime.NewList(runtime.Dir(th, v))), nil
	}
	list := runtime.NewList(names)
	if err := sortStrings(th, list); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(list), nil
}

// isBuiltinMethod reports whether m is a method written in Go (the
// default object.__dir__, say) rather than one defined in pyish.
func isBuiltinMethod(m runtime.Value) bool {
	_, ok := m.Object().(*runtime.BuiltinMethod)
	return ok
}

// sortStrings sorts a list of names: in Go when they are all str, else
// by list.sort (which raises for mixed types as CPython does).
func sortStrings(th *runtime.Thread, list *runtime.List) error {
	strs := make([]string, len(list.Items))
	for i, v := range list.Items {
		s, ok := runtime.AsString(v)
		if !ok {
			return callMethod(th, runtime.Obj(list), "sort")
		}
		strs[i] = s
	}
	sort.Strings(strs)
	for i, s := range strs {
		list.Items[i] = runtime.Str(s)
	}
	return nil
}
