package random

import (
	"math"

	"github.com/pyish/pyish/runtime"
)

// This file holds the sequence methods: choice, shuffle, sample, choices.

func random_choice(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var seq value
	if err := runtime.UnpackArgs("choice", args, kwnames, "seq", &seq); err != nil {
		return value{}, err
	}
	n, err := runtime.Len(th, seq)
	if err != nil {
		return value{}, err
	}
	if n == 0 {
		return value{}, runtime.Errorf(runtime.IndexError, "Cannot choose from an empty sequence")
	}
	return runtime.GetItem(th, seq, runtime.Int(int64(self(s).below(n))))
}

func random_shuffle(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var x value
	if err := runtime.UnpackArgs("shuffle", args, kwnames, "x", &x); err != nil {
		return value{}, err
	}
	r := self(s)
	if l, ok := x.Object().(*runtime.List); ok && l.Type() == runtime.ListType {
		for i := len(l.Items) - 1; i >= 1; i-- {
			j := r.below(i + 1)
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return runtime.None, nil
	}
	n, err := runtime.Len(th, x)
	if err != nil {
		return value{}, err
	}
	for i := n - 1; i >= 1; i-- {
		j := r.below(i + 1)
		if err := swap(th, x, i, j); err != nil {
			return value{}, err
		}
	}
	return runtime.None, nil
}

// swap is x[i], x[j] = x[j], x[i].
func swap(th *runtime.Thread, x value, i, j int) error {
	vi, err := runtime.GetItem(th, x, runtime.Int(int64(i)))
	if err != nil {
		return err
	}
	vj, err := runtime.GetItem(th, x, runtime.Int(int64(j)))
	if err != nil {
		return err
	}
	if err := runtime.SetItem(th, x, runtime.Int(int64(i)), vj); err != nil {
		return err
	}
	return runtime.SetItem(th, x, runtime.Int(int64(j)), vi)
}

// isSequence stands in for isinstance(population, collections.abc.Sequence).
func isSequence(v value) bool {
	for _, t := range []*runtime.Type{runtime.ListType, runtime.TupleType, runtime.StrType, runtime.RangeType, runtime.BytesType} {
		if t != nil && runtime.IsInstance(v, t) {
			return true
		}
	}
	return false
}

func random_sample(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var population, kv value
	counts := runtime.None
	if err := runtime.UnpackArgs("sample", args, kwnames, "population", &population, "k", &kv, "counts?", &counts); err != nil {
		return value{}, err
	}
	return self(s).sample(th, population, kv, counts)
}

func (r *Random) sample(th *runtime.Thread, population, kv, counts value) (value, error) {
	if !isSequence(population) {
		return value{}, runtime.Errorf(runtime.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := runtime.Len(th, population)
	if err != nil {
		return value{}, err
	}
	if !counts.IsNone() {
		return r.sampleCounts(th, population, n, kv, counts)
	}
	k64, err := runtime.ToInt64(th, kv)
	if err != nil {
		return value{}, err
	}
	if k64 < 0 || k64 > int64(n) {
		return value{}, runtime.Errorf(runtime.ValueError, "Sample larger than population or is negative")
	}
	k := int(k64)
	result := make([]value, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		items, err := runtime.ToSlice(th, population)
		if err != nil {
			return value{}, err
		}
		pool := append([]value(nil), items...)
		for i := 0; i < k; i++ {
			j := r.below(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
	} else {
		selected := make(map[int]bool, k)
		for i := 0; i < k; i++ {
			j := r.below(n)
			for selected[j] {
				j = r.below(n)
			}
			selected[j] = true
			v, err := runtime.GetItem(th, population, runtime.Int(int64(j)))
			if err != nil {
				return value{}, err
			}
			result[i] = v
		}
	}
	return runtime.Obj(runtime.NewList(result)), nil
}

// sampleCounts is sample(population, k, counts=counts).
func (r *Random) sampleCounts(th *runtime.Thread, population value, n int, kv, counts value) (value, error) {
	cum, err := accumulate(th, counts)
	if err != nil {
		return value{}, err
	}
	if len(cum) != n {
		return value{}, runtime.Errorf(runtime.ValueError, "The number of counts does not match the population")
	}
	total := cum[len(cum)-1]
	cum = cum[:len(cum)-1]
	if !runtime.IsIntegral(total) {
		return value{}, runtime.Errorf(runtime.TypeError, "Counts must be integers")
	}
	if sign(total) <= 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "Total of counts must be greater than zero")
	}
	rng, err := runtime.Call(th, runtime.Obj(runtime.RangeType), []value{total}, nil)
	if err != nil {
		return value{}, err
	}
	sel, err := r.sample(th, rng, kv, runtime.None)
	if err != nil {
		return value{}, err
	}
	items := sel.Object().(*runtime.List).Items
	for i, x := range items {
		j, err := bisectRight(th, cum, x, 0, len(cum))
		if err != nil {
			return value{}, err
		}
		if items[i], err = runtime.GetItem(th, population, runtime.Int(int64(j))); err != nil {
			return value{}, err
		}
	}
	return sel, nil
}

// accumulate is list(itertools.accumulate(xs)).
func accumulate(th *runtime.Thread, xs value) ([]value, error) {
	items, err := runtime.ToSlice(th, xs)
	if err != nil {
		return nil, err
	}
	out := make([]value, len(items))
	for i, x := range items {
		if i > 0 {
			if x, err = runtime.Binary(th, runtime.OpAdd, out[i-1], x); err != nil {
				return nil, err
			}
		}
		out[i] = x
	}
	return out, nil
}

// bisectRight is bisect.bisect_right(a, x, lo, hi).
func bisectRight(th *runtime.Thread, a []value, x value, lo, hi int) (int, error) {
	for lo < hi {
		mid := (lo + hi) / 2
		lt, err := runtime.Compare(th, runtime.CmpLt, x, a[mid])
		if err != nil {
			return 0, err
		}
		b, err := runtime.Truth(th, lt)
		if err != nil {
			return 0, err
		}
		if b {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

func random_choices(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var population value
	weights, cumWeights := runtime.None, runtime.None
	kv := runtime.Int(1)
	if err := runtime.UnpackArgs("choices", args, kwnames, "population", &population, "weights?", &weights, "cum_weights?", &cumWeights, "k?", &kv); err != nil {
		return value{}, err
	}
	return self(s).choices(th, population, weights, cumWeights, kv)
}

func (r *Random) choices(th *runtime.Thread, population, weights, cumWeights, kv value) (value, error) {
	n, err := runtime.Len(th, population)
	if err != nil {
		return value{}, err
	}
	k, err := runtime.ToInt64(th, kv)
	if err != nil {
		return value{}, err
	}
	k = max(k, 0)
	var cum []value
	switch {
	case cumWeights.IsNone() && weights.IsNone():
		fn := float64(n)
		out := make([]value, k)
		for i := range out {
			j := math.Floor(r.src.random() * fn)
			if out[i], err = runtime.GetItem(th, population, runtime.Int(int64(j))); err != nil {
				return value{}, err
			}
		}
		return runtime.Obj(runtime.NewList(out)), nil
	case cumWeights.IsNone():
		if cum, err = accumulate(th, weights); err != nil {
			if runtime.IsIntegral(weights) {
				s, _ := runtime.Repr(th, weights)
				return value{}, runtime.Errorf(runtime.TypeError, "The number of choices must be a keyword argument: k=%s", s)
			}
			return value{}, err
		}
	case !weights.IsNone():
		return value{}, runtime.Errorf(runtime.TypeError, "Cannot specify both weights and cumulative weights")
	default:
		if cum, err = runtime.ToSlice(th, cumWeights); err != nil {
			return value{}, err
		}
	}
	return r.weightedChoices(th, population, n, cum, k)
}

// weightedChoices picks k items by bisecting cumulative weights.
func (r *Random) weightedChoices(th *runtime.Thread, population value, n int, cum []value, k int64) (value, error) {
	if len(cum) != n {
		return value{}, runtime.Errorf(runtime.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return value{}, runtime.Errorf(runtime.IndexError, "list index out of range")
	}
	tv, err := runtime.Binary(th, runtime.OpAdd, cum[n-1], runtime.Float(0))
	if err != nil {
		return value{}, err
	}
	total, err := runtime.ToFloat(th, tv)
	if err != nil {
		return value{}, err
	}
	if total <= 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return value{}, runtime.Errorf(runtime.ValueError, "Total of weights must be finite")
	}
	out := make([]value, k)
	for i := range out {
		x := runtime.Float(r.src.random() * total)
		j, err := bisectRight(th, cum, x, 0, n-1)
		if err != nil {
			return value{}, err
		}
		if out[i], err = runtime.GetItem(th, population, runtime.Int(int64(j))); err != nil {
			return value{}, err
		}
	}
	return runtime.Obj(runtime.NewList(out)), nil
}
