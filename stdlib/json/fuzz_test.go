package json

import (
	"testing"

	"github.com/pyish/pyish/runtime"
)

// FuzzLoads checks that no document makes loads panic, and that what it
// accepts survives dumps and loads again.
func FuzzLoads(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5e3, "x\u00e9\ud83d\ude00"]}`, `[`, `"\`, `-`, `1e`, `{"a":1,}`, `[NaN, -Infinity]`, "\"\\u12"} {
		f.Add(s)
	}
	th := runtime.NewThread()
	m := Module(th)
	f.Fuzz(func(t *testing.T, doc string) {
		v, err := call(th, m, "loads", []runtime.Value{runtime.Str(doc)}, nil)
		if err != nil {
			if e := runtime.AsException(err); !e.Matches(runtime.ValueError) && !e.Matches(runtime.RecursionError) {
				t.Fatalf("loads(%q): %v", doc, err)
			}
			return
		}
		s, err := call(th, m, "dumps", []runtime.Value{v}, nil)
		if err != nil {
			t.Fatalf("dumps(loads(%q)): %v", doc, err)
		}
		if _, err := call(th, m, "loads", []runtime.Value{s}, nil); err != nil {
			t.Fatalf("loads(dumps(loads(%q))): %v", doc, err)
		}
	})
}
