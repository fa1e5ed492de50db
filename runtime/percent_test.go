package runtime

import (
	"math/big"
	"testing"
)

// tup builds a tuple value.
func tup(items ...Value) Value { return Obj(NewTuple(items)) }

// bigStr builds an int from decimal digits.
func bigStr(s string) Value {
	b, _ := new(big.Int).SetString(s, 10)
	return NewBigInt(b)
}

func TestPercentTable(t *testing.T) {
	for _, c := range percentTable {
		got, err := PercentFormat(nil, c.format, c.args)
		if err != nil {
			got = errText(err)
		}
		if got != c.want {
			t.Errorf("%q %% %v = %q, want %q", c.format, c.args, got, c.want)
		}
	}
}
