package runtime

// This file defines BigInt, the heap form of ints outside the int64 range,
// and the arbitrary-precision slow paths of the int operators.

import (
	"math"
	"math/big"
)

// BigInt is an int that does not fit in an int64. Values that fit are
// always inline ints (see NewBigInt), so every int has one representation
// and ==, hash() and dict keys agree. A BigInt is immutable.
type BigInt struct{ b *big.Int }

// Type returns IntType: a BigInt is a Python int.
func (*BigInt) Type() *Type { return IntType }

// Repr is repr() of a big int (limited to 4300 digits, as in CPython).
func (x *BigInt) Repr(th *Thread) (string, error) { return bigDecimal(x.b) }

// Hash is CPython's modular hash of the int.
func (x *BigInt) Hash(th *Thread) (int64, error) { return hashBig(x.b), nil }

// Truth is always true: zero is an inline int.
func (x *BigInt) Truth(th *Thread) (bool, error) { return true, nil }

// Binary applies op between x and another number.
func (x *BigInt) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	a, b := Obj(x), other
	if right {
		a, b = b, a
	}
	r, ok, err := numBinarySlow(op, a, b)
	if !ok {
		return NotImplemented, nil
	}
	return r, err
}

// Unary applies - + ~.
func (x *BigInt) Unary(th *Thread, op UnaryOp) (Value, error) {
	r, _, err := bigUnary(op, x.b)
	return r, err
}

// Compare compares x with another number.
func (x *BigInt) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	r, ok := numCompare(op, Obj(x), other)
	if !ok {
		return NotImplemented, nil
	}
	return Bool(r), nil
}

// NewBigInt returns the int value of b (b is copied): an inline int when
// it fits in an int64, else a *BigInt.
func NewBigInt(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Obj(&BigInt{new(big.Int).Set(b)})
}

// bigResult is NewBigInt that takes ownership of b.
func bigResult(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Obj(&BigInt{b})
}

// AsBigInt returns the value of any int (inline, big, bool, or an
// instance of a subclass of int) as a new big.Int the caller may modify;
// ok is false for non-ints.
func AsBigInt(v Value) (*big.Int, bool) {
	v = unwrapNum(v)
	switch kindOf(v) {
	case kInt:
		return big.NewInt(int64(v.n)), true
	case kBig:
		return new(big.Int).Set(v.o.(*BigInt).b), true
	}
	return nil, false
}

// IsIntegral reports whether v is an int of any form (inline, big, bool);
// instances of subclasses of int are NumSubs, converted by ToIndex.
func IsIntegral(v Value) bool {
	k := kindOf(v)
	return k == kInt || k == kBig
}

// toBig returns the value of an int as a big.Int that must not be modified.
func toBig(v Value) *big.Int {
	if b, ok := v.o.(*BigInt); ok {
		return b.b
	}
	return big.NewInt(int64(v.n))
}

// bigOf converts an int64 to a new big.Int.
func bigOf(i int64) *big.Int { return big.NewInt(i) }

// bigAdd is a + b after int64 overflow.
func bigAdd(a, b int64) Value { return bigResult(new(big.Int).Add(bigOf(a), bigOf(b))) }

// bigSub is a - b after int64 overflow.
func bigSub(a, b int64) Value { return bigResult(new(big.Int).Sub(bigOf(a), bigOf(b))) }

// bigBinaryValue is bigBinary for operators that cannot fail.
func bigBinaryValue(op BinaryOp, a, b *big.Int) Value {
	r, _, _ := bigBinary(op, a, b)
	return r
}

// maxBigBits bounds the size of a computed int (about 20 million digits);
// beyond it pyish raises MemoryError instead of running for hours.
const maxBigBits = 1 << 26

// bigBinary applies op to two ints of any size.
func bigBinary(op BinaryOp, a, b *big.Int) (Value, bool, error) {
	z := new(big.Int)
	switch op {
	case OpAdd:
		return bigResult(z.Add(a, b)), true, nil
	case OpSub:
		return bigResult(z.Sub(a, b)), true, nil
	case OpMul:
		if a.BitLen()+b.BitLen() > maxBigBits {
			return Value{}, true, NewException(MemoryError)
		}
		return bigResult(z.Mul(a, b)), true, nil
	case OpDiv:
		v, err := bigTrueDiv(a, b)
		return v, true, err
	case OpFloorDiv, OpMod:
		return bigDivMod(op, a, b)
	case OpPow:
		return bigPow(a, b)
	case OpLShift:
		if b.Sign() < 0 {
			return Value{}, true, Errorf(ValueError, "negative shift count")
		}
		if !b.IsInt64() {
			if a.Sign() == 0 {
				return Int(0), true, nil
			}
			return Value{}, true, Errorf(OverflowError, "too many digits in integer")
		}
		return bigLShift(a, b.Int64())
	case OpRShift:
		return bigRShift(a, b)
	case OpAnd:
		return bigResult(z.And(a, b)), true, nil
	case OpOr:
		return bigResult(z.Or(a, b)), true, nil
	case OpXor:
		return bigResult(z.Xor(a, b)), true, nil
	}
	return Value{}, false, nil
}

// bigFloorDivMod returns Python's floor quotient and modulo.
func bigFloorDivMod(a, b *big.Int) (q, r *big.Int) {
	q, r = new(big.Int).QuoRem(a, b, new(big.Int))
	if r.Sign() != 0 && r.Sign() != b.Sign() {
		q.Sub(q, big.NewInt(1))
		r.Add(r, b)
	}
	return q, r
}

// bigDivMod is a // b or a % b.
func bigDivMod(op BinaryOp, a, b *big.Int) (Value, bool, error) {
	if b.Sign() == 0 {
		if op == OpMod {
			return Value{}, true, errZeroDiv(msgIntModZero)
		}
		return Value{}, true, errZeroDiv(msgIntDivZero)
	}
	q, r := bigFloorDivMod(a, b)
	if op == OpMod {
		return bigResult(r), true, nil
	}
	return bigResult(q), true, nil
}

// bigTrueDiv is a / b correctly rounded to a float.
func bigTrueDiv(a, b *big.Int) (Value, error) {
	if b.Sign() == 0 {
		return Value{}, errZeroDiv(msgDivZero)
	}
	if a.Sign() == 0 {
		return Float(math.Copysign(0, float64(b.Sign()))), nil
	}
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return Value{}, Errorf(OverflowError, "integer division result too large for a float")
	}
	return Float(f), nil
}

// bigPow is a ** b for ints of any size.
func bigPow(a, b *big.Int) (Value, bool, error) {
	if b.Sign() < 0 {
		x, err := bigToFloat(a)
		if err != nil {
			return Value{}, true, err
		}
		y, err := bigToFloat(b)
		if err != nil {
			return Value{}, true, err
		}
		return floatBinary(OpPow, x, y)
	}
	if a.CmpAbs(big.NewInt(1)) <= 0 {
		if a.Sign() < 0 && b.Bit(0) == 0 {
			return Int(1), true, nil
		}
		if b.Sign() == 0 {
			return Int(1), true, nil
		}
		return bigResult(new(big.Int).Set(a)), true, nil
	}
	if !b.IsInt64() || b.Int64() > maxBigBits || int64(a.BitLen()-1)*b.Int64() > maxBigBits {
		return Value{}, true, NewException(MemoryError)
	}
	return bigResult(new(big.Int).Exp(a, b, nil)), true, nil
}

// bigLShift is a << n for n >= 0.
func bigLShift(a *big.Int, n int64) (Value, bool, error) {
	if n > maxBigBits || int64(a.BitLen())+n > maxBigBits {
		return Value{}, true, NewException(MemoryError)
	}
	return bigResult(new(big.Int).Lsh(a, uint(n))), true, nil
}

// bigRShift is a >> b, rounding toward minus infinity.
func bigRShift(a, b *big.Int) (Value, bool, error) {
	if b.Sign() < 0 {
		return Value{}, true, Errorf(ValueError, "negative shift count")
	}
	if !b.IsInt64() || b.Int64() >= int64(a.BitLen()) {
		if a.Sign() < 0 {
			return Int(-1), true, nil
		}
		return Int(0), true, nil
	}
	return bigResult(new(big.Int).Rsh(a, uint(b.Int64()))), true, nil
}

// bigUnary applies - + ~ to a big int.
func bigUnary(op UnaryOp, a *big.Int) (Value, bool, error) {
	switch op {
	case OpNeg:
		return bigResult(new(big.Int).Neg(a)), true, nil
	case OpPos:
		return bigResult(new(big.Int).Set(a)), true, nil
	case OpInvert:
		return bigResult(new(big.Int).Not(a)), true, nil
	}
	return Value{}, false, nil
}

// bigToFloat converts an int to the nearest float (OverflowError if huge).
func bigToFloat(b *big.Int) (float64, error) {
	if b.IsInt64() {
		return float64(b.Int64()), nil
	}
	f, _ := new(big.Float).SetInt(b).Float64()
	if math.IsInf(f, 0) {
		return 0, Errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// cmpFloatBig compares a finite float with an int exactly.
func cmpFloatBig(f float64, b *big.Int) int {
	return new(big.Float).SetFloat64(f).Cmp(new(big.Float).SetInt(b))
}

// hashBig is CPython's hash of an int of any size.
func hashBig(b *big.Int) int64 {
	m := new(big.Int).Abs(b)
	m.Mod(m, big.NewInt(hashModulus))
	h := m.Int64()
	if b.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		return -2
	}
	return h
}

// maxStrDigits is CPython's default limit on int <-> decimal string
// conversion (sys.set_int_max_str_digits).
const maxStrDigits = 4300

// bigDecimal is str() of a big int, refusing more than maxStrDigits digits.
func bigDecimal(b *big.Int) (string, error) {
	if b.BitLen() > maxStrDigits*10/3+10 {
		return "", errStrDigits()
	}
	s := b.String()
	n := len(s)
	if b.Sign() < 0 {
		n--
	}
	if n > maxStrDigits {
		return "", errStrDigits()
	}
	return s, nil
}

// errStrDigits is the ValueError for converting a too long int to str.
func errStrDigits() error {
	return Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
}
