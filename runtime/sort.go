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

// sortByKeys stably sorts items by keys (which may alias items).
func sortByKeys(th *Thread, keys, items []Value) error {
	n := len(keys)
	if n < 2 {
		return nil
	}
	if fastSort(keys, items) {
		return nil
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	buf := make([]int, n)
	if err := mergeSort(th, keys, perm, buf); err != nil {
		return err
	}
	sortedItems := make([]Value, n)
	sortedKeys := make([]Value, n)
	for i, p := range perm {
		sortedItems[i] = items[p]
		sortedKeys[i] = keys[p]
	}
	copy(items, sortedItems)
	copy(keys, sortedKeys)
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

// mergeSort stably sorts the permutation perm of keys with Less.
func mergeSort(th *Thread, keys []Value, perm, buf []int) error {
	n := len(perm)
	if n <= 8 {
		return insertionSort(th, keys, perm)
	}
	mid := n / 2
	if err := mergeSort(th, keys, perm[:mid], buf[:mid]); err != nil {
		return err
	}
	if err := mergeSort(th, keys, perm[mid:], buf[mid:]); err != nil {
		return err
	}
	// Already in order: skip the merge (sorted input costs n comparisons).
	lt, err := Less(th, keys[perm[mid]], keys[perm[mid-1]])
	if err != nil || !lt {
		return err
	}
	copy(buf, perm)
	i, j, k := 0, mid, 0
	for i < mid && j < n {
		lt, err := Less(th, keys[buf[j]], keys[buf[i]])
		if err != nil {
			return err
		}
		if lt {
			perm[k] = buf[j]
			j++
		} else {
			perm[k] = buf[i]
			i++
		}
		k++
	}
	k += copy(perm[k:], buf[i:mid])
	copy(perm[k:], buf[j:n])
	return nil
}

func insertionSort(th *Thread, keys []Value, perm []int) error {
	for i := 1; i < len(perm); i++ {
		for j := i; j > 0; j-- {
			lt, err := Less(th, keys[perm[j]], keys[perm[j-1]])
			if err != nil {
				return err
			}
			if !lt {
				break
			}
			perm[j], perm[j-1] = perm[j-1], perm[j]
		}
	}
	return nil
}
