package runtime

// This file installs int and bool: their constructors (int(x, base),
// bool(x)), methods (int_bit_length, int_to_bytes, …) and the special
// methods that expose the operators to explicit calls and super().

import (
	"math/big"
	"math/bits"
)

func init() {
	IntType.New = int_new
	BoolType.New = bool_new
	IntType.SetMethods(unwrapMethods(intMethods))
	IntType.SetMethods(unwrapMethods(numberDunders(isIntOperand)))
	IntType.Dict.SetStr("from_bytes", Obj(&ClassMethod{Fn: NewBuiltin("from_bytes", subclassResult(IntType, int_from_bytes))}))
	IntType.SetMembers(unwrapMembers(map[string]MemberFunc{
		"real":        func(th *Thread, self Value) (Value, error) { return intPlain(self), nil },
		"imag":        func(th *Thread, self Value) (Value, error) { return Int(0), nil },
		"numerator":   func(th *Thread, self Value) (Value, error) { return intPlain(self), nil },
		"denominator": func(th *Thread, self Value) (Value, error) { return Int(1), nil },
	}))
}

// intPlain returns an int (bools become 0 or 1).
func intPlain(v Value) Value {
	if v.IsBool() {
		return Int(int64(v.n))
	}
	return v
}

// isIntOperand reports whether int's special methods accept v.
func isIntOperand(v Value) bool { return IsIntegral(unwrapNum(v)) }

// isFloatOperand reports whether float's special methods accept v.
func isFloatOperand(v Value) bool { return kindOf(unwrapNum(v)) != kNone }

// numberDunders builds __add__, __radd__, …, __eq__, … for a numeric type
// whose methods accept the operands ok approves (others: NotImplemented).
func numberDunders(ok func(Value) bool) map[string]MethodFunc {
	names := [...]string{OpAdd: "add", OpSub: "sub", OpMul: "mul", OpDiv: "truediv", OpMod: "mod",
		OpPow: "pow", OpLShift: "lshift", OpRShift: "rshift", OpOr: "or", OpXor: "xor",
		OpAnd: "and", OpFloorDiv: "floordiv"}
	m := map[string]MethodFunc{}
	for op, name := range names {
		if name == "" {
			continue
		}
		m["__"+name+"__"] = binaryDunder(BinaryOp(op), false, ok)
		m["__r"+name+"__"] = binaryDunder(BinaryOp(op), true, ok)
	}
	cmps := [...]string{CmpEq: "eq", CmpNe: "ne", CmpLt: "lt", CmpLe: "le", CmpGt: "gt", CmpGe: "ge"}
	for op, name := range cmps {
		m["__"+name+"__"] = compareDunder(CmpOp(op), ok)
	}
	unary := map[string]UnaryOp{"__neg__": OpNeg, "__pos__": OpPos, "__invert__": OpInvert}
	for name, op := range unary {
		m[name] = unaryDunder(op)
	}
	m["__divmod__"] = divmodDunder(false, ok)
	m["__rdivmod__"] = divmodDunder(true, ok)
	m["__bool__"] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		t, err := Truth(th, self)
		return Bool(t), err
	}
	m["__hash__"] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		h, _ := numHash(self)
		return Int(h), nil
	}
	m["__repr__"] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		s, err := Repr(th, self)
		return Str(s), err
	}
	m["__format__"] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("__format__", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		spec, isStr := AsString(args[0])
		if !isStr {
			return Value{}, Errorf(TypeError, "__format__() argument must be str, not %s", args[0].Type().Name)
		}
		s, err := Format(th, self, spec)
		return Str(s), err
	}
	return m
}

// binaryDunder is one operator special method.
func binaryDunder(op BinaryOp, right bool, ok func(Value) bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !ok(args[0]) {
			return NotImplemented, nil
		}
		a, b := self, unwrapNum(args[0])
		if right {
			a, b = b, a
		}
		r, applies, err := numBinary(op, a, b)
		if !applies {
			return NotImplemented, nil
		}
		return r, err
	}
}

// compareDunder is one rich comparison special method.
func compareDunder(op CmpOp, ok func(Value) bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !ok(args[0]) {
			return NotImplemented, nil
		}
		r, _ := numCompare(op, self, unwrapNum(args[0]))
		return Bool(r), nil
	}
}

// unaryDunder is __neg__, __pos__ or __invert__.
func unaryDunder(op UnaryOp) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		r, ok, err := numUnary(op, self)
		if !ok {
			return NotImplemented, nil
		}
		return r, err
	}
}

// divmodDunder is __divmod__ or __rdivmod__.
func divmodDunder(right bool, ok func(Value) bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if !ok(args[0]) {
			return NotImplemented, nil
		}
		a, b := self, unwrapNum(args[0])
		if right {
			a, b = b, a
		}
		return DivMod(a, b)
	}
}

// DivMod is divmod(a, b) for two numbers.
func DivMod(a, b Value) (Value, error) {
	if kindOf(a) == kFloat || kindOf(b) == kFloat {
		x, err := numToFloat(a, kindOf(a))
		if err != nil {
			return Value{}, err
		}
		y, err := numToFloat(b, kindOf(b))
		if err != nil {
			return Value{}, err
		}
		if y == 0 {
			return Value{}, errZeroDiv("float divmod()")
		}
		q, r := floatDivMod(x, y)
		return Obj(NewTuple([]Value{Float(q), Float(r)})), nil
	}
	q, _, err := numBinary(OpFloorDiv, a, b)
	if err != nil {
		return Value{}, err
	}
	r, _, err := numBinary(OpMod, a, b)
	if err != nil {
		return Value{}, err
	}
	return Obj(NewTuple([]Value{q, r})), nil
}

// intMethods is the method table of int.
var intMethods = map[string]MethodFunc{
	"bit_length": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("int.bit_length", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		if kindOf(self) == kBig {
			return Int(int64(toBig(self).BitLen())), nil
		}
		return Int(int64(bits.Len64(absU64(int64(self.n))))), nil
	},
	"bit_count": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("int.bit_count", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		if kindOf(self) == kBig {
			n := 0
			for _, w := range new(big.Int).Abs(toBig(self)).Bits() {
				n += bits.OnesCount64(uint64(w))
			}
			return Int(int64(n)), nil
		}
		return Int(int64(bits.OnesCount64(absU64(int64(self.n))))), nil
	},
	"to_bytes":         int_to_bytes,
	"conjugate":        intIdentity("conjugate"),
	"__index__":        intIdentity("__index__"),
	"__int__":          intIdentity("__int__"),
	"__trunc__":        intIdentity("__trunc__"),
	"__floor__":        intIdentity("__floor__"),
	"__ceil__":         intIdentity("__ceil__"),
	"__round__":        int_round,
	"__abs__":          int_abs,
	"__float__":        int_float,
	"as_integer_ratio": int_as_integer_ratio,
	"is_integer": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return True, strArity("int.is_integer", args, kwnames, 0, 0)
	},
	"__getnewargs__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(NewTuple([]Value{intPlain(self)})), nil
	},
}

// absU64 is |i| as a uint64 (correct for MinInt64).
func absU64(i int64) uint64 {
	if i < 0 {
		return -uint64(i)
	}
	return uint64(i)
}

// intIdentity is a method returning the int itself.
func intIdentity(name string) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("int."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return intPlain(self), nil
	}
}

// int_abs is int.__abs__.
func int_abs(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	return Abs(self)
}

// Abs is abs() of a number.
func Abs(v Value) (Value, error) {
	switch kindOf(v) {
	case kInt:
		if int64(v.n) < 0 {
			r, _, err := intUnary(OpNeg, int64(v.n))
			return r, err
		}
		return intPlain(v), nil
	case kBig:
		return bigResult(new(big.Int).Abs(toBig(v))), nil
	case kFloat:
		f := v.AsFloat()
		if f < 0 || (f == 0 && 1/f < 0) {
			f = -f
		}
		return Float(f), nil
	}
	return Value{}, Errorf(TypeError, "bad operand type for abs(): '%s'", v.Type().Name)
}

// int_float is int.__float__.
func int_float(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	f, err := numToFloat(self, kindOf(self))
	if err != nil {
		return Value{}, err
	}
	return Float(f), nil
}

// int_as_integer_ratio is int.as_integer_ratio().
func int_as_integer_ratio(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	return Obj(NewTuple([]Value{intPlain(self), Int(1)})), nil
}

// int_round is int.__round__(ndigits=None): negative ndigits round to a
// multiple of a power of ten, ties to even.
func int_round(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("__round__", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return intPlain(self), nil
	}
	nd := args[0]
	n, err := ToIndex(th, nd)
	if err != nil {
		return Value{}, err
	}
	if kindOf(n) == kBig || int64(n.n) >= 0 {
		return intPlain(self), nil
	}
	if int64(n.n) < -maxBigBits {
		return Int(0), nil
	}
	return RoundIntToPow10(self, -int64(n.n)), nil
}

// RoundIntToPow10 rounds the int v to a multiple of 10**k, ties to even.
func RoundIntToPow10(v Value, k int64) Value {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil)
	q, r := bigFloorDivMod(toBig(v), p)
	c := new(big.Int).Lsh(r, 1).Cmp(p)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return bigResult(q.Mul(q, p))
}

// int_to_bytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func int_to_bytes(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	length, order, signed := int64(1), "big", false
	if err := UnpackArgs("to_bytes", args, kwnames, "length?", &length, "byteorder?", &order, "signed?", &signed); err != nil {
		return Value{}, err
	}
	if order != "big" && order != "little" {
		return Value{}, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
	}
	if length < 0 {
		return Value{}, Errorf(ValueError, "length argument must be non-negative")
	}
	x := toBig(self)
	if x.Sign() < 0 && !signed {
		return Value{}, Errorf(OverflowError, "can't convert negative int to unsigned")
	}
	u := new(big.Int).Set(x)
	if x.Sign() < 0 {
		u.Add(u, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	limit := 8 * length
	if signed {
		limit--
	}
	if (x.Sign() >= 0 && int64(x.BitLen()) > limit) || (x.Sign() < 0 && int64(new(big.Int).Not(x).BitLen()) > limit) || u.Sign() < 0 {
		return Value{}, Errorf(OverflowError, "int too big to convert")
	}
	out := u.FillBytes(make([]byte, length))
	if order == "little" {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return newBytes(out), nil
}

// int_from_bytes is int.from_bytes(bytes, byteorder='big', *, signed=False)
// (args[0] is the class).
func int_from_bytes(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "from_bytes() missing required argument 'bytes' (pos 1)")
	}
	var src Value
	order, signed := "big", false
	if err := UnpackArgs("from_bytes", args[1:], kwnames, "bytes", &src, "byteorder?", &order, "signed?", &signed); err != nil {
		return Value{}, err
	}
	b, ok := AsBytes(src)
	if !ok {
		items, err := ToSlice(th, src)
		if err != nil {
			return Value{}, err
		}
		b = make([]byte, len(items))
		for i, it := range items {
			n, err := ToInt64(th, it)
			if err != nil {
				return Value{}, err
			}
			if n < 0 || n > 255 {
				return Value{}, Errorf(ValueError, "bytes must be in range(0, 256)")
			}
			b[i] = byte(n)
		}
	}
	if order != "big" && order != "little" {
		return Value{}, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
	}
	be := append([]byte(nil), b...)
	if order == "little" {
		for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
			be[i], be[j] = be[j], be[i]
		}
	}
	x := new(big.Int).SetBytes(be)
	if signed && len(be) > 0 && be[0]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(be))))
	}
	return bigResult(x), nil
}

// int_new is int(x=0) and int(x, base=10).
func int_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	for _, k := range kwnames {
		if k != "base" {
			return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for int()", k)
		}
	}
	var x, base Value
	if err := UnpackArgs("int", args, kwnames, "x?", &x, "base?", &base); err != nil {
		return Value{}, err
	}
	if x.IsNull() {
		if !base.IsNull() {
			return Value{}, Errorf(TypeError, "int() missing string argument")
		}
		return newNumSub(t, IntType, Int(0)), nil
	}
	if !base.IsNull() {
		b, err := ToInt64(th, base)
		if err != nil {
			return Value{}, err
		}
		v, err := intFromText(x, int(b), true)
		if err != nil {
			return Value{}, err
		}
		return newNumSub(t, IntType, v), nil
	}
	v, err := ToInt(th, x)
	if err != nil {
		return Value{}, err
	}
	return newNumSub(t, IntType, v), nil
}

// intFromText is int(str_or_bytes, base).
func intFromText(x Value, base int, explicit bool) (Value, error) {
	if s, ok := AsString(x); ok {
		return IntFromString(s, base)
	}
	if b, ok := AsBytes(x); ok {
		v, err := IntFromString(string(b), base)
		if err != nil && (base == 0 || (base >= 2 && base <= 36)) {
			if e := AsException(err); e != nil && e.Matches(ValueError) && !isDigitsLimitError(e) {
				return Value{}, Errorf(ValueError, "invalid literal for int() with base %d: %s", base, BytesRepr(b))
			}
		}
		return v, err
	}
	return Value{}, Errorf(TypeError, "int() can't convert non-string with explicit base")
}

// isDigitsLimitError reports whether e is the 4300-digit limit error.
func isDigitsLimitError(e *Exception) bool {
	if len(e.Args) == 0 {
		return false
	}
	s, _ := AsString(e.Args[0])
	return len(s) > 10 && s[:10] == "Exceeds th"
}

// ToInt is int(x) for one argument: ints, floats (truncated), str and
// bytes (base 10), and objects with __int__, __index__ or __trunc__.
func ToInt(th *Thread, x Value) (Value, error) {
	x = unwrapNum(x)
	switch kindOf(x) {
	case kInt, kBig:
		return intPlain(x), nil
	case kFloat:
		return floatToInt(x.AsFloat())
	}
	if _, ok := AsString(x); ok {
		return intFromText(x, 10, false)
	}
	if _, ok := AsBytes(x); ok {
		return intFromText(x, 10, false)
	}
	for _, name := range [...]string{"__int__", "__index__", "__trunc__"} {
		r, ok, err := callDunder(th, x, name)
		if !ok {
			continue
		}
		if err != nil {
			return Value{}, err
		}
		if !IsIntegral(r) {
			return Value{}, Errorf(TypeError, "%s returned non-int (type %s)", name, r.Type().Name)
		}
		return intPlain(r), nil
	}
	return Value{}, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
}

// bool_new is bool(x=False).
func bool_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "bool() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return False, nil
	case 1:
		b, err := Truth(th, args[0])
		return Bool(b), err
	}
	return Value{}, Errorf(TypeError, "bool expected at most 1 argument, got %d", len(args))
}
