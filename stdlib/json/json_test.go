package json

import (
	"testing"

	"github.com/pyish/pyish/runtime"
)

func call(th *runtime.Thread, m *runtime.Module, name string, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	fn, _ := m.Dict.GetStr(name)
	return runtime.Call(th, fn, args, kwnames)
}

// TestLoadsErrors checks CPython 3.12's messages and positions.
func TestLoadsErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"", "Expecting value: line 1 column 1 (char 0)"},
		{"{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
		{"[1,]", "Expecting value: line 1 column 4 (char 3)"},
		{`{"a" 1}`, "Expecting ':' delimiter: line 1 column 6 (char 5)"},
		{"[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"},
		{`"abc`, "Unterminated string starting at: line 1 column 1 (char 0)"},
		{`"a\qb"`, `Invalid \escape: line 1 column 3 (char 2)`},
		{`"ab\u12x4"`, `Invalid \uXXXX escape: line 1 column 5 (char 4)`},
		{"\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"},
		{"1 2", "Extra data: line 1 column 3 (char 2)"},
		{"[\n1,\n2,\n]", "Expecting value: line 4 column 1 (char 8)"},
		{"\ufeff1", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
		{`["é", x]`, "Expecting value: line 1 column 7 (char 6)"},
	}
	th := runtime.NewThread()
	m := Module(th)
	for _, c := range cases {
		_, err := call(th, m, "loads", []runtime.Value{runtime.Str(c.doc)}, nil)
		e := runtime.AsException(err)
		if e == nil || e.Type() != JSONDecodeError {
			t.Errorf("loads(%q): %v, want JSONDecodeError", c.doc, err)
			continue
		}
		if got := runtime.ExceptionMessage(th, e); got != "json.decoder.JSONDecodeError: "+c.want {
			t.Errorf("loads(%q): %s, want %s", c.doc, got, c.want)
		}
	}
}

// TestRoundTrip checks dumps output against CPython and loads(dumps(x)).
func TestRoundTrip(t *testing.T) {
	cases := []struct{ doc, dumped string }{
		{`{"a": [1, 2.5, null, true, false, "x\u00e9\n"], "b": {}}`, `{"a": [1, 2.5, null, true, false, "x\u00e9\n"], "b": {}}`},
		{`[1e400, -0.0, 12345678901234567890123, 1E2, 0.1]`, `[Infinity, -0.0, 12345678901234567890123, 100.0, 0.1]`},
		{`"\ud83d\ude00 \"\\\/"`, `"\ud83d\ude00 \"\\/"`},
		{`  [ ]  `, `[]`},
	}
	th := runtime.NewThread()
	m := Module(th)
	for _, c := range cases {
		v, err := call(th, m, "loads", []runtime.Value{runtime.Str(c.doc)}, nil)
		if err != nil {
			t.Fatalf("loads(%q): %v", c.doc, err)
		}
		s, err := call(th, m, "dumps", []runtime.Value{v}, nil)
		if err != nil {
			t.Fatalf("dumps: %v", err)
		}
		if got, _ := runtime.AsString(s); got != c.dumped {
			t.Errorf("dumps(loads(%q)) = %s, want %s", c.doc, got, c.dumped)
		}
	}
}

func TestDumpsOptions(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	d := runtime.NewDict()
	d.SetStr("b", runtime.Int(1))
	d.SetStr("a", runtime.Obj(runtime.NewList([]runtime.Value{runtime.Int(3), runtime.Obj(runtime.NewDict())})))
	obj := runtime.Obj(d)
	cases := []struct {
		kwnames []string
		kw      []runtime.Value
		want    string
	}{
		{nil, nil, `{"b": 1, "a": [3, {}]}`},
		{[]string{"sort_keys"}, []runtime.Value{runtime.True}, `{"a": [3, {}], "b": 1}`},
		{[]string{"indent"}, []runtime.Value{runtime.Int(2)}, "{\n  \"b\": 1,\n  \"a\": [\n    3,\n    {}\n  ]\n}"},
		{[]string{"separators"}, []runtime.Value{runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Str(","), runtime.Str(":")}))}, `{"b":1,"a":[3,{}]}`},
	}
	for _, c := range cases {
		s, err := call(th, m, "dumps", append([]runtime.Value{obj}, c.kw...), c.kwnames)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := runtime.AsString(s); got != c.want {
			t.Errorf("dumps(%v) = %q, want %q", c.kwnames, got, c.want)
		}
	}
	set, _ := runtime.NewSet(th, nil)
	_, err := call(th, m, "dumps", []runtime.Value{runtime.Obj(set)}, nil)
	if got := runtime.ExceptionMessage(th, runtime.AsException(err)); got != "TypeError: Object of type set is not JSON serializable" {
		t.Errorf("dumps(set()): %s", got)
	}
}
