package math

import (
	"testing"

	"github.com/pyish/pyish/runtime"
)

func BenchmarkSqrtCall(b *testing.B) {
	th := runtime.NewThread()
	m := Module(th)
	fn, _ := m.Dict.GetStr("sqrt")
	args := []runtime.Value{runtime.Float(2)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, fn, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSinCall(b *testing.B) {
	th := runtime.NewThread()
	m := Module(th)
	fn, _ := m.Dict.GetStr("sin")
	args := []runtime.Value{runtime.Float(0.5)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, fn, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
