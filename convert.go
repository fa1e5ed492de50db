package pyish

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"time"

	"github.com/pyish/pyish/runtime"
)

// Value is a pyish value, as the runtime represents it.
type Value = runtime.Value

// ConversionError reports a value that cannot be converted between Go and
// pyish. Path names where inside the value it happened ("arg 2: field Foo").
type ConversionError struct {
	Path string
	Msg  string
}

func (e *ConversionError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func convErrorf(path, format string, args ...any) error {
	return &ConversionError{Path: path, Msg: fmt.Sprintf(format, args...)}
}

func joinPath(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + ": " + elem
}

var (
	valueType    = reflect.TypeOf(runtime.Value{})
	durationType = reflect.TypeOf(time.Duration(0))
	bigIntType   = reflect.TypeOf((*big.Int)(nil))
	errorType    = reflect.TypeOf((*error)(nil)).Elem()
)

// ToValue converts a Go value to pyish: nil → None, bools, integers (big
// ones too), floats, strings, []byte → bytes, time.Duration → float
// seconds, error → RuntimeError instance, slices and arrays → list, maps →
// dict, structs → dict of exported fields (named by a `pyish:"name"` tag if
// present), pointers → what they point to, funcs → host functions.
func (in *Interpreter) ToValue(x any) (Value, error) {
	return in.toValue("", reflect.ValueOf(x))
}

func (in *Interpreter) toValue(path string, rv reflect.Value) (Value, error) {
	if !rv.IsValid() {
		return runtime.None, nil
	}
	switch rv.Type() {
	case valueType:
		return rv.Interface().(runtime.Value), nil
	case durationType:
		return runtime.Float(time.Duration(rv.Int()).Seconds()), nil
	case bigIntType:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return newBigInt(rv.Interface().(*big.Int)), nil
	}
	if rv.Type().Implements(errorType) && rv.Kind() != reflect.Struct {
		if rv.IsNil() {
			return runtime.None, nil
		}
		return runtime.Obj(hostException(rv.Interface().(error))), nil
	}
	return in.toValueByKind(path, rv)
}

func (in *Interpreter) toValueByKind(path string, rv reflect.Value) (Value, error) {
	switch rv.Kind() {
	case reflect.Bool:
		return runtime.Bool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return runtime.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return newBigInt(new(big.Int).SetUint64(u)), nil
		}
		return runtime.Int(int64(u)), nil
	case reflect.Float32, reflect.Float64:
		return runtime.Float(rv.Float()), nil
	case reflect.String:
		return runtime.Str(rv.String()), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return runtime.None, nil
		}
		return in.toValue(path, rv.Elem())
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return newBytes(append([]byte(nil), rv.Bytes()...)), nil
		}
		if rv.IsNil() {
			return runtime.None, nil
		}
		return in.listToValue(path, rv)
	case reflect.Array:
		return in.listToValue(path, rv)
	case reflect.Map:
		return in.mapToValue(path, rv)
	case reflect.Struct:
		return in.structToValue(path, rv)
	case reflect.Func:
		return in.funcToValue(path, rv)
	}
	return Value{}, convErrorf(path, "cannot convert Go %s to a pyish value", rv.Type())
}

func (in *Interpreter) listToValue(path string, rv reflect.Value) (Value, error) {
	items := make([]Value, rv.Len())
	for i := range items {
		v, err := in.toValue(joinPath(path, fmt.Sprintf("index %d", i)), rv.Index(i))
		if err != nil {
			return Value{}, err
		}
		items[i] = v
	}
	return runtime.Obj(runtime.NewList(items)), nil
}

func (in *Interpreter) mapToValue(path string, rv reflect.Value) (Value, error) {
	d := runtime.NewDict()
	iter := rv.MapRange()
	for iter.Next() {
		k, err := in.toValue(joinPath(path, "map key"), iter.Key())
		if err != nil {
			return Value{}, err
		}
		v, err := in.toValue(joinPath(path, fmt.Sprintf("key %v", iter.Key())), iter.Value())
		if err != nil {
			return Value{}, err
		}
		if err := dictSet(in.th, d, k, v); err != nil {
			return Value{}, convErrorf(path, "%v", err)
		}
	}
	return runtime.Obj(d), nil
}

func (in *Interpreter) structToValue(path string, rv reflect.Value) (Value, error) {
	d := runtime.NewDict()
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, ok := fieldName(f)
		if !ok {
			continue
		}
		v, err := in.toValue(joinPath(path, "field "+f.Name), rv.Field(i))
		if err != nil {
			return Value{}, err
		}
		if err := dictSet(in.th, d, runtime.Str(name), v); err != nil {
			return Value{}, err
		}
	}
	return runtime.Obj(d), nil
}

// fieldName returns the pyish name of an exported struct field.
func fieldName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("pyish")
	if tag == "-" {
		return "", false
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name, true
	}
	return f.Name, true
}
