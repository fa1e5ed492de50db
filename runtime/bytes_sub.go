package runtime

// This file exposes the operators of bytes and bytearray as special
// methods (bytes.__add__, bytearray.__setitem__, …), for explicit calls
// and for super() in subclasses: they run the built-in's own behaviour,
// never a subclass's override of it.

// bytesDunders are bytes' special methods.
func bytesDunders() map[string]MethodFunc {
	self := func(v Value) *BytesObject { return v.o.(*BytesObject) }
	m := map[string]MethodFunc{
		"__getitem__": oneArgDunder("__getitem__", func(th *Thread, v, x Value) (Value, error) { return self(v).getItem(th, x) }),
		"__contains__": oneArgDunder("__contains__", func(th *Thread, v, x Value) (Value, error) {
			ok, err := self(v).contains(th, x)
			return Bool(ok), err
		}),
		"__iter__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Obj(&bytesIterator{b: self(v).b}), strArity("__iter__", args, kwnames, 0, 0)
		},
		"__hash__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Int(self(v).hashValue()), strArity("__hash__", args, kwnames, 0, 0)
		},
		"__repr__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Str(BytesRepr(self(v).b)), strArity("__repr__", args, kwnames, 0, 0)
		},
		"__str__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Str(BytesRepr(self(v).b)), strArity("__str__", args, kwnames, 0, 0)
		},
		"__bytes__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			if v.Type() == BytesType {
				return v, strArity("__bytes__", args, kwnames, 0, 0)
			}
			return newBytes(self(v).b), strArity("__bytes__", args, kwnames, 0, 0)
		},
		"__getnewargs__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Obj(NewTuple([]Value{newBytes(self(v).b)})), strArity("__getnewargs__", args, kwnames, 0, 0)
		},
	}
	addOperatorDunders(m,
		func(th *Thread, v Value, op BinaryOp, x Value, right bool) (Value, error) {
			return self(v).binary(th, op, x, right)
		},
		func(th *Thread, v Value, op CmpOp, x Value) (Value, error) { return self(v).compare(op, x) })
	return m
}

// byteArrayDunders are bytearray's special methods.
func byteArrayDunders() map[string]MethodFunc {
	self := byteArraySelf
	m := map[string]MethodFunc{
		"__init__":    bytearray_init,
		"__getitem__": oneArgDunder("__getitem__", func(th *Thread, v, x Value) (Value, error) { return self(v).getItem(th, x) }),
		"__setitem__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("__setitem__", args, kwnames, 2, 2); err != nil {
				return Value{}, err
			}
			return None, self(v).setItem(th, args[0], args[1])
		},
		"__delitem__": oneArgDunder("__delitem__", func(th *Thread, v, x Value) (Value, error) { return None, self(v).delItem(th, x) }),
		"__contains__": oneArgDunder("__contains__", func(th *Thread, v, x Value) (Value, error) {
			ok, err := (&BytesObject{b: self(v).b}).contains(th, x)
			return Bool(ok), err
		}),
		"__iter__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Obj(&bytesIterator{b: append([]byte(nil), self(v).b...)}), strArity("__iter__", args, kwnames, 0, 0)
		},
		"__repr__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Str(self(v).repr()), strArity("__repr__", args, kwnames, 0, 0)
		},
		"__str__": func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
			return Str(self(v).repr()), strArity("__str__", args, kwnames, 0, 0)
		},
		"__iadd__": inplaceDunder("__iadd__", OpAdd),
		"__imul__": inplaceDunder("__imul__", OpMul),
	}
	addOperatorDunders(m,
		func(th *Thread, v Value, op BinaryOp, x Value, right bool) (Value, error) {
			return self(v).binary(th, op, x, right)
		},
		func(th *Thread, v Value, op CmpOp, x Value) (Value, error) { return self(v).compare(op, x) })
	return m
}

// oneArgDunder is a special method of one argument.
func oneArgDunder(name string, f func(th *Thread, self, x Value) (Value, error)) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg(name, args, kwnames); err != nil {
			return Value{}, err
		}
		return f(th, self, args[0])
	}
}

// inplaceDunder is bytearray's __iadd__ or __imul__.
func inplaceDunder(name string, op BinaryOp) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg(name, args, kwnames); err != nil {
			return Value{}, err
		}
		r, ok, err := byteArraySelf(self).inplace(th, op, args[0])
		if !ok && err == nil {
			return NotImplemented, nil
		}
		return r, err
	}
}

// addOperatorDunders adds +, *, % (and their reflections) and the six
// comparisons, through the type's own binary and compare.
func addOperatorDunders(m map[string]MethodFunc,
	binary func(th *Thread, self Value, op BinaryOp, x Value, right bool) (Value, error),
	compare func(th *Thread, self Value, op CmpOp, x Value) (Value, error)) {
	for _, o := range []struct {
		name  string
		op    BinaryOp
		right bool
	}{{"__add__", OpAdd, false}, {"__mul__", OpMul, false}, {"__rmul__", OpMul, true},
		{"__mod__", OpMod, false}, {"__rmod__", OpMod, true}} {
		m[o.name] = oneArgDunder(o.name, func(th *Thread, self, x Value) (Value, error) { return binary(th, self, o.op, x, o.right) })
	}
	for op, name := range cmpNames {
		m[name] = oneArgDunder(name, func(th *Thread, self, x Value) (Value, error) { return compare(th, self, CmpOp(op), x) })
	}
}

// bytearray_init is bytearray.__init__(source=…, encoding=…, errors=…):
// it refills the bytearray, as bytearray(…) would make it.
func bytearray_init(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	v, err := bytearray_new(th, ByteArrayType, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	a, b := byteArraySelf(self), byteArraySelf(v).b
	if err := a.resizable(len(b)); err != nil {
		return Value{}, err
	}
	a.b = b
	return None, nil
}
