package runtime

// This file gives the vm's inline caches positional access to dicts: a
// cache remembers where a key's entry sits and checks on each use that
// the same key object is still there.

// StrIndex returns the position of the entry of the str key s, whose
// StrHash is h, or -1 when d has no such key. The position stays valid
// while EntryValue accepts it.
func (d *Dict) StrIndex(s string, h int64) int {
	if d == nil || d.used == 0 {
		return -1
	}
	return d.findStr(s, h)
}

// EntryKey returns the key object of the entry at position i (nil when i
// is out of range or the entry was deleted).
func (d *Dict) EntryKey(i int) Object {
	if uint(i) >= uint(len(d.entries)) {
		return nil
	}
	return d.entries[i].key.o
}

// EntryValue returns the value of the entry at position i when that entry
// still holds the key object key. A dict has at most one live entry per
// key and deleted entries hold no key, so a match means v is d[key] now.
func (d *Dict) EntryValue(i int, key Object) (v Value, ok bool) {
	if uint(i) < uint(len(d.entries)) && d.entries[i].key.o == key && key != nil {
		return d.entries[i].val, true
	}
	return Value{}, false
}

// SetEntryValue stores v into the entry at position i when it still holds
// the key object key (see EntryValue); ok is false otherwise.
func (d *Dict) SetEntryValue(i int, key Object, v Value) bool {
	if uint(i) < uint(len(d.entries)) && d.entries[i].key.o == key && key != nil {
		d.entries[i].val = v
		return true
	}
	return false
}

// StrKeyHash returns the hash of a str value that is a key of str dicts:
// the cached hash of an exact str, computed once.
func StrKeyHash(v Value) int64 {
	if s, ok := v.o.(*String); ok {
		return s.cachedHash()
	}
	return 0
}

// Lookup is Get reusing the hash a str key has cached.
func (d *Dict) Lookup(th *Thread, k Value) (Value, bool, error) {
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

// Store is Set reusing the hash a str key has cached.
func (d *Dict) Store(th *Thread, k, v Value) error {
	if s := plainStr(k); s != nil {
		if e, ok := d.plainEntry(s); ok {
			if e == nil {
				d.appendEntry(k, s.cachedHash(), v)
			} else {
				e.val = v
			}
			return nil
		}
	}
	h, err := hashKey(th, k)
	if err != nil {
		return err
	}
	return d.setHashed(th, k, h, v)
}

// StrEntryValue is EntryValue for a key that is an exact str object: a
// pointer comparison, without the interface comparison's call.
func (d *Dict) StrEntryValue(i int, key *String) (v Value, ok bool) {
	if uint(i) < uint(len(d.entries)) {
		if k, isStr := d.entries[i].key.o.(*String); isStr && k == key && key != nil {
			return d.entries[i].val, true
		}
	}
	return Value{}, false
}
