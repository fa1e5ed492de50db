package json

import (
	"fmt"
	"math"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file holds the encoder: Lib/json/encoder.py's _make_iterencode
// writing into one buffer.

// encoder holds dumps' options.
type encoder struct {
	th          *runtime.Thread
	skipKeys    bool
	ensureASCII bool
	checkCirc   bool
	allowNaN    bool
	sortKeys    bool
	indent      *string // nil: no newlines
	itemSep     string
	keySep      string
	defaultFn   value // zero: raise TypeError
	markers     map[uint64]bool
	buf         strings.Builder
	depth       int // containers open
}

// deeper counts one more nested container: CPython's C encoder (no indent)
// stops at its C recursion limit, the Python one (indent) at the
// interpreter's recursion limit.
func (e *encoder) deeper() error {
	e.depth++
	if e.indent == nil {
		if e.depth > cRecursionLimit {
			return runtime.Errorf(runtime.RecursionError, "maximum recursion depth exceeded while encoding a JSON object")
		}
		return nil
	}
	if e.depth > e.th.MaxDepth-e.th.Depth-3 {
		return runtime.Errorf(runtime.RecursionError, "maximum recursion depth exceeded")
	}
	return nil
}

// encode writes o at the given indentation level.
func (e *encoder) encode(o value, level int) error {
	if s, ok := runtime.AsString(o); ok {
		e.writeString(s)
		return nil
	}
	o = runtime.BaseNumber(o) // int and float subclasses encode as their value
	switch {
	case o.IsNone():
		e.buf.WriteString("null")
		return nil
	case o.IsBool():
		e.buf.WriteString(map[bool]string{true: "true", false: "false"}[o.AsBool()])
		return nil
	case runtime.IsIntegral(o):
		s, err := runtime.Repr(e.th, o)
		e.buf.WriteString(s)
		return err
	case o.IsFloat():
		s, err := e.floatStr(o.AsFloat())
		e.buf.WriteString(s)
		return err
	}
	if err := e.deeper(); err != nil {
		return err
	}
	defer func() { e.depth-- }()
	switch x := o.Object().(type) {
	case *runtime.List:
		return e.encodeList(o, x.Items, level)
	case *runtime.Tuple:
		return e.encodeList(o, x.Items, level)
	case *runtime.Dict:
		return e.encodeDict(o, x, level)
	}
	return e.encodeDefault(o, level)
}

// floatStr is the encoder's floatstr: repr, or NaN/Infinity/-Infinity.
func (e *encoder) floatStr(f float64) (string, error) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return runtime.FloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", runtime.Errorf(runtime.ValueError, "Out of range float values are not JSON compliant: %s", runtime.FloatRepr(f))
	}
	return s, nil
}

// enter marks a container as being encoded, for the circularity check.
func (e *encoder) enter(o value) error {
	if !e.checkCirc {
		return nil
	}
	id := runtime.ID(o)
	if e.markers[id] {
		return runtime.Errorf(runtime.ValueError, "Circular reference detected")
	}
	e.markers[id] = true
	return nil
}

func (e *encoder) leave(o value) {
	if e.checkCirc {
		delete(e.markers, runtime.ID(o))
	}
}

// open writes a bracket and, when indenting, the first newline.
func (e *encoder) open(bracket string, level int) (sep string) {
	e.buf.WriteString(bracket)
	if e.indent == nil {
		return e.itemSep
	}
	nl := "\n" + strings.Repeat(*e.indent, level+1)
	e.buf.WriteString(nl)
	return e.itemSep + nl
}

// close writes the closing bracket after the last newline.
func (e *encoder) close(bracket string, level int) {
	if e.indent != nil {
		e.buf.WriteString("\n" + strings.Repeat(*e.indent, level))
	}
	e.buf.WriteString(bracket)
}

func (e *encoder) encodeList(o value, items []value, level int) error {
	if len(items) == 0 {
		e.buf.WriteString("[]")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	sep := e.open("[", level)
	for i := 0; i < len(items); i++ { // the list may change meanwhile
		if i > 0 {
			e.buf.WriteString(sep)
		}
		if err := e.encode(items[i], level+1); err != nil {
			return err
		}
	}
	e.close("]", level)
	e.leave(o)
	return nil
}

func (e *encoder) encodeDict(o value, d *runtime.Dict, level int) error {
	if d.Len() == 0 {
		e.buf.WriteString("{}")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	items := d.Items()
	if e.sortKeys {
		var err error
		if items, err = e.sorted(d); err != nil {
			return err
		}
	}
	sep := e.open("{", level)
	first := true
	for _, kv := range items {
		key, ok, err := e.keyString(kv[0])
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if !first {
			e.buf.WriteString(sep)
		}
		first = false
		e.writeString(key)
		e.buf.WriteString(e.keySep)
		if err := e.encode(kv[1], level+1); err != nil {
			return err
		}
	}
	e.close("}", level)
	e.leave(o)
	return nil
}

// sorted returns the dict's items sorted by key with Python's <.
func (e *encoder) sorted(d *runtime.Dict) ([][2]value, error) {
	keys := d.Keys()
	if err := runtime.SortValues(e.th, keys, value{}, false); err != nil {
		return nil, err
	}
	items := make([][2]value, len(keys))
	for i, k := range keys {
		v, _, err := d.Get(e.th, k)
		if err != nil {
			return nil, err
		}
		items[i] = [2]value{k, v}
	}
	return items, nil
}

// keyString coerces a dict key to str; ok is false for a skipped key.
func (e *encoder) keyString(k value) (string, bool, error) {
	if s, ok := runtime.AsString(k); ok {
		return s, true, nil
	}
	k = runtime.BaseNumber(k)
	switch {
	case k.IsFloat():
		s, err := e.floatStr(k.AsFloat())
		return s, err == nil, err
	case k.IsBool():
		return map[bool]string{true: "true", false: "false"}[k.AsBool()], true, nil
	case k.IsNone():
		return "null", true, nil
	case runtime.IsIntegral(k):
		s, err := runtime.Repr(e.th, k)
		return s, err == nil, err
	case e.skipKeys:
		return "", false, nil
	}
	return "", false, runtime.Errorf(runtime.TypeError, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

// encodeDefault encodes what default(o) returns, or raises TypeError.
func (e *encoder) encodeDefault(o value, level int) error {
	if err := e.enter(o); err != nil {
		return err
	}
	if e.defaultFn.IsNull() {
		return runtime.Errorf(runtime.TypeError, "Object of type %s is not JSON serializable", o.Type().Name)
	}
	v, err := runtime.Call(e.th, e.defaultFn, []value{o}, nil)
	if err != nil {
		return err
	}
	if err := e.encode(v, level); err != nil {
		return err
	}
	e.leave(o)
	return nil
}

// writeString writes s as a JSON string literal.
func (e *encoder) writeString(s string) {
	b := &e.buf
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			e.writeRune(c)
		}
	}
	b.WriteByte('"')
}

// writeRune writes a character that has no short escape.
func (e *encoder) writeRune(c rune) {
	b := &e.buf
	switch {
	case c < 0x20 || (e.ensureASCII && c > 0x7e):
		if c > 0xffff {
			c -= 0x10000
			fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800|(c>>10)&0x3ff, 0xdc00|c&0x3ff)
			return
		}
		fmt.Fprintf(b, `\u%04x`, c)
	default:
		b.WriteRune(c)
	}
}
