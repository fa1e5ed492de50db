package random

import (
	"math/big"

	"github.com/pyish/pyish/runtime"
)

// This file holds the integer and sequence methods of Random.

type value = runtime.Value

func randomMethods() map[string]runtime.MethodFunc {
	m := map[string]runtime.MethodFunc{
		"seed":        random_seed,
		"random":      random_random,
		"getrandbits": random_getrandbits,
		"randbytes":   random_randbytes,
		"getstate":    random_getstate,
		"setstate":    random_setstate,
		"randrange":   random_randrange,
		"randint":     random_randint,
		"choice":      random_choice,
		"shuffle":     random_shuffle,
		"sample":      random_sample,
		"choices":     random_choices,
	}
	for name, fn := range distMethods() {
		m[name] = fn
	}
	return m
}

func random_seed(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	a := runtime.None
	var version int64 = 2
	if err := runtime.UnpackArgs("seed", args, kwnames, "a?", &a, "version?", &version); err != nil {
		return value{}, err
	}
	return runtime.None, self(s).seed(th, a, version)
}

func random_random(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	if err := runtime.UnpackArgs("random", args, kwnames); err != nil {
		return value{}, err
	}
	return runtime.Float(self(s).src.random()), nil
}

func random_getrandbits(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var k value
	if err := runtime.UnpackArgs("getrandbits", args, kwnames, "k", &k); err != nil {
		return value{}, err
	}
	n, err := runtime.ToInt64(th, k)
	if err != nil {
		return value{}, err
	}
	return self(s).getrandbits(n)
}

func random_randbytes(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var nv value
	if err := runtime.UnpackArgs("randbytes", args, kwnames, "n", &nv); err != nil {
		return value{}, err
	}
	n, err := runtime.ToInt64(th, nv)
	if err != nil {
		return value{}, err
	}
	if n < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "negative argument not allowed")
	}
	bits := self(s).src.bitsBig(int(n * 8))
	be := bits.FillBytes(make([]byte, n))
	for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
		be[i], be[j] = be[j], be[i]
	}
	return runtime.Bytes(be), nil
}

func random_getstate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	if err := runtime.UnpackArgs("getstate", args, kwnames); err != nil {
		return value{}, err
	}
	return self(s).getstate(), nil
}

func random_setstate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var st value
	if err := runtime.UnpackArgs("setstate", args, kwnames, "state", &st); err != nil {
		return value{}, err
	}
	return runtime.None, self(s).setstate(th, st)
}

func random_randrange(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var start value
	stop, step := runtime.None, value{}
	if err := runtime.UnpackArgs("randrange", args, kwnames, "start", &start, "stop?", &stop, "step?", &step); err != nil {
		return value{}, err
	}
	return self(s).randrange(th, start, stop, step)
}

func random_randint(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var a, b value
	if err := runtime.UnpackArgs("randint", args, kwnames, "a", &a, "b", &b); err != nil {
		return value{}, err
	}
	b1, err := runtime.Binary(th, runtime.OpAdd, b, runtime.Int(1))
	if err != nil {
		return value{}, err
	}
	return self(s).randrange(th, a, b1, value{})
}

// randrange is Lib/random.py's randrange; a zero step means "not given".
func (r *Random) randrange(th *runtime.Thread, start, stop, step value) (value, error) {
	istart, err := runtime.ToIndex(th, start)
	if err != nil {
		return value{}, err
	}
	if stop.IsNone() {
		if !step.IsNull() && !(step.IsInt() && step.AsInt() == 1) {
			return value{}, runtime.Errorf(runtime.TypeError, "Missing a non-None stop argument")
		}
		if sign(istart) > 0 {
			return r.randbelow(istart), nil
		}
		return value{}, runtime.Errorf(runtime.ValueError, "empty range for randrange()")
	}
	istop, err := runtime.ToIndex(th, stop)
	if err != nil {
		return value{}, err
	}
	istep := runtime.Int(1)
	if !step.IsNull() {
		if istep, err = runtime.ToIndex(th, step); err != nil {
			return value{}, err
		}
	}
	if istart.IsInt() && istop.IsInt() && istep.IsInt() && small(istart.AsInt()) && small(istop.AsInt()) && small(istep.AsInt()) {
		return r.randrangeSmall(th, start, stop, step, istart.AsInt(), istop.AsInt(), istep.AsInt())
	}
	a, _ := runtime.AsBigInt(istart)
	b, _ := runtime.AsBigInt(istop)
	c, _ := runtime.AsBigInt(istep)
	return r.randrangeBig(th, start, stop, step, a, b, c)
}

// small reports whether n is far enough from the int64 limits for
// randrange's arithmetic not to overflow.
func small(n int64) bool { return n > -(1<<61) && n < 1<<61 }

func sign(v value) int {
	if v.IsInt() {
		switch n := v.AsInt(); {
		case n > 0:
			return 1
		case n < 0:
			return -1
		}
		return 0
	}
	b, _ := runtime.AsBigInt(v)
	return b.Sign()
}

func (r *Random) randrangeSmall(th *runtime.Thread, start, stop, step value, a, b, c int64) (value, error) {
	width := b - a
	if c == 1 {
		if width > 0 {
			return runtime.Int(a + below64(r.src, width)), nil
		}
		return value{}, emptyRange(th, start, stop)
	}
	var n int64
	switch {
	case c > 0:
		n = floorDiv(width+c-1, c)
	case c < 0:
		n = floorDiv(width+c+1, c)
	default:
		return value{}, runtime.Errorf(runtime.ValueError, "zero step for randrange()")
	}
	if n <= 0 {
		return value{}, emptyRange(th, start, stop, step)
	}
	return runtime.Int(a + c*below64(r.src, n)), nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func (r *Random) randrangeBig(th *runtime.Thread, start, stop, step value, a, b, c *big.Int) (value, error) {
	width := new(big.Int).Sub(b, a)
	one := big.NewInt(1)
	if c.Cmp(one) == 0 {
		if width.Sign() > 0 {
			return runtime.NewBigInt(width.Add(a, belowBig(r.src, width))), nil
		}
		return value{}, emptyRange(th, start, stop)
	}
	n := new(big.Int).Add(width, c)
	switch c.Sign() {
	case 1:
		n.Sub(n, one)
	case -1:
		n.Add(n, one)
	default:
		return value{}, runtime.Errorf(runtime.ValueError, "zero step for randrange()")
	}
	n = bigFloorDiv(n, c)
	if n.Sign() <= 0 {
		return value{}, emptyRange(th, start, stop, step)
	}
	k := belowBig(r.src, n)
	return runtime.NewBigInt(k.Mul(k, c).Add(k, a)), nil
}

// bigFloorDiv is Python's a // b.
func bigFloorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

// emptyRange is randrange's ValueError, showing the arguments as given.
func emptyRange(th *runtime.Thread, parts ...value) error {
	msg := "empty range in randrange("
	for i, p := range parts {
		s, err := runtime.StrOf(th, p)
		if err != nil {
			return err
		}
		if i > 0 {
			msg += ", "
		}
		msg += s
	}
	return runtime.Errorf(runtime.ValueError, "%s)", msg)
}
