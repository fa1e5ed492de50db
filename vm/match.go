package vm

// This file implements the run-time checks of pattern matching, the
// operations compile_match.go emits, as CPython's ceval does them.

import (
	"github.com/pyish/pyish/runtime"
)

// matchSelfTypes are the built-in types whose class pattern with one
// positional sub-pattern matches the subject itself (`int(x)`), when the
// class does not define __match_args__ (CPython's _Py_TPFLAGS_MATCH_SELF).
var matchSelfTypes = []*runtime.Type{
	runtime.BoolType, runtime.ByteArrayType, runtime.BytesType, runtime.DictType, runtime.FloatType,
	runtime.FrozenSetType, runtime.IntType, runtime.ListType, runtime.SetType, runtime.StrType,
	runtime.TupleType,
}

// isMatchSequence reports whether a sequence pattern may match v: lists,
// tuples, ranges and deques (and their subclasses), and classes derived
// from or registered with collections.abc.Sequence, but not str, bytes or
// bytearray.
func isMatchSequence(v runtime.Value) bool {
	t := v.Type()
	return runtime.IsSubtype(t, runtime.ListType) || runtime.IsSubtype(t, runtime.TupleType) ||
		t == runtime.RangeType || runtime.IsSubtype(t, runtime.DequeType) ||
		t.Flags&runtime.FlagHeap != 0 && runtime.CollectionFlag(t) == runtime.FlagSequence
}

// isMatchMapping reports whether a mapping pattern may match v: dicts
// (OrderedDict, defaultdict, Counter and user subclasses too),
// mappingproxy, and classes derived from or registered with
// collections.abc.Mapping.
func isMatchMapping(v runtime.Value) bool {
	t := v.Type()
	return runtime.IsSubtype(t, runtime.DictType) || t == runtime.MappingProxyType ||
		t.Flags&runtime.FlagHeap != 0 && runtime.CollectionFlag(t) == runtime.FlagMapping
}

// matchKeys looks the keys up in the subject with its get method, as
// CPython does (so a defaultdict does not grow); it returns a tuple of
// the values, or None when a key is missing.
func matchKeys(th *runtime.Thread, subject, keys runtime.Value) (runtime.Value, error) {
	items := keys.Object().(*runtime.Tuple).Items
	if len(items) == 0 {
		return runtime.Obj(runtime.NewTuple(nil)), nil
	}
	get, err := runtime.GetAttr(th, subject, "get")
	if err != nil {
		return runtime.Value{}, err
	}
	missing := runtime.Obj(runtime.NewList(nil))
	values := make([]runtime.Value, len(items))
	for i, k := range items {
		for _, prev := range items[:i] {
			same, err := runtime.Equal(th, prev, k)
			if err != nil {
				return runtime.Value{}, err
			}
			if same {
				r, err := runtime.Repr(th, k)
				if err != nil {
					return runtime.Value{}, err
				}
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "mapping pattern checks duplicate key (%s)", r)
			}
		}
		v, err := runtime.Call(th, get, []runtime.Value{k, missing}, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		if v.Object() == missing.Object() {
			return runtime.None, nil
		}
		values[i] = v
	}
	return runtime.Obj(runtime.NewTuple(values)), nil
}

// matchRest is the dict of the subject's items other than keys, for
// `**rest`.
func matchRest(th *runtime.Thread, subject, keys runtime.Value) (runtime.Value, error) {
	rest := runtime.Obj(runtime.NewDict())
	if err := dictUpdate(th, rest, subject, runtime.Value{}); err != nil {
		return runtime.Value{}, err
	}
	for _, k := range keys.Object().(*runtime.Tuple).Items {
		if err := runtime.DelItem(th, rest, k); err != nil {
			return runtime.Value{}, err
		}
	}
	return rest, nil
}

// matchClass is CPython's match_class: None unless subject is an instance
// of cls, else the tuple of the attributes the positional sub-patterns
// (through cls.__match_args__) and the keyword ones (names) name; None
// also when one is missing.
func matchClass(th *runtime.Thread, subject, cls, names runtime.Value, nargs int) (runtime.Value, error) {
	t, ok := cls.Object().(*runtime.Type)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "called match pattern must be a class")
	}
	if ok, err := matchInstance(th, subject, cls, t); err != nil || !ok {
		return runtime.None, err
	}
	var attrs []runtime.Value
	seen := map[string]bool{}
	if nargs > 0 {
		posNames, matchSelf, err := matchArgs(th, t)
		if err != nil {
			return runtime.Value{}, err
		}
		allowed := len(posNames)
		if matchSelf {
			allowed = 1
		}
		if allowed < nargs {
			plural := "s"
			if allowed == 1 {
				plural = ""
			}
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", t.Name, allowed, plural, nargs)
		}
		if matchSelf {
			attrs = append(attrs, subject)
		}
		for _, name := range posNames[:min(nargs, len(posNames))] {
			s, ok := name.Object().(*runtime.String)
			if !ok || name.Type() != runtime.StrType {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "__match_args__ elements must be strings (got %s)", name.Type().Name)
			}
			v, found, err := matchAttr(th, subject, t, s.String(), seen)
			if err != nil || !found {
				return runtime.None, err
			}
			attrs = append(attrs, v)
		}
	}
	for _, name := range names.Object().(*runtime.Tuple).Items {
		s, _ := runtime.AsString(name)
		v, found, err := matchAttr(th, subject, t, s, seen)
		if err != nil || !found {
			return runtime.None, err
		}
		attrs = append(attrs, v)
	}
	return runtime.Obj(runtime.NewTuple(attrs)), nil
}

// matchInstance is isinstance(subject, cls), honouring a metaclass's
// __instancecheck__.
func matchInstance(th *runtime.Thread, subject, cls runtime.Value, t *runtime.Type) (bool, error) {
	if subject.Type() == t {
		return true, nil
	}
	if r, found, err := runtime.UserCheck(th, cls, "__instancecheck__", subject); found || err != nil {
		return r, err
	}
	return runtime.IsInstance(subject, t), nil
}

// matchArgs returns t.__match_args__, or, when t has none, whether t is
// one of the types that match themselves.
func matchArgs(th *runtime.Thread, t *runtime.Type) (names []runtime.Value, matchSelf bool, err error) {
	v, err := runtime.GetAttr(th, runtime.Obj(t), "__match_args__")
	if err != nil {
		if !runtime.AsException(err).Matches(runtime.AttributeError) {
			return nil, false, err
		}
		for _, s := range matchSelfTypes {
			if runtime.IsSubtype(t, s) {
				return nil, true, nil
			}
		}
		return nil, false, nil
	}
	tup, ok := v.Object().(*runtime.Tuple)
	if !ok || v.Type() != runtime.TupleType {
		return nil, false, runtime.Errorf(runtime.TypeError, "%s.__match_args__ must be a tuple (got %s)", t.Name, v.Type().Name)
	}
	return tup.Items, false, nil
}

// matchAttr is getattr(subject, name) for a class pattern: found is false
// when the attribute is missing (AttributeError), and naming one
// attribute twice is a TypeError.
func matchAttr(th *runtime.Thread, subject runtime.Value, t *runtime.Type, name string, seen map[string]bool) (runtime.Value, bool, error) {
	if seen[name] {
		return runtime.Value{}, false, runtime.Errorf(runtime.TypeError, "%s() got multiple sub-patterns for attribute '%s'", t.Name, name)
	}
	seen[name] = true
	v, err := runtime.GetAttr(th, subject, name)
	if err != nil {
		if runtime.AsException(err).Matches(runtime.AttributeError) {
			return runtime.Value{}, false, nil
		}
		return runtime.Value{}, false, err
	}
	return v, true, nil
}

// matchOp runs one pattern-matching operation for coldOp.
func matchOp(th *runtime.Thread, op Opcode, arg uint32, stack []runtime.Value, sp int) (int, error) {
	switch op {
	case ROT_N:
		n := int(arg)
		top := stack[sp-1]
		copy(stack[sp-n+1:sp], stack[sp-n:sp-1])
		stack[sp-n] = top
	case GET_LEN:
		n, err := runtime.Len(th, stack[sp-1])
		if err != nil {
			return sp, err
		}
		stack[sp] = runtime.Int(int64(n))
		sp++
	case MATCH_SEQUENCE:
		stack[sp] = runtime.Bool(isMatchSequence(stack[sp-1]))
		sp++
	case MATCH_MAPPING:
		stack[sp] = runtime.Bool(isMatchMapping(stack[sp-1]))
		sp++
	case MATCH_KEYS:
		v, err := matchKeys(th, stack[sp-2], stack[sp-1])
		if err != nil {
			return sp, err
		}
		stack[sp] = v
		sp++
	case MATCH_CLASS:
		v, err := matchClass(th, stack[sp-3], stack[sp-2], stack[sp-1], int(arg))
		if err != nil {
			return sp, err
		}
		sp -= 2
		stack[sp-1] = v
		stack[sp], stack[sp+1] = runtime.Value{}, runtime.Value{}
	case MATCH_REST:
		v, err := matchRest(th, stack[sp-2], stack[sp-1])
		if err != nil {
			return sp, err
		}
		sp--
		stack[sp-1] = v
		stack[sp] = runtime.Value{}
	}
	return sp, nil
}
