package runtime

// This file defines set and frozenset with CPython's hash table layout
// (linear probes, then perturbation; same growth policy), so iteration
// order, and therefore printed sets, match CPython's.

// Set is a set or a frozenset.
type Set struct {
	table  []setEntry // len is a power of two
	fill   int        // active + dummy slots
	used   int        // active slots
	finger int        // where pop() looks next
	frozen bool
	typ    *Type // the set's type (SetType, FrozenSetType, or a subclass)
	sub    *subclassed
}

type setEntry struct {
	hash  int64
	key   Value
	dummy bool
}

const (
	setMinSize   = 8
	linearProbes = 9
)

// NewSet returns a set holding items.
func NewSet(th *Thread, items []Value) (*Set, error) {
	s := newEmptySet(SetType)
	for _, v := range items {
		if err := s.Add(th, v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// NewFrozenSet returns a frozenset holding items.
func NewFrozenSet(th *Thread, items []Value) (*Set, error) {
	s, err := NewSet(th, items)
	if err != nil {
		return nil, err
	}
	s.frozen, s.typ = true, FrozenSetType
	return s, nil
}

func newEmptySet(t *Type) *Set {
	return &Set{table: make([]setEntry, setMinSize), typ: t, frozen: IsSubtype(t, FrozenSetType)}
}

// Type implements Object.
func (s *Set) Type() *Type { return s.typ }

// baseType is the built-in type of s: results of set operations on
// instances of subclasses are plain sets or frozensets.
func (s *Set) baseType() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// Size returns the number of elements.
func (s *Set) Size() int { return s.used }

// Add adds v to the set.
func (s *Set) Add(th *Thread, v Value) error {
	h, err := hashKey(th, v)
	if err != nil {
		return err
	}
	return s.addEntry(th, v, h)
}

// addEntry is CPython's set_add_entry.
func (s *Set) addEntry(th *Thread, key Value, h int64) error {
restart:
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &s.table[j]
			if e.key.IsNull() && !e.dummy {
				if free >= 0 {
					s.table[free] = setEntry{hash: h, key: key}
					s.used++
					return nil
				}
				*e = setEntry{hash: h, key: key}
				s.fill++
				s.used++
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				grow := s.used * 4
				if s.used > 50000 {
					grow = s.used * 2
				}
				s.resize(grow)
				return nil
			}
			if e.dummy {
				if free < 0 {
					free = int(j)
				}
				continue
			}
			if e.hash == h {
				n := len(s.table)
				eq, err := keysEqual(th, e.key, key)
				if err != nil || eq {
					return err
				}
				if n != len(s.table) {
					goto restart
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// lookup returns the slot of key, or -1.
func (s *Set) lookup(th *Thread, key Value, h int64) (int, error) {
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &s.table[j]
			if e.key.IsNull() && !e.dummy {
				return -1, nil
			}
			if !e.dummy && e.hash == h {
				n := len(s.table)
				eq, err := keysEqual(th, e.key, key)
				if err != nil || eq {
					return int(j), err
				}
				if n != len(s.table) {
					return s.lookup(th, key, h)
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is set_table_resize: a table for more than minused entries.
func (s *Set) resize(minused int) {
	size := setMinSize
	for size <= minused {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	mask := uint64(size - 1)
	for _, e := range old {
		if !e.key.IsNull() {
			insertClean(s.table, mask, e.key, e.hash)
		}
	}
	s.fill = s.used
}

// insertClean is set_insert_clean: insert into a table without dummies
// or equal keys.
func insertClean(table []setEntry, mask uint64, key Value, h int64) {
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		if table[i].key.IsNull() {
			table[i] = setEntry{hash: h, key: key}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if table[j].key.IsNull() {
					table[j] = setEntry{hash: h, key: key}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Has reports whether v is in the set.
func (s *Set) Has(th *Thread, v Value) (bool, error) {
	h, err := hashKey(th, v)
	if err != nil {
		return false, err
	}
	i, err := s.lookup(th, v, h)
	return i >= 0, err
}

// contains is the base Contains.
func (s *Set) contains(th *Thread, v Value) (bool, error) { return s.Has(th, v) }

// Discard removes v; ok is false when it was absent.
func (s *Set) Discard(th *Thread, v Value) (bool, error) {
	h, err := hashKey(th, v)
	if err != nil {
		return false, err
	}
	return s.discardEntry(th, v, h)
}

func (s *Set) discardEntry(th *Thread, v Value, h int64) (bool, error) {
	i, err := s.lookup(th, v, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: -1, dummy: true}
	s.used--
	return true, nil
}

// Clear removes all elements.
func (s *Set) Clear() {
	s.table = make([]setEntry, setMinSize)
	s.fill, s.used, s.finger = 0, 0, 0
}

// Elems returns the elements in iteration order.
func (s *Set) Elems() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if !e.key.IsNull() {
			out = append(out, e.key)
		}
	}
	return out
}

// merge is set_merge: add every element of o.
func (s *Set) merge(th *Thread, o *Set) error {
	if o == s || o.used == 0 {
		return nil
	}
	if (s.fill+o.used)*5 >= (len(s.table)-1)*3 {
		s.resize((s.used + o.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(o.table) && o.fill == o.used {
		copy(s.table, o.table)
		s.fill, s.used = o.fill, o.used
		return nil
	}
	if s.fill == 0 {
		mask := uint64(len(s.table) - 1)
		for _, e := range o.table {
			if !e.key.IsNull() {
				insertClean(s.table, mask, e.key, e.hash)
			}
		}
		s.fill, s.used = o.used, o.used
		return nil
	}
	for _, e := range o.table {
		if !e.key.IsNull() {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// Update is set.update(other) for one iterable (CPython's
// set_update_internal, so the resulting order matches CPython's).
func (s *Set) Update(th *Thread, other Value) error { return s.update(th, other) }

// NewSetDisplay builds a set display whose elements are all constants
// and more than two, as CPython compiles it: a frozenset constant merged
// into an empty set (the table order differs from adding one by one).
func NewSetDisplay(th *Thread, items []Value) (*Set, error) {
	fs, err := NewFrozenSet(th, items)
	if err != nil {
		return nil, err
	}
	s := newEmptySet(SetType)
	return s, s.merge(th, fs)
}

func (s *Set) update(th *Thread, other Value) error {
	switch o := other.o.(type) {
	case *Set:
		return s.merge(th, o)
	case *Dict:
		if (s.fill+o.used)*5 >= (len(s.table)-1)*3 {
			s.resize((s.used + o.used) * 2)
		}
		for _, e := range o.entries {
			if !e.key.IsNull() {
				if err := s.addEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return ForEach(th, other, func(v Value) error { return s.Add(th, v) })
}

// copySet is set_copy: a new set of type t with s's elements.
func (s *Set) copySet(th *Thread, t *Type) *Set {
	c := newEmptySet(t)
	_ = c.merge(th, s)
	return c
}

// iterableSet returns other as a *Set (converting other iterables).
func iterableSet(th *Thread, other Value) (*Set, error) {
	if o, ok := other.o.(*Set); ok {
		return o, nil
	}
	s := newEmptySet(SetType)
	return s, s.update(th, other)
}

// iter is the base Iter.
func (s *Set) iter(th *Thread) (Iterator, error) { return &setIter{s: s, used: s.used}, nil }

// repr is the base Repr: {1, 2}, set(), frozenset({1}).
func (s *Set) repr(th *Thread) (string, error) {
	name := s.typ.Name
	if s.used == 0 {
		return name + "()", nil
	}
	body, err := seqRepr(th, "{", s.Elems(), "}")
	if err != nil {
		return "", err
	}
	if s.typ == SetType {
		return body, nil
	}
	return name + "(" + body + ")", nil
}

// hash is the base Hash for frozensets (CPython's frozenset_hash).
func (s *Set) hash(th *Thread) (int64, error) {
	if !s.frozen {
		return 0, Errorf(TypeError, "unhashable type: '%s'", s.typ.Name)
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range s.table {
		if !e.key.IsNull() {
			h ^= shuffle(uint64(e.hash))
		}
	}
	// CPython also xors in null and dummy slots, then cancels them out.
	h ^= uint64(s.used+1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	return int64(h), nil
}

// isSubset reports whether every element of s is in o.
func (s *Set) isSubset(th *Thread, o *Set) (bool, error) {
	if s.used > o.used {
		return false, nil
	}
	for _, e := range s.table {
		if e.key.IsNull() {
			continue
		}
		i, err := o.lookup(th, e.key, e.hash)
		if err != nil || i < 0 {
			return false, err
		}
	}
	return true, nil
}

// compare is the base Compare: subset order against another set.
func (s *Set) compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Set)
	if !ok {
		if v, isView := other.o.(*DictView); isView && v.kind != 1 {
			vs, err := v.toSet(th)
			if err != nil {
				return Value{}, err
			}
			o = vs
		} else {
			return NotImplemented, nil
		}
	}
	var r bool
	var err error
	switch op {
	case CmpEq, CmpNe:
		r = s.used == o.used
		if r {
			r, err = s.isSubset(th, o)
		}
		if op == CmpNe {
			r = !r
		}
	case CmpLe:
		r, err = s.isSubset(th, o)
	case CmpLt:
		r = s.used < o.used
		if r {
			r, err = s.isSubset(th, o)
		}
	case CmpGe:
		r, err = o.isSubset(th, s)
	case CmpGt:
		r = s.used > o.used
		if r {
			r, err = o.isSubset(th, s)
		}
	}
	return Bool(r), err
}

// binary is the base Binary: | & - ^ between sets.
func (s *Set) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	o, ok := other.o.(*Set)
	if !ok {
		return NotImplemented, nil
	}
	a, b := s, o
	if right {
		a, b = o, s
	}
	return setBinary(th, op, a, b, a.baseType())
}

// setBinary computes a op b as a new set of type t.
func setBinary(th *Thread, op BinaryOp, a, b *Set, t *Type) (Value, error) {
	var r *Set
	var err error
	switch op {
	case OpOr:
		r = a.copySet(th, t)
		err = r.merge(th, b)
	case OpAnd:
		r, err = a.intersection(th, Obj(b), t)
	case OpSub:
		r, err = a.difference(th, Obj(b), t)
	case OpXor:
		r = b.copySet(th, t)
		err = r.symmetricUpdate(th, Obj(a))
	default:
		return NotImplemented, nil
	}
	if err != nil {
		return Value{}, err
	}
	return Obj(r), nil
}

// intersection is set_intersection.
func (s *Set) intersection(th *Thread, other Value, t *Type) (*Set, error) {
	r := newEmptySet(t)
	if o, ok := other.o.(*Set); ok {
		if o == s {
			return s.copySet(th, t), nil
		}
		big, small := s, o
		if o.used > s.used {
			big, small = o, s
		}
		for _, e := range small.table {
			if e.key.IsNull() {
				continue
			}
			i, err := big.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if i >= 0 {
				if err := r.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	err := ForEach(th, other, func(v Value) error {
		h, err := hashKey(th, v)
		if err != nil {
			return err
		}
		i, err := s.lookup(th, v, h)
		if err != nil || i < 0 {
			return err
		}
		return r.addEntry(th, v, h)
	})
	return r, err
}

// difference is set_difference.
func (s *Set) difference(th *Thread, other Value, t *Type) (*Set, error) {
	o, ok := other.o.(*Set)
	if !ok || s.used>>2 > o.used {
		r := s.copySet(th, t)
		return r, r.differenceUpdate(th, other)
	}
	r := newEmptySet(t)
	for _, e := range s.table {
		if e.key.IsNull() {
			continue
		}
		i, err := o.lookup(th, e.key, e.hash)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			if err := r.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (s *Set) differenceUpdate(th *Thread, other Value) error {
	if o, ok := other.o.(*Set); ok && o == s {
		s.Clear()
		return nil
	}
	return ForEach(th, other, func(v Value) error {
		_, err := s.Discard(th, v)
		return err
	})
}

// symmetricUpdate is set_symmetric_difference_update.
func (s *Set) symmetricUpdate(th *Thread, other Value) error {
	o, ok := other.o.(*Set)
	if !ok {
		var err error
		if o, err = iterableSet(th, other); err != nil {
			return err
		}
	}
	if o == s {
		s.Clear()
		return nil
	}
	for _, e := range o.Elems() {
		h, err := hashKey(th, e)
		if err != nil {
			return err
		}
		found, err := s.discardEntry(th, e, h)
		if err != nil {
			return err
		}
		if !found {
			if err := s.addEntry(th, e, h); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Set) intersectionUpdate(th *Thread, other Value) error {
	r, err := s.intersection(th, other, s.typ)
	if err != nil {
		return err
	}
	s.table, s.fill, s.used, s.finger = r.table, r.fill, r.used, 0
	return nil
}

// inplace is the base Inplace: |= &= -= ^= on sets.
func (s *Set) inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	o, ok := other.o.(*Set)
	if s.frozen || !ok {
		return Value{}, false, nil
	}
	var err error
	switch op {
	case OpOr:
		err = s.merge(th, o)
	case OpAnd:
		err = s.intersectionUpdate(th, other)
	case OpSub:
		err = s.differenceUpdate(th, other)
	case OpXor:
		err = s.symmetricUpdate(th, other)
	default:
		return Value{}, false, nil
	}
	return Obj(s), true, err
}

// pop is set.pop.
func (s *Set) pop() (Value, error) {
	if s.used == 0 {
		return Value{}, NewException(KeyError, Str("pop from an empty set"))
	}
	i := s.finger & (len(s.table) - 1)
	for s.table[i].key.IsNull() {
		i = (i + 1) & (len(s.table) - 1)
	}
	v := s.table[i].key
	s.table[i] = setEntry{hash: -1, dummy: true}
	s.used--
	s.finger = i + 1
	return v, nil
}

// setIter iterates a set's table.
type setIter struct {
	s    *Set
	pos  int
	used int
}

// Type implements Object.
func (it *setIter) Type() *Type { return SetIterType }

// Next implements Iterator.
func (it *setIter) Next(th *Thread) (Value, bool, error) {
	s := it.s
	if s == nil {
		return Value{}, false, nil
	}
	if s.used != it.used {
		it.s = nil
		return Value{}, false, Errorf(RuntimeError, "Set changed size during iteration")
	}
	for ; it.pos < len(s.table); it.pos++ {
		if e := s.table[it.pos]; !e.key.IsNull() {
			it.pos++
			return e.key, true, nil
		}
	}
	it.s = nil
	return Value{}, false, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *setIter) Iter(th *Thread) (Iterator, error) { return it, nil }

func selfSet(v Value) *Set { return v.o.(*Set) }

// setMethodCall calls the set method name on s (used by dict views).
func setMethodCall(th *Thread, s *Set, name string, args []Value) (Value, error) {
	m, _ := SetType.Dict.GetStr(name)
	return m.o.(*BuiltinMethod).Fn(th, Obj(s), args, nil)
}

func setNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "%s() takes no keyword arguments", t.Name)
	}
	if len(args) > 1 {
		return Value{}, Errorf(TypeError, "%s expected at most 1 argument, got %d", t.Name, len(args))
	}
	if t == FrozenSetType && len(args) == 1 {
		if o, ok := args[0].o.(*Set); ok && o.typ == FrozenSetType {
			return args[0], nil
		}
	}
	s := newEmptySet(t)
	if t != SetType && t != FrozenSetType {
		s.sub = &subclassed{cls: t, dict: NewDict()}
	}
	if len(args) == 1 && (s.frozen || s.sub == nil) {
		if err := s.update(th, args[0]); err != nil {
			return Value{}, err
		}
	}
	return Obj(s), nil
}

// setArgs runs op for each argument converted to a set.
func setArgs(th *Thread, args []Value, op func(o Value) error) error {
	for _, a := range args {
		if err := op(a); err != nil {
			return err
		}
	}
	return nil
}

func setInit() {
	SetType.Dict.SetStr("__hash__", None)
	SetType.New = setNew
	FrozenSetType.New = setNew
	common := map[string]MethodFunc{
		"union": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			r := s.copySet(th, s.baseType())
			return Obj(r), setArgs(th, args, func(o Value) error { return r.update(th, o) })
		},
		"intersection": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			r := s.copySet(th, s.baseType())
			return Obj(r), setArgs(th, args, func(o Value) error { return r.intersectionUpdate(th, o) })
		},
		"difference": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			r := s.copySet(th, s.baseType())
			return Obj(r), setArgs(th, args, func(o Value) error { return r.differenceUpdate(th, o) })
		},
		"symmetric_difference": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("symmetric_difference", args, kwnames); err != nil {
				return Value{}, err
			}
			s := selfSet(self)
			o, err := iterableSet(th, args[0])
			if err != nil {
				return Value{}, err
			}
			return setBinary(th, OpXor, s, o, s.baseType())
		},
		"issubset": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("issubset", args, kwnames); err != nil {
				return Value{}, err
			}
			o, err := iterableSet(th, args[0])
			if err != nil {
				return Value{}, err
			}
			r, err := selfSet(self).isSubset(th, o)
			return Bool(r), err
		},
		"issuperset": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("issuperset", args, kwnames); err != nil {
				return Value{}, err
			}
			o, err := iterableSet(th, args[0])
			if err != nil {
				return Value{}, err
			}
			r, err := o.isSubset(th, selfSet(self))
			return Bool(r), err
		},
		"isdisjoint": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("isdisjoint", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := selfSet(self).intersection(th, args[0], SetType)
			if err != nil {
				return Value{}, err
			}
			return Bool(r.used == 0), nil
		},
		"copy": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			if s.frozen {
				return self, nil
			}
			return Obj(s.copySet(th, s.baseType())), nil
		},
		"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__contains__", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := selfSet(self).contains(th, args[0])
			return Bool(r), err
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Int(int64(selfSet(self).used)), nil
		},
	}
	FrozenSetType.SetMethods(common)
	SetType.SetMethods(common)
	SetType.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) > 1 || len(kwnames) > 0 {
				return Value{}, Errorf(TypeError, "set expected at most 1 argument, got %d", len(args))
			}
			s := selfSet(self)
			s.Clear()
			if len(args) == 1 {
				return None, s.update(th, args[0])
			}
			return None, nil
		},
		"add": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("set.add", args, kwnames); err != nil {
				return Value{}, err
			}
			return None, selfSet(self).Add(th, args[0])
		},
		"discard": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("set.discard", args, kwnames); err != nil {
				return Value{}, err
			}
			_, err := selfSet(self).Discard(th, args[0])
			return None, err
		},
		"remove": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("set.remove", args, kwnames); err != nil {
				return Value{}, err
			}
			ok, err := selfSet(self).Discard(th, args[0])
			if err == nil && !ok {
				err = NewException(KeyError, args[0])
			}
			return None, err
		},
		"pop": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := noArgs("set.pop", args, kwnames); err != nil {
				return Value{}, err
			}
			return selfSet(self).pop()
		},
		"clear": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			selfSet(self).Clear()
			return None, noArgs("set.clear", args, kwnames)
		},
		"update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			return None, setArgs(th, args, func(o Value) error { return s.update(th, o) })
		},
		"intersection_update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			return None, setArgs(th, args, func(o Value) error { return s.intersectionUpdate(th, o) })
		},
		"difference_update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := selfSet(self)
			return None, setArgs(th, args, func(o Value) error { return s.differenceUpdate(th, o) })
		},
		"symmetric_difference_update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("symmetric_difference_update", args, kwnames); err != nil {
				return Value{}, err
			}
			return None, selfSet(self).symmetricUpdate(th, args[0])
		},
	})
}
