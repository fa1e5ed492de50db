package pyish_test

import (
	"context"
	"errors"
	"math"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/pyish/pyish"
)

type inner struct {
	Tags []string
	Port uint16
}

type config struct {
	Name    string
	Ratio   float64
	Enabled bool
	Timeout time.Duration
	Inner   inner
	Ptr     *int
	Alias   string `pyish:"alias"`
	Skip    string `pyish:"-"`
	private int
}

// TestConvertRoundTrip converts Go values to pyish, checks their repr, and
// exports them back into the same Go type.
func TestConvertRoundTrip(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	seven := 7
	big1, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	cases := []struct {
		x    any
		repr string
	}{
		{nil, "None"},
		{true, "True"},
		{42, "42"},
		{int8(-8), "-8"},
		{uint64(math.MaxUint64), "18446744073709551615"},
		{3.5, "3.5"},
		{float32(0.5), "0.5"},
		{"héllo", "'héllo'"},
		{[]byte("ab"), "b'ab'"},
		{[]int{1, 2}, "[1, 2]"},
		{[2]string{"a", "b"}, "['a', 'b']"},
		{map[string]int{"b": 2, "a": 1}, "{'a': 1, 'b': 2}"},
		{map[int]bool{2: true, 1: false}, "{1: False, 2: True}"},
		{1500 * time.Millisecond, "1.5"},
		{big1, "123456789012345678901234567890"},
		{[]any{int64(1), "x", nil, []any{2.5}}, "[1, 'x', None, [2.5]]"},
		{config{Name: "svc", Ratio: 0.25, Enabled: true, Timeout: 2 * time.Second,
			Inner: inner{Tags: []string{"t"}, Port: 80}, Ptr: &seven, Alias: "al", Skip: "s"},
			"{'Name': 'svc', 'Ratio': 0.25, 'Enabled': True, 'Timeout': 2.0, 'Inner': {'Tags': ['t'], 'Port': 80}, 'Ptr': 7, 'alias': 'al'}"},
	}
	for _, c := range cases {
		v, err := in.ToValue(c.x)
		if err != nil {
			t.Errorf("ToValue(%#v): %v", c.x, err)
			continue
		}
		in.Set("v", v)
		r, err := in.Eval(context.Background(), "repr(v)")
		if err != nil {
			t.Fatal(err)
		}
		var repr string
		in.ExportTo(r, &repr)
		if repr != c.repr {
			t.Errorf("repr(ToValue(%#v)) = %s, want %s", c.x, repr, c.repr)
		}
		if c.x == nil {
			continue
		}
		back := reflect.New(reflect.TypeOf(c.x))
		if err := in.ExportTo(v, back.Interface()); err != nil {
			t.Errorf("ExportTo(%s, %T): %v", c.repr, c.x, err)
			continue
		}
		want := c.x
		if cfg, ok := want.(config); ok {
			cfg.Skip = "" // not converted
			want = cfg
		}
		if !reflect.DeepEqual(back.Elem().Interface(), want) {
			t.Errorf("round trip of %#v gave %#v", want, back.Elem().Interface())
		}
	}
}

func TestExportNatural(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	v, err := in.Eval(context.Background(), `{"a": [1, 2.5, "s", None, True, (3,)], "b": {"c": b"x"}, "n": 2**70}`)
	if err != nil {
		t.Fatal(err)
	}
	got, err := in.Export(v)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := new(big.Int).SetString("1180591620717411303424", 10)
	want := map[string]any{
		"a": []any{int64(1), 2.5, "s", nil, true, []any{int64(3)}},
		"b": map[string]any{"c": []byte("x")},
		"n": n,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Export = %#v\nwant %#v", got, want)
	}
}

// TestConvertErrors: failures name where in the value they happened.
func TestConvertErrors(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	cases := []struct {
		src    string
		target any
		want   string
	}{
		{`[1, "x"]`, new([]int), "index 1: cannot convert str to int"},
		{`{"Inner": {"Port": [1]}}`, new(config), "field Inner: field Port: cannot convert list to uint16"},
		{`{"Inner": {"Port": 70000}}`, new(config), "field Inner: field Port: int 70000 overflows uint16"},
		{`2**64`, new(int64), "int too large for int64"},
		{`-1`, new(uint), "int -1 overflows uint"},
		{`1.5`, new(int), "cannot convert float to int"},
		{`{"a": "b"}`, new(map[string]int), "key a: cannot convert str to int"},
		{`"s"`, new(bool), "cannot convert str to bool"},
		{`None`, new(string), "cannot convert NoneType to string"},
	}
	for _, c := range cases {
		v, err := in.Eval(context.Background(), c.src)
		if err != nil {
			t.Fatal(err)
		}
		err = in.ExportTo(v, c.target)
		var ce *pyish.ConversionError
		if !errors.As(err, &ce) || err.Error() != c.want {
			t.Errorf("ExportTo(%s, %T) = %v, want %q", c.src, c.target, err, c.want)
		}
	}
	if err := in.ExportTo(pyish.Value{}, 3); err == nil {
		t.Error("ExportTo into a non-pointer succeeded")
	}
	if _, err := in.ToValue(make(chan int)); err == nil {
		t.Error("ToValue of a chan succeeded")
	}
	// Host function arguments and Call arguments name their position.
	f, _ := in.NewFunc("f", func(a int, c config) int { return a })
	in.Set("f", f)
	err := in.Exec(context.Background(), "c.pyish", `f(1, {"Inner": {"Tags": "x"}})`)
	if err == nil || err.Error() != "TypeError: f(): arg 2: field Inner: field Tags: cannot convert str to []string" {
		t.Errorf("err = %v", err)
	}
	in.Exec(context.Background(), "c.pyish", "def g(*a): pass")
	_, err = in.Call(context.Background(), "g", 1, struct{ C chan int }{})
	if err == nil || err.Error() != "arg 2: field C: cannot convert Go chan int to a pyish value" {
		t.Errorf("err = %v", err)
	}
}

func TestConvertGoFuncsAndErrors(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	in.Set("ops", map[string]any{
		"neg": func(x float64) float64 { return -x },
		"err": errors.New("disk full"),
	})
	mustExec(t, in, "print(ops['neg'](2), repr(ops['err']))")
	if out.String() != "-2.0 RuntimeError('disk full')\n" {
		t.Fatalf("got %q", out.String())
	}
}

func TestExportFunc(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	mustExec(t, in, "def scale(x, k):\n    return [i * k for i in x]\ndef bad():\n    raise ValueError('nope')")
	var scale func([]int, int) ([]int, error)
	v, _ := in.Get("scale")
	if err := in.ExportTo(v, &scale); err != nil {
		t.Fatal(err)
	}
	got, err := scale([]int{1, 2}, 3)
	if err != nil || !reflect.DeepEqual(got, []int{3, 6}) {
		t.Fatalf("scale = %v, %v", got, err)
	}
	var bad func() error
	v, _ = in.Get("bad")
	in.ExportTo(v, &bad)
	if err := bad(); errorType(err) != "ValueError" {
		t.Fatalf("bad() = %v", err)
	}
	var wrong func() string
	v, _ = in.Get("scale")
	in.ExportTo(v, &wrong)
	defer func() {
		if recover() == nil {
			t.Fatal("a func without an error result did not panic on error")
		}
	}()
	wrong()
}
