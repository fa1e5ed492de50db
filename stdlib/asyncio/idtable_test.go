package asyncio

import (
	"testing"

	"github.com/pyish/pyish/runtime"
)

// TestIDTable checks lookups of present and absent objects.
func TestIDTable(t *testing.T) {
	vals := make([]runtime.Value, 1000)
	for i := range vals {
		vals[i] = runtime.Obj(runtime.NewList(nil))
	}
	tab := newIDTable(len(vals))
	for i, v := range vals[:500] {
		tab.put(v, int32(i))
	}
	for i, v := range vals {
		j, ok := tab.get(v)
		if ok != (i < 500) || (ok && int(j) != i) {
			t.Fatalf("get(vals[%d]) = %d, %v", i, j, ok)
		}
	}
}

// BenchmarkIDTable is the duplicate check of gathering 100,000 objects.
func BenchmarkIDTable(b *testing.B) {
	vals := make([]runtime.Value, 100000)
	for i := range vals {
		vals[i] = runtime.Obj(runtime.NewList(nil))
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		tab := newIDTable(len(vals))
		for i, v := range vals {
			if _, ok := tab.get(v); !ok {
				tab.put(v, int32(i))
			}
		}
	}
}
