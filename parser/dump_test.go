package parser

// This file dumps syntax trees in a canonical text form that
// testdata/pydump.py also produces from CPython's ast module, so trees can
// be compared with CPython's.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/pyish/pyish/ast"
)

// dump renders a node (or a slice of statements) canonically:
// Kind(Field=value, …) with zero-valued fields left out.
func dump(n any) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n))
	return b.String()
}

// spanEnds matches the "-line:col" ends that dump writes after a start.
var spanEnds = regexp.MustCompile(`(@\d+:\d+)-\d+:\d+`)

// startsOnly drops the span ends from a dump, for the tests written with
// start positions only (TestSnippetsMatchCPython checks the ends).
func startsOnly(d string) string { return spanEnds.ReplaceAllString(d, "$1") }

func dumpValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		dumpValue(b, v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		if bi, ok := v.Interface().(*big.Int); ok {
			b.WriteString(bi.String())
			return
		}
		dumpValue(b, v.Elem())
	case reflect.Slice:
		if v.Type() == reflect.TypeOf([]byte(nil)) {
			fmt.Fprintf(b, "b%x", v.Bytes())
			return
		}
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			dumpValue(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.Struct:
		dumpStruct(b, v)
	default:
		dumpScalar(b, v)
	}
}

func dumpStruct(b *strings.Builder, v reflect.Value) {
	t := v.Type()
	if t == reflect.TypeOf(ast.Ellipsis{}) {
		b.WriteString("Ellipsis")
		return
	}
	b.WriteString(t.Name())
	b.WriteByte('(')
	first := true
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if f.Name == "Pos" || (isZeroField(fv) && !alwaysShown(t, f)) {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(f.Name)
		b.WriteByte('=')
		dumpValue(b, fv)
	}
	b.WriteByte(')')
	if pf := v.FieldByName("Pos"); pf.IsValid() && t.Name() != "Comprehension" {
		pos := pf.Interface().(ast.Pos)
		fmt.Fprintf(b, "@%d:%d", pos.Line, pos.Col)
		if pos.HasEnd() {
			fmt.Fprintf(b, "-%d:%d", pos.EndLine, pos.EndCol)
		}
	}
}

// alwaysShown reports fields dumped even when zero: operators, and a
// Constant's or MatchSingleton's value (None is a value there).
func alwaysShown(t reflect.Type, f reflect.StructField) bool {
	if t == reflect.TypeOf(ast.Constant{}) || t == reflect.TypeOf(ast.MatchSingleton{}) {
		return true
	}
	_, ok := reflect.Zero(f.Type).Interface().(fmt.Stringer)
	return ok || f.Type == reflect.TypeOf(ast.BoolOperator(0))
}

// isZeroField reports a field the dump leaves out. A Constant's Value is
// always shown (None is a value there), as is a KwDefaults entry.
func isZeroField(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice:
		return v.Len() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return v.IsZero()
}

func dumpScalar(b *strings.Builder, v reflect.Value) {
	switch x := v.Interface().(type) {
	case string:
		b.WriteString(strconv.QuoteToASCII(x))
	case bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(pyFloat(x))
	case complex128:
		b.WriteString(strings.TrimSuffix(pyFloat(imag(x)), ".0") + "j")
	case rune:
		fmt.Fprintf(b, "%d", x)
	case ast.BoolOperator:
		b.WriteString([]string{`"and"`, `"or"`}[x])
	case fmt.Stringer:
		fmt.Fprintf(b, "%q", x.String())
	default:
		fmt.Fprint(b, x)
	}
}

// pyFloat formats f like Python's repr.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	neg := strings.HasPrefix(mant, "-")
	digits := strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1)
	var out string
	switch {
	case exp < -4 || exp >= 16:
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		out += fmt.Sprintf("e%+03d", exp)
	case exp < 0:
		out = "0." + strings.Repeat("0", -exp-1) + digits
	case exp+1 >= len(digits):
		out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	default:
		out = digits[:exp+1] + "." + digits[exp+1:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

func reflectType(v any) string { return reflect.TypeOf(v).String() }
