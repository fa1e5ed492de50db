package runtime

import (
	"math"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// decodeNum decodes a test operand: I<decimal>, B0/B1, F<hex bits>.
func decodeNum(t *testing.T, s string) Value {
	t.Helper()
	switch s[0] {
	case 'B':
		return Bool(s[1] == '1')
	case 'F':
		u, err := strconv.ParseUint(s[1:], 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		return Float(math.Float64frombits(u))
	}
	b, ok := new(big.Int).SetString(s[1:], 10)
	if !ok {
		t.Fatalf("bad operand %q", s)
	}
	return NewBigInt(b)
}

// describeNum renders a result the way the tables spell it.
func describeNum(v Value) string {
	switch kindOf(v) {
	case kInt:
		if v.IsBool() {
			return numRepr(v)
		}
		return "int:" + numRepr(v)
	case kBig:
		return "int:" + toBig(v).String()
	case kFloat:
		return "float:" + FloatRepr(v.AsFloat())
	}
	return "?"
}

// numErrText renders an error as "Type: message".
func numErrText(err error) string {
	e, ok := err.(*Exception)
	if !ok {
		return err.Error()
	}
	if len(e.Args) == 0 {
		return e.Type().Name
	}
	s, _ := AsString(e.Args[0])
	return e.Type().Name + ": " + s
}

var opByName = map[string]BinaryOp{"+": OpAdd, "-": OpSub, "*": OpMul, "/": OpDiv, "//": OpFloorDiv,
	"%": OpMod, "**": OpPow, "<<": OpLShift, ">>": OpRShift, "&": OpAnd, "|": OpOr, "^": OpXor}

func TestNumBinaryTable(t *testing.T) {
	for _, c := range numOpTable {
		a, b := decodeNum(t, c.a), decodeNum(t, c.b)
		r, ok, err := numBinary(opByName[c.op], a, b)
		var got string
		switch {
		case !ok:
			got = "unsupported"
		case err != nil:
			got = numErrText(err)
		default:
			got = describeNum(r)
		}
		want := c.want
		if strings.HasPrefix(want, "TypeError: unsupported operand") {
			want = "unsupported"
		}
		if got != want {
			t.Errorf("%s %s %s = %s, want %s", c.a, c.op, c.b, got, want)
		}
	}
}

func TestNumCompareTable(t *testing.T) {
	for _, c := range numCmpTable {
		a, b := decodeNum(t, c.a), decodeNum(t, c.b)
		lt, ok1 := numCompare(CmpLt, a, b)
		eq, ok2 := numCompare(CmpEq, a, b)
		ne, _ := numCompare(CmpNe, a, b)
		if !ok1 || !ok2 || lt != c.lt || eq != c.eq || ne == c.eq {
			t.Errorf("%s vs %s: lt=%v eq=%v ne=%v, want lt=%v eq=%v", c.a, c.b, lt, eq, ne, c.lt, c.eq)
		}
	}
}

func TestNumHashTable(t *testing.T) {
	for _, c := range numHashTable {
		h, ok := numHash(decodeNum(t, c.v))
		if !ok || h != c.h {
			t.Errorf("hash(%s) = %d, want %d", c.v, h, c.h)
		}
	}
}

func TestFloatReprTable(t *testing.T) {
	for _, c := range floatReprTable {
		f := math.Float64frombits(c.bits)
		if got := FloatRepr(f); got != c.want {
			t.Errorf("FloatRepr(%v) = %q, want %q", f, got, c.want)
		}
	}
}

func TestIntOverflowEdges(t *testing.T) {
	cases := []struct {
		v    Value
		want string
	}{
		{mustBin(t, OpAdd, Int(math.MaxInt64), Int(1)), "int:9223372036854775808"},
		{mustBin(t, OpMul, Int(math.MinInt64), Int(-1)), "int:9223372036854775808"},
		{mustBin(t, OpFloorDiv, Int(math.MinInt64), Int(-1)), "int:9223372036854775808"},
		{mustBin(t, OpSub, Int(math.MinInt64), Int(1)), "int:-9223372036854775809"},
		{mustBin(t, OpMod, Int(-7), Int(3)), "int:2"},
		{mustBin(t, OpMod, Int(7), Int(-3)), "int:-2"},
		{mustBin(t, OpPow, Int(2), Int(64)), "int:18446744073709551616"},
		{mustBin(t, OpLShift, Int(1), Int(63)), "int:9223372036854775808"},
		{mustBin(t, OpSub, mustBin(t, OpAdd, Int(math.MaxInt64), Int(1)), Int(1)), "int:9223372036854775807"},
	}
	for i, c := range cases {
		if got := describeNum(c.v); got != c.want {
			t.Errorf("case %d: %s, want %s", i, got, c.want)
		}
	}
	// Demotion: a big result that fits is inline.
	if v := mustBin(t, OpSub, mustBin(t, OpAdd, Int(math.MaxInt64), Int(1)), Int(1)); !v.IsInt() {
		t.Errorf("big result that fits in int64 is not inline")
	}
	if r, _, _ := numUnary(OpNeg, Int(math.MinInt64)); describeNum(r) != "int:9223372036854775808" {
		t.Errorf("-MinInt64 = %s", describeNum(r))
	}
}

func mustBin(t *testing.T, op BinaryOp, a, b Value) Value {
	t.Helper()
	r, ok, err := numBinary(op, a, b)
	if !ok || err != nil {
		t.Fatalf("numBinary(%v): ok=%v err=%v", op, ok, err)
	}
	return r
}

func TestIntFastPathAllocs(t *testing.T) {
	a, b := Int(1234), Int(6)
	f := Float(1.5)
	n := testing.AllocsPerRun(100, func() {
		for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpFloorDiv, OpMod, OpPow, OpAnd, OpLShift} {
			numBinary(op, a, b)
		}
		numBinary(OpAdd, a, f)
		numBinary(OpMul, f, f)
		numCompare(CmpLt, a, f)
		numHash(f)
	})
	if n != 0 {
		t.Errorf("int/float fast paths allocate %v times", n)
	}
}

func TestIntFromString(t *testing.T) {
	cases := []struct {
		s    string
		base int
		want string
	}{
		{"42", 10, "int:42"}, {"-7", 10, "int:-7"}, {"  12  ", 10, "int:12"},
		{"0x1f", 0, "int:31"}, {"0X1F", 16, "int:31"}, {"1f", 16, "int:31"}, {"0o17", 0, "int:15"},
		{"0b101", 0, "int:5"}, {"1_000_000", 10, "int:1000000"}, {"0x_1f", 0, "int:31"},
		{"000", 0, "int:0"}, {"0_0", 0, "int:0"}, {"z", 36, "int:35"}, {"+5", 10, "int:5"},
		{"123456789012345678901234567890", 10, "int:123456789012345678901234567890"},
		{"x", 10, "ValueError: invalid literal for int() with base 10: 'x'"},
		{"12", 2, "ValueError: invalid literal for int() with base 2: '12'"},
		{"", 0, "ValueError: invalid literal for int() with base 0: ''"},
		{"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
		{"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
		{"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
		{"0b", 0, "ValueError: invalid literal for int() with base 0: '0b'"},
		{"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
		{"12", 1, "ValueError: int() base must be >= 2 and <= 36, or 0"},
		{"1 2", 10, "ValueError: invalid literal for int() with base 10: '1 2'"},
		{strings.Repeat("1", 5000), 10, "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"},
	}
	for _, c := range cases {
		v, err := IntFromString(c.s, c.base)
		got := ""
		if err != nil {
			got = numErrText(err)
		} else {
			got = describeNum(v)
		}
		if got != c.want {
			t.Errorf("int(%q, %d) = %s, want %s", c.s, c.base, got, c.want)
		}
	}
}

func TestIntStrLimit(t *testing.T) {
	b := new(big.Int).Exp(big.NewInt(10), big.NewInt(4299), nil)
	if s, err := bigDecimal(b); err != nil || len(s) != 4300 {
		t.Errorf("10**4299: len %d err %v", len(s), err)
	}
	b.Mul(b, big.NewInt(10))
	if _, err := bigDecimal(b); err == nil || !strings.Contains(numErrText(err), "Exceeds the limit (4300 digits)") {
		t.Errorf("10**4300: err %v", err)
	}
}

func TestParseFloat(t *testing.T) {
	cases := []struct{ s, want string }{
		{"1.5", "1.5"}, {" 12 ", "12.0"}, {"1_0.5", "10.5"}, {"inf", "inf"}, {"-Infinity", "-inf"},
		{"nan", "nan"}, {"-nan", "nan"}, {"1e3", "1000.0"}, {".5", "0.5"}, {"5.", "5.0"}, {"1e400", "inf"},
		{"x", "ValueError: could not convert string to float: 'x'"},
		{"1__0", "ValueError: could not convert string to float: '1__0'"},
		{"1e", "ValueError: could not convert string to float: '1e'"},
		{"0x10", "ValueError: could not convert string to float: '0x10'"},
		{"", "ValueError: could not convert string to float: ''"},
		{"1_", "ValueError: could not convert string to float: '1_'"},
		{"infi", "ValueError: could not convert string to float: 'infi'"},
	}
	for _, c := range cases {
		f, err := ParseFloat(c.s)
		got := ""
		if err != nil {
			got = numErrText(err)
		} else {
			got = FloatRepr(f)
		}
		if got != c.want {
			t.Errorf("float(%q) = %s, want %s", c.s, got, c.want)
		}
	}
}

func TestIntString(t *testing.T) {
	cases := []struct {
		v      Value
		base   int
		prefix bool
		want   string
	}{
		{Int(255), 16, true, "0xff"}, {Int(-1), 16, true, "-0x1"}, {Int(8), 8, true, "0o10"},
		{Int(-5), 2, true, "-0b101"}, {Int(-5), 10, true, "-5"},
		{NewBigInt(new(big.Int).Lsh(big.NewInt(1), 64)), 16, true, "0x10000000000000000"},
	}
	for _, c := range cases {
		if got, _ := IntString(c.v, c.base, c.prefix); got != c.want {
			t.Errorf("IntString = %q, want %q", got, c.want)
		}
	}
}

func BenchmarkNumBinaryIntAdd(b *testing.B) {
	x, y := Int(1), Int(2)
	for i := 0; i < b.N; i++ {
		x, _, _ = numBinary(OpAdd, x, y)
	}
}

func TestPowFastPathAgreesWithBig(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		v := math.Exp(rng.Float64()*40 - 20)
		w := rng.Float64()*20 - 10
		if i%3 == 0 {
			w = float64(rng.Intn(60) - 30)
		}
		f, ok := fastPow(v, w)
		if !ok {
			continue
		}
		want := powLogExp(v, w)
		if w == math.Trunc(w) {
			want = accuratePowBig(v, w)
		}
		if f != want {
			t.Fatalf("%v ** %v: fast %v, big %v", v, w, f, want)
		}
	}
}

func BenchmarkFloatPowFraction(b *testing.B) {
	for i := 0; i < b.N; i++ {
		accuratePow(1.2345+float64(i&7), 2.5)
	}
}
