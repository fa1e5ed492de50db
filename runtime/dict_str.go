package runtime

// This file is the probe of dict lookups by the commonest key, a plain
// str (exact and ASCII): the key's cached hash, no calls but the text
// comparison, and the entry itself as the answer.

import "unsafe"

// plainEntry finds the entry of the plain str s in d: nil when d has no
// such key. ok is false when the probe meets an entry of s's hash whose
// key is not an exact str, which only find can compare.
func (d *Dict) plainEntry(s *String) (e *dictEntry, ok bool) {
	h := s.cachedHash()
	if d.index == nil {
		for i := range d.entries {
			if e := &d.entries[i]; e.hash == h && !e.key.IsNull() {
				if eq, ok := plainKeyEqual(e.key, s); !ok || eq {
					return e, ok
				}
			}
		}
		return nil, true
	}
	index, entries := d.index, d.entries
	mask := uint64(len(index) - 1)
	perturb := uint64(h)
	j := uint64(h) & mask
	for {
		ix := index[j]
		if ix >= 0 {
			if e := &entries[ix]; e.hash == h {
				if ks, isStr := e.key.o.(*String); isStr && ks == s {
					return e, true // the same object, as a key stored from a variable
				}
				if eq, ok := plainKeyEqual(e.key, s); !ok || eq {
					return e, ok
				}
			}
		} else if ix == indexEmpty {
			return nil, true
		}
		perturb >>= perturbShift
		j = (j*5 + perturb + 1) & mask
	}
}

// plainKeyEqual compares the stored key k with the plain str s: the
// same object, or an exact str of the same text; ok is false when k is
// not an exact str. Keys of the same hash are mostly the same text, so
// this is out of line, where the text comparison is: the keys of most
// dicts are short, and two pairs of loads compare 4 to 16 bytes for
// less than a call to memequal costs.
func plainKeyEqual(k Value, s *String) (eq, ok bool) {
	ks, isStr := k.o.(*String)
	switch {
	case !isStr:
		return false, false
	case ks == s:
		return true, true
	case ks.x != nil && ks.x.sub != nil:
		return false, false
	case len(ks.s) != len(s.s):
		return false, true
	}
	n := len(s.s)
	if n < 4 || n > 16 {
		return ks.s == s.s, true
	}
	p, q := unsafe.Pointer(unsafe.StringData(ks.s)), unsafe.Pointer(unsafe.StringData(s.s))
	if n >= 8 {
		return load64(p) == load64(q) && load64(unsafe.Add(p, n-8)) == load64(unsafe.Add(q, n-8)), true
	}
	return load32(p) == load32(q) && load32(unsafe.Add(p, n-4)) == load32(unsafe.Add(q, n-4)), true
}

// plainStr is k as a plain str (exact and ASCII, so without an extra
// part), or nil.
func plainStr(k Value) *String {
	if s, ok := k.o.(*String); ok && s.x == nil {
		return s
	}
	return nil
}
