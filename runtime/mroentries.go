package runtime

// updateBases is PEP 560's step of the class statement: a base that is not
// a class but has __mro_entries__ is replaced by what that method returns
// for the original bases (how typing.Generic[T] and friends become bases).
// When any base was replaced, the namespace records the original bases as
// __orig_bases__.
func updateBases(th *Thread, bases []Value, ns *Dict) ([]Value, error) {
	var out []Value
	for i, b := range bases {
		if _, isType := b.o.(*Type); isType {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		entries, err := lookupMROEntries(th, b)
		if err != nil {
			return nil, err
		}
		if entries.o == nil {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append([]Value(nil), bases[:i]...)
		}
		orig := NewTuple(append([]Value(nil), bases...))
		r, err := Call(th, entries, []Value{Obj(orig)}, nil)
		if err != nil {
			return nil, err
		}
		t, ok := r.o.(*Tuple)
		if !ok {
			return nil, Errorf(TypeError, "__mro_entries__ must return a tuple")
		}
		out = append(out, t.Items...)
	}
	if out == nil {
		return bases, nil
	}
	ns.SetStr("__orig_bases__", Obj(NewTuple(append([]Value(nil), bases...))))
	return out, nil
}

// lookupMROEntries returns b's __mro_entries__ (an ordinary attribute
// lookup, as CPython does, so a function can carry one), or a zero Value
// when b has none.
func lookupMROEntries(th *Thread, b Value) (Value, error) {
	v, err := GetAttr(th, b, "__mro_entries__")
	if e, ok := err.(*Exception); ok && e.Matches(AttributeError) {
		return Value{}, nil
	}
	return v, err
}
