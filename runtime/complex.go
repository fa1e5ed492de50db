package runtime

// This file defines complex: the value, its arithmetic with CPython's
// algorithms (_Py_c_prod, _Py_c_quot, _Py_c_pow, c_powi), comparison,
// hash and repr.

import (
	"math"
	"strings"

	"github.com/pyish/pyish/runtime/libm"
)

// ComplexType is Python's complex.
var ComplexType = NewType("complex", nil)

// Complex is a complex number, immutable.
type Complex struct{ v complex128 }

// NewComplex returns the complex value c.
func NewComplex(c complex128) Value { return Obj(&Complex{c}) }

// Type implements Object.
func (c *Complex) Type() *Type { return ComplexType }

// Value returns the number.
func (c *Complex) Value() complex128 { return c.v }

// AsComplex returns the complex128 of a complex value.
func AsComplex(v Value) (complex128, bool) {
	c, ok := v.o.(*Complex)
	if !ok {
		return 0, false
	}
	return c.v, true
}

// complexOperand converts the other operand of a complex operator: an int,
// bool, big int, float or complex; ok is false for anything else. A big
// int too large for a float raises OverflowError, as in CPython.
func complexOperand(v Value) (complex128, bool, error) {
	v = unwrapNum(v)
	if c, ok := v.o.(*Complex); ok {
		return c.v, true, nil
	}
	k := kindOf(v)
	if k == kNone {
		return 0, false, nil
	}
	f, err := numToFloat(v, k)
	return complex(f, 0), true, err
}

// Binary implements HasBinary: + - * / ** with numbers; the rest (//, %,
// bit operators) are not defined for complex.
func (c *Complex) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd, OpSub, OpMul, OpDiv, OpPow:
	default:
		return NotImplemented, nil
	}
	b, ok, err := complexOperand(other)
	if !ok || err != nil {
		return NotImplemented, err
	}
	x, y := c.v, b
	if right {
		x, y = y, x
	}
	return complexBinary(op, x, y)
}

// complexBinary applies + - * / ** to two complex numbers.
func complexBinary(op BinaryOp, x, y complex128) (Value, error) {
	switch op {
	case OpAdd:
		return NewComplex(complex(real(x)+real(y), imag(x)+imag(y))), nil
	case OpSub:
		return NewComplex(complex(real(x)-real(y), imag(x)-imag(y))), nil
	case OpMul:
		return NewComplex(cProd(x, y)), nil
	case OpDiv:
		q, ok := cQuot(x, y)
		if !ok {
			return Value{}, errZeroDiv("complex division by zero")
		}
		return NewComplex(q), nil
	}
	return complexPowValue(x, y)
}

// cProd is _Py_c_prod. The float64 conversions keep Go from fusing the
// multiply-adds, so every product rounds as in C.
func cProd(a, b complex128) complex128 {
	re := float64(real(a)*real(b)) - float64(imag(a)*imag(b))
	im := float64(real(a)*imag(b)) + float64(imag(a)*real(b))
	return complex(re, im)
}

// cQuot is _Py_c_quot (Smith's algorithm); ok is false for a zero divisor.
func cQuot(a, b complex128) (complex128, bool) {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	absBr, absBi := math.Abs(br), math.Abs(bi)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return 0, false
		}
		ratio := bi / br
		denom := br + float64(bi*ratio)
		return complex((ar+float64(ai*ratio))/denom, (ai-float64(ar*ratio))/denom), true
	case absBi >= absBr:
		ratio := br / bi
		denom := float64(br*ratio) + bi
		return complex((float64(ar*ratio)+ai)/denom, (float64(ai*ratio)-ar)/denom), true
	}
	nan := math.NaN()
	return complex(nan, nan), true
}

// errComplexZeroPow is complex_pow's EDOM error.
func errComplexZeroPow() error {
	return errZeroDiv("0.0 to a negative or complex power")
}

// complexPowValue is complex_pow: small integer exponents by repeated
// multiplication (c_powi), others by _Py_c_pow; an infinite part is an
// OverflowError as CPython's errno check makes it.
func complexPowValue(a, b complex128) (Value, error) {
	var r complex128
	ok := true
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		r, ok = cPowi(a, int64(real(b)))
	} else {
		r, ok = cPow(a, b)
	}
	if !ok {
		return Value{}, errComplexZeroPow()
	}
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return Value{}, Errorf(OverflowError, "complex exponentiation")
	}
	return NewComplex(r), nil
}

// cPowu is c_powu: x ** n for n >= 0 by binary powering.
func cPowu(x complex128, n int64) complex128 {
	r, p := complex(1, 0), x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	return r
}

// cPowi is c_powi; ok is false when a negative power divides by zero.
func cPowi(x complex128, n int64) (complex128, bool) {
	if n > 0 {
		return cPowu(x, n), true
	}
	return cQuot(complex(1, 0), cPowu(x, -n))
}

// cPow is _Py_c_pow; ok is false for zero to a negative or complex power.
func cPow(a, b complex128) (complex128, bool) {
	switch {
	case b == 0:
		return complex(1, 0), true
	case a == 0:
		return 0, imag(b) == 0 && real(b) >= 0
	}
	vabs := cHypot(real(a), imag(a))
	length := libm.Pow(vabs, real(b))
	at := libm.Atan2(imag(a), real(a))
	phase := at * real(b)
	if imag(b) != 0 {
		length /= libm.Exp(at * imag(b))
		phase += imag(b) * libm.Log(vabs)
	}
	return complex(length*libm.Cos(phase), length*libm.Sin(phase)), true
}

// cHypot is C's hypot, with its infinities and nans.
func cHypot(x, y float64) float64 {
	switch {
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Inf(1)
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	}
	return hypot(x, y)
}

// negativeToFraction reports whether float's v ** w is complex in
// Python 3: a finite negative base and a finite non-integer exponent.
func negativeToFraction(v, w float64) bool {
	return v < 0 && !math.IsInf(v, -1) && !math.IsNaN(w) && w != math.Floor(w)
}

// complexPowOf is float's v ** w when the result is complex.
func complexPowOf(v, w float64) (Value, bool, error) {
	r, err := complexPowValue(complex(v, 0), complex(w, 0))
	return r, true, err
}

// Unary implements HasUnary.
func (c *Complex) Unary(th *Thread, op UnaryOp) (Value, error) {
	switch op {
	case OpNeg:
		return NewComplex(complex(-real(c.v), -imag(c.v))), nil
	case OpPos:
		return NewComplex(c.v), nil
	}
	return NotImplemented, nil
}

// Truth implements HasTruth.
func (c *Complex) Truth(th *Thread) (bool, error) { return c.v != 0, nil }

// Compare implements HasCompare: only == and != are defined, against
// ints (exactly, as CPython compares a float with an int), floats and
// complex numbers.
func (c *Complex) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if op != CmpEq && op != CmpNe {
		return NotImplemented, nil
	}
	other = unwrapNum(other)
	var eq bool
	if o, ok := other.o.(*Complex); ok {
		eq = c.v == o.v
	} else if kindOf(other) != kNone {
		r, _ := numCompare(CmpEq, Float(real(c.v)), other)
		eq = r && imag(c.v) == 0
	} else {
		return NotImplemented, nil
	}
	return Bool(eq == (op == CmpEq)), nil
}

// hashImag is CPython's _PyHASH_IMAG.
const hashImag = 1000003

// Hash implements HasHash: hash(complex(x, 0)) == hash(x).
func (c *Complex) Hash(th *Thread) (int64, error) { return complexHash(c.v), nil }

// complexHash is CPython's complex_hash.
func complexHash(v complex128) int64 {
	h := uint64(hashFloat(real(v))) + hashImag*uint64(hashFloat(imag(v)))
	if int64(h) == -1 {
		return -2
	}
	return int64(h)
}

// Repr implements HasRepr: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
func (c *Complex) Repr(th *Thread) (string, error) { return ComplexRepr(c.v), nil }

// ComplexRepr is repr() of a complex number: the parts in float repr
// without a trailing ".0", the real part omitted when it is +0.
func ComplexRepr(v complex128) string {
	re, im := real(v), imag(v)
	if re == 0 && !math.Signbit(re) {
		return complexPartRepr(im) + "j"
	}
	return "(" + complexPartRepr(re) + withSign(complexPartRepr(im)) + "j)"
}

// complexPartRepr is PyOS_double_to_string(x, 'r', 0, 0): float's repr
// without the ".0" float adds to integral values.
func complexPartRepr(x float64) string {
	return strings.TrimSuffix(FloatRepr(x), ".0")
}

// withSign prefixes "+" unless s already starts with "-".
func withSign(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

// complexAbs is abs(z) (_Py_c_abs): inf if either part is infinite, nan if
// either is nan, else the correctly rounded hypot.
func complexAbs(v complex128) (float64, error) {
	re, im := real(v), imag(v)
	finite := !math.IsInf(re, 0) && !math.IsInf(im, 0) && !math.IsNaN(re) && !math.IsNaN(im)
	r := cHypot(re, im)
	if finite && math.IsInf(r, 0) {
		return 0, Errorf(OverflowError, "absolute value too large")
	}
	return r, nil
}

// hypot is C's hypot for finite x, y: glibc's algorithm, which CPython's
// abs() gets (it is not always correctly rounded).
func hypot(x, y float64) float64 { return libm.Hypot2(x, y) }
