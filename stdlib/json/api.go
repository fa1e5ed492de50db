package json

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file holds the module functions: dumps, dump, loads, load.

// dumpsParams are dumps' keyword-only parameters after obj (dump takes fp
// between them).
var dumpsParams = []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"}

// newEncoder unpacks dumps' arguments (npos positional ones expected).
func newEncoder(th *runtime.Thread, fname string, args []value, kwnames []string, positional []string, out ...*value) (*encoder, error) {
	if n := len(args) - len(kwnames); n != len(positional) {
		return nil, runtime.Errorf(runtime.TypeError, "%s() takes %d positional argument%s but %d were given", fname, len(positional), plural(len(positional)), n)
	}
	opts := make([]value, len(dumpsParams))
	for i := range opts {
		opts[i] = runtime.None
	}
	opts[0], opts[1], opts[2], opts[3], opts[8] = runtime.False, runtime.True, runtime.True, runtime.True, runtime.False
	pairs := make([]any, 0, 2*(len(positional)+len(dumpsParams)))
	for i, p := range positional {
		pairs = append(pairs, p, out[i])
	}
	for i, p := range dumpsParams {
		pairs = append(pairs, p+"?", &opts[i])
	}
	if err := runtime.UnpackArgs(fname, args, kwnames, pairs...); err != nil {
		return nil, err
	}
	return encoderFromOpts(th, opts)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func encoderFromOpts(th *runtime.Thread, opts []value) (*encoder, error) {
	e := &encoder{th: th, markers: map[uint64]bool{}}
	flags := []*bool{&e.skipKeys, &e.ensureASCII, &e.checkCirc, &e.allowNaN}
	for i, f := range flags {
		b, err := runtime.Truth(th, opts[i])
		if err != nil {
			return nil, err
		}
		*f = b
	}
	sortKeys, err := runtime.Truth(th, opts[8])
	if err != nil {
		return nil, err
	}
	e.sortKeys = sortKeys
	if !opts[4].IsNone() {
		return nil, runtime.Errorf(runtime.NotImplementedError, "json: cls= is not supported")
	}
	if !opts[7].IsNone() {
		e.defaultFn = opts[7]
	}
	if err := e.setIndent(opts[5]); err != nil {
		return nil, err
	}
	return e, e.setSeparators(opts[6])
}

// setIndent takes indent=: None, a str, or a count of spaces.
func (e *encoder) setIndent(v value) error {
	if v.IsNone() {
		return nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		r, err := runtime.Binary(e.th, runtime.OpMul, runtime.Str(" "), v)
		if err != nil {
			return err
		}
		s, _ = runtime.AsString(r)
	}
	e.indent = &s
	return nil
}

// setSeparators takes separators=(item, key); the default depends on indent.
func (e *encoder) setSeparators(v value) error {
	if v.IsNone() {
		e.itemSep, e.keySep = ", ", ": "
		if e.indent != nil {
			e.itemSep = ","
		}
		return nil
	}
	items, err := runtime.ToSlice(e.th, v)
	if err != nil {
		return err
	}
	if len(items) != 2 {
		return runtime.Errorf(runtime.ValueError, "too many values to unpack (expected 2)")
	}
	var ok1, ok2 bool
	e.itemSep, ok1 = runtime.AsString(items[0])
	e.keySep, ok2 = runtime.AsString(items[1])
	if !ok1 || !ok2 {
		return runtime.Errorf(runtime.TypeError, "make_encoder() argument 6 must be str, not %s", items[0].Type().Name)
	}
	return nil
}

func json_dumps(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var obj value
	e, err := newEncoder(th, "dumps", args, kwnames, []string{"obj"}, &obj)
	if err != nil {
		return value{}, err
	}
	if err := e.encode(obj, 0); err != nil {
		return value{}, err
	}
	return runtime.Str(e.buf.String()), nil
}

func json_dump(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var obj, fp value
	e, err := newEncoder(th, "dump", args, kwnames, []string{"obj", "fp"}, &obj, &fp)
	if err != nil {
		return value{}, err
	}
	write, err := runtime.GetAttr(th, fp, "write")
	if err != nil {
		return value{}, err
	}
	if err := e.encode(obj, 0); err != nil {
		return value{}, err
	}
	_, err = runtime.Call(th, write, []value{runtime.Str(e.buf.String())}, nil)
	return runtime.None, err
}

// loadsParams are loads' keyword-only parameters.
var loadsParams = []string{"cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"}

// newDecoder unpacks loads' keyword arguments.
func newDecoder(th *runtime.Thread, fname string, args []value, kwnames []string, first *value, firstName string) (*decoder, error) {
	if n := len(args) - len(kwnames); n != 1 {
		return nil, runtime.Errorf(runtime.TypeError, "%s() takes 1 positional argument but %d were given", fname, n)
	}
	opts := make([]value, len(loadsParams))
	for i := range opts {
		opts[i] = runtime.None
	}
	opts[6] = runtime.True
	pairs := []any{firstName, first}
	for i, p := range loadsParams {
		pairs = append(pairs, p+"?", &opts[i])
	}
	if err := runtime.UnpackArgs(fname, args, kwnames, pairs...); err != nil {
		return nil, err
	}
	if !opts[0].IsNone() {
		return nil, runtime.Errorf(runtime.NotImplementedError, "json: cls= is not supported")
	}
	d := &decoder{th: th}
	hooks := []*value{&d.objectHook, &d.parseFloat, &d.parseInt, &d.parseConstant, &d.pairsHook}
	for i, h := range hooks {
		if !opts[i+1].IsNone() {
			*h = opts[i+1]
		}
	}
	strict, err := runtime.Truth(th, opts[6])
	d.strict = strict
	return d, err
}

func json_loads(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var s value
	d, err := newDecoder(th, "loads", args, kwnames, &s, "s")
	if err != nil {
		return value{}, err
	}
	return d.loads(s)
}

// loads decodes a str or bytes document.
func (d *decoder) loads(s value) (value, error) {
	text, ok := runtime.AsString(s)
	if !ok {
		b, isBytes := runtime.AsBytes(s)
		if !isBytes {
			return value{}, runtime.Errorf(runtime.TypeError, "the JSON object must be str, bytes or bytearray, not %s", s.Type().Name)
		}
		var err error
		if text, err = decodeBytes(b); err != nil {
			return value{}, err
		}
	} else if strings.HasPrefix(text, "\ufeff") {
		return value{}, decodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", []rune(text), 0)
	}
	d.doc = []rune(text)
	return d.decode()
}

func json_load(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var fp value
	d, err := newDecoder(th, "load", args, kwnames, &fp, "fp")
	if err != nil {
		return value{}, err
	}
	s, err := runtime.CallMethod(th, fp, "read")
	if err != nil {
		return value{}, err
	}
	return d.loads(s)
}
