package runtime

// This file defines dict's Python behaviour: operators, methods and the
// keys/values/items views.

import "strings"

// contains is the base Contains.
func (d *Dict) contains(th *Thread, k Value) (bool, error) {
	_, ok, err := d.Get(th, k)
	return ok, err
}

// getItem is the base GetItem: KeyError(k) when missing.
func (d *Dict) getItem(th *Thread, k Value) (Value, error) {
	v, ok, err := d.Get(th, k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		if r, ok, err := d.sub.call(th, Obj(d), "__missing__", k); ok {
			return r, err
		}
		return Value{}, NewException(KeyError, k)
	}
	return v, nil
}

// setItem is the base SetItem.
func (d *Dict) setItem(th *Thread, k, v Value) error { return d.Set(th, k, v) }

// delItem is the base DelItem.
func (d *Dict) delItem(th *Thread, k Value) error {
	ok, err := d.Delete(th, k)
	if err != nil {
		return err
	}
	if !ok {
		return NewException(KeyError, k)
	}
	return nil
}

// repr is the base Repr: {'a': 1}, {...} when recursive.
func (d *Dict) repr(th *Thread) (string, error) {
	if d.inRepr {
		return "{...}", nil
	}
	if err := th.enter(inRepr); err != nil {
		return "", err
	}
	d.inRepr = true
	defer func() { d.inRepr = false; th.leave() }()
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.key.IsNull() {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(th, e.key)
		if err != nil {
			return "", err
		}
		v, err := Repr(th, e.val)
		if err != nil {
			return "", err
		}
		b.WriteString(k + ": " + v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// compare is the base Compare: == and != only.
func (d *Dict) compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Dict)
	if !ok || (op != CmpEq && op != CmpNe) {
		return NotImplemented, nil
	}
	eq, err := d.equal(th, o)
	return Bool(eq == (op == CmpEq)), err
}

func (d *Dict) equal(th *Thread, o *Dict) (bool, error) {
	if d.used != o.used {
		return false, nil
	}
	for _, kv := range d.Items() {
		v, ok, err := o.Get(th, kv[0])
		if err != nil || !ok {
			return false, err
		}
		if eq, err := Equal(th, kv[1], v); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// binary is the base Binary: d | other (a merged copy).
func (d *Dict) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	o, ok := other.o.(*Dict)
	if op != OpOr || !ok {
		return NotImplemented, nil
	}
	a, b := d, o
	if right {
		a, b = o, d
	}
	c := a.Copy()
	if err := c.Update(th, Obj(b)); err != nil {
		return Value{}, err
	}
	return Obj(c), nil
}

// inplace is the base Inplace: d |= other updates d.
func (d *Dict) inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if op != OpOr {
		return Value{}, false, nil
	}
	return Obj(d), true, d.Update(th, other)
}

// Update is dict.update(other) for a mapping or an iterable of pairs.
func (d *Dict) Update(th *Thread, other Value) error {
	if mp, ok := other.o.(*MappingProxy); ok {
		other = Obj(mp.d)
	}
	switch o := other.o.(type) {
	case *Dict:
		for _, e := range o.entries {
			if !e.key.IsNull() {
				if err := d.setHashed(th, e.key, e.hash, e.val); err != nil {
					return err
				}
			}
		}
		return nil
	default:
		// CPython treats any object with a keys attribute as a mapping.
		if _, ok := other.Type().Lookup("keys"); ok {
			return d.updateMapping(th, other)
		}
	}
	i := 0
	return ForEach(th, other, func(item Value) error {
		pair, err := ToSlice(th, item)
		if err != nil {
			return Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(pair) != 2 {
			return Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		i++
		return d.Set(th, pair[0], pair[1])
	})
}

// updateMapping adds other[k] for each k in other.keys().
func (d *Dict) updateMapping(th *Thread, other Value) error {
	keys, err := CallMethod(th, other, "keys")
	if err != nil {
		return err
	}
	return ForEach(th, keys, func(k Value) error {
		v, err := GetItem(th, other, k)
		if err != nil {
			return err
		}
		return d.Set(th, k, v)
	})
}

// updateKw adds keyword arguments to d.
func (d *Dict) updateKw(args []Value, kwnames []string) {
	kw := args[len(args)-len(kwnames):]
	for i, k := range kwnames {
		d.SetStr(k, kw[i])
	}
}

func selfDict(v Value) *Dict { return v.o.(*Dict) }

func dictInit() {
	DictType.Dict.SetStr("__hash__", None)
	DictType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if t != DictType {
			return Obj(&Dict{sub: newSub(t, DictType)}), nil // __init__ fills it
		}
		d := NewDict()
		npos := len(args) - len(kwnames)
		if npos > 1 {
			return Value{}, Errorf(TypeError, "dict expected at most 1 argument, got %d", npos)
		}
		if npos == 1 {
			if err := d.Update(th, args[0]); err != nil {
				return Value{}, err
			}
		}
		d.updateKw(args, kwnames)
		return Obj(d), nil
	}
	DictType.SetMethods(dictMethods)
	DictType.Dict.SetStr("fromkeys", Obj(&ClassMethod{Fn: NewBuiltin("fromkeys", dictFromKeys)}))
	for _, t := range []*Type{DictKeysType, DictValuesType, DictItemsType} {
		t.SetMethods(map[string]MethodFunc{
			"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				return Int(int64(self.o.(*DictView).d.used)), nil
			},
			"__reversed__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				v := self.o.(*DictView)
				return Obj(newDictRevIter(v.d, v.kind)), nil
			},
		})
	}
	DictKeysType.SetMethods(map[string]MethodFunc{
		"isdisjoint": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("isdisjoint", args, kwnames); err != nil {
				return Value{}, err
			}
			s, err := self.o.(*DictView).toSet(th)
			if err != nil {
				return Value{}, err
			}
			return setMethodCall(th, s, "isdisjoint", args)
		},
	})
}

func dictFromKeys(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "fromkeys() takes no keyword arguments")
	}
	switch {
	case len(args) < 2:
		return Value{}, Errorf(TypeError, "fromkeys expected at least 1 argument, got 0")
	case len(args) > 3:
		return Value{}, Errorf(TypeError, "fromkeys expected at most 2 arguments, got %d", len(args)-1)
	}
	cls, keys, val := args[0], args[1], None
	if len(args) == 3 {
		val = args[2]
	}
	r, err := Call(th, cls, nil, nil)
	if err != nil {
		return Value{}, err
	}
	return r, ForEach(th, keys, func(k Value) error { return SetItem(th, r, k, val) })
}

var dictMethods = map[string]MethodFunc{
	"get": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) < 1 || len(args) > 2 || len(kwnames) > 0 {
			if len(args) > 2 {
				return Value{}, Errorf(TypeError, "get expected at most 2 arguments, got %d", len(args))
			}
			return Value{}, Errorf(TypeError, "get expected at least 1 argument, got %d", len(args))
		}
		v, ok, err := selfDict(self).Get(th, args[0])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return None, nil
	},
	"setdefault": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) < 1 || len(args) > 2 || len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "setdefault expected at least 1 argument, got %d", len(args))
		}
		d := selfDict(self)
		v, ok, err := d.Get(th, args[0])
		if err != nil || ok {
			return v, err
		}
		def := None
		if len(args) == 2 {
			def = args[1]
		}
		return def, d.Set(th, args[0], def)
	},
	"pop": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) < 1 || len(args) > 2 || len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "pop expected at least 1 argument, got %d", len(args))
		}
		d := selfDict(self)
		v, ok, err := d.Get(th, args[0])
		if err != nil {
			return Value{}, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return Value{}, NewException(KeyError, args[0])
		}
		_, err = d.Delete(th, args[0])
		return v, err
	},
	"popitem": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := noArgs("dict.popitem", args, kwnames); err != nil {
			return Value{}, err
		}
		d := selfDict(self)
		for i := len(d.entries) - 1; i >= 0; i-- {
			if e := d.entries[i]; !e.key.IsNull() {
				d.deleteAt(i)
				return Obj(NewTuple([]Value{e.key, e.val})), nil
			}
		}
		return Value{}, NewException(KeyError, Str("popitem(): dictionary is empty"))
	},
	"update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		d := selfDict(self)
		npos := len(args) - len(kwnames)
		if npos > 1 {
			return Value{}, Errorf(TypeError, "update expected at most 1 argument, got %d", npos)
		}
		if npos == 1 {
			if err := d.Update(th, args[0]); err != nil {
				return Value{}, err
			}
		}
		d.updateKw(args, kwnames)
		return None, nil
	},
	"keys": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(&DictView{d: selfDict(self), kind: 0}), noArgs("dict.keys", args, kwnames)
	},
	"values": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(&DictView{d: selfDict(self), kind: 1}), noArgs("dict.values", args, kwnames)
	},
	"items": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(&DictView{d: selfDict(self), kind: 2}), noArgs("dict.items", args, kwnames)
	},
	"copy": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(selfDict(self).Copy()), noArgs("dict.copy", args, kwnames)
	},
	"clear": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		selfDict(self).Clear()
		return None, noArgs("dict.clear", args, kwnames)
	},
	"__reversed__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(newDictRevIter(selfDict(self), 0)), nil
	},
	"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		d := selfDict(self)
		npos := len(args) - len(kwnames)
		if npos > 1 {
			return Value{}, Errorf(TypeError, "dict expected at most 1 argument, got %d", npos)
		}
		if npos == 1 {
			if err := d.Update(th, args[0]); err != nil {
				return Value{}, err
			}
		}
		d.updateKw(args, kwnames)
		return None, nil
	},
	"__setitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) != 2 {
			return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
		}
		return None, selfDict(self).setItem(th, args[0], args[1])
	},
	"__delitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__delitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, selfDict(self).delItem(th, args[0])
	},
	"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		s, err := selfDict(self).repr(th)
		return Str(s), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(newDictIter(selfDict(self), 0)), nil
	},
	"__eq__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__eq__", args, kwnames); err != nil {
			return Value{}, err
		}
		return selfDict(self).compare(th, CmpEq, args[0])
	},
	"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return selfDict(self).getItem(th, args[0])
	},
	"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__contains__", args, kwnames); err != nil {
			return Value{}, err
		}
		ok, err := selfDict(self).contains(th, args[0])
		return Bool(ok), err
	},
	"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Int(int64(selfDict(self).used)), nil
	},
}

// Dict view types.
var (
	DictKeysType    = newFinalType("dict_keys", nil)
	DictValuesType  = newFinalType("dict_values", nil)
	DictItemsType   = newFinalType("dict_items", nil)
	DictRevIterType = newFinalType("dict_reversekeyiterator", nil)
)

// DictView is dict.keys(), dict.values() or dict.items(): a live view.
type DictView struct {
	d    *Dict
	kind int // 0 keys, 1 values, 2 items
}

// Type implements Object.
func (v *DictView) Type() *Type {
	switch v.kind {
	case 1:
		return DictValuesType
	case 2:
		return DictItemsType
	}
	return DictKeysType
}

// Len implements HasLen.
func (v *DictView) Len(th *Thread) (int, error) { return v.d.used, nil }

// iter is the base Iter.
func (v *DictView) Iter(th *Thread) (Iterator, error) { return newDictIter(v.d, v.kind), nil }

// items returns the view's elements as values.
func (v *DictView) items() []Value {
	switch v.kind {
	case 1:
		return v.d.Values()
	case 2:
		kvs := v.d.Items()
		out := make([]Value, len(kvs))
		for i, kv := range kvs {
			out[i] = Obj(NewTuple([]Value{kv[0], kv[1]}))
		}
		return out
	}
	return v.d.Keys()
}

// repr is the base Repr: dict_keys(['a']).
func (v *DictView) Repr(th *Thread) (string, error) {
	if v.d.inRepr {
		return v.Type().Name + "(...)", nil
	}
	v.d.inRepr = true
	defer func() { v.d.inRepr = false }()
	s, err := seqRepr(th, "[", v.items(), "]")
	return v.Type().Name + "(" + s + ")", err
}

// contains is the base Contains.
func (v *DictView) Contains(th *Thread, x Value) (bool, error) {
	switch v.kind {
	case 0:
		return v.d.Contains(th, x)
	case 2:
		t, ok := x.o.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return false, nil
		}
		val, ok, err := v.d.Get(th, t.Items[0])
		if err != nil || !ok {
			return false, err
		}
		return Equal(th, val, t.Items[1])
	}
	return seqContains(th, v.d.Values(), x)
}

// toSet returns the view's elements as a set (keys and items views).
func (v *DictView) toSet(th *Thread) (*Set, error) { return NewSet(th, v.items()) }

// binary is the base Binary: set operations on keys and items views.
func (v *DictView) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if v.kind == 1 {
		return NotImplemented, nil
	}
	switch op {
	case OpOr, OpAnd, OpSub, OpXor:
	default:
		return NotImplemented, nil
	}
	s, err := v.toSet(th)
	if err != nil {
		return Value{}, err
	}
	o, err := iterableSet(th, other)
	if err != nil {
		return Value{}, err
	}
	if right {
		s, o = o, s
	}
	return setBinary(th, op, s, o, SetType)
}

// compare is the base Compare: keys and items views compare as sets.
func (v *DictView) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if v.kind == 1 {
		return NotImplemented, nil
	}
	s, err := v.toSet(th)
	if err != nil {
		return Value{}, err
	}
	switch o := other.o.(type) {
	case *DictView:
		if o.kind == 1 {
			return NotImplemented, nil
		}
		os, err := o.toSet(th)
		if err != nil {
			return Value{}, err
		}
		return s.Compare(th, op, Obj(os))
	case *Set:
		return s.Compare(th, op, other)
	}
	return NotImplemented, nil
}

// dictRevIter is reversed(dict) and reversed(view).
type dictRevIter struct {
	d    *Dict
	pos  int
	used int
	kind int // as DictView.kind
}

func newDictRevIter(d *Dict, kind int) *dictRevIter {
	return &dictRevIter{d: d, pos: len(d.entries) - 1, used: d.used, kind: kind}
}

// Type implements Object.
func (it *dictRevIter) Type() *Type { return DictRevIterType }

// Next implements Iterator.
func (it *dictRevIter) Next(th *Thread) (Value, bool, error) {
	if it.d == nil {
		return Value{}, false, nil
	}
	if it.d.used != it.used {
		it.d = nil
		return Value{}, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	for ; it.pos >= 0 && it.pos < len(it.d.entries); it.pos-- {
		if e := it.d.entries[it.pos]; !e.key.IsNull() {
			it.pos--
			switch it.kind {
			case 1:
				return e.val, true, nil
			case 2:
				return Obj(NewTuple([]Value{e.key, e.val})), true, nil
			}
			return e.key, true, nil
		}
	}
	it.d = nil
	return Value{}, false, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *dictRevIter) Iter(th *Thread) (Iterator, error) { return it, nil }
