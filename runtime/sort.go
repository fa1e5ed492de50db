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

// sortByKeys stably sorts items by keys (which may alias items) with a
// port of CPython's timsort (runs, binary insertion, powersort merging,
// galloping), so user __lt__ methods see exactly CPython's comparisons.
func sortByKeys(th *Thread, keys, items []Value) error {
	n := len(keys)
	if n < 2 || fastSort(keys, items) {
		return nil
	}
	ts := &timsort{th: th, a: make([]kv, n), minGallop: minGallop}
	for i := range keys {
		ts.a[i] = kv{keys[i], items[i]}
	}
	err := ts.sort()
	for i, p := range ts.a {
		keys[i], items[i] = p.k, p.v
	}
	return err
}

// kv is a sort key with its item.
type kv struct{ k, v Value }

// sortRun is a pending run of the merge stack.
type sortRun struct{ base, len, power int }

const minGallop = 7

// timsort is CPython's MergeState.
type timsort struct {
	th        *Thread
	a         []kv
	tmp       []kv
	runs      []sortRun
	minGallop int
}

func (ts *timsort) lt(x, y Value) (bool, error) { return Less(ts.th, x, y) }

func (ts *timsort) sort() error {
	n := len(ts.a)
	minrun := minRun(n)
	for lo := 0; lo < n; {
		run, desc, err := ts.countRun(lo)
		if err != nil {
			return err
		}
		if desc {
			slices.Reverse(ts.a[lo : lo+run])
		}
		if run < minrun {
			force := min(minrun, n-lo)
			if err := ts.binarySort(lo, lo+force, lo+run); err != nil {
				return err
			}
			run = force
		}
		if err := ts.foundNewRun(run); err != nil {
			return err
		}
		ts.runs = append(ts.runs, sortRun{base: lo, len: run})
		lo += run
	}
	for len(ts.runs) > 1 { // merge_force_collapse
		i := len(ts.runs) - 2
		if i > 0 && ts.runs[i-1].len < ts.runs[i+1].len {
			i--
		}
		if err := ts.mergeAt(i); err != nil {
			return err
		}
	}
	return nil
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

// countRun is count_run: the length of the run starting at lo and
// whether it is strictly descending.
func (ts *timsort) countRun(lo int) (int, bool, error) {
	a := ts.a[lo:]
	if len(a) == 1 {
		return 1, false, nil
	}
	desc, err := ts.lt(a[1].k, a[0].k)
	if err != nil {
		return 0, false, err
	}
	n := 2
	for ; n < len(a); n++ {
		l, err := ts.lt(a[n].k, a[n-1].k)
		if err != nil {
			return 0, false, err
		}
		if l != desc {
			break
		}
	}
	return n, desc, nil
}

// binarySort is binarysort: a[lo:start] is sorted; insert a[start:hi].
func (ts *timsort) binarySort(lo, hi, start int) error {
	a := ts.a
	if start == lo {
		start++
	}
	for ; start < hi; start++ {
		pivot := a[start]
		l, r := lo, start
		for l < r {
			p := l + (r-l)>>1
			lt, err := ts.lt(pivot.k, a[p].k)
			if err != nil {
				return err
			}
			if lt {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
	return nil
}

// powerLoop is powerloop: the depth of the boundary between two runs in
// the conceptual merge tree.
func powerLoop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// foundNewRun is found_new_run: merge runs of greater power first.
func (ts *timsort) foundNewRun(n2 int) error {
	if len(ts.runs) == 0 {
		return nil
	}
	top := ts.runs[len(ts.runs)-1]
	power := powerLoop(top.base, top.len, n2, len(ts.a))
	for len(ts.runs) > 1 && ts.runs[len(ts.runs)-2].power > power {
		if err := ts.mergeAt(len(ts.runs) - 2); err != nil {
			return err
		}
	}
	ts.runs[len(ts.runs)-1].power = power
	return nil
}

// mergeAt is merge_at: merge runs i and i+1.
func (ts *timsort) mergeAt(i int) error {
	ra, rb := ts.runs[i], ts.runs[i+1]
	ts.runs[i].len = ra.len + rb.len
	if i == len(ts.runs)-3 {
		ts.runs[i+1] = ts.runs[i+2]
	}
	ts.runs = ts.runs[:len(ts.runs)-1]
	a := ts.a
	k, err := ts.gallopRight(a[rb.base].k, a[ra.base:ra.base+ra.len], 0)
	if err != nil {
		return err
	}
	pa, na := ra.base+k, ra.len-k
	if na == 0 {
		return nil
	}
	nb, err := ts.gallopLeft(a[pa+na-1].k, a[rb.base:rb.base+rb.len], rb.len-1)
	if err != nil || nb <= 0 {
		return err
	}
	if na <= nb {
		return ts.mergeLo(pa, na, rb.base, nb)
	}
	return ts.mergeHi(pa, na, rb.base, nb)
}

// gallopLeft is gallop_left: the leftmost place for key in the sorted a.
func (ts *timsort) gallopLeft(key Value, a []kv, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	lt, err := ts.lt(a[hint].k, key)
	if err != nil {
		return 0, err
	}
	if lt {
		maxofs := n - hint
		for ofs < maxofs {
			lt, err := ts.lt(a[hint+ofs].k, key)
			if err != nil {
				return 0, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	} else {
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := ts.lt(a[hint-ofs].k, key)
			if err != nil {
				return 0, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := ts.lt(a[m].k, key)
		if err != nil {
			return 0, err
		}
		if lt {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight is gallop_right: the rightmost place for key in the sorted a.
func (ts *timsort) gallopRight(key Value, a []kv, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	lt, err := ts.lt(key, a[hint].k)
	if err != nil {
		return 0, err
	}
	if lt {
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := ts.lt(key, a[hint-ofs].k)
			if err != nil {
				return 0, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		maxofs := n - hint
		for ofs < maxofs {
			lt, err := ts.lt(key, a[hint+ofs].k)
			if err != nil {
				return 0, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := ts.lt(key, a[m].k)
		if err != nil {
			return 0, err
		}
		if lt {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// mergeLo is merge_lo: merge a[pa:pa+na] and a[pb:pb+nb] (na <= nb)
// through a copy of the first run.
func (ts *timsort) mergeLo(pa, na, pb, nb int) error {
	a := ts.a
	tmp := append(ts.tmp[:0], a[pa:pa+na]...)
	ts.tmp = tmp
	dest, ia, ib := pa, 0, pb
	defer func() {
		if na > 0 { // Succeed and Fail: the rest of A goes last
			copy(a[dest:dest+na], tmp[ia:ia+na])
		}
	}()
	copyB := func() error { // the rest of B, then A's last element
		copy(a[dest:dest+nb], a[ib:ib+nb])
		a[dest+nb] = tmp[ia]
		na = 0
		return nil
	}
	a[dest] = a[ib]
	dest, ib, nb = dest+1, ib+1, nb-1
	if nb == 0 {
		return nil
	}
	if na == 1 {
		return copyB()
	}
	mg := ts.minGallop
	for {
		acount, bcount := 0, 0
		for {
			lt, err := ts.lt(a[ib].k, tmp[ia].k)
			if err != nil {
				return err
			}
			if lt {
				a[dest] = a[ib]
				dest, ib, nb = dest+1, ib+1, nb-1
				bcount++
				acount = 0
				if nb == 0 {
					return nil
				}
				if bcount >= mg {
					break
				}
			} else {
				a[dest] = tmp[ia]
				dest, ia, na = dest+1, ia+1, na-1
				acount++
				bcount = 0
				if na == 1 {
					return copyB()
				}
				if acount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ts.minGallop = mg
			k, err := ts.gallopRight(a[ib].k, tmp[ia:ia+na], 0)
			if err != nil {
				return err
			}
			acount = k
			if k > 0 {
				copy(a[dest:dest+k], tmp[ia:ia+k])
				dest, ia, na = dest+k, ia+k, na-k
				if na == 1 {
					return copyB()
				}
				if na == 0 {
					return nil
				}
			}
			a[dest] = a[ib]
			dest, ib, nb = dest+1, ib+1, nb-1
			if nb == 0 {
				return nil
			}
			k, err = ts.gallopLeft(tmp[ia].k, a[ib:ib+nb], 0)
			if err != nil {
				return err
			}
			bcount = k
			if k > 0 {
				copy(a[dest:dest+k], a[ib:ib+k])
				dest, ib, nb = dest+k, ib+k, nb-k
				if nb == 0 {
					return nil
				}
			}
			a[dest] = tmp[ia]
			dest, ia, na = dest+1, ia+1, na-1
			if na == 1 {
				return copyB()
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ts.minGallop = mg
	}
}

// mergeHi is merge_hi: merge a[pa:pa+na] and a[pb:pb+nb] (na > nb)
// from the right, through a copy of the second run.
func (ts *timsort) mergeHi(pa, na, pb, nb int) error {
	a := ts.a
	tmp := append(ts.tmp[:0], a[pb:pb+nb]...)
	ts.tmp = tmp
	dest, ia, ib := pb+nb-1, pa+na-1, nb-1
	defer func() {
		if nb > 0 {
			copy(a[dest-(nb-1):dest+1], tmp[:nb])
		}
	}()
	a[dest] = a[ia]
	dest, ia, na = dest-1, ia-1, na-1
	if na == 0 {
		return nil
	}
	copyA := func() error {
		copy(a[dest-na+1:dest+1], a[ia-na+1:ia+1])
		a[dest-na] = tmp[ib]
		nb = 0
		return nil
	}
	if nb == 1 {
		return copyA()
	}
	mg := ts.minGallop
	for {
		acount, bcount := 0, 0
		for {
			lt, err := ts.lt(tmp[ib].k, a[ia].k)
			if err != nil {
				return err
			}
			if lt {
				a[dest] = a[ia]
				dest, ia, na = dest-1, ia-1, na-1
				acount++
				bcount = 0
				if na == 0 {
					return nil
				}
				if acount >= mg {
					break
				}
			} else {
				a[dest] = tmp[ib]
				dest, ib, nb = dest-1, ib-1, nb-1
				bcount++
				acount = 0
				if nb == 1 {
					return copyA()
				}
				if bcount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ts.minGallop = mg
			k, err := ts.gallopRight(tmp[ib].k, a[pa:pa+na], na-1)
			if err != nil {
				return err
			}
			k = na - k
			acount = k
			if k > 0 {
				dest, ia = dest-k, ia-k
				copy(a[dest+1:dest+1+k], a[ia+1:ia+1+k])
				na -= k
				if na == 0 {
					return nil
				}
			}
			a[dest] = tmp[ib]
			dest, ib, nb = dest-1, ib-1, nb-1
			if nb == 1 {
				return copyA()
			}
			k, err = ts.gallopLeft(a[ia].k, tmp[:nb], nb-1)
			if err != nil {
				return err
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest, ib = dest-k, ib-k
				copy(a[dest+1:dest+1+k], tmp[ib+1:ib+1+k])
				nb -= k
				if nb == 1 {
					return copyA()
				}
				if nb == 0 {
					return nil
				}
			}
			a[dest] = a[ia]
			dest, ia, na = dest-1, ia-1, na-1
			if na == 0 {
				return nil
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ts.minGallop = mg
	}
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
