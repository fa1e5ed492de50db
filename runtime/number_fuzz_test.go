package runtime

import (
	"math"
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
