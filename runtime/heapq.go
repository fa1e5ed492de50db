package runtime

// This file defines the heapq and bisect modules, with CPython's
// algorithms (so user __lt__ methods see the same comparisons).

// NewHeapqModule builds the heapq module.
func NewHeapqModule(th *Thread) *Module {
	m := NewModule("heapq")
	for name, fn := range map[string]func(*Thread, []Value, []string) (Value, error){
		"heappush": hqPush, "heappop": hqPop, "heapify": hqHeapify, "heapreplace": hqReplace,
		"heappushpop": hqPushPop, "nlargest": hqNlargest, "nsmallest": hqNsmallest, "merge": hqMerge,
	} {
		m.Dict.SetStr(name, NewBuiltin(name, fn))
	}
	return m
}

func heapArg(name string, args []Value, n int) (*List, error) {
	if len(args) != n {
		return nil, Errorf(TypeError, "%s expected %d arguments, got %d", name, n, len(args))
	}
	l, ok := args[0].o.(*List)
	if !ok {
		return nil, Errorf(TypeError, "%s() argument 1 must be list, not %s", name, args[0].Type().Name)
	}
	return l, nil
}

// siftDown is heapq._siftdown: move heap[pos] up towards startpos.
func siftDown(th *Thread, heap []Value, start, pos int) error {
	item := heap[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := Less(th, item, heap[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		heap[pos] = heap[parent]
		pos = parent
	}
	heap[pos] = item
	return nil
}

// siftUp is heapq._siftup: move the smaller child up until a leaf, then
// sift the item down into place.
func siftUp(th *Thread, heap []Value, pos int) error {
	end, start, item := len(heap), pos, heap[pos]
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			lt, err := Less(th, heap[child], heap[right])
			if err != nil {
				return err
			}
			if !lt {
				child = right
			}
		}
		heap[pos] = heap[child]
		pos = child
		child = 2*pos + 1
	}
	heap[pos] = item
	return siftDown(th, heap, start, pos)
}

func hqPush(th *Thread, args []Value, kwnames []string) (Value, error) {
	l, err := heapArg("heappush", args, 2)
	if err != nil {
		return Value{}, err
	}
	l.Items = append(l.Items, args[1])
	return None, siftDown(th, l.Items, 0, len(l.Items)-1)
}

func hqPop(th *Thread, args []Value, kwnames []string) (Value, error) {
	l, err := heapArg("heappop", args, 1)
	if err != nil {
		return Value{}, err
	}
	if len(l.Items) == 0 {
		return Value{}, Errorf(IndexError, "index out of range")
	}
	last := l.Items[len(l.Items)-1]
	l.Items = l.Items[:len(l.Items)-1]
	if len(l.Items) == 0 {
		return last, nil
	}
	top := l.Items[0]
	l.Items[0] = last
	return top, siftUp(th, l.Items, 0)
}

func hqHeapify(th *Thread, args []Value, kwnames []string) (Value, error) {
	l, err := heapArg("heapify", args, 1)
	if err != nil {
		return Value{}, err
	}
	for i := len(l.Items)/2 - 1; i >= 0; i-- {
		if err := siftUp(th, l.Items, i); err != nil {
			return Value{}, err
		}
	}
	return None, nil
}

func hqReplace(th *Thread, args []Value, kwnames []string) (Value, error) {
	l, err := heapArg("heapreplace", args, 2)
	if err != nil {
		return Value{}, err
	}
	if len(l.Items) == 0 {
		return Value{}, Errorf(IndexError, "index out of range")
	}
	top := l.Items[0]
	l.Items[0] = args[1]
	return top, siftUp(th, l.Items, 0)
}

func hqPushPop(th *Thread, args []Value, kwnames []string) (Value, error) {
	l, err := heapArg("heappushpop", args, 2)
	if err != nil {
		return Value{}, err
	}
	item := args[1]
	if len(l.Items) == 0 {
		return item, nil
	}
	lt, err := Less(th, l.Items[0], item)
	if err != nil || !lt {
		return item, err
	}
	item, l.Items[0] = l.Items[0], item
	return item, siftUp(th, l.Items, 0)
}

// nBest is nsmallest/nlargest: the first n of sorted(iterable, key=key,
// reverse=…), which CPython's algorithms equal.
func nBest(th *Thread, name string, args []Value, kwnames []string, reverse bool) (Value, error) {
	var n int
	var src Value
	key := Value(None)
	if err := UnpackArgs(name, args, kwnames, "n", &n, "iterable", &src, "key?", &key); err != nil {
		return Value{}, err
	}
	items, err := ToSlice(th, src)
	if err != nil {
		return Value{}, err
	}
	if err := SortValues(th, items, key, reverse); err != nil {
		return Value{}, err
	}
	return Obj(NewList(items[:max(0, min(n, len(items)))])), nil
}

func hqNlargest(th *Thread, args []Value, kwnames []string) (Value, error) {
	return nBest(th, "nlargest", args, kwnames, true)
}

func hqNsmallest(th *Thread, args []Value, kwnames []string) (Value, error) {
	return nBest(th, "nsmallest", args, kwnames, false)
}

// hqMerge is heapq.merge for sorted inputs: a stable sort of their
// concatenation gives the same sequence.
func hqMerge(th *Thread, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	key, reverse := Value(None), false
	for i, k := range kwnames {
		switch k {
		case "key":
			key = args[npos+i]
		case "reverse":
			t, err := Truth(th, args[npos+i])
			if err != nil {
				return Value{}, err
			}
			reverse = t
		default:
			return Value{}, Errorf(TypeError, "merge() got an unexpected keyword argument '%s'", k)
		}
	}
	var all []Value
	for _, a := range args[:npos] {
		items, err := ToSlice(th, a)
		if err != nil {
			return Value{}, err
		}
		all = append(all, items...)
	}
	if err := SortValues(th, all, key, reverse); err != nil {
		return Value{}, err
	}
	return Obj(&tupleIter{items: all}), nil
}

// NewBisectModule builds the bisect module.
func NewBisectModule(th *Thread) *Module {
	m := NewModule("bisect")
	for name, fn := range map[string]func(*Thread, []Value, []string) (Value, error){
		"bisect_left":  bisectFn("bisect_left", false, false),
		"bisect_right": bisectFn("bisect_right", true, false),
		"bisect":       bisectFn("bisect", true, false),
		"insort_left":  bisectFn("insort_left", false, true),
		"insort_right": bisectFn("insort_right", true, true),
		"insort":       bisectFn("insort", true, true),
	} {
		m.Dict.SetStr(name, NewBuiltin(name, fn))
	}
	return m
}

func bisectFn(name string, right, insert bool) func(*Thread, []Value, []string) (Value, error) {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		var a, x Value
		lo, hi := int64(0), int64(-1)
		key := Value(None)
		if err := UnpackArgs(name, args, kwnames, "a", &a, "x", &x, "lo?", &lo, "hi?", &hi, "key?", &key); err != nil {
			return Value{}, err
		}
		if lo < 0 {
			return Value{}, Errorf(ValueError, "lo must be non-negative")
		}
		if hi < 0 {
			n, err := Len(th, a)
			if err != nil {
				return Value{}, err
			}
			hi = int64(n)
		}
		kx := x // bisect compares key(a[i]) with x itself, insort with key(x)
		if insert && !key.IsNone() {
			var err error
			if kx, err = Call(th, key, []Value{x}, nil); err != nil {
				return Value{}, err
			}
		}
		for lo < hi {
			mid := (lo + hi) / 2
			v, err := GetItem(th, a, Int(mid))
			if err != nil {
				return Value{}, err
			}
			if !key.IsNone() {
				if v, err = Call(th, key, []Value{v}, nil); err != nil {
					return Value{}, err
				}
			}
			var lt bool
			if right {
				lt, err = Less(th, kx, v)
				if err == nil && lt {
					hi = mid
				} else {
					lo = mid + 1
				}
			} else {
				lt, err = Less(th, v, kx)
				if err == nil && lt {
					lo = mid + 1
				} else {
					hi = mid
				}
			}
			if err != nil {
				return Value{}, err
			}
		}
		if !insert {
			return Int(lo), nil
		}
		_, err := CallMethod(th, a, "insert", Int(lo), x)
		return None, err
	}
}
