package runtime

// This file defines enum.Flag (and IntFlag's flag behaviour): members
// combined with | & ^ ~ into pseudo-members named R|W, membership,
// iteration over the members in a value, and the lookup of values that
// no member has (CPython's Flag._missing_).

import (
	"math/bits"
	"strconv"
	"strings"
)

// flagInfo is what a Flag class knows about its bits.
type flagInfo struct {
	mask    int64   // every member's bits
	singles int64   // bits of the single-bit members
	order   []Value // single-bit members in iteration order
	keep    bool    // boundary KEEP (IntFlag): unknown bits are kept
	hex     bool    // unknown bits are named in hex (re.RegexFlag)
}

// prepareFlag computes the masks and leaves only single-bit members to
// iterate over (multi-bit members are aliases of their bits, as in 3.12).
func (e *enumInfo) prepareFlag(keep bool) {
	f := &flagInfo{keep: keep}
	var single []string
	for _, name := range e.names {
		m, _ := e.byName.GetStr(name)
		n, _ := flagValue(m)
		f.mask |= n
		if n <= 0 || n&(n-1) != 0 {
			continue
		}
		f.singles |= n
		single = append(single, name)
		f.order = append(f.order, m) // definition order, as CPython names R|W
	}
	e.names = single
	e.flag = f
}

// numeric is the name of unknown bits: repr(), or hex() for re.
func (f *flagInfo) numeric(n int64) string {
	if f.hex {
		return "0x" + strconv.FormatInt(n, 16)
	}
	return strconv.FormatInt(n, 10)
}

// flagValue is the int value of a flag member.
func flagValue(m Value) (int64, bool) {
	v := unwrapNum(memberField(m, "_value_"))
	if !v.IsInt() {
		return 0, false
	}
	return v.AsInt(), true
}

// flagOf returns the flag info of the class t.
func flagOf(t *Type) (*enumInfo, *flagInfo) {
	e := enumOf(t)
	if e == nil || e.flag == nil {
		return nil, nil
	}
	return e, e.flag
}

// flagMember is t(value) for a Flag class: the member, or a
// pseudo-member built and remembered for a combination of members.
func flagMember(th *Thread, t *Type, value int64) (Value, error) {
	e, f := flagOf(t)
	if m, ok, err := e.byValue.Get(th, Int(value)); err != nil || ok {
		return m, err
	}
	if value < 0 {
		all := int64(1)<<bits.Len64(uint64(f.mask)) - 1
		value = all + 1 + value
		if m, ok, err := e.byValue.Get(th, Int(value)); err != nil || ok {
			return m, err
		}
	}
	unknown := value &^ f.mask
	if unknown != 0 && !f.keep {
		return Value{}, flagBoundaryError(t, value, f.mask)
	}
	var parts []string
	known := int64(0)
	for _, m := range f.order {
		if n, _ := flagValue(m); value&n != 0 {
			known |= n
			name, _ := AsString(memberField(m, "_name_"))
			parts = append(parts, name)
		}
	}
	m, err := newPseudoMember(th, t, value)
	if err != nil {
		return Value{}, err
	}
	unknown = value &^ known
	switch {
	case known == 0 && unknown == 0:
		setMemberField(m, "_name_", None)
	case unknown != 0 && known == 0:
		setMemberField(m, "_name_", None)
	case unknown != 0:
		setMemberField(m, "_name_", Str(strings.Join(parts, "|")+"|"+f.numeric(unknown)))
	default:
		setMemberField(m, "_name_", Str(strings.Join(parts, "|")))
	}
	if unknown == 0 {
		if err := e.byValue.Set(th, Int(value), m); err != nil {
			return Value{}, err
		}
	}
	return m, nil
}

// newPseudoMember allocates a member of t for a combination of bits.
func newPseudoMember(th *Thread, t *Type, value int64) (Value, error) {
	var m Value
	if t.solidBase() == IntType {
		m = newNumSub(t, IntType, Int(value))
	} else {
		m = Obj(newInstance(t))
	}
	setMemberField(m, "_value_", Int(value))
	return m, nil
}

// flagBoundaryError is the ValueError of a STRICT flag given unknown
// bits, with CPython's two lines of binary digits.
func flagBoundaryError(t *Type, value, mask int64) error {
	width := max(bits.Len64(uint64(value)), bits.Len64(uint64(mask)))
	return Errorf(ValueError, "%s invalid value %d\n    given %s\n  allowed %s", reprClass(t), value, enumBin(value, width), enumBin(mask, width))
}

// enumBin is enum.bin(n, width) for n >= 0: "0b0 0111".
func enumBin(n int64, width int) string {
	digits := strconv.FormatInt(n, 2)
	if n == 0 {
		digits = ""
	}
	if len(digits) < width {
		digits = strings.Repeat("0", width-len(digits)) + digits
	}
	return "0b0 " + digits
}

// flagOperand is the int value of other for a flag operation on a
// member of t, or false when the operation does not apply.
func flagOperand(t *Type, other Value) (int64, bool) {
	if IsInstance(other, t) {
		return flagValue(other)
	}
	if t.solidBase() == IntType {
		if v := unwrapNum(other); v.IsInt() {
			return v.AsInt(), true
		}
	}
	return 0, false
}

// flagBinary builds Flag's __or__, __and__, __xor__ (and reflected).
func flagBinary(op func(a, b int64) int64) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
		}
		t := self.Type()
		b, ok := flagOperand(t, args[0])
		if !ok {
			return NotImplemented, nil
		}
		a, _ := flagValue(self)
		return flagMember(th, t, op(a, b))
	}
}

// flagInit installs Flag's methods, on IntFlag too (ahead of int's).
func flagInit() {
	or := flagBinary(func(a, b int64) int64 { return a | b })
	and := flagBinary(func(a, b int64) int64 { return a & b })
	xor := flagBinary(func(a, b int64) int64 { return a ^ b })
	methods := map[string]MethodFunc{
		"__or__": or, "__ror__": or, "__and__": and, "__rand__": and, "__xor__": xor, "__rxor__": xor,
		"__invert__": flag_invert,
		"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
			}
			if !IsInstance(args[0], self.Type()) {
				return Value{}, Errorf(TypeError, "unsupported operand type(s) for 'in': '%s' and '%s'", args[0].Type().Name, self.Type().Name)
			}
			a, _ := flagValue(self)
			b, _ := flagValue(args[0])
			return Bool(a&b == b), nil
		},
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(&tupleIter{items: flagMembersIn(self)}), nil
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			a, _ := flagValue(self)
			return Int(int64(bits.OnesCount64(uint64(a)))), nil
		},
		"__bool__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			a, _ := flagValue(self)
			return Bool(a != 0), nil
		},
	}
	FlagType.SetMethods(methods)
	FlagType.SetMethods(map[string]MethodFunc{
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := memberRepr(th, self)
			return Str(s), err
		},
	})
	IntFlagType.SetMethods(methods)
}

// flag_invert is ~member: the member's complement within the flag's
// bits.
func flag_invert(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	t := self.Type()
	_, f := flagOf(t)
	a, _ := flagValue(self)
	if f.keep {
		return flagMember(th, t, ^a)
	}
	return flagMember(th, t, f.singles&^a)
}

// flagMembersIn lists the single-bit members whose bits are in the
// member's value.
func flagMembersIn(self Value) []Value {
	_, f := flagOf(self.Type())
	a, _ := flagValue(self)
	var out []Value
	for _, m := range f.order {
		if n, _ := flagValue(m); a&n != 0 {
			out = append(out, m)
		}
	}
	return out
}

// IntFlagSpec describes an IntFlag class built from Go, such as
// re.RegexFlag.
type IntFlagSpec struct {
	Module, Name string
	Names        []string // members in definition order
	Values       []int64
	// Global gives the members module-level reprs and strs
	// (re.IGNORECASE|re.MULTILINE) and shows unknown bits in hex, as
	// enum.global_enum and _numeric_repr_ = hex do for re.RegexFlag.
	Global bool
}

// NewIntFlag makes the class `class Name(IntFlag)` of spec.
func NewIntFlag(th *Thread, spec IntFlagSpec) (*Type, error) {
	ns := NewDict()
	ns.SetStr("__module__", Str(spec.Module))
	for i, name := range spec.Names {
		ns.SetStr(name, Int(spec.Values[i]))
	}
	v, err := enumMetaNew(th, EnumMetaType, []Value{Str(spec.Name), Obj(NewTuple([]Value{Obj(IntFlagType)})), Obj(ns)}, nil)
	if err != nil {
		return nil, err
	}
	t := v.o.(*Type)
	if spec.Global {
		_, f := flagOf(t)
		f.hex = true
		repr := Obj(&BuiltinMethod{Name: "__repr__", Fn: globalFlagRepr, Owner: t})
		t.SetAttr("__repr__", repr)
		t.SetAttr("__str__", Obj(&BuiltinMethod{Name: "__str__", Fn: globalFlagRepr, Owner: t}))
	}
	return t, nil
}

// globalFlagRepr is enum.global_flag_repr: re.IGNORECASE|re.MULTILINE,
// unknown bits as they are (re.IGNORECASE|0x400).
func globalFlagRepr(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	t := self.Type()
	m, _ := t.Dict.GetStr("__module__")
	mod, _ := AsString(m)
	mod = mod[strings.LastIndexByte(mod, '.')+1:]
	name, ok := AsString(memberField(self, "_name_"))
	if !ok {
		v, err := Repr(th, memberField(self, "_value_"))
		return Str(mod + "." + t.Name + "(" + v + ")"), err
	}
	parts := strings.Split(name, "|")
	for i, p := range parts {
		if p != "" && (p[0] < '0' || p[0] > '9') {
			parts[i] = mod + "." + p
		}
	}
	return Str(strings.Join(parts, "|")), nil
}
