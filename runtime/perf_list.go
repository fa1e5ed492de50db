package runtime

// This file builds lists whose length is known up front (the results of
// split and of slicing) with the List and its items in one allocation
// while they are short.

// Lists with room for their items in the same object. A list that grows
// past its room moves its items out and leaves the room unused.
type (
	listIn4 struct {
		l List
		a [4]Value
	}
	listIn8 struct {
		l List
		a [8]Value
	}
	listIn16 struct {
		l List
		a [16]Value
	}
)

// newListLen returns a list of n zero items for the caller to fill, and
// those items.
func newListLen(n int) (*List, []Value) {
	var l *List
	switch {
	case n <= 4:
		p := new(listIn4)
		p.l.Items = p.a[:n]
		l = &p.l
	case n <= 8:
		p := new(listIn8)
		p.l.Items = p.a[:n]
		l = &p.l
	case n <= 16:
		p := new(listIn16)
		p.l.Items = p.a[:n]
		l = &p.l
	default:
		l = &List{Items: make([]Value, n)}
	}
	return l, l.Items
}

// sliceList is items[s] as a new list.
func sliceList(th *Thread, items []Value, s *Slice) (Value, error) {
	start, _, step, n, err := s.Indices(th, len(items))
	if err != nil {
		return Value{}, err
	}
	l, out := newListLen(n)
	if step == 1 {
		copy(out, items[start:start+n])
		return Obj(l), nil
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = items[j]
	}
	return Obj(l), nil
}
