package runtime

import (
	"math/big"
	"testing"
)

// numTup builds a tuple value.
func numTup(items ...Value) Value { return Obj(NewTuple(items)) }

// numBigStr builds an int from decimal digits.
func numBigStr(s string) Value {
	b, _ := new(big.Int).SetString(s, 10)
	return NewBigInt(b)
}

func TestPercentTable(t *testing.T) {
	for _, c := range percentTable {
		got, err := PercentFormat(nil, c.format, c.args)
		if err != nil {
			got = numErrText(err)
		}
		if got != c.want {
			t.Errorf("%q %% %v = %q, want %q", c.format, c.args, got, c.want)
		}
	}
}
