// Package nopanic is a test helper for the standard modules: it calls
// every function of a module with odd arguments, where errors are fine and
// panics are not.
package nopanic

import (
	"math"
	"math/big"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// OddValues are arguments no module function should panic on.
func OddValues() []runtime.Value {
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

// Check calls each callable of module m (built with build) with no
// argument, one and two odd arguments. skip, if not nil, leaves out a
// call (functions that block or loop forever on purpose).
func Check(t *testing.T, build func(*runtime.Thread) *runtime.Module, skip func(name string, args []runtime.Value) bool) {
	t.Helper()
	th := runtime.NewThread()
	m := build(th)
	vals := OddValues()
	for _, kv := range m.Dict.Items() {
		name, _ := runtime.AsString(kv[0])
		if _, ok := kv[1].Object().(runtime.Callable); !ok {
			continue
		}
		call := func(args ...runtime.Value) {
			if skip != nil && skip(name, args) {
				return
			}
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s.%s%v panicked: %v", m.Name, name, args, r)
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
