package runtime

// This file defines the copy, operator and abc modules.

import (
	"slices"
	"strings"
)

// NewCopyModule builds the copy module.
func NewCopyModule(th *Thread) *Module {
	m := NewModule("copy")
	m.Dict.SetStr("copy", NewBuiltin("copy", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		var x Value
		if err := UnpackArgs("copy", args, kwnames, "x", &x); err != nil {
			return Value{}, err
		}
		return ShallowCopy(th, x)
	}))
	m.Dict.SetStr("deepcopy", NewBuiltin("deepcopy", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		var x, memo Value
		if err := UnpackArgs("deepcopy", args, kwnames, "x", &x, "memo?", &memo); err != nil {
			return Value{}, err
		}
		d, ok := memo.o.(*Dict)
		if !ok {
			d = NewDict()
		}
		return DeepCopy(th, x, d)
	}))
	m.Dict.SetStr("Error", Obj(CopyError))
	return m
}

// CopyError is copy.Error.
var CopyError = NewExceptionType("copy.Error", nil)

// ShallowCopy is copy.copy.
func ShallowCopy(th *Thread, x Value) (Value, error) {
	if r, ok, err := callUserSlot(th, x, "__copy__"); ok || err != nil {
		return r, err
	}
	switch o := x.o.(type) {
	case *List:
		if o.sub == nil {
			return Obj(NewList(append([]Value(nil), o.Items...))), nil
		}
	case *Dict:
		if o.sub == nil {
			return Obj(o.Copy()), nil
		}
	case *Set:
		if !o.frozen && o.sub == nil {
			return Obj(o.copySet(th, SetType)), nil
		}
	case *Instance:
		c := newInstance(o.Class)
		c.setSlotVals(append([]Value(nil), o.slotVals()...))
		if err := o.copyAttrs(th, c, func(v Value) (Value, error) { return v, nil }); err != nil {
			return Value{}, err
		}
		return Obj(c), nil
	}
	return x, nil
}

// DeepCopy is copy.deepcopy with the memo dict (keyed by id()).
func DeepCopy(th *Thread, x Value, memo *Dict) (Value, error) {
	if x.IsInline() {
		return x, nil
	}
	id := Int(int64(ID(x)))
	if v, ok, _ := memo.Get(th, id); ok {
		return v, nil
	}
	if r, ok, err := callUserSlot(th, x, "__deepcopy__", Obj(memo)); ok || err != nil {
		return r, err
	}
	deep := func(vs []Value) ([]Value, error) {
		out := make([]Value, len(vs))
		for i, v := range vs {
			if v.IsNull() {
				continue // an unset __slots__ value stays unset
			}
			c, err := DeepCopy(th, v, memo)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	switch o := x.o.(type) {
	case *List:
		l := &List{sub: copySub(o.sub)}
		memo.Set(th, id, Obj(l))
		items, err := deep(o.Items)
		l.Items = items
		return Obj(l), err
	case *Tuple:
		items, err := deep(o.Items)
		if err != nil {
			return Value{}, err
		}
		if slices.EqualFunc(items, o.Items, func(a, b Value) bool { return a.Is(b) }) {
			return x, nil
		}
		return Obj(&Tuple{Items: items, sub: copySub(o.sub)}), nil
	case *Dict:
		d := &Dict{sub: copySub(o.sub)}
		memo.Set(th, id, Obj(d))
		for _, kv := range o.Items() {
			k, err := DeepCopy(th, kv[0], memo)
			if err != nil {
				return Value{}, err
			}
			v, err := DeepCopy(th, kv[1], memo)
			if err != nil {
				return Value{}, err
			}
			if err := d.Set(th, k, v); err != nil {
				return Value{}, err
			}
		}
		return Obj(d), nil
	case *Set:
		items, err := deep(o.Elems())
		if err != nil {
			return Value{}, err
		}
		s := newEmptySet(o.typ)
		s.sub = copySub(o.sub)
		for _, v := range items {
			if err := s.Add(th, v); err != nil {
				return Value{}, err
			}
		}
		return Obj(s), nil
	case *Instance:
		c := newInstance(o.Class)
		memo.Set(th, id, Obj(c))
		slots, err := deep(o.slotVals())
		if err != nil {
			return Value{}, err
		}
		c.setSlotVals(slots)
		err = o.copyAttrs(th, c, func(v Value) (Value, error) { return DeepCopy(th, v, memo) })
		if err != nil {
			return Value{}, err
		}
		return Obj(c), nil
	}
	return x, nil
}

// copySub copies the class part of a subclass instance (its attributes
// shallowly).
func copySub(s *subclassed) *subclassed {
	if s == nil {
		return nil
	}
	return &subclassed{cls: s.cls, dict: s.dict.Copy(), extra: s.extra}
}

// ---- operator ----

// Operator types with reprs.
var (
	ItemGetterType   = newFinalType("operator.itemgetter", nil)
	AttrGetterType   = newFinalType("operator.attrgetter", nil)
	MethodCallerType = newFinalType("operator.methodcaller", nil)
)

// getter is itemgetter, attrgetter or methodcaller.
type getter struct {
	typ     *Type
	args    []Value
	kwnames []string
	fn      func(th *Thread, g *getter, obj Value) (Value, error)
}

func (g *getter) Type() *Type { return g.typ }

// Call implements Callable.
func (g *getter) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "%s expected 1 argument, got %d", g.typ.Name, len(args))
	}
	return g.fn(th, g, args[0])
}

// Repr implements HasRepr: operator.itemgetter(1).
func (g *getter) Repr(th *Thread) (string, error) {
	parts := make([]string, 0, len(g.args))
	npos := len(g.args) - len(g.kwnames)
	for i, a := range g.args {
		r, err := Repr(th, a)
		if err != nil {
			return "", err
		}
		if i >= npos {
			r = g.kwnames[i-npos] + "=" + r
		}
		parts = append(parts, r)
	}
	return g.typ.FullName() + "(" + strings.Join(parts, ", ") + ")", nil
}

func attrPath(th *Thread, obj, name Value) (Value, error) {
	s, ok := AsString(name)
	if !ok {
		return Value{}, Errorf(TypeError, "attribute name must be a string")
	}
	for _, part := range strings.Split(s, ".") {
		var err error
		if obj, err = GetAttr(th, obj, part); err != nil {
			return Value{}, err
		}
	}
	return obj, nil
}

// NewOperatorModule builds the operator module.
func NewOperatorModule(th *Thread) *Module {
	m := NewModule("operator")
	binops := map[string]BinaryOp{"add": OpAdd, "sub": OpSub, "mul": OpMul, "truediv": OpDiv, "floordiv": OpFloorDiv,
		"mod": OpMod, "pow": OpPow, "lshift": OpLShift, "rshift": OpRShift, "and_": OpAnd, "or_": OpOr, "xor": OpXor,
		"matmul": OpMatMul, "concat": OpAdd}
	for name, op := range binops {
		op := op
		m.Dict.SetStr(name, NewBuiltin(name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
			}
			return Binary(th, op, args[0], args[1])
		}))
		iname := "i" + strings.TrimSuffix(name, "_")
		m.Dict.SetStr(iname, NewBuiltin(iname, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
			}
			return InplaceBinary(th, op, args[0], args[1])
		}))
	}
	cmps := map[string]CmpOp{"eq": CmpEq, "ne": CmpNe, "lt": CmpLt, "le": CmpLe, "gt": CmpGt, "ge": CmpGe}
	for name, op := range cmps {
		op := op
		m.Dict.SetStr(name, NewBuiltin(name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
			}
			return Compare(th, op, args[0], args[1])
		}))
	}
	unops := map[string]UnaryOp{"neg": OpNeg, "pos": OpPos, "invert": OpInvert, "inv": OpInvert, "not_": OpNot}
	for name, op := range unops {
		op := op
		m.Dict.SetStr(name, NewBuiltin(name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
			}
			return Unary(th, op, args[0])
		}))
	}
	simple := map[string]func(th *Thread, a []Value) (Value, error){
		"truth":    func(th *Thread, a []Value) (Value, error) { t, err := Truth(th, a[0]); return Bool(t), err },
		"is_":      func(th *Thread, a []Value) (Value, error) { return Bool(a[0].Is(a[1])), nil },
		"is_not":   func(th *Thread, a []Value) (Value, error) { return Bool(!a[0].Is(a[1])), nil },
		"contains": func(th *Thread, a []Value) (Value, error) { r, err := Contains(th, a[0], a[1]); return Bool(r), err },
		"getitem":  func(th *Thread, a []Value) (Value, error) { return GetItem(th, a[0], a[1]) },
		"setitem":  func(th *Thread, a []Value) (Value, error) { return None, SetItem(th, a[0], a[1], a[2]) },
		"delitem":  func(th *Thread, a []Value) (Value, error) { return None, DelItem(th, a[0], a[1]) },
		"index":    func(th *Thread, a []Value) (Value, error) { n, err := indexOf(th, a[0]); return Int(n), err },
		"abs": func(th *Thread, a []Value) (Value, error) {
			return CallMethod(th, a[0], "__abs__")
		},
	}
	arity := map[string]int{"truth": 1, "index": 1, "abs": 1, "setitem": 3}
	for name, fn := range simple {
		name, fn := name, fn
		n := 2
		if k, ok := arity[name]; ok {
			n = k
		}
		m.Dict.SetStr(name, NewBuiltin(name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != n {
				return Value{}, Errorf(TypeError, "%s expected %d arguments, got %d", name, n, len(args))
			}
			return fn(th, args)
		}))
	}
	m.Dict.SetStr("itemgetter", NewBuiltin("itemgetter", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) == 0 {
			return Value{}, Errorf(TypeError, "itemgetter expected 1 argument, got 0")
		}
		return Obj(&getter{typ: ItemGetterType, args: append([]Value(nil), args...), fn: func(th *Thread, g *getter, obj Value) (Value, error) {
			if len(g.args) == 1 {
				return GetItem(th, obj, g.args[0])
			}
			out := make([]Value, len(g.args))
			for i, k := range g.args {
				v, err := GetItem(th, obj, k)
				if err != nil {
					return Value{}, err
				}
				out[i] = v
			}
			return Obj(NewTuple(out)), nil
		}}), nil
	}))
	m.Dict.SetStr("attrgetter", NewBuiltin("attrgetter", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) == 0 {
			return Value{}, Errorf(TypeError, "attrgetter expected 1 argument, got 0")
		}
		return Obj(&getter{typ: AttrGetterType, args: append([]Value(nil), args...), fn: func(th *Thread, g *getter, obj Value) (Value, error) {
			if len(g.args) == 1 {
				return attrPath(th, obj, g.args[0])
			}
			out := make([]Value, len(g.args))
			for i, k := range g.args {
				v, err := attrPath(th, obj, k)
				if err != nil {
					return Value{}, err
				}
				out[i] = v
			}
			return Obj(NewTuple(out)), nil
		}}), nil
	}))
	m.Dict.SetStr("methodcaller", NewBuiltin("methodcaller", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args)-len(kwnames) < 1 {
			return Value{}, Errorf(TypeError, "methodcaller needs at least one argument, the method name")
		}
		return Obj(&getter{typ: MethodCallerType, args: append([]Value(nil), args...), kwnames: kwnames,
			fn: func(th *Thread, g *getter, obj Value) (Value, error) {
				name, _ := AsString(g.args[0])
				meth, err := GetAttr(th, obj, name)
				if err != nil {
					return Value{}, err
				}
				return Call(th, meth, g.args[1:], g.kwnames)
			}}), nil
	}))
	return m
}

// ---- abc ----

// ABC types: the metaclass that tracks abstract methods, and ABC. The
// abc module (stdlib/pysrc/abc.py) derives its ABCMeta from ABCMetaType,
// adding register and the isinstance hooks in Python, so that each
// interpreter keeps its own registry.
var (
	ABCMetaType = NewType("_abc._ABCMetaBase", TypeType)
	ABCType     = NewType("_abc.ABC", nil)
)

// FlagAbstract marks a class with abstract methods: instantiating it
// fails.
const FlagAbstract TypeFlags = 1 << 9

// FlagSequence and FlagMapping mark classes derived from or registered with
// collections.abc.Sequence or Mapping (CPython's Py_TPFLAGS_SEQUENCE and
// Py_TPFLAGS_MAPPING): sequence and mapping patterns match their instances.
const (
	FlagSequence TypeFlags = 1 << 10
	FlagMapping  TypeFlags = 1 << 11
)

// CollectionFlag is the FlagSequence or FlagMapping that t has or inherits
// from the classes of its MRO, 0 if none.
func CollectionFlag(t *Type) TypeFlags {
	for _, b := range t.MRO {
		if f := b.Flags & (FlagSequence | FlagMapping); f != 0 {
			return f
		}
	}
	return 0
}

// isAbstract reports whether v has a true __isabstractmethod__.
func isAbstract(th *Thread, v Value) bool {
	if _, ok := v.o.(HasAttrs); !ok {
		return false
	}
	a, err := GetAttr(th, v, "__isabstractmethod__")
	if err != nil {
		return false
	}
	t, _ := Truth(th, a)
	return t
}

// abcMetaNew is ABCMeta.__new__: a class plus its __abstractmethods__.
func abcMetaNew(th *Thread, meta *Type, args []Value, kwnames []string) (Value, error) {
	v, err := typeNew(th, meta, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	t := v.o.(*Type)
	var names []string
	for _, kv := range t.Dict.Items() {
		if isAbstract(th, kv[1]) {
			s, _ := AsString(kv[0])
			names = append(names, s)
		}
	}
	for _, b := range t.Bases {
		am, ok := b.Dict.GetStr("__abstractmethods__")
		if !ok {
			continue
		}
		for _, n := range am.o.(*Set).Elems() {
			s, _ := AsString(n)
			if v, ok := t.Lookup(s); ok && isAbstract(th, v) && !slices.Contains(names, s) {
				names = append(names, s)
			}
		}
	}
	items := make([]Value, len(names))
	for i, n := range names {
		items[i] = Str(n)
	}
	fs, err := NewFrozenSet(th, items)
	if err != nil {
		return Value{}, err
	}
	t.Dict.SetStr("__abstractmethods__", Obj(fs))
	if len(names) > 0 {
		t.Flags |= FlagAbstract
	}
	return v, nil
}

// abstractError is the TypeError of instantiating an abstract class.
func abstractError(t *Type) error {
	am, _ := t.Dict.GetStr("__abstractmethods__")
	var names []string
	if s, ok := am.o.(*Set); ok {
		for _, n := range s.Elems() {
			str, _ := AsString(n)
			names = append(names, "'"+str+"'")
		}
	}
	slices.Sort(names)
	what := "method"
	if len(names) != 1 {
		what = "methods"
	}
	return Errorf(TypeError, "Can't instantiate abstract class %s without an implementation for abstract %s %s", t.Name, what, strings.Join(names, ", "))
}

// NewAbcModule builds the _abc module, the Go half of abc.
func NewAbcModule(th *Thread) *Module {
	m := NewModule("_abc")
	m.Dict.SetStr("_ABCMetaBase", Obj(ABCMetaType))
	m.Dict.SetStr("ABC", Obj(ABCType))
	m.Dict.SetStr("_set_collection_flag", NewBuiltin("_set_collection_flag", setCollectionFlag))
	m.Dict.SetStr("_get_collection_flag", NewBuiltin("_get_collection_flag", getCollectionFlag))
	m.Dict.SetStr("abstractmethod", NewBuiltin("abstractmethod", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "abstractmethod() takes exactly one argument (%d given)", len(args))
		}
		return args[0], SetAttr(th, args[0], "__isabstractmethod__", True)
	}))
	return m
}

// setCollectionFlag is _abc._set_collection_flag(cls, flags): cls (a class,
// not a shared built-in type) and its subclasses come to match sequence
// (flags 1) or mapping (flags 2) patterns, unless it already has a flag.
func setCollectionFlag(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 2 || len(kwnames) > 0 || !args[1].IsInt() {
		return Value{}, Errorf(TypeError, "_set_collection_flag(cls, flags)")
	}
	t, ok := args[0].o.(*Type)
	if !ok || t.Flags&FlagHeap == 0 || CollectionFlag(t) != 0 {
		return None, nil
	}
	switch args[1].AsInt() {
	case 1:
		t.Flags |= FlagSequence
	case 2:
		t.Flags |= FlagMapping
	}
	return None, nil
}

// getCollectionFlag is _abc._get_collection_flag(cls): 1 if cls has or
// inherits FlagSequence, 2 for FlagMapping, else 0.
func getCollectionFlag(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "_get_collection_flag(cls)")
	}
	t, ok := args[0].o.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "_get_collection_flag(cls)")
	}
	switch CollectionFlag(t) {
	case FlagSequence:
		return Int(1), nil
	case FlagMapping:
		return Int(2), nil
	}
	return Int(0), nil
}

func copyopInit() {
	for _, t := range []*Type{ItemGetterType, AttrGetterType, MethodCallerType} {
		t.Dict.SetStr("__module__", Str("operator"))
	}
	ABCMetaType.New = abcMetaNew
	ABCType.meta = ABCMetaType
	ABCType.Dict.SetStr("__abstractmethods__", Obj(&Set{table: make([]setEntry, setMinSize), typ: FrozenSetType, frozen: true}))
}
