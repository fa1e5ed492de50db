package runtime

import (
	"math"
	"math/big"
	"regexp"
	"testing"
)

// longNumber matches the digit runs that make the fuzzer build huge strings.
var longNumber = regexp.MustCompile(`[0-9]{7}`)

// FuzzFormatSpec checks that no format spec, %-format or numeric literal
// makes the formatting and parsing code panic.
func FuzzFormatSpec(f *testing.F) {
	for _, s := range []string{"", ",.2f", "#012_x", "*^+10.3e", "z.1%", "%-5.2s|%+d", "{0:{1}}", "0x_1f", "1_0.5e-3", "%(a)s"} {
		f.Add(s, int64(1234), 1.5)
	}
	f.Fuzz(func(t *testing.T, spec string, i int64, x float64) {
		if longNumber.MatchString(spec) {
			t.Skip("widths of a million and more build huge strings")
		}
		th := NewThread()
		for _, v := range []Value{Int(i), Float(x), Str(spec), True, NewBigInt(bigOf(i)), Float(math.Inf(1))} {
			Format(th, v, spec)
			PercentFormat(th, spec, v)
			PercentFormat(th, spec, numTup(v, v, v))
		}
		FormatString(th, spec, []Value{Int(i), Float(x)}, nil)
		IntFromString(spec, 0)
		IntFromString(spec, 16)
		ParseFloat(spec)
		if v, ok := AsString(Str(spec)); !ok || v != spec {
			t.Fatalf("Str round trip of %q", spec)
		}
		StrRepr(spec)
	})
}

// FuzzNumBinary checks that no operator on ints, big ints, bools and
// floats panics, and that results keep one representation per int.
func FuzzNumBinary(f *testing.F) {
	f.Add(int64(math.MaxInt64), int64(-1), 1.5, uint8(0), uint8(3))
	f.Add(int64(math.MinInt64), int64(-1), -0.0, uint8(12), uint8(1))
	f.Fuzz(func(t *testing.T, a, b int64, x float64, op, shape uint8) {
		vals := []Value{Int(a), Int(b), Float(x), Bool(a&1 == 1), NewBigInt(new(big.Int).Lsh(bigOf(a), 70))}
		l, r := vals[int(shape)%len(vals)], vals[int(shape/8)%len(vals)]
		if BinaryOp(op%13) == OpPow && kindOf(r) == kBig {
			return
		}
		v, ok, err := numBinary(BinaryOp(op%13), l, r)
		if ok && err == nil {
			if bi, isBig := v.o.(*BigInt); isBig && bi.b.IsInt64() {
				t.Fatalf("big result %v fits in int64", bi.b)
			}
		}
		numCompare(CmpOp(op%6), l, r)
		numUnary(UnaryOp(op%4), l)
		numHash(l)
	})
}
