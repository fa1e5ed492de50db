package runtime

// This file defines dict: an insertion-ordered hash table in CPython's
// compact layout (an entries array in insertion order plus an index table
// probed like CPython's), with a linear scan while the dict is small.

// Dict is an insertion-ordered dict.
type Dict struct {
	entries []dictEntry // insertion order; deleted entries have a zero key
	index   []int32     // open-addressing table of entry positions; nil while small
	used    int         // live entries
	fill    int         // index slots in use (live or dummy)
	// added counts the keys ever added, so that a cache can tell that a
	// key d lacked is still missing (see KeysAdded).
	added uint64
	// gen changes when entries move (compaction), so iterators notice.
	gen uint32
	// inRepr guards repr against recursion ({...}).
	inRepr bool
	sub    *subclassed
}

type dictEntry struct {
	hash int64
	key  Value
	val  Value
}

const (
	dictSmall     = 8  // entries scanned linearly without an index
	indexEmpty    = -1 // unused index slot
	indexDummy    = -2 // slot of a deleted entry: probing continues past it
	perturbShift  = 5
	dictMinIndex  = 16
	dictLoadNum   = 2 // grow the index when entries > len(index)*2/3
	dictLoadDenom = 3
)

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSize returns an empty dict with room for n entries.
func NewDictSize(n int) *Dict {
	d := &Dict{entries: make([]dictEntry, 0, n)}
	if n > dictSmall {
		d.rebuildIndex(n)
	}
	return d
}

// Len returns the number of items (0 for a nil dict).
func (d *Dict) Len() int {
	if d == nil {
		return 0
	}
	return d.used
}

// hashKey is hash(k) with fast paths for strings and numbers.
func hashKey(th *Thread, k Value) (int64, error) {
	if s, ok := exactStr(k); ok {
		return s.cachedHash(), nil // StrHash of the text, as Hash gives
	}
	if k.IsInline() {
		return inlineHash(k), nil
	}
	return Hash(th, k)
}

// keysEqual reports whether the stored key a equals the looked-up key b.
func keysEqual(th *Thread, a, b Value) (bool, error) {
	if a.o == b.o && a.n == b.n {
		return true, nil // same inline value or same object
	}
	if a.IsInline() && b.IsInline() {
		r, ok := numCompare(CmpEq, a, b)
		return r && ok, nil
	}
	if sa, ok := exactStr(a); ok {
		if sb, ok := exactStr(b); ok {
			return sa.s == sb.s, nil
		}
	}
	return Equal(th, a, b)
}

// find returns the position in entries of key k with hash h, or -1.
func (d *Dict) find(th *Thread, k Value, h int64) (int, error) {
	if s, ok := exactStr(k); ok {
		if i, ok := d.findStrObj(s, h); ok {
			return i, nil
		}
	}
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.hash != h || e.key.IsNull() {
				continue
			}
			if eq, err := keysEqual(th, e.key, k); err != nil || eq {
				return i, err
			}
		}
		return -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		ix := d.index[i]
		if ix == indexEmpty {
			return -1, nil
		}
		if ix == indexDummy {
			perturb >>= perturbShift
			i = (i*5 + perturb + 1) & mask
			continue
		}
		e := &d.entries[ix]
		if e.hash == h && !e.key.IsNull() {
			gen, n := d.gen, len(d.entries)
			eq, err := keysEqual(th, e.key, k)
			if err != nil || eq {
				return int(ix), err
			}
			if gen != d.gen || n != len(d.entries) {
				return d.find(th, k, h) // mutated by __eq__: start over
			}
		}
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

// findStrObj is find for a str key s with hash h, without calls: ok is
// false when an entry of hash h holds a key other than a str, which only
// the general find can compare.
func (d *Dict) findStrObj(s *String, h int64) (i int, ok bool) {
	if d.index == nil {
		for i := range d.entries {
			if e := &d.entries[i]; e.hash == h && !e.key.IsNull() {
				if eq, ok := strKeyEqual(e.key, s); !ok || eq {
					return i, ok
				}
			}
		}
		return -1, true
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	j := uint64(h) & mask
	for {
		ix := d.index[j]
		if ix == indexEmpty {
			return -1, true
		}
		if ix >= 0 {
			if e := &d.entries[ix]; e.hash == h {
				if eq, ok := strKeyEqual(e.key, s); !ok || eq {
					return int(ix), ok
				}
			}
		}
		perturb >>= perturbShift
		j = (j*5 + perturb + 1) & mask
	}
}

// strKeyEqual compares the stored key k with the str s: the same object,
// or the same text; ok is false when k is not a str.
func strKeyEqual(k Value, s *String) (eq, ok bool) {
	ks, ok := exactStr(k)
	if !ok {
		return false, false
	}
	return ks == s || ks.s == s.s, true
}

// findStr is find for a Go string key.
func (d *Dict) findStr(s string, h int64) int {
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.hash == h {
				if es, ok := AsString(e.key); ok && es == s {
					return i
				}
			}
		}
		return -1
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		ix := d.index[i]
		if ix == indexEmpty {
			return -1
		}
		if ix >= 0 {
			if e := &d.entries[ix]; e.hash == h {
				if es, ok := AsString(e.key); ok && es == s {
					return int(ix)
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

// Get returns d[k]; ok is false when k is missing.
func (d *Dict) Get(th *Thread, k Value) (Value, bool, error) {
	if d == nil {
		return Value{}, false, nil
	}
	if s := plainStr(k); s != nil {
		if e, ok := d.plainEntry(s); ok {
			if e == nil {
				return Value{}, false, nil
			}
			return e.val, true, nil
		}
	}
	h, err := hashKey(th, k)
	if err != nil {
		return Value{}, false, err
	}
	i, err := d.find(th, k, h)
	if err != nil || i < 0 {
		return Value{}, false, err
	}
	return d.entries[i].val, true, nil
}

// GetStr returns d[s] for a str key.
func (d *Dict) GetStr(s string) (Value, bool) {
	if d == nil || d.used == 0 {
		return Value{}, false
	}
	i := d.findStr(s, StrHash(s))
	if i < 0 {
		return Value{}, false
	}
	return d.entries[i].val, true
}

// Set stores d[k] = v.
func (d *Dict) Set(th *Thread, k, v Value) error {
	h, err := hashKey(th, k)
	if err != nil {
		return err
	}
	return d.setHashed(th, k, h, v)
}

func (d *Dict) setHashed(th *Thread, k Value, h int64, v Value) error {
	i, err := d.find(th, k, h)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.entries[i].val = v
		return nil
	}
	d.appendEntry(k, h, v)
	return nil
}

// SetStr stores d[s] = v for a str key.
func (d *Dict) SetStr(s string, v Value) { d.setStrKey(s, Value{}, v) }

// setStrKey is SetStr with key, if not zero, the str value of s to
// store when s is a new key (saving an allocation).
func (d *Dict) setStrKey(s string, key Value, v Value) {
	d.setStrKeyHashed(s, key, StrHash(s), v)
}

// setStrKeyHashed is setStrKey with h the StrHash of s.
func (d *Dict) setStrKeyHashed(s string, key Value, h int64, v Value) {
	if i := d.findStr(s, h); i >= 0 {
		d.entries[i].val = v
		return
	}
	if key.IsNull() {
		key = Str(s)
	}
	d.appendEntry(key, h, v)
}

func (d *Dict) appendEntry(k Value, h int64, v Value) {
	if len(d.entries) == cap(d.entries) && len(d.entries) > 2*d.used+dictSmall {
		d.compact()
	}
	d.entries = append(d.entries, dictEntry{hash: h, key: k, val: v})
	d.used++
	d.added++
	n := len(d.entries)
	switch {
	case d.index == nil && n > dictSmall:
		d.rebuildIndex(d.used)
	case d.index != nil && (d.fill+1)*dictLoadDenom > len(d.index)*dictLoadNum:
		d.rebuildIndex(d.used)
	case d.index != nil:
		d.indexInsert(h, int32(n-1))
	}
}

// KeysAdded is how many keys were ever added to d: while it stays the
// same, a key d lacked is still missing (a key only appears by being
// added), which spares a cache of a builtin the probe of the globals.
func (d *Dict) KeysAdded() uint64 { return d.added }

// rebuildIndex makes an index table for at least n entries.
func (d *Dict) rebuildIndex(n int) {
	size := dictMinIndex
	for size*dictLoadNum < n*dictLoadDenom {
		size <<= 1
	}
	size <<= 1 // room to grow
	if d.index == nil || len(d.index) != size {
		d.index = make([]int32, size)
	}
	for i := range d.index {
		d.index[i] = indexEmpty
	}
	d.fill = 0
	for i := range d.entries {
		if !d.entries[i].key.IsNull() {
			d.indexInsert(d.entries[i].hash, int32(i))
		}
	}
}

func (d *Dict) indexInsert(h int64, ix int32) {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] >= 0 {
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
	if d.index[i] == indexEmpty {
		d.fill++
	}
	d.index[i] = ix
}

// indexRemove marks the index slot of entry ix as a dummy.
func (d *Dict) indexRemove(h int64, ix int32) {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] != ix {
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
	d.index[i] = indexDummy
}

// compact drops deleted entries.
func (d *Dict) compact() {
	live := d.entries[:0]
	for _, e := range d.entries {
		if !e.key.IsNull() {
			live = append(live, e)
		}
	}
	clear(d.entries[len(live):])
	d.entries = live
	d.gen++
	if d.index != nil {
		d.rebuildIndex(len(d.entries))
	}
}

// Delete removes k; ok is false when it was missing.
func (d *Dict) Delete(th *Thread, k Value) (bool, error) {
	h, err := hashKey(th, k)
	if err != nil {
		return false, err
	}
	i, err := d.find(th, k, h)
	if err != nil || i < 0 {
		return false, err
	}
	d.deleteAt(i)
	return true, nil
}

// DeleteStr removes the str key s; ok is false when it was missing.
func (d *Dict) DeleteStr(s string) bool {
	i := d.findStr(s, StrHash(s))
	if i < 0 {
		return false
	}
	d.deleteAt(i)
	return true
}

// deleteAt removes the entry at position i. It stays as a tombstone
// (positions do not move under iterators) unless it is at the end.
func (d *Dict) deleteAt(i int) {
	if d.index != nil {
		d.indexRemove(d.entries[i].hash, int32(i))
	}
	d.entries[i] = dictEntry{}
	d.used--
	if d.used == 0 {
		d.Clear()
		return
	}
	for n := len(d.entries); n > 0 && d.entries[n-1].key.IsNull(); n-- {
		d.entries = d.entries[:n-1]
	}
}

// Clear removes all items.
func (d *Dict) Clear() {
	clear(d.entries)
	d.entries = d.entries[:0]
	d.index = nil
	d.used = 0
	d.fill = 0
	d.gen++
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			out = append(out, e.key)
		}
	}
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			out = append(out, e.val)
		}
	}
	return out
}

// Items returns the key/value pairs in insertion order.
func (d *Dict) Items() [][2]Value {
	out := make([][2]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			out = append(out, [2]Value{e.key, e.val})
		}
	}
	return out
}

// Range calls fn for each item in insertion order until it returns false.
// fn must not modify d.
func (d *Dict) Range(fn func(k, v Value) bool) {
	for _, e := range d.entries {
		if !e.key.IsNull() && !fn(e.key, e.val) {
			return
		}
	}
}

// Copy returns a shallow copy of d.
func (d *Dict) Copy() *Dict {
	c := &Dict{entries: make([]dictEntry, 0, d.used), used: d.used}
	for _, e := range d.entries {
		if !e.key.IsNull() {
			c.entries = append(c.entries, e)
		}
	}
	if len(c.entries) > dictSmall {
		c.rebuildIndex(len(c.entries))
	}
	return c
}

// at returns the live entry at or after position i, and the position
// after it; ok is false at the end.
func (d *Dict) at(i int) (e *dictEntry, next int, ok bool) {
	for ; i < len(d.entries); i++ {
		if !d.entries[i].key.IsNull() {
			return &d.entries[i], i + 1, true
		}
	}
	return nil, i, false
}
