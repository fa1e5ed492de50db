package math

import (
	"math"
	"math/big"

	"github.com/pyish/pyish/runtime"
)

// This file holds the integer functions: factorial, gcd, lcm, comb, perm,
// isqrt and prod.

func intFunctions() map[string]builtinFn {
	return map[string]builtinFn{
		"factorial": math_factorial,
		"gcd":       math_gcd,
		"lcm":       math_lcm,
		"comb":      math_comb,
		"perm":      math_perm,
		"isqrt":     math_isqrt,
		"prod":      math_prod,
	}
}

// bigIndex converts v by __index__ to a *big.Int.
func bigIndex(th *runtime.Thread, v value) (*big.Int, error) {
	i, err := runtime.ToIndex(th, v)
	if err != nil {
		return nil, err
	}
	b, _ := runtime.AsBigInt(i)
	return b, nil
}

func math_factorial(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("factorial", args, kwnames)
	if err != nil {
		return value{}, err
	}
	n, err := bigIndex(th, a)
	if err != nil {
		return value{}, err
	}
	if !n.IsInt64() {
		if n.Sign() < 0 {
			return value{}, runtime.Errorf(runtime.ValueError, "factorial() not defined for negative values")
		}
		return value{}, runtime.Errorf(runtime.OverflowError, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	if n.Sign() < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "factorial() not defined for negative values")
	}
	return runtime.NewBigInt(new(big.Int).MulRange(1, n.Int64())), nil
}

// gcdOrLcm folds the arguments with op, after __index__ and abs.
func gcdOrLcm(th *runtime.Thread, name string, args []value, kwnames []string, empty int64, op func(a, b *big.Int) *big.Int) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
	}
	if len(args) == 0 {
		return runtime.Int(empty), nil
	}
	res, err := bigIndex(th, args[0])
	if err != nil {
		return value{}, err
	}
	res.Abs(res)
	for _, a := range args[1:] {
		x, err := bigIndex(th, a)
		if err != nil {
			return value{}, err
		}
		res = op(res, x.Abs(x))
	}
	return runtime.NewBigInt(res), nil
}

func math_gcd(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	return gcdOrLcm(th, "gcd", args, kwnames, 0, func(a, b *big.Int) *big.Int {
		return new(big.Int).GCD(nil, nil, a, b)
	})
}

func math_lcm(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	return gcdOrLcm(th, "lcm", args, kwnames, 1, func(a, b *big.Int) *big.Int {
		if a.Sign() == 0 || b.Sign() == 0 {
			return new(big.Int)
		}
		g := new(big.Int).GCD(nil, nil, a, b)
		return g.Mul(new(big.Int).Quo(a, g), b)
	})
}

// combArgs converts perm's and comb's n and k, with their ValueErrors.
func combArgs(th *runtime.Thread, nv, kv value) (n, k *big.Int, err error) {
	if n, err = bigIndex(th, nv); err != nil {
		return nil, nil, err
	}
	if k, err = bigIndex(th, kv); err != nil {
		return nil, nil, err
	}
	if n.Sign() < 0 {
		return nil, nil, runtime.Errorf(runtime.ValueError, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return nil, nil, runtime.Errorf(runtime.ValueError, "k must be a non-negative integer")
	}
	return n, k, nil
}

func math_comb(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("comb", args, kwnames, 2, 2); err != nil {
		return value{}, err
	}
	n, k, err := combArgs(th, args[0], args[1])
	if err != nil {
		return value{}, err
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
		k = nk
	}
	if !k.IsInt64() {
		return value{}, runtime.Errorf(runtime.OverflowError, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
	}
	if n.IsInt64() {
		return runtime.NewBigInt(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
	}
	p := fallingFactorial(n, k.Int64())
	return runtime.NewBigInt(p.Quo(p, new(big.Int).MulRange(1, k.Int64()))), nil
}

// fallingFactorial is n * (n-1) * ... * (n-k+1).
func fallingFactorial(n *big.Int, k int64) *big.Int {
	p := big.NewInt(1)
	f := new(big.Int).Set(n)
	one := big.NewInt(1)
	for i := int64(0); i < k; i++ {
		p.Mul(p, f)
		f.Sub(f, one)
	}
	return p
}

func math_perm(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("perm", args, kwnames, 1, 2); err != nil {
		return value{}, err
	}
	if len(args) == 1 || args[1].IsNone() {
		return math_factorial(th, args[:1], nil)
	}
	n, k, err := combArgs(th, args[0], args[1])
	if err != nil {
		return value{}, err
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	if !k.IsInt64() {
		return value{}, runtime.Errorf(runtime.OverflowError, "k must not exceed %d", int64(math.MaxInt64))
	}
	if n.IsInt64() {
		return runtime.NewBigInt(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
	}
	return runtime.NewBigInt(fallingFactorial(n, k.Int64())), nil
}

func math_isqrt(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("isqrt", args, kwnames)
	if err != nil {
		return value{}, err
	}
	n, err := bigIndex(th, a)
	if err != nil {
		return value{}, err
	}
	if n.Sign() < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "isqrt() argument must be nonnegative")
	}
	return runtime.NewBigInt(n.Sqrt(n)), nil
}

func math_prod(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	npos := len(args) - len(kwnames)
	if npos != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "prod() takes exactly 1 positional argument (%d given)", npos)
	}
	var iterable value
	start := runtime.Int(1)
	if err := runtime.UnpackArgs("prod", args, kwnames, "iterable", &iterable, "start?", &start); err != nil {
		return value{}, err
	}
	acc := start
	err := runtime.ForEach(th, iterable, func(x value) error {
		var err error
		acc, err = runtime.Binary(th, runtime.OpMul, acc, x)
		return err
	})
	if err != nil {
		return value{}, err
	}
	return acc, nil
}
