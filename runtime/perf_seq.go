package runtime

// This file lets the vm recognize exact built-in containers (not
// instances of subclasses, whose dunders may be overridden) for its
// inline fast paths.

// ExactList returns v's list when v is a list and not a subclass instance.
func ExactList(v Value) *List {
	if l, ok := v.o.(*List); ok && l.sub == nil {
		return l
	}
	return nil
}

// ExactTuple returns v's tuple when v is a tuple and not a subclass instance.
func ExactTuple(v Value) *Tuple {
	if t, ok := v.o.(*Tuple); ok && t.sub == nil {
		return t
	}
	return nil
}

// ExactDict returns v's dict when v is a dict and not a subclass instance.
func ExactDict(v Value) *Dict {
	if d, ok := v.o.(*Dict); ok && d.sub == nil {
		return d
	}
	return nil
}

// Ref returns v's object word as it is: the heap object, or an internal
// tag for inline values. It is for type assertions to concrete heap types
// in the vm's hot paths, which no tag satisfies; Object is the checked form.
func (v Value) Ref() Object { return v.o }
