package random

import (
	"math/big"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// moduleTable holds CPython 3.12 results after random.seed(seed):
// shuffle(list(range(10))), three randrange(3, 1000, 7), two
// randint(-10**20, 10**20), sample(range(100), 5), choices(range(10), k=4),
// three gauss(0, 1) and uniform(2.5, 7.5), drawn in that order.
var moduleTable = []struct {
	seed                                    runtime.Value
	shuffle, randrange, randint, sample, ch string
	g0, g1, g2, uniform                     float64
}{
	{bigInt("0"), "[7, 8, 1, 5, 3, 4, 2, 0, 9, 6]", "[640, 388, 906]", "[-57907521203657543398, 67770015422996046457]", "[32, 68, 90, 77, 18]", "[3, 7, 8, 6]", -0.45369873012461615, 0.08023304241061141, -1.2581032977244673, 7.065055266189491},
	{bigInt("1"), "[6, 8, 9, 7, 5, 3, 0, 4, 1, 2]", "[374, 171, 871]", "[74003839952518546061, -85848439440555062907]", "[89, 57, 34, 92, 29]", "[5, 1, 3, 0]", -0.08025034846938735, -0.10979532390399503, 1.1183357835003105, 7.3452032514704975},
	{bigInt("42"), "[7, 3, 2, 8, 5, 6, 9, 4, 0, 1]", "[759, 59, 52]", "[-40626608997204727462, -88894714561931839791]", "[71, 25, 91, 83, 89]", "[5, 2, 5, 8]", 1.8089967877585265, 0.0739076860714454, -0.2919520493500683, 3.2773974990589076},
	{bigInt("12345"), "[8, 7, 3, 5, 1, 2, 9, 4, 0, 6]", "[290, 668, 220]", "[-18226759153840692303, -51536442190415503324]", "[78, 70, 23, 45, 94]", "[9, 0, 9, 4]", -0.5661136165392271, -0.014000945149457437, -0.12577049526760203, 4.207802128867761},
	{bigInt("1099511627776"), "[7, 8, 2, 4, 6, 0, 3, 9, 5, 1]", "[703, 983, 570]", "[1257471106149269688, -30965039258633986161]", "[50, 25, 4, 75, 90]", "[3, 4, 1, 3]", -0.0460339859092481, 0.7167465205161527, -2.632502843711929, 5.670259453659304},
	{bigInt("-7"), "[8, 3, 1, 4, 7, 0, 9, 6, 2, 5]", "[906, 381, 66]", "[18679815442011300698, -77113807149923693681]", "[70, 54, 7, 72, 15]", "[9, 6, 5, 0]", -0.27397042788860204, -0.16328618085617375, 0.23048008475830828, 3.165874082208026},
	{runtime.Str("hello"), "[6, 4, 3, 9, 0, 2, 7, 1, 8, 5]", "[297, 87, 458]", "[51285026734606047331, 74679040579386708734]", "[32, 22, 2, 11, 37]", "[2, 5, 0, 6]", 0.26710785869631143, 0.9847203224229282, -1.5947405409023536, 5.615419974677032},
}

func bigInt(s string) runtime.Value {
	b, _ := new(big.Int).SetString(s, 10)
	return runtime.NewBigInt(b)
}

// call calls the module function name with positional args.
func call(t *testing.T, th *runtime.Thread, m *runtime.Module, name string, args ...runtime.Value) runtime.Value {
	t.Helper()
	fn, ok := m.Dict.GetStr(name)
	if !ok {
		t.Fatalf("random.%s missing", name)
	}
	v, err := runtime.Call(th, fn, args, nil)
	if err != nil {
		t.Fatalf("random.%s: %v", name, err)
	}
	return v
}

func repr(t *testing.T, th *runtime.Thread, v runtime.Value) string {
	t.Helper()
	s, err := runtime.Repr(th, v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestModuleAgainstCPython(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	for _, c := range moduleTable {
		call(t, th, m, "seed", c.seed)
		xs := make([]runtime.Value, 10)
		for i := range xs {
			xs[i] = runtime.Int(int64(i))
		}
		l := runtime.Obj(runtime.NewList(xs))
		call(t, th, m, "shuffle", l)
		check := func(what, got, want string) {
			if got != want {
				t.Errorf("seed %s: %s = %s, want %s", repr(t, th, c.seed), what, got, want)
			}
		}
		check("shuffle", repr(t, th, l), c.shuffle)
		var rr, ri []runtime.Value
		for i := 0; i < 3; i++ {
			rr = append(rr, call(t, th, m, "randrange", runtime.Int(3), runtime.Int(1000), runtime.Int(7)))
		}
		for i := 0; i < 2; i++ {
			ri = append(ri, call(t, th, m, "randint", bigInt("-100000000000000000000"), bigInt("100000000000000000000")))
		}
		check("randrange", repr(t, th, runtime.Obj(runtime.NewList(rr))), c.randrange)
		check("randint", repr(t, th, runtime.Obj(runtime.NewList(ri))), c.randint)
		rng, err := runtime.Call(th, runtime.Obj(runtime.RangeType), []runtime.Value{runtime.Int(100)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("sample", repr(t, th, call(t, th, m, "sample", rng, runtime.Int(5))), c.sample)
		rng10, _ := runtime.Call(th, runtime.Obj(runtime.RangeType), []runtime.Value{runtime.Int(10)}, nil)
		fn, _ := m.Dict.GetStr("choices")
		ch, err := runtime.Call(th, fn, []runtime.Value{rng10, runtime.Int(4)}, []string{"k"})
		if err != nil {
			t.Fatal(err)
		}
		check("choices", repr(t, th, ch), c.ch)
		for i, want := range []float64{c.g0, c.g1, c.g2} {
			if got := call(t, th, m, "gauss", runtime.Int(0), runtime.Int(1)).AsFloat(); got != want {
				t.Errorf("gauss #%d = %v, want %v", i, got, want)
			}
		}
		if got := call(t, th, m, "uniform", runtime.Float(2.5), runtime.Float(7.5)).AsFloat(); got != c.uniform {
			t.Errorf("uniform = %v, want %v", got, c.uniform)
		}
	}
}

func TestRandomInstances(t *testing.T) {
	th := runtime.NewThread()
	a, err := New(th, runtime.Int(99))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := New(th, runtime.Int(99))
	for i := 0; i < 100; i++ {
		if x, y := a.src.random(), b.src.random(); x != y {
			t.Fatalf("draw %d: %v != %v", i, x, y)
		}
	}
	st := a.getstate()
	x := a.src.random()
	if err := a.setstate(th, st); err != nil {
		t.Fatal(err)
	}
	if y := a.src.random(); x != y {
		t.Fatalf("after setstate: %v, want %v", y, x)
	}
}

func TestErrors(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	cases := []struct {
		name string
		args []runtime.Value
		want string
	}{
		{"randrange", []runtime.Value{runtime.Int(0)}, "ValueError: empty range for randrange()"},
		{"randrange", []runtime.Value{runtime.Int(5), runtime.Int(5)}, "ValueError: empty range in randrange(5, 5)"},
		{"randrange", []runtime.Value{runtime.Int(5), runtime.Int(1), runtime.Int(2)}, "ValueError: empty range in randrange(5, 1, 2)"},
		{"randrange", []runtime.Value{runtime.Int(1), runtime.Int(5), runtime.Int(0)}, "ValueError: zero step for randrange()"},
		{"randrange", []runtime.Value{runtime.Float(1.5)}, "TypeError: 'float' object cannot be interpreted as an integer"},
		{"randint", []runtime.Value{runtime.Int(5), runtime.Int(1)}, "ValueError: empty range in randrange(5, 2)"},
		{"choice", []runtime.Value{runtime.Obj(runtime.NewList(nil))}, "IndexError: Cannot choose from an empty sequence"},
		{"getrandbits", []runtime.Value{runtime.Int(-1)}, "ValueError: number of bits must be non-negative"},
		{"seed", []runtime.Value{runtime.Obj(runtime.NewList(nil))}, "TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray."},
	}
	for _, c := range cases {
		fn, _ := m.Dict.GetStr(c.name)
		_, err := runtime.Call(th, fn, c.args, nil)
		if err == nil {
			t.Errorf("%s%v: no error, want %s", c.name, c.args, c.want)
			continue
		}
		if got := runtime.ExceptionMessage(th, runtime.AsException(err)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
