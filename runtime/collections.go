package runtime

// This file defines the types of the collections module: defaultdict,
// Counter and OrderedDict (dict subclasses written in Go), namedtuple
// (which makes tuple subclasses) and deque (deque.go), and the module.

import (
	"slices"
	"strings"
)

// FlagGoSubclass marks a built-in subclass of a container written in Go
// (defaultdict, Counter, …): its methods override the base's like a
// class's, but it is shared and never cached.
const FlagGoSubclass TypeFlags = 1 << 8

// Collections types.
var (
	DefaultDictType = newGoSubclass("collections.defaultdict", DictType)
	CounterType     = newGoSubclass("collections.Counter", DictType)
	OrderedDictType = newGoSubclass("collections.OrderedDict", DictType)
)

func newGoSubclass(name string, base *Type) *Type {
	t := NewType(name, base)
	t.Flags |= FlagGoSubclass
	return t
}

// overrides reports whether methods found on owner override a built-in
// container's behaviour (classes and Go subclasses).
func overrides(owner *Type) bool {
	return owner != nil && owner.Flags&(FlagHeap|FlagGoSubclass) != 0
}

// NewCollectionsModule builds the collections module.
func NewCollectionsModule(th *Thread) *Module {
	m := NewModule("collections")
	for _, t := range []*Type{DequeType, DefaultDictType, CounterType, OrderedDictType} {
		m.Dict.SetStr(t.Name, Obj(t))
	}
	m.Dict.SetStr("namedtuple", NewBuiltin("namedtuple", namedTuple))
	return m
}

func newSubDict(t *Type) *Dict { return &Dict{sub: &subclassed{cls: t, dict: NewDict()}} }

func dictMethod(name string) MethodFunc {
	m, _ := DictType.Dict.GetStr(name)
	return m.o.(*BuiltinMethod).Fn
}

// ---- defaultdict ----

func defaultDictInit(th *Thread, d *Dict, args []Value, kwnames []string) error {
	npos := len(args) - len(kwnames)
	d.sub.extra = None
	if npos > 0 {
		f := args[0]
		if !f.IsNone() && !IsCallable(f) {
			return Errorf(TypeError, "first argument must be callable or None")
		}
		d.sub.extra = f
		args = args[1:]
	}
	_, err := dictMethod("__init__")(th, Obj(d), args, kwnames)
	return err
}

func defaultDictTypeInit() {
	t := DefaultDictType
	t.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		d := newSubDict(t)
		return Obj(d), defaultDictInit(th, d, args, kwnames)
	}
	t.Dict.SetStr("default_factory", Obj(&Member{Name: "default_factory", Owner: t,
		Get: func(th *Thread, self Value) (Value, error) { return selfDict(self).sub.extra, nil },
		Set: func(th *Thread, self, v Value) error {
			if v.IsNull() {
				v = None
			}
			selfDict(self).sub.extra = v
			return nil
		}}))
	t.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, defaultDictInit(th, selfDict(self), args, kwnames)
		},
		"__missing__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__missing__", args, kwnames); err != nil {
				return Value{}, err
			}
			d := selfDict(self)
			f := d.sub.extra
			if f.IsNull() || f.IsNone() {
				return Value{}, NewException(KeyError, args[0])
			}
			v, err := Call(th, f, nil, nil)
			if err != nil {
				return Value{}, err
			}
			return v, d.Set(th, args[0], v)
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDict(self)
			f, err := Repr(th, d.sub.extra)
			if err != nil {
				return Value{}, err
			}
			body, err := d.repr(th)
			return Str(d.Type().Name + "(" + f + ", " + body + ")"), err
		},
		"copy": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDict(self)
			c := newSubDict(d.Type())
			c.sub.extra = d.sub.extra
			return Obj(c), c.Update(th, self)
		},
	})
}

// ---- Counter ----

// counterUpdate adds the counts of other (a mapping or an iterable) into d;
// sign is 1 for update and -1 for subtract.
func counterUpdate(th *Thread, d *Dict, other Value, sign int64) error {
	add := func(k, n Value) error {
		cur, ok, err := d.Get(th, k)
		if err != nil {
			return err
		}
		if !ok {
			cur = Int(0)
		}
		if sign < 0 {
			n, err = Unary(th, OpNeg, n)
			if err != nil {
				return err
			}
		}
		s, err := Binary(th, OpAdd, cur, n)
		if err != nil {
			return err
		}
		return d.Set(th, k, s)
	}
	if o, ok := other.o.(*Dict); ok {
		for _, kv := range o.Items() {
			if err := add(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	}
	return ForEach(th, other, func(k Value) error { return add(k, Int(1)) })
}

func counterArgs(th *Thread, self Value, args []Value, kwnames []string, sign int64) error {
	d := selfDict(self)
	npos := len(args) - len(kwnames)
	if npos > 1 {
		return Errorf(TypeError, "expected at most 1 argument, got %d", npos)
	}
	if npos == 1 {
		if err := counterUpdate(th, d, args[0], sign); err != nil {
			return err
		}
	}
	kw := NewDict()
	kw.updateKw(args, kwnames)
	return counterUpdate(th, d, Obj(kw), sign)
}

// mostCommon returns the items sorted by count, descending, stably.
func mostCommon(th *Thread, d *Dict) ([][2]Value, error) {
	items := d.Items()
	var err error
	slices.SortStableFunc(items, func(a, b [2]Value) int {
		if err != nil {
			return 0
		}
		lt, e := Less(th, b[1], a[1])
		if e != nil {
			err = e
			return 0
		}
		if lt {
			return -1
		}
		gt, e := Less(th, a[1], b[1])
		if e != nil {
			err = e
		}
		if gt {
			return 1
		}
		return 0
	})
	return items, err
}

func pairs(items [][2]Value) []Value {
	out := make([]Value, len(items))
	for i, kv := range items {
		out[i] = TupleOf(kv[0], kv[1])
	}
	return out
}

// counterOp is Counter + - | & and unary + -: a new Counter keeping
// positive counts.
func counterOp(th *Thread, a, b *Dict, combine func(x, y Value) (Value, error)) (Value, error) {
	r := newSubDict(CounterType)
	keys := a.Keys()
	if b != nil {
		for _, k := range b.Keys() {
			if ok, _ := a.contains(th, k); !ok {
				keys = append(keys, k)
			}
		}
	}
	for _, k := range keys {
		x, ok, err := a.Get(th, k)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			x = Int(0)
		}
		y := Int(0)
		if b != nil {
			if v, ok, err := b.Get(th, k); err != nil {
				return Value{}, err
			} else if ok {
				y = v
			}
		}
		v, err := combine(x, y)
		if err != nil {
			return Value{}, err
		}
		if pos, err := Less(th, Int(0), v); err != nil {
			return Value{}, err
		} else if pos {
			if err := r.Set(th, k, v); err != nil {
				return Value{}, err
			}
		}
	}
	return Obj(r), nil
}

func counterTypeInit() {
	t := CounterType
	t.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		d := newSubDict(t)
		return Obj(d), counterArgs(th, Obj(d), args, kwnames, 1)
	}
	binop := func(name string, combine func(th *Thread, x, y Value) (Value, error)) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg(name, args, kwnames); err != nil {
				return Value{}, err
			}
			o, ok := args[0].o.(*Dict)
			if !ok || !IsInstance(args[0], CounterType) {
				return NotImplemented, nil
			}
			return counterOp(th, selfDict(self), o, func(x, y Value) (Value, error) { return combine(th, x, y) })
		}
	}
	pick := func(wantMax bool) func(th *Thread, x, y Value) (Value, error) {
		return func(th *Thread, x, y Value) (Value, error) {
			lt, err := Less(th, x, y)
			if lt == wantMax {
				return y, err
			}
			return x, err
		}
	}
	t.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, nil // New counted the arguments
		},
		"__missing__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Int(0), nil
		},
		"update": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, counterArgs(th, self, args, kwnames, 1)
		},
		"subtract": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, counterArgs(th, self, args, kwnames, -1)
		},
		"total": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s := Int(0)
			for _, v := range selfDict(self).Values() {
				var err error
				if s, err = Binary(th, OpAdd, s, v); err != nil {
					return Value{}, err
				}
			}
			return s, nil
		},
		"most_common": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n := Value(None)
			if err := UnpackArgs("most_common", args, kwnames, "n?", &n); err != nil {
				return Value{}, err
			}
			items, err := mostCommon(th, selfDict(self))
			if err != nil {
				return Value{}, err
			}
			if !n.IsNone() {
				k, err := indexOf(th, n)
				if err != nil {
					return Value{}, err
				}
				items = items[:max(0, min(int(k), len(items)))]
			}
			return Obj(NewList(pairs(items))), nil
		},
		"elements": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var out []Value
			for _, kv := range selfDict(self).Items() {
				n, err := indexOf(th, kv[1])
				if err != nil {
					return Value{}, err
				}
				for i := int64(0); i < n; i++ {
					out = append(out, kv[0])
				}
			}
			return Obj(&tupleIter{items: out}), nil
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDict(self)
			if d.used == 0 {
				return Str(d.Type().Name + "()"), nil
			}
			items, err := mostCommon(th, d)
			if err != nil {
				return Value{}, err
			}
			var b strings.Builder
			for i, kv := range items {
				if i > 0 {
					b.WriteString(", ")
				}
				k, err := Repr(th, kv[0])
				if err != nil {
					return Value{}, err
				}
				v, err := Repr(th, kv[1])
				if err != nil {
					return Value{}, err
				}
				b.WriteString(k + ": " + v)
			}
			return Str(d.Type().Name + "({" + b.String() + "})"), nil
		},
		"__add__": binop("__add__", func(th *Thread, x, y Value) (Value, error) { return Binary(th, OpAdd, x, y) }),
		"__sub__": binop("__sub__", func(th *Thread, x, y Value) (Value, error) { return Binary(th, OpSub, x, y) }),
		"__or__":  binop("__or__", pick(true)),
		"__and__": binop("__and__", pick(false)),
	})
}

// ---- OrderedDict ----

func orderedDictTypeInit() {
	t := OrderedDictType
	t.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		d := newSubDict(t)
		_, err := dictMethod("__init__")(th, Obj(d), args, kwnames)
		return Obj(d), err
	}
	t.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, nil // New filled it
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDict(self)
			if d.used == 0 {
				return Str(d.Type().Name + "()"), nil
			}
			if d.inRepr { // reprlib.recursive_repr
				return Str("..."), nil
			}
			s, err := d.repr(th) // 3.12 shows the items as a dict
			return Str(d.Type().Name + "(" + s + ")"), err
		},
		"__eq__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__eq__", args, kwnames); err != nil {
				return Value{}, err
			}
			d := selfDict(self)
			o, ok := args[0].o.(*Dict)
			if !ok {
				return NotImplemented, nil
			}
			if !IsInstance(args[0], OrderedDictType) {
				return d.compare(th, CmpEq, args[0])
			}
			r, err := compareSeqs(th, CmpEq, pairs(d.Items()), pairs(o.Items()))
			return r, err
		},
		"move_to_end": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var key Value
			last := true
			if err := UnpackArgs("move_to_end", args, kwnames, "key", &key, "last?", &last); err != nil {
				return Value{}, err
			}
			d := selfDict(self)
			v, ok, err := d.Get(th, key)
			if err != nil || !ok {
				if err == nil {
					err = NewException(KeyError, key)
				}
				return Value{}, err
			}
			if last {
				d.Delete(th, key)
				return None, d.Set(th, key, v)
			}
			rest := d.Items()
			d.Clear()
			d.Set(th, key, v)
			for _, kv := range rest {
				if eq, _ := Equal(th, kv[0], key); !eq {
					d.Set(th, kv[0], kv[1])
				}
			}
			return None, nil
		},
		"popitem": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			last := true
			if err := UnpackArgs("popitem", args, kwnames, "last?", &last); err != nil {
				return Value{}, err
			}
			d := selfDict(self)
			items := d.Items()
			if len(items) == 0 {
				return Value{}, NewException(KeyError, Str("dictionary is empty"))
			}
			kv := items[len(items)-1]
			if !last {
				kv = items[0]
			}
			_, err := d.Delete(th, kv[0])
			return TupleOf(kv[0], kv[1]), err
		},
	})
}

func collectionsInit() {
	dequeInit()
	defaultDictTypeInit()
	counterTypeInit()
	orderedDictTypeInit()
}

// ObjectModules lists the standard modules the object model provides,
// for the embedding's import hook: name → builder.
func ObjectModules() map[string]func(th *Thread) *Module {
	return map[string]func(th *Thread) *Module{
		"collections": NewCollectionsModule,
		"itertools":   NewItertoolsModule,
		"functools":   NewFunctoolsModule,
		"heapq":       NewHeapqModule,
		"bisect":      NewBisectModule,
		"copy":        NewCopyModule,
		"operator":    NewOperatorModule,
		"_abc":        NewAbcModule,
		"enum":        NewEnumModule,
	}
}
