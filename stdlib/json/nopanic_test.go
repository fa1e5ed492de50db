package json

import (
	"math"
	"math/big"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// oddValues are arguments no function should panic on.
func oddValues() []runtime.Value {
	big70 := runtime.NewBigInt(new(big.Int).Lsh(big.NewInt(1), 70))
	d := runtime.NewDict()
	d.SetStr("k", runtime.Int(1))
	return []runtime.Value{
		runtime.None, runtime.True, runtime.Int(0), runtime.Int(-1), runtime.Int(3), big70,
		runtime.Float(0.5), runtime.Float(-2.5), runtime.Float(math.NaN()), runtime.Float(math.Inf(1)),
		runtime.Str(""), runtime.Str("abc"), runtime.Obj(runtime.NewList(nil)),
		runtime.Obj(runtime.NewList([]runtime.Value{runtime.Int(1), runtime.Str("x")})),
		runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Float(1), runtime.Int(2)})), runtime.Obj(d),
		runtime.Obj(runtime.NewList([]runtime.Value{runtime.Float(math.NaN()), runtime.Float(math.Inf(-1))})),
		runtime.Obj(runtime.NewList([]runtime.Value{runtime.Float(1e308), runtime.Float(5e-324)})),
	}
}

// TestNoPanics calls every function of the module with odd arguments:
// errors are fine, panics are not.
func TestNoPanics(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	vals := oddValues()
	for _, kv := range m.Dict.Items() {
		name, _ := runtime.AsString(kv[0])
		if _, ok := kv[1].Object().(runtime.Callable); !ok {
			continue
		}
		call := func(args ...runtime.Value) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("json.%s%v panicked: %v", name, args, r)
				}
			}()
			runtime.Call(th, kv[1], args, nil)
		}
		call()
		for _, a := range vals {
			call(a)
			for _, b := range vals {
				call(a, b)
			}
		}
	}
}
