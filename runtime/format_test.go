package runtime

import "testing"

// decodeFormatArg decodes a table operand: numbers as in decodeNum, S<text> a str.
func decodeFormatArg(t *testing.T, s string) Value {
	if s[0] == 'S' {
		return Str(s[1:])
	}
	return decodeNum(t, s)
}

func TestFormatTable(t *testing.T) {
	for _, c := range formatTable {
		got, err := Format(nil, decodeFormatArg(t, c.v), c.spec)
		if err != nil {
			got = numErrText(err)
		}
		if got != c.want {
			t.Errorf("format(%s, %q) = %q, want %q", c.v, c.spec, got, c.want)
		}
	}
}
