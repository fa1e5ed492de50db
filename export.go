package pyish

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"time"

	"github.com/pyish/pyish/runtime"
)

// ExportTo stores v into the Go variable target points to, converting as
// its type asks: numbers, strings, bools, []byte from bytes, slices and
// arrays from lists and tuples, maps from dicts, structs from dicts keyed
// by field name, time.Duration from seconds, *big.Int from ints, Go funcs
// from callables (a call converts its arguments with ToValue, the result
// into the func's first result, and returns the error as its last result
// if it has one, else panics with it; call it on the interpreter's
// goroutine), and `any` from anything (int64,
// float64, string, bool, nil, []any, map[string]any, or the Value itself).
// Errors are *ConversionError naming the path.
func (in *Interpreter) ExportTo(v Value, target any) error {
	rv := reflect.ValueOf(target)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return convErrorf("", "ExportTo needs a non-nil pointer, got %T", target)
	}
	return in.export("", v, rv.Elem())
}

// Export converts v to its natural Go value (see ExportTo with an `any`).
func (in *Interpreter) Export(v Value) (any, error) {
	var out any
	err := in.ExportTo(v, &out)
	return out, err
}

func (in *Interpreter) export(path string, v Value, dst reflect.Value) error {
	if exportFast(v, dst) {
		return nil
	}
	switch dst.Type() {
	case valueType:
		dst.Set(reflect.ValueOf(v))
		return nil
	case durationType:
		f, ok := toFloat(v)
		if !ok {
			return in.mismatch(path, v, "time.Duration")
		}
		dst.SetInt(int64(f * float64(time.Second)))
		return nil
	case bigIntType:
		b, ok := bigOf(v)
		if !ok {
			return in.mismatch(path, v, "*big.Int")
		}
		dst.Set(reflect.ValueOf(b))
		return nil
	}
	return in.exportByKind(path, v, dst)
}

func (in *Interpreter) exportByKind(path string, v Value, dst reflect.Value) error {
	switch dst.Kind() {
	case reflect.Interface:
		return in.exportAny(path, v, dst)
	case reflect.Bool:
		if !v.IsBool() {
			return in.mismatch(path, v, "bool")
		}
		dst.SetBool(v.AsBool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return in.exportInt(path, v, dst)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return in.exportUint(path, v, dst)
	case reflect.Float32, reflect.Float64:
		f, ok := toFloat(v)
		if !ok {
			return in.mismatch(path, v, dst.Type().String())
		}
		dst.SetFloat(f)
	case reflect.String:
		s, ok := strOf(v)
		if !ok {
			return in.mismatch(path, v, "string")
		}
		dst.SetString(s)
	case reflect.Pointer:
		if v.IsNone() {
			dst.SetZero()
			return nil
		}
		p := reflect.New(dst.Type().Elem())
		if err := in.export(path, v, p.Elem()); err != nil {
			return err
		}
		dst.Set(p)
	case reflect.Slice:
		return in.exportSlice(path, v, dst)
	case reflect.Array:
		return in.exportArray(path, v, dst)
	case reflect.Map:
		return in.exportMap(path, v, dst)
	case reflect.Struct:
		return in.exportStruct(path, v, dst)
	case reflect.Func:
		return in.exportFunc(path, v, dst)
	default:
		return in.mismatch(path, v, dst.Type().String())
	}
	return nil
}

func (in *Interpreter) exportInt(path string, v Value, dst reflect.Value) error {
	if !v.IsInt() && !v.IsBool() {
		if _, big := bigOf(v); big {
			return convErrorf(path, "int too large for %s", dst.Type())
		}
		return in.mismatch(path, v, dst.Type().String())
	}
	n := v.AsInt()
	if dst.OverflowInt(n) {
		return convErrorf(path, "int %d overflows %s", n, dst.Type())
	}
	dst.SetInt(n)
	return nil
}

func (in *Interpreter) exportUint(path string, v Value, dst reflect.Value) error {
	b, ok := bigOf(v)
	if !ok || v.IsBool() {
		return in.mismatch(path, v, dst.Type().String())
	}
	if b.Sign() < 0 || !b.IsUint64() || dst.OverflowUint(b.Uint64()) {
		return convErrorf(path, "int %s overflows %s", b, dst.Type())
	}
	dst.SetUint(b.Uint64())
	return nil
}

// exportAny picks the natural Go type for v.
func (in *Interpreter) exportAny(path string, v Value, dst reflect.Value) error {
	var out any
	switch {
	case v.IsNone():
		dst.SetZero()
		return nil
	case v.IsBool():
		out = v.AsBool()
	case v.IsInt():
		out = v.AsInt()
	case v.IsFloat():
		out = v.AsFloat()
	default:
		if s, ok := strOf(v); ok {
			out = s
		} else if b, ok := bigOf(v); ok {
			out = b
		} else if b, ok := bytesOf(v); ok {
			out = b
		} else if items, ok := sequenceItems(v); ok {
			list := make([]any, len(items))
			for i, item := range items {
				if err := in.export(joinPath(path, fmt.Sprintf("index %d", i)), item, reflect.ValueOf(&list[i]).Elem()); err != nil {
					return err
				}
			}
			out = list
		} else if _, ok := v.Object().(*runtime.Dict); ok {
			m := map[string]any{}
			if err := in.export(path, v, reflect.ValueOf(&m).Elem()); err != nil {
				return err
			}
			out = m
		} else {
			out = v
		}
	}
	if !reflect.TypeOf(out).AssignableTo(dst.Type()) {
		return in.mismatch(path, v, dst.Type().String())
	}
	dst.Set(reflect.ValueOf(out))
	return nil
}

func (in *Interpreter) exportSlice(path string, v Value, dst reflect.Value) error {
	if dst.Type().Elem().Kind() == reflect.Uint8 {
		if b, ok := bytesOf(v); ok {
			dst.SetBytes(append([]byte(nil), b...))
			return nil
		}
	}
	items, ok := sequenceItems(v)
	if !ok {
		return in.mismatch(path, v, dst.Type().String())
	}
	out := reflect.MakeSlice(dst.Type(), len(items), len(items))
	for i, item := range items {
		if err := in.export(joinPath(path, fmt.Sprintf("index %d", i)), item, out.Index(i)); err != nil {
			return err
		}
	}
	dst.Set(out)
	return nil
}

func (in *Interpreter) exportArray(path string, v Value, dst reflect.Value) error {
	items, ok := sequenceItems(v)
	if !ok {
		return in.mismatch(path, v, dst.Type().String())
	}
	if len(items) != dst.Len() {
		return convErrorf(path, "cannot convert %s of length %d to %s", v.Type().Name, len(items), dst.Type())
	}
	for i, item := range items {
		if err := in.export(joinPath(path, fmt.Sprintf("index %d", i)), item, dst.Index(i)); err != nil {
			return err
		}
	}
	return nil
}

func (in *Interpreter) exportMap(path string, v Value, dst reflect.Value) error {
	d, ok := v.Object().(*runtime.Dict)
	if !ok {
		return in.mismatch(path, v, dst.Type().String())
	}
	t := dst.Type()
	out := reflect.MakeMap(t)
	for _, kv := range dictItems(d) {
		k := reflect.New(t.Key()).Elem()
		if err := in.export(joinPath(path, "key"), kv[0], k); err != nil {
			return err
		}
		e := reflect.New(t.Elem()).Elem()
		if err := in.export(joinPath(path, fmt.Sprintf("key %v", k.Interface())), kv[1], e); err != nil {
			return err
		}
		out.SetMapIndex(k, e)
	}
	dst.Set(out)
	return nil
}

func (in *Interpreter) exportStruct(path string, v Value, dst reflect.Value) error {
	d, ok := v.Object().(*runtime.Dict)
	if !ok {
		return in.mismatch(path, v, dst.Type().String())
	}
	t := dst.Type()
	for i := 0; i < t.NumField(); i++ {
		name, ok := fieldName(t.Field(i))
		if !ok {
			continue
		}
		item, found := dictGetStr(d, name)
		if !found {
			continue
		}
		if err := in.export(joinPath(path, "field "+t.Field(i).Name), item, dst.Field(i)); err != nil {
			return err
		}
	}
	return nil
}

// mismatch reports that v's pyish type cannot become the Go type want.
func (in *Interpreter) mismatch(path string, v Value, want string) error {
	return convErrorf(path, "cannot convert %s to %s", v.Type().Name, want)
}

// toFloat accepts floats and ints, as a Go float64 parameter should.
func toFloat(v Value) (float64, bool) {
	switch {
	case v.IsFloat():
		return v.AsFloat(), true
	case v.IsInt():
		return float64(v.AsInt()), true
	}
	if b, ok := bigOf(v); ok && !v.IsBool() {
		f, _ := new(big.Float).SetInt(b).Float64()
		return f, !math.IsInf(f, 0)
	}
	return 0, false
}

// exportFunc makes a Go func that calls the callable v with Call: its
// arguments are converted with ToValue and its result with ExportTo into
// the func's first result. If the func's last result is an error, the
// call's error goes there; otherwise an error panics. The func must be
// called on the interpreter's goroutine, like every method.
func (in *Interpreter) exportFunc(path string, v Value, dst reflect.Value) error {
	if v.IsNone() {
		dst.SetZero()
		return nil
	}
	if _, ok := v.Object().(runtime.Callable); !ok {
		return in.mismatch(path, v, dst.Type().String())
	}
	t := dst.Type()
	if err := checkResults(t); err != nil {
		return convErrorf(path, "cannot convert callable to %s: %v", t, err)
	}
	dst.Set(reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		goArgs := make([]any, len(args))
		for i, a := range args {
			goArgs[i] = a.Interface()
		}
		res, err := in.Call(context.Background(), v, goArgs...)
		return in.funcResults(t, res, err)
	}))
	return nil
}

// funcResults builds the results of a func made by exportFunc.
func (in *Interpreter) funcResults(t reflect.Type, res Value, err error) []reflect.Value {
	out := make([]reflect.Value, t.NumOut())
	for i := range out {
		out[i] = reflect.New(t.Out(i)).Elem()
	}
	hasErr := len(out) > 0 && t.Out(len(out)-1) == errorType
	if err == nil && len(out) > 0 && t.Out(0) != errorType {
		if err = in.export("result", res, out[0]); err != nil {
			out[0].SetZero()
		}
	}
	if err != nil {
		if !hasErr {
			panic(err)
		}
		out[len(out)-1] = reflect.ValueOf(&err).Elem()
	}
	return out
}

// exportFast stores the commonest values (an int into an int, a str into
// a string, a float into a float64, a bool into a bool) without the
// general path; it reports whether it did.
func exportFast(v Value, dst reflect.Value) bool {
	switch dst.Kind() {
	case reflect.Int:
		if v.IsInt() {
			dst.SetInt(v.AsInt())
			return true
		}
	case reflect.String:
		if s, ok := strOf(v); ok {
			dst.SetString(s)
			return true
		}
	case reflect.Float64:
		if v.IsFloat() {
			dst.SetFloat(v.AsFloat())
			return true
		}
	case reflect.Bool:
		if v.IsBool() {
			dst.SetBool(v.AsBool())
			return true
		}
	}
	return false
}
