package pyish

// This file holds NewFunc's conversions for the commonest signatures,
// which skip reflection.

import "github.com/pyish/pyish/runtime"

// fastFunc returns a Func calling fn without reflection when fn has one
// of the signatures below.
func (in *Interpreter) fastFunc(name string, fn any) (Func, bool) {
	switch f := fn.(type) {
	case func(string) string:
		return in.unary(name, func(v Value) (Value, error) {
			s, err := in.strArg(name, v)
			return runtime.Str(f(s)), err
		}), true
	case func(string) (string, error):
		return in.unary(name, func(v Value) (Value, error) {
			s, err := in.strArg(name, v)
			if err != nil {
				return Value{}, err
			}
			r, err := f(s)
			return runtime.Str(r), err
		}), true
	case func(int) int:
		return in.unary(name, func(v Value) (Value, error) {
			if v.IsInt() {
				return runtime.Int(int64(f(int(v.AsInt())))), nil
			}
			var n int
			if err := in.argTo(name, v, &n); err != nil {
				return Value{}, err
			}
			return runtime.Int(int64(f(n))), nil
		}), true
	case func(float64) float64:
		return in.unary(name, func(v Value) (Value, error) {
			x, ok := toFloat(v)
			if !ok {
				return Value{}, runtime.Errorf(runtime.TypeError, "%s(): %v", name, prefixPath(in.mismatch("", v, "float64"), argPath(0)))
			}
			return runtime.Float(f(x)), nil
		}), true
	}
	return nil, false
}

// unary is a Func taking exactly one positional argument.
func (in *Interpreter) unary(name string, f func(Value) (Value, error)) Func {
	return func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
		}
		if len(args) != 1 {
			return Value{}, runtime.Errorf(runtime.TypeError, "%s() takes 1 argument (%d given)", name, len(args))
		}
		return f(args[0])
	}
}

func (in *Interpreter) strArg(name string, v Value) (string, error) {
	if s, ok := strOf(v); ok {
		return s, nil
	}
	return "", runtime.Errorf(runtime.TypeError, "%s(): %v", name, prefixPath(in.mismatch("", v, "string"), argPath(0)))
}

// argTo exports the only argument v into target.
func (in *Interpreter) argTo(name string, v Value, target any) error {
	if err := in.ExportTo(v, target); err != nil {
		return runtime.Errorf(runtime.TypeError, "%s(): %v", name, prefixPath(err, argPath(0)))
	}
	return nil
}
