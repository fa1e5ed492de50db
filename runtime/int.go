package runtime

// This file dispatches the numeric operators (int, big int, bool, float)
// and holds the allocation-free int64 fast paths.

import (
	"math"
	"math/bits"
	"strconv"
)

// numKind classifies a numeric operand.
type numKind uint8

const (
	kNone  numKind = iota // not a number
	kInt                  // inline int64 or bool
	kBig                  // *BigInt
	kFloat                // float
)

// kindOf classifies v for the numeric slow paths.
func kindOf(v Value) numKind {
	switch v.o {
	case Object(intTag), Object(boolTag):
		return kInt
	case Object(floatTag):
		return kFloat
	}
	if _, ok := v.o.(*BigInt); ok {
		return kBig
	}
	return kNone
}

// numBinary applies op to two numbers (int, big int, float, bool); ok is
// false when either operand is not a number or op does not apply.
func numBinary(op BinaryOp, x, y Value) (r Value, ok bool, err error) {
	if x.o == Object(intTag) && y.o == Object(intTag) {
		return intBinary(op, int64(x.n), int64(y.n))
	}
	if x.o == Object(floatTag) && y.o == Object(floatTag) {
		return floatBinary(op, x.AsFloat(), y.AsFloat())
	}
	return numBinarySlow(op, x, y)
}

// numBinarySlow handles mixed kinds, bools and big ints.
func numBinarySlow(op BinaryOp, x, y Value) (Value, bool, error) {
	kx, ky := kindOf(x), kindOf(y)
	if kx == kNone || ky == kNone || op == OpMatMul {
		return Value{}, false, nil
	}
	if kx == kFloat || ky == kFloat {
		return mixedFloatBinary(op, x, y, kx, ky)
	}
	if x.o == Object(boolTag) && y.o == Object(boolTag) {
		switch op {
		case OpAnd:
			return Bool(x.n&y.n != 0), true, nil
		case OpOr:
			return Bool(x.n|y.n != 0), true, nil
		case OpXor:
			return Bool(x.n^y.n != 0), true, nil
		}
	}
	if kx == kInt && ky == kInt {
		return intBinary(op, int64(x.n), int64(y.n))
	}
	return bigBinary(op, toBig(x), toBig(y))
}

// mixedFloatBinary applies op when at least one operand is a float.
func mixedFloatBinary(op BinaryOp, x, y Value, kx, ky numKind) (Value, bool, error) {
	switch op {
	case OpLShift, OpRShift, OpAnd, OpOr, OpXor:
		return Value{}, false, nil
	}
	a, err := numToFloat(x, kx)
	if err != nil {
		return Value{}, true, err
	}
	b, err := numToFloat(y, ky)
	if err != nil {
		return Value{}, true, err
	}
	return floatBinary(op, a, b)
}

// numToFloat converts an int, bool, big int or float to float64.
func numToFloat(v Value, k numKind) (float64, error) {
	switch k {
	case kFloat:
		return v.AsFloat(), nil
	case kInt:
		return float64(int64(v.n)), nil
	}
	return bigToFloat(v.o.(*BigInt).b)
}

// intBinary applies op to two int64s, promoting to big ints on overflow.
func intBinary(op BinaryOp, a, b int64) (Value, bool, error) {
	switch op {
	case OpAdd:
		s := a + b
		if (s^a)&(s^b) < 0 {
			return bigAdd(a, b), true, nil
		}
		return Int(s), true, nil
	case OpSub:
		s := a - b
		if (a^b)&(a^s) < 0 {
			return bigSub(a, b), true, nil
		}
		return Int(s), true, nil
	case OpMul:
		return intMul(a, b), true, nil
	case OpDiv:
		return intTrueDiv(a, b)
	case OpFloorDiv:
		return intFloorDiv(a, b)
	case OpMod:
		return intMod(a, b)
	case OpPow:
		return intPow(a, b)
	case OpLShift:
		return intLShift(a, b)
	case OpRShift:
		return intRShift(a, b)
	case OpAnd:
		return Int(a & b), true, nil
	case OpOr:
		return Int(a | b), true, nil
	case OpXor:
		return Int(a ^ b), true, nil
	}
	return Value{}, false, nil
}

// intMul multiplies with 128-bit overflow detection.
func intMul(a, b int64) Value {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	h := int64(hi)
	if a < 0 {
		h -= b
	}
	if b < 0 {
		h -= a
	}
	if h != int64(lo)>>63 {
		return bigBinaryValue(OpMul, bigOf(a), bigOf(b))
	}
	return Int(int64(lo))
}

// errIntZeroDiv and friends build CPython's ZeroDivisionError messages.
func errZeroDiv(msg string) error { return Errorf(ZeroDivisionError, "%s", msg) }

const (
	msgDivZero      = "division by zero"
	msgIntDivZero   = "integer division or modulo by zero"
	msgIntModZero   = "integer modulo by zero"
	msgFloatDivZero = "float division by zero"
)

// intTrueDiv is a / b for int64s: a correctly rounded float.
func intTrueDiv(a, b int64) (Value, bool, error) {
	if b == 0 {
		return Value{}, true, errZeroDiv(msgDivZero)
	}
	const exact = 1 << 53
	if a <= exact && a >= -exact && b <= exact && b >= -exact {
		return Float(float64(a) / float64(b)), true, nil
	}
	f, err := bigTrueDiv(bigOf(a), bigOf(b))
	return f, true, err
}

// intFloorDiv is a // b with Python's rounding toward minus infinity.
func intFloorDiv(a, b int64) (Value, bool, error) {
	if b == 0 {
		return Value{}, true, errZeroDiv(msgIntDivZero)
	}
	if a == math.MinInt64 && b == -1 {
		return bigBinaryValue(OpFloorDiv, bigOf(a), bigOf(b)), true, nil
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return Int(q), true, nil
}

// intMod is a % b with the sign of b.
func intMod(a, b int64) (Value, bool, error) {
	if b == 0 {
		return Value{}, true, errZeroDiv(msgIntModZero)
	}
	r := a % b
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return Int(r), true, nil
}

// intPow is a ** b: a float for negative b, else exact.
func intPow(a, b int64) (Value, bool, error) {
	if b < 0 {
		return floatBinary(OpPow, float64(a), float64(b))
	}
	result, base := int64(1), a
	for e := b; ; {
		if e&1 != 0 {
			r := intMul(result, base)
			if !r.IsInt() {
				return bigPow(bigOf(a), bigOf(b))
			}
			result = r.AsInt()
		}
		e >>= 1
		if e == 0 {
			break
		}
		sq := intMul(base, base)
		if !sq.IsInt() {
			return bigPow(bigOf(a), bigOf(b))
		}
		base = sq.AsInt()
	}
	return Int(result), true, nil
}

// intLShift is a << b.
func intLShift(a, b int64) (Value, bool, error) {
	if b < 0 {
		return Value{}, true, Errorf(ValueError, "negative shift count")
	}
	if a == 0 {
		return Int(0), true, nil
	}
	if b < 63 {
		r := a << uint(b)
		if r>>uint(b) == a {
			return Int(r), true, nil
		}
	}
	return bigLShift(bigOf(a), b)
}

// intRShift is a >> b (arithmetic: rounds toward minus infinity).
func intRShift(a, b int64) (Value, bool, error) {
	if b < 0 {
		return Value{}, true, Errorf(ValueError, "negative shift count")
	}
	if b > 63 {
		b = 63
	}
	return Int(a >> uint(b)), true, nil
}

// numUnary applies - + ~ to a number; ok is false for non-numbers.
func numUnary(op UnaryOp, x Value) (r Value, ok bool, err error) {
	switch kindOf(x) {
	case kInt:
		return intUnary(op, int64(x.n))
	case kFloat:
		switch op {
		case OpNeg:
			return Float(-x.AsFloat()), true, nil
		case OpPos:
			return x, true, nil
		}
	case kBig:
		return bigUnary(op, x.o.(*BigInt).b)
	}
	return Value{}, false, nil
}

// intUnary applies a unary operator to an int64 (bools become ints).
func intUnary(op UnaryOp, a int64) (Value, bool, error) {
	switch op {
	case OpNeg:
		if a == math.MinInt64 {
			return bigUnary(op, bigOf(a))
		}
		return Int(-a), true, nil
	case OpPos:
		return Int(a), true, nil
	case OpInvert:
		return Int(^a), true, nil
	}
	return Value{}, false, nil
}

// numCompare compares two numbers; ok is false when either is not a number.
func numCompare(op CmpOp, x, y Value) (r bool, ok bool) {
	if x.o == Object(intTag) && y.o == Object(intTag) {
		return cmpResult(op, cmpInt64(int64(x.n), int64(y.n))), true
	}
	if x.o == Object(floatTag) && y.o == Object(floatTag) {
		return cmpFloats(op, x.AsFloat(), y.AsFloat()), true
	}
	c, unordered, ok := numCmpSlow(x, y)
	if !ok {
		return false, false
	}
	if unordered {
		return op == CmpNe, true
	}
	return cmpResult(op, c), true
}

// cmpFloats compares floats with IEEE semantics (nan is unordered).
func cmpFloats(op CmpOp, a, b float64) bool {
	switch op {
	case CmpEq:
		return a == b
	case CmpNe:
		return a != b
	case CmpLt:
		return a < b
	case CmpLe:
		return a <= b
	case CmpGt:
		return a > b
	}
	return a >= b
}

// cmpInt64 returns -1, 0 or +1.
func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpResult turns a three-way comparison into op's answer.
func cmpResult(op CmpOp, c int) bool {
	switch op {
	case CmpEq:
		return c == 0
	case CmpNe:
		return c != 0
	case CmpLt:
		return c < 0
	case CmpLe:
		return c <= 0
	case CmpGt:
		return c > 0
	}
	return c >= 0
}

// numCmpSlow compares numbers of mixed kinds exactly (like CPython, a big
// int and a float compare by value, never by rounding the int).
func numCmpSlow(x, y Value) (c int, unordered, ok bool) {
	kx, ky := kindOf(x), kindOf(y)
	if kx == kNone || ky == kNone {
		return 0, false, false
	}
	switch {
	case kx == kFloat && ky == kFloat:
		return cmpFloat64(x.AsFloat(), y.AsFloat())
	case kx == kFloat:
		c, unordered = cmpFloatInt(x.AsFloat(), y, ky)
		return c, unordered, true
	case ky == kFloat:
		c, unordered = cmpFloatInt(y.AsFloat(), x, kx)
		return -c, unordered, true
	case kx == kInt && ky == kInt:
		return cmpInt64(int64(x.n), int64(y.n)), false, true
	}
	return toBig(x).Cmp(toBig(y)), false, true
}

// cmpFloat64 is a three-way float comparison.
func cmpFloat64(a, b float64) (int, bool, bool) {
	switch {
	case a < b:
		return -1, false, true
	case a > b:
		return 1, false, true
	case a == b:
		return 0, false, true
	}
	return 0, true, true
}

// cmpFloatInt compares float f with the int v exactly.
func cmpFloatInt(f float64, v Value, k numKind) (int, bool) {
	if math.IsNaN(f) {
		return 0, true
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return 1, false
		}
		return -1, false
	}
	if k == kInt {
		i := int64(v.n)
		if i >= -(1<<53) && i <= 1<<53 {
			c, _, _ := cmpFloat64(f, float64(i))
			return c, false
		}
	}
	return cmpFloatBig(f, toBig(v)), false
}

// numHash is hash() of a number, equal for equal numbers of any type
// (CPython's modular hash with modulus 2**61-1).
func numHash(x Value) (h int64, ok bool) {
	switch kindOf(x) {
	case kInt:
		return hashInt64(int64(x.n)), true
	case kFloat:
		return hashFloat(x.AsFloat()), true
	case kBig:
		return hashBig(x.o.(*BigInt).b), true
	}
	return 0, false
}

// hashModulus is CPython's _PyHASH_MODULUS, 2**61 - 1.
const hashModulus = 1<<61 - 1

// hashInt64 is CPython's hash of an int: sign * (|i| mod 2**61-1), with
// -1 (reserved for errors in CPython) mapped to -2.
func hashInt64(i int64) int64 {
	if i >= 0 {
		return int64(uint64(i) % hashModulus)
	}
	u := uint64(-(i + 1)) + 1
	h := -int64(u % hashModulus)
	if h == -1 {
		return -2
	}
	return h
}

// numRepr is repr() of an inline value (int, float, bool, None).
func numRepr(x Value) string {
	switch x.o {
	case Object(intTag):
		return strconv.FormatInt(int64(x.n), 10)
	case Object(floatTag):
		return FloatRepr(x.AsFloat())
	case Object(boolTag):
		if x.n != 0 {
			return "True"
		}
		return "False"
	case Object(noneTag):
		return "None"
	}
	return ""
}
