package pyish

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
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

// argPath names argument i (0-based) in a path.
func argPath(i int) string { return "arg " + strconv.Itoa(i+1) }

// prefixPath puts elem in front of the path of a *ConversionError (other
// errors are returned as they are).
func prefixPath(err error, elem string) error {
	if ce, ok := err.(*ConversionError); ok {
		return &ConversionError{Path: joinPath(elem, ce.Path), Msg: ce.Msg}
	}
	return err
}

func joinPath(path, elem string) string {
	switch {
	case path == "":
		return elem
	case elem == "":
		return path
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
	if v, ok := fastToValue(x); ok {
		return v, nil
	}
	return in.toValue("", reflect.ValueOf(x))
}

// fastToValue converts the commonest Go values without reflection.
func fastToValue(x any) (Value, bool) {
	switch x := x.(type) {
	case nil:
		return runtime.None, true
	case Value:
		return x, true
	case int:
		return runtime.Int(int64(x)), true
	case int64:
		return runtime.Int(x), true
	case float64:
		return runtime.Float(x), true
	case string:
		return runtime.Str(x), true
	case bool:
		return runtime.Bool(x), true
	}
	return Value{}, false
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
	for _, key := range sortedKeys(rv) {
		k, err := in.toValue(joinPath(path, "map key"), key)
		if err != nil {
			return Value{}, err
		}
		v, err := in.toValue(joinPath(path, fmt.Sprintf("key %v", key)), rv.MapIndex(key))
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

// sortedKeys returns a map's keys, sorted when they are strings or
// numbers, so that converting the same map always gives the same dict.
func sortedKeys(rv reflect.Value) []reflect.Value {
	keys := rv.MapKeys()
	switch rv.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Uint(), b.Uint()) })
	}
	return keys
}

func cmpInt[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
