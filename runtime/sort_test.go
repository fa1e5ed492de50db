package runtime

import "testing"

// TestTimsortComparisons checks that sorting objects with a counting
// __lt__ makes exactly as many comparisons as CPython 3.11 (the numbers
// below are CPython's) and sorts stably.
func TestTimsortComparisons(t *testing.T) {
	th := NewThread()
	count := 0
	lt := method("__lt__", func(th *Thread, args []Value) (Value, error) {
		count++
		a, _ := GetAttr(th, args[0], "v")
		b, _ := GetAttr(th, args[1], "v")
		return Bool(a.AsInt() < b.AsInt()), nil
	})
	k := class(t, th, "K", nil, map[string]Value{"__lt__": lt})
	build := func(data []int64) *List {
		l := NewList(nil)
		for i, v := range data {
			obj, _ := Call(th, Obj(k), nil, nil)
			SetAttr(th, obj, "v", Int(v))
			SetAttr(th, obj, "i", Int(int64(i)))
			l.Items = append(l.Items, obj)
		}
		return l
	}
	gen := []func(i, size int) int64{
		func(i, size int) int64 { return int64(i * 7919 % 101) },
		func(i, size int) int64 { return int64((i*i*31 + 7) % (size/3 + 1)) },
		func(i, size int) int64 { // range(size//2) + range(size//2, 0, -1)
			if i < size/2 {
				return int64(i)
			}
			return int64(size/2 - (i - size/2))
		},
	}
	want := map[int][3]int{
		10: {22, 20, 18}, 63: {290, 293, 200}, 64: {303, 300, 127}, 65: {307, 306, 127},
		100: {530, 535, 199}, 300: {2084, 2087, 599}, 1000: {8638, 8639, 1999}, 5000: {50179, 54815, 9999},
	}
	for size, w := range want {
		for g, f := range gen {
			vals := []int64{}
			n := size
			if g == 2 {
				n = size / 2 * 2
			}
			for i := 0; i < n; i++ {
				vals = append(vals, f(i, size))
			}
			l := build(vals)
			count = 0
			if err := SortList(th, l, None, false); err != nil {
				t.Fatal(err)
			}
			if count != w[g] {
				t.Errorf("size %d data %d: %d comparisons, CPython makes %d", size, g, count, w[g])
			}
			for i := 1; i < len(l.Items); i++ {
				a, _ := GetAttr(th, l.Items[i-1], "v")
				b, _ := GetAttr(th, l.Items[i], "v")
				ai, _ := GetAttr(th, l.Items[i-1], "i")
				bi, _ := GetAttr(th, l.Items[i], "i")
				if a.AsInt() > b.AsInt() || a.AsInt() == b.AsInt() && ai.AsInt() > bi.AsInt() {
					t.Fatalf("size %d data %d: not sorted stably at %d", size, g, i)
				}
			}
		}
	}
}
