package runtime

// This file defines UnpackArgs, the one argument binder of Go builtins.

import (
	"fmt"
	"strings"
)

// UnpackArgs binds positional and keyword arguments to the named parameters,
// like starlark's: each pair is "name" (required) or "name?" (optional; the
// target keeps its value when absent) followed by a pointer target.
// Targets are *Value, *int, *int64, *float64, *string, *bool, **Type,
// **Dict, **List, **Tuple. It raises CPython's TypeError messages
// ("f() missing required argument 'x' (pos 1)", "f() takes at most 2
// arguments (3 given)", "f() got an unexpected keyword argument 'k'").
func UnpackArgs(fname string, args []Value, kwnames []string, pairs ...any) error {
	if len(pairs)%2 != 0 {
		return Errorf(SystemError, "UnpackArgs: odd number of pairs")
	}
	n := len(pairs) / 2
	var nameBuf [8]string
	var optBuf, setBuf [8]bool
	names, optional, set := nameBuf[:0], optBuf[:0], setBuf[:0]
	if n > len(nameBuf) {
		names, optional, set = make([]string, 0, n), make([]bool, 0, n), make([]bool, 0, n)
	}
	names, optional, set = names[:n], optional[:n], set[:n]
	required := 0
	for i := 0; i < n; i++ {
		name, _ := pairs[2*i].(string)
		names[i], optional[i] = strings.CutSuffix(name, "?")
		if !optional[i] {
			required++
		}
	}
	npos := len(args) - len(kwnames)
	if npos > n {
		return tooManyArgs(fname, n, required, npos)
	}
	for i := 0; i < npos; i++ {
		if err := unpackOne(fname, names[i], i, args[i], pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for k, kw := range kwnames {
		i := indexOfName(names, kw)
		if i < 0 {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, kw)
		}
		if set[i] {
			return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kw, i+1)
		}
		if err := unpackOne(fname, kw, i, args[npos+k], pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for i := range names {
		if !set[i] && !optional[i] {
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}

func indexOfName(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

func tooManyArgs(fname string, n, required, given int) error {
	switch {
	case n == 0:
		return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, given)
	case n == required && n == 1:
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, given)
	case n == required:
		return Errorf(TypeError, "%s() takes exactly %d arguments (%d given)", fname, n, given)
	}
	return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", fname, n, plural(n), given)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// unpackOne converts v into the target ptr of parameter name (index i).
func unpackOne(fname, name string, i int, v Value, ptr any) error {
	bad := func(want string) error {
		return Errorf(TypeError, "%s() argument '%s' must be %s, not %s", fname, name, want, v.Type().Name)
	}
	switch p := ptr.(type) {
	case *Value:
		*p = v
	case *string:
		s, ok := AsString(v)
		if !ok {
			return bad("str")
		}
		*p = s
	case *int:
		n, err := indexOf(nil, v)
		if err != nil {
			return err
		}
		*p = int(n)
	case *int64:
		n, err := indexOf(nil, v)
		if err != nil {
			return err
		}
		*p = n
	case *float64:
		switch {
		case v.IsFloat():
			*p = v.AsFloat()
		case v.IsInt() || v.IsBool():
			*p = float64(v.AsInt())
		default:
			if _, user := v.o.(*Instance); user {
				return bad("a real number") // converting would run pyish code
			}
			f, err := ToFloat(nil, v)
			if err != nil {
				return bad("a real number")
			}
			*p = f
		}
	case *bool:
		// Flags are ints to CPython's argument parser ("p" aside); no
		// thread is at hand to run a class's __bool__ or __index__.
		switch {
		case v.IsInline():
			*p = v.n != 0
		case IsInstance(v, IntType):
			*p = true
		default:
			_, err := indexOf(nil, v)
			return err
		}
	case **Type:
		t, ok := v.o.(*Type)
		if !ok {
			return bad("type")
		}
		*p = t
	case **Dict:
		d, ok := v.o.(*Dict)
		if !ok {
			return bad("dict")
		}
		*p = d
	case **List:
		l, ok := v.o.(*List)
		if !ok {
			return bad("list")
		}
		*p = l
	case **Tuple:
		t, ok := v.o.(*Tuple)
		if !ok {
			return bad("tuple")
		}
		*p = t
	default:
		return Errorf(SystemError, "UnpackArgs: unsupported target %s", fmt.Sprintf("%T", ptr))
	}
	return nil
}

// indexOf is operator.index(v) as an int64: ints, bools, and objects with
// __index__. th may be nil when v cannot run pyish code.
func indexOf(th *Thread, v Value) (int64, error) {
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	if n, ok := v.o.(*NumSub); ok && n.v.IsInt() {
		return n.v.AsInt(), nil
	}
	if IsInstance(v, IntType) {
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	if inst, ok := v.o.(*Instance); ok && th != nil {
		r, ok, err := inst.Index(th)
		if err != nil {
			return 0, err
		}
		if ok {
			return indexOf(th, r)
		}
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}
