package runtime

// This file defines list.sort and sorted(): a stable merge sort that
// compares with < only, as CPython's does.

import (
	"cmp"
	"slices"
)

// SortList sorts l in place by key (None: the items) using <, stable;
// reverse keeps the order of equal items as CPython does.
func SortList(th *Thread, l *List, key Value, reverse bool) error {
	items := l.Items
	l.Items = nil // the list looks empty while it is sorted
	err := SortValues(th, items, key, reverse)
	if l.Items != nil {
		if err == nil {
			err = Errorf(ValueError, "list modified during sort")
		}
	}
	l.Items = items
	return err
}

// SortValues sorts items in place (see SortList).
func SortValues(th *Thread, items []Value, key Value, reverse bool) error {
	keys := items
	if !key.IsNull() && !key.IsNone() {
		keys = make([]Value, len(items))
		for i, v := range items {
			k, err := Call(th, key, []Value{v}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	if reverse {
		slices.Reverse(items)
		if len(keys) > 0 && &keys[0] != &items[0] {
			slices.Reverse(keys)
		}
	}
	if err := sortByKeys(th, keys, items); err != nil {
		return err
	}
	if reverse {
		slices.Reverse(items)
	}
	return nil
}

// sortByKeys stably sorts items by keys (which may alias items). It
// follows CPython's timsort in finding runs (count_run) and extending
// them by binary insertion (binarysort), so lists shorter than 64 see
// exactly CPython's comparisons; longer runs are merged stably.
func sortByKeys(th *Thread, keys, items []Value) error {
	n := len(keys)
	if n < 2 {
		return nil
	}
	if fastSort(keys, items) {
		return nil
	}
	same := len(keys) > 0 && &keys[0] == &items[0]
	if same {
		items = nil // keys are the items: move them once
	}
	minrun := minRun(n)
	var runs [][2]int // start, length
	for lo := 0; lo < n; {
		run, desc, err := countRun(th, keys[lo:])
		if err != nil {
			return err
		}
		if desc {
			reverseBoth(keys[lo:lo+run], items, lo)
		}
		if run < minrun {
			force := min(minrun, n-lo)
			if err := binarySort(th, keys[lo:lo+force], sub(items, lo, lo+force), run); err != nil {
				return err
			}
			run = force
		}
		runs = append(runs, [2]int{lo, run})
		lo += run
	}
	for len(runs) > 1 {
		var next [][2]int
		for i := 0; i+1 < len(runs); i += 2 {
			a, b := runs[i], runs[i+1]
			if err := mergeRuns(th, keys, items, a[0], a[0]+a[1], b[0]+b[1]); err != nil {
				return err
			}
			next = append(next, [2]int{a[0], a[1] + b[1]})
		}
		if len(runs)%2 == 1 {
			next = append(next, runs[len(runs)-1])
		}
		runs = next
	}
	return nil
}

func sub(items []Value, lo, hi int) []Value {
	if items == nil {
		return nil
	}
	return items[lo:hi]
}

func reverseBoth(keys, items []Value, lo int) {
	slices.Reverse(keys)
	if items != nil {
		slices.Reverse(items[lo : lo+len(keys)])
	}
}

// minRun is CPython's merge_compute_minrun.
func minRun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countRun is CPython's count_run: the length of the run at the start of
// keys, and whether it is strictly descending.
func countRun(th *Thread, keys []Value) (int, bool, error) {
	if len(keys) == 1 {
		return 1, false, nil
	}
	lt, err := Less(th, keys[1], keys[0])
	if err != nil {
		return 0, false, err
	}
	n := 2
	for ; n < len(keys); n++ {
		l, err := Less(th, keys[n], keys[n-1])
		if err != nil {
			return 0, false, err
		}
		if l != lt {
			break
		}
	}
	return n, lt, nil
}

// binarySort is CPython's binarysort: keys[:start] is sorted; insert the
// rest one by one at the place a binary search finds.
func binarySort(th *Thread, keys, items []Value, start int) error {
	if start == 0 {
		start = 1
	}
	for ; start < len(keys); start++ {
		pivot := keys[start]
		l, r := 0, start
		for l < r {
			p := l + (r-l)>>1
			lt, err := Less(th, pivot, keys[p])
			if err != nil {
				return err
			}
			if lt {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(keys[l+1:start+1], keys[l:start])
		keys[l] = pivot
		if items != nil {
			v := items[start]
			copy(items[l+1:start+1], items[l:start])
			items[l] = v
		}
	}
	return nil
}

// mergeRuns stably merges the sorted keys[lo:mid] and keys[mid:hi].
func mergeRuns(th *Thread, keys, items []Value, lo, mid, hi int) error {
	left := append([]Value(nil), keys[lo:mid]...)
	var leftItems []Value
	if items != nil {
		leftItems = append([]Value(nil), items[lo:mid]...)
	}
	i, j, k := 0, mid, lo
	for i < len(left) && j < hi {
		lt, err := Less(th, keys[j], left[i])
		if err != nil {
			copy(keys[k:], left[i:]) // keep every element on failure
			if items != nil {
				copy(items[k:], leftItems[i:])
			}
			return err
		}
		if lt {
			keys[k] = keys[j]
			if items != nil {
				items[k] = items[j]
			}
			j++
		} else {
			keys[k] = left[i]
			if items != nil {
				items[k] = leftItems[i]
			}
			i++
		}
		k++
	}
	copy(keys[k:], left[i:])
	if items != nil {
		copy(items[k:], leftItems[i:])
	}
	return nil
}

// fastSort sorts when every key is an inline int or every key is a str,
// which needs no user code; it reports whether it applied.
func fastSort(keys, items []Value) bool {
	allInts, allStrs := true, true
	for _, k := range keys {
		if !k.IsInt() {
			allInts = false
		}
		if _, ok := AsString(k); !ok {
			allStrs = false
		}
		if !allInts && !allStrs {
			return false
		}
	}
	type pair struct{ k, v Value }
	ps := make([]pair, len(keys))
	for i := range keys {
		ps[i] = pair{keys[i], items[i]}
	}
	if allInts {
		slices.SortStableFunc(ps, func(a, b pair) int { return cmp.Compare(a.k.AsInt(), b.k.AsInt()) })
	} else {
		slices.SortStableFunc(ps, func(a, b pair) int {
			sa, _ := AsString(a.k)
			sb, _ := AsString(b.k)
			return cmp.Compare(sa, sb)
		})
	}
	for i, p := range ps {
		keys[i], items[i] = p.k, p.v
	}
	return true
}
