package runtime

// This file defines the itertools module: lazy iterators in Go with
// CPython's results and orders.

import "fmt"

// goIter is an iterator written in Go.
type goIter struct {
	typ  *Type
	next func(th *Thread) (Value, bool, error)
	repr func(th *Thread) (string, error)
}

// Type implements Object.
func (g *goIter) Type() *Type { return g.typ }

// Next implements Iterator.
func (g *goIter) Next(th *Thread) (Value, bool, error) { return g.next(th) }

// Iter implements Iterable (an iterator is its own).
func (g *goIter) Iter(th *Thread) (Iterator, error) { return g, nil }

// Repr implements HasRepr.
func (g *goIter) Repr(th *Thread) (string, error) {
	if g.repr != nil {
		return g.repr(th)
	}
	return defaultRepr(Obj(g)), nil
}

func iterType(name string, ctor NewFunc) *Type {
	t := newFinalType("itertools."+name, nil)
	t.New = ctor
	t.SetMethods(iterMethods)
	return t
}

// done is the result of an exhausted iterator.
func done() (Value, bool, error) { return Value{}, false, nil }

// NewItertoolsModule builds the itertools module.
func NewItertoolsModule(th *Thread) *Module {
	m := NewModule("itertools")
	types := map[string]NewFunc{
		"count": itCount, "cycle": itCycle, "repeat": itRepeat, "chain": itChain, "islice": itIslice,
		"product": itProduct, "permutations": itPermutations, "combinations": itCombinations,
		"combinations_with_replacement": itCombinationsWR, "accumulate": itAccumulate, "groupby": itGroupby,
		"zip_longest": itZipLongest, "starmap": itStarmap, "takewhile": itTakewhile, "dropwhile": itDropwhile,
		"filterfalse": itFilterfalse, "compress": itCompress, "pairwise": itPairwise,
		"batched": itBatched,
	}
	for name, ctor := range types {
		t := iterType(name, ctor)
		if name == "chain" {
			t.Dict.SetStr("from_iterable", Obj(&ClassMethod{Fn: NewBuiltin("from_iterable",
				func(th *Thread, args []Value, kwnames []string) (Value, error) {
					if len(args) != 2 {
						return Value{}, Errorf(TypeError, "from_iterable() takes exactly one argument (%d given)", len(args)-1)
					}
					outer, err := Iter(th, args[1])
					if err != nil {
						return Value{}, err
					}
					return chainOf(t, outer), nil
				})}))
		}
		m.Dict.SetStr(name, Obj(t))
	}
	m.Dict.SetStr("tee", NewBuiltin("tee", itTee))
	return m
}

func itCount(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	start, step := Int(0), Int(1)
	if err := UnpackArgs("count", args, kwnames, "start?", &start, "step?", &step); err != nil {
		return Value{}, err
	}
	cur := start
	g := &goIter{typ: t}
	g.next = func(th *Thread) (Value, bool, error) {
		v := cur
		n, err := Binary(th, OpAdd, cur, step)
		if err != nil {
			return Value{}, false, err
		}
		cur = n
		return v, true, nil
	}
	g.repr = func(th *Thread) (string, error) {
		c, err := Repr(th, cur)
		if err != nil {
			return "", err
		}
		if step.IsInt() && step.AsInt() == 1 {
			return "count(" + c + ")", nil
		}
		s, err := Repr(th, step)
		return "count(" + c + ", " + s + ")", err
	}
	return Obj(g), nil
}

func itCycle(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src Value
	if err := UnpackArgs("cycle", args, kwnames, "iterable", &src); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	var saved []Value
	i := -1
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if i < 0 {
			v, ok, err := it.Next(th)
			if err != nil {
				return Value{}, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, nil
			}
			if len(saved) == 0 {
				return done()
			}
			i = 0
		}
		v := saved[i]
		i = (i + 1) % len(saved)
		return v, true, nil
	}}), nil
}

func itRepeat(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var obj Value
	times := int64(-1)
	if err := UnpackArgs("repeat", args, kwnames, "object", &obj, "times?", &times); err != nil {
		return Value{}, err
	}
	left := max(times, -1)
	if times < -1 {
		left = 0
	}
	g := &goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if left == 0 {
			return done()
		}
		if left > 0 {
			left--
		}
		return obj, true, nil
	}}
	g.repr = func(th *Thread) (string, error) {
		r, err := Repr(th, obj)
		if left < 0 {
			return "repeat(" + r + ")", err
		}
		return fmt.Sprintf("repeat(%s, %d)", r, left), err
	}
	return Obj(g), nil
}

// chainOf chains the iterables that outer yields.
func chainOf(t *Type, outer Iterator) Value {
	var cur Iterator
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		for {
			if cur == nil {
				src, ok, err := outer.Next(th)
				if err != nil || !ok {
					return Value{}, false, err
				}
				if cur, err = Iter(th, src); err != nil {
					return Value{}, false, err
				}
			}
			v, ok, err := cur.Next(th)
			if err != nil || ok {
				return v, ok, err
			}
			cur = nil
		}
	}})
}

func itChain(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "chain() takes no keyword arguments")
	}
	return chainOf(t, &tupleIter{items: append([]Value(nil), args...)}), nil
}

func isliceArg(th *Thread, v Value, what string) (int64, error) {
	if v.IsNone() {
		return -1, nil
	}
	n, err := indexOf(th, v)
	if err != nil || n < 0 {
		return 0, Errorf(ValueError, "%s for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what)
	}
	return n, nil
}

func itIslice(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "islice() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 4 {
		return Value{}, Errorf(TypeError, "islice expected at most 4 arguments, got %d", len(args))
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	start, stop, step := int64(0), int64(-1), int64(1)
	if len(args) == 2 {
		if stop, err = isliceArg(th, args[1], "Stop argument"); err != nil {
			return Value{}, err
		}
	} else {
		if start, err = isliceArg(th, args[1], "Indices"); err != nil {
			return Value{}, err
		}
		start = max(start, 0)
		if stop, err = isliceArg(th, args[2], "Stop argument"); err != nil {
			return Value{}, err
		}
		if len(args) == 4 && !args[3].IsNone() {
			if step, err = isliceArg(th, args[3], "Step"); err != nil || step == 0 {
				return Value{}, Errorf(ValueError, "Step for islice() must be a positive integer or None.")
			}
		}
	}
	pos, next := int64(0), start
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		for {
			if stop >= 0 && next >= stop {
				return done()
			}
			v, ok, err := it.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			pos++
			if pos-1 == next {
				next += step
				return v, true, nil
			}
		}
	}}), nil
}

// pools materializes the iterables of product, zip_longest, ….
func pools(th *Thread, args []Value) ([][]Value, error) {
	out := make([][]Value, len(args))
	for i, a := range args {
		items, err := ToSlice(th, a)
		if err != nil {
			return nil, err
		}
		out[i] = items
	}
	return out, nil
}

func itProduct(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	repeat := int64(1)
	for i, k := range kwnames {
		if k != "repeat" {
			return Value{}, Errorf(TypeError, "product() got an unexpected keyword argument '%s'", k)
		}
		n, err := indexOf(th, args[npos+i])
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, Errorf(ValueError, "repeat argument cannot be negative")
		}
		repeat = n
	}
	ps, err := pools(th, args[:npos])
	if err != nil {
		return Value{}, err
	}
	var all [][]Value
	for r := int64(0); r < repeat; r++ {
		all = append(all, ps...)
	}
	idx := make([]int, len(all))
	first, exhausted := true, false
	for _, p := range all {
		if len(p) == 0 {
			exhausted = true
		}
	}
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if exhausted {
			return done()
		}
		if !first {
			i := len(all) - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(all[i]) {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				exhausted = true
				return done()
			}
		}
		first = false
		out := make([]Value, len(all))
		for i, p := range all {
			out[i] = p[idx[i]]
		}
		return Obj(NewTuple(out)), true, nil
	}}), nil
}

// rArg reads the r argument of permutations and combinations.
func rArg(th *Thread, name string, args []Value, kwnames []string, required bool) ([]Value, int, error) {
	var src, r Value
	spec := "r?"
	if required {
		spec = "r"
	}
	if err := UnpackArgs(name, args, kwnames, "iterable", &src, spec, &r); err != nil {
		return nil, 0, err
	}
	pool, err := ToSlice(th, src)
	if err != nil {
		return nil, 0, err
	}
	n := len(pool)
	if !r.IsNull() && !r.IsNone() {
		k, err := indexOf(th, r)
		if err != nil {
			return nil, 0, err
		}
		if k < 0 {
			return nil, 0, Errorf(ValueError, "r must be non-negative")
		}
		n = int(k)
	}
	return pool, n, nil
}

func pick(pool []Value, idx []int) Value {
	out := make([]Value, len(idx))
	for i, j := range idx {
		out[i] = pool[j]
	}
	return Obj(NewTuple(out))
}

func itPermutations(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	pool, r, err := rArg(th, "permutations", args, kwnames, false)
	if err != nil {
		return Value{}, err
	}
	n := len(pool)
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first, over := true, r > n
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if over {
			return done()
		}
		if first {
			first = false
			return pick(pool, indices[:r]), true, nil
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				moved := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = moved
				cycles[i] = n - i
				continue
			}
			j := n - cycles[i]
			indices[i], indices[j] = indices[j], indices[i]
			return pick(pool, indices[:r]), true, nil
		}
		over = true
		return done()
	}}), nil
}

func combinationsIter(t *Type, pool []Value, r int, repl bool) Value {
	n := len(pool)
	indices := make([]int, r)
	if !repl {
		for i := range indices {
			indices[i] = i
		}
	}
	first := true
	over := !repl && r > n || repl && n == 0 && r > 0
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if over {
			return done()
		}
		if first {
			first = false
			return pick(pool, indices), true, nil
		}
		i := r - 1
		if repl {
			for ; i >= 0 && indices[i] == n-1; i-- {
			}
		} else {
			for ; i >= 0 && indices[i] == i+n-r; i-- {
			}
		}
		if i < 0 {
			over = true
			return done()
		}
		indices[i]++
		for j := i + 1; j < r; j++ {
			if repl {
				indices[j] = indices[i]
			} else {
				indices[j] = indices[j-1] + 1
			}
		}
		return pick(pool, indices), true, nil
	}})
}

func itCombinations(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	pool, r, err := rArg(th, "combinations", args, kwnames, true)
	if err != nil {
		return Value{}, err
	}
	return combinationsIter(t, pool, r, false), nil
}

func itCombinationsWR(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	pool, r, err := rArg(th, "combinations_with_replacement", args, kwnames, true)
	if err != nil {
		return Value{}, err
	}
	return combinationsIter(t, pool, r, true), nil
}

func itAccumulate(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src, fn, initial Value
	if err := UnpackArgs("accumulate", args, kwnames, "iterable", &src, "func?", &fn, "initial?", &initial); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	var total Value
	started := false
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if !started && !initial.IsNull() && !initial.IsNone() {
			started, total = true, initial
			return total, true, nil
		}
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		if !started {
			started, total = true, v
			return v, true, nil
		}
		if fn.IsNull() || fn.IsNone() {
			total, err = Binary(th, OpAdd, total, v)
		} else {
			total, err = Call(th, fn, []Value{total, v}, nil)
		}
		return total, err == nil, err
	}}), nil
}

// groupby shares one source between the groupby object and its
// groupers, as CPython's: a zero key is the "no key yet" sentinel.
type groupby struct {
	it                     Iterator
	key                    Value
	curKey, curVal, tgtKey Value
	exhausted              bool
	id                     int // the grouper that may still read
}

func (g *groupby) keyOf(th *Thread, v Value) (Value, error) {
	if g.key.IsNull() || g.key.IsNone() {
		return v, nil
	}
	return Call(th, g.key, []Value{v}, nil)
}

// same is currkey == tgtkey with the sentinel.
func (g *groupby) same(th *Thread, tgt Value) (bool, error) {
	if g.curKey.IsNull() || tgt.IsNull() {
		return g.curKey.IsNull() && tgt.IsNull(), nil
	}
	return Equal(th, g.curKey, tgt)
}

// advance reads the next value and its key; false at the end.
func (g *groupby) advance(th *Thread) (bool, error) {
	v, ok, err := g.it.Next(th)
	if err != nil || !ok {
		g.exhausted = true
		return false, err
	}
	k, err := g.keyOf(th, v)
	if err != nil {
		return false, err
	}
	g.curKey, g.curVal = k, v
	return true, nil
}

func (g *groupby) next(th *Thread) (Value, bool, error) {
	g.id++
	for {
		same, err := g.same(th, g.tgtKey)
		if err != nil {
			return Value{}, false, err
		}
		if !same {
			break
		}
		if g.exhausted {
			return done()
		}
		if ok, err := g.advance(th); !ok {
			return Value{}, false, err
		}
	}
	g.tgtKey = g.curKey
	return TupleOf(g.curKey, Obj(g.grouper(g.tgtKey, g.id))), true, nil
}

var groupbyGrouperType = newFinalType("itertools._grouper", nil)

func (g *groupby) grouper(tgt Value, id int) *goIter {
	started, finished := false, false
	return &goIter{typ: groupbyGrouperType, next: func(th *Thread) (Value, bool, error) {
		if finished {
			return done()
		}
		if started {
			if ok, err := g.advance(th); !ok {
				finished = true
				return Value{}, false, err
			}
		}
		started = true
		same, err := g.same(th, tgt)
		if err != nil || id != g.id || !same {
			finished = true
			return Value{}, false, err
		}
		return g.curVal, true, nil
	}}
}

func itGroupby(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src, key Value
	if err := UnpackArgs("groupby", args, kwnames, "iterable", &src, "key?", &key); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	g := &groupby{it: it, key: key}
	return Obj(&goIter{typ: t, next: g.next}), nil
}

func itZipLongest(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	fill := Value(None)
	for i, k := range kwnames {
		if k != "fillvalue" {
			return Value{}, Errorf(TypeError, "zip_longest() got an unexpected keyword argument '%s'", k)
		}
		fill = args[npos+i]
	}
	its := make([]Iterator, npos)
	for i, a := range args[:npos] {
		it, err := Iter(th, a)
		if err != nil {
			return Value{}, err
		}
		its[i] = it
	}
	active := npos
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if active == 0 {
			return done()
		}
		out := make([]Value, len(its))
		for i, it := range its {
			if it == nil {
				out[i] = fill
				continue
			}
			v, ok, err := it.Next(th)
			if err != nil {
				return Value{}, false, err
			}
			if !ok {
				its[i] = nil
				active--
				if active == 0 {
					return done()
				}
				v = fill
			}
			out[i] = v
		}
		return Obj(NewTuple(out)), true, nil
	}}), nil
}

// funcIter reads (function, iterable) and makes an iterator over it.
func funcIter(th *Thread, name string, args []Value, kwnames []string) (Value, Iterator, error) {
	var fn, src Value
	if err := UnpackArgs(name, args, kwnames, "function", &fn, "iterable", &src); err != nil {
		return Value{}, nil, err
	}
	it, err := Iter(th, src)
	return fn, it, err
}

func truthOf(th *Thread, fn, v Value) (bool, error) {
	if fn.IsNone() {
		return Truth(th, v)
	}
	r, err := Call(th, fn, []Value{v}, nil)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

func itStarmap(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	fn, it, err := funcIter(th, "starmap", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		a, err := ToSlice(th, v)
		if err != nil {
			return Value{}, false, err
		}
		r, err := Call(th, fn, a, nil)
		return r, err == nil, err
	}}), nil
}

func itTakewhile(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	fn, it, err := funcIter(th, "takewhile", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	stopped := false
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if stopped {
			return done()
		}
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		keep, err := truthOf(th, fn, v)
		if err != nil || !keep {
			stopped = true
			return Value{}, false, err
		}
		return v, true, nil
	}}), nil
}

func itDropwhile(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	fn, it, err := funcIter(th, "dropwhile", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	dropping := true
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		for {
			v, ok, err := it.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			if dropping {
				drop, err := truthOf(th, fn, v)
				if err != nil {
					return Value{}, false, err
				}
				if drop {
					continue
				}
				dropping = false
			}
			return v, true, nil
		}
	}}), nil
}

func itFilterfalse(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	fn, it, err := funcIter(th, "filterfalse", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		for {
			v, ok, err := it.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			keep, err := truthOf(th, fn, v)
			if err != nil {
				return Value{}, false, err
			}
			if !keep {
				return v, true, nil
			}
		}
	}}), nil
}

func itCompress(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var data, sel Value
	if err := UnpackArgs("compress", args, kwnames, "data", &data, "selectors", &sel); err != nil {
		return Value{}, err
	}
	di, err := Iter(th, data)
	if err != nil {
		return Value{}, err
	}
	si, err := Iter(th, sel)
	if err != nil {
		return Value{}, err
	}
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		for {
			v, ok, err := di.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			s, ok, err := si.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			if t, err := Truth(th, s); err != nil || t {
				return v, err == nil, err
			}
		}
	}}), nil
}

func itPairwise(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src Value
	if err := UnpackArgs("pairwise", args, kwnames, "iterable", &src); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	var prev Value
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		if prev.IsNull() {
			v, ok, err := it.Next(th)
			if err != nil || !ok {
				return Value{}, false, err
			}
			prev = v
		}
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		p := prev
		prev = v
		return TupleOf(p, v), true, nil
	}}), nil
}

// itBatched is batched(iterable, n) (3.12): tuples of n items, the last
// one shorter.
func itBatched(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src Value
	var n int
	if err := UnpackArgs("batched", args, kwnames, "iterable", &src, "n", &n); err != nil {
		return Value{}, err
	}
	if n < 1 {
		return Value{}, Errorf(ValueError, "n must be at least one")
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	return Obj(&goIter{typ: t, next: func(th *Thread) (Value, bool, error) {
		var items []Value
		for len(items) < n {
			v, ok, err := it.Next(th)
			if err != nil {
				return Value{}, false, err
			}
			if !ok {
				break
			}
			items = append(items, v)
		}
		if len(items) == 0 {
			return done()
		}
		return Obj(NewTuple(items)), true, nil
	}}), nil
}

var teeType = newFinalType("itertools._tee", nil)

func itTee(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src Value
	n := 2
	if err := UnpackArgs("tee", args, kwnames, "iterable", &src, "n?", &n); err != nil {
		return Value{}, err
	}
	if n < 0 {
		return Value{}, Errorf(ValueError, "n must be >= 0")
	}
	it, err := Iter(th, src)
	if err != nil {
		return Value{}, err
	}
	var buf []Value // values read so far
	out := make([]Value, n)
	for i := range out {
		pos := 0
		out[i] = Obj(&goIter{typ: teeType, next: func(th *Thread) (Value, bool, error) {
			if pos == len(buf) {
				v, ok, err := it.Next(th)
				if err != nil || !ok {
					return Value{}, false, err
				}
				buf = append(buf, v)
			}
			pos++
			return buf[pos-1], true, nil
		}})
	}
	return Obj(NewTuple(out)), nil
}

func itertoolsInit() {
	groupbyGrouperType.SetMethods(iterMethods)
	teeType.SetMethods(iterMethods)
}
