package random

import (
	"crypto/rand"
	"encoding/binary"
	"math"
	"math/big"

	"github.com/pyish/pyish/runtime"
)

// This file defines the Random type, seeding and state, and the module.

// Random is a random.Random instance: a Mersenne Twister and the second
// value of the last gauss() pair.
type Random struct {
	typ       *runtime.Type
	mt        mt
	src       source        // &mt, or the OS for SystemRandom
	gaussNext runtime.Value // None or a float
}

// RandomType is random.Random.
var RandomType = runtime.NewType("random.Random", nil)

func init() {
	RandomType.New = newRandom
	RandomType.SetMethods(randomMethods())
	RandomType.SetAttr("VERSION", runtime.Int(3))
}

// Type implements runtime.Object.
func (r *Random) Type() *runtime.Type { return r.typ }

// New returns a Random seeded like random.Random(seed).
func New(th *runtime.Thread, seed runtime.Value) (*Random, error) {
	r := &Random{typ: RandomType, gaussNext: runtime.None}
	r.src = &r.mt
	if err := r.seed(th, seed, 2); err != nil {
		return nil, err
	}
	return r, nil
}

// newRandom is Random.__new__ and __init__: Random(x=None).
func newRandom(th *runtime.Thread, t *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	x := runtime.None
	if err := runtime.UnpackArgs("Random", args, kwnames, "x?", &x); err != nil {
		return runtime.Value{}, err
	}
	r, err := New(th, x)
	if err != nil {
		return runtime.Value{}, err
	}
	r.typ = t
	return runtime.Obj(r), nil
}

// Module returns a fresh random module whose functions share one Random.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("random")
	inst, err := New(th, runtime.None)
	if err != nil {
		panic(err) // seeding from the OS cannot fail with a None seed
	}
	self := runtime.Obj(inst)
	for _, name := range boundNames {
		v, _ := RandomType.Dict.GetStr(name)
		meth := v.Object().(*runtime.BuiltinMethod)
		m.Dict.SetStr(name, runtime.Obj(&runtime.BoundMethod{Self: self, Method: meth}))
	}
	m.Dict.SetStr("Random", runtime.Obj(RandomType))
	m.Dict.SetStr("SystemRandom", runtime.Obj(SystemRandomType))
	return m
}

// boundNames are the module-level functions (random._inst's methods).
var boundNames = []string{
	"seed", "random", "uniform", "triangular", "randint", "choice",
	"randrange", "sample", "shuffle", "choices", "normalvariate",
	"lognormvariate", "expovariate", "vonmisesvariate", "gammavariate",
	"gauss", "betavariate", "binomialvariate", "paretovariate",
	"weibullvariate", "getstate", "setstate", "getrandbits", "randbytes",
}

func self(v runtime.Value) *Random { return v.Object().(*Random) }

// seed is Random.seed(a, version): CPython's Lib/random.py conversion of
// str and bytes seeds, then _random's random_seed.
func (r *Random) seed(th *runtime.Thread, a runtime.Value, version int64) error {
	r.gaussNext = runtime.None
	if a.IsNone() {
		r.seedFromOS()
		return nil
	}
	if s, ok := seedBytesArg(a); ok {
		switch version {
		case 1:
			a = seedV1(s)
		case 2:
			r.mt.seedBig(bytesSeed(s))
			return nil
		}
	}
	if n, ok := runtime.AsBigInt(a); ok {
		r.mt.seedBig(new(big.Int).Abs(n))
		return nil
	}
	if !a.IsFloat() {
		if _, ok := seedBytesArg(a); !ok {
			return runtime.Errorf(runtime.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
		}
	}
	h, err := runtime.Hash(th, a)
	if err != nil {
		return err
	}
	r.mt.seedBig(new(big.Int).SetUint64(uint64(h)))
	return nil
}

// seedBytesArg returns the bytes of a str (UTF-8) or bytes seed.
func seedBytesArg(a runtime.Value) ([]byte, bool) {
	if s, ok := runtime.AsString(a); ok {
		return []byte(s), true
	}
	if b, ok := runtime.AsBytes(a); ok {
		return b, true
	}
	return nil, false
}

// seedV1 is seed(version=1)'s hash of a str or bytes (as Latin-1 code
// points for bytes; str seeds use their code points).
func seedV1(s []byte) runtime.Value {
	cps := []rune(string(s))
	var x uint64
	if len(cps) > 0 {
		x = uint64(cps[0]) << 7
	}
	for _, c := range cps {
		x = (1000003 * x) ^ uint64(c)
	}
	x ^= uint64(len(cps))
	return runtime.NewBigInt(new(big.Int).SetUint64(x))
}

// seedFromOS seeds from 624 words of the OS's randomness, as random_seed
// does with a None seed.
func (r *Random) seedFromOS() {
	var buf [mtN * 4]byte
	if _, err := rand.Read(buf[:]); err != nil {
		panic(err) // crypto/rand.Read does not fail on supported platforms
	}
	key := make([]uint32, mtN)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[i*4:])
	}
	r.mt.initByArray(key)
}

// getstate returns (3, (624 words..., index), gauss_next).
func (r *Random) getstate() runtime.Value {
	items := make([]runtime.Value, mtN+1)
	for i, w := range r.mt.state {
		items[i] = runtime.Int(int64(w))
	}
	items[mtN] = runtime.Int(int64(r.mt.index))
	inner := runtime.Obj(runtime.NewTuple(items))
	return runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Int(3), inner, r.gaussNext}))
}

// setstate restores a getstate() result (version 2 or 3).
func (r *Random) setstate(th *runtime.Thread, state runtime.Value) error {
	t, ok := state.Object().(*runtime.Tuple)
	if !ok || len(t.Items) == 0 {
		return runtime.Errorf(runtime.TypeError, "state vector must be a tuple")
	}
	version := t.Items[0]
	if !version.IsInt() || (version.AsInt() != 2 && version.AsInt() != 3) {
		s, err := runtime.StrOf(th, version)
		if err != nil {
			return err
		}
		return runtime.Errorf(runtime.ValueError, "state with version %s passed to Random.setstate() of version 3", s)
	}
	if len(t.Items) != 3 {
		return runtime.Errorf(runtime.ValueError, "too many values to unpack (expected 3)")
	}
	inner, ok := t.Items[1].Object().(*runtime.Tuple)
	if !ok {
		return runtime.Errorf(runtime.TypeError, "state vector must be a tuple")
	}
	if len(inner.Items) != mtN+1 {
		return runtime.Errorf(runtime.ValueError, "state vector is the wrong size")
	}
	var st [mtN]uint32
	for i := 0; i < mtN; i++ {
		w, err := stateWord(inner.Items[i], version.AsInt() == 2)
		if err != nil {
			return err
		}
		st[i] = w
	}
	index, err := runtime.ToInt64(th, inner.Items[mtN])
	if err != nil {
		return err
	}
	if index < 0 || index > mtN {
		return runtime.Errorf(runtime.ValueError, "invalid state")
	}
	r.mt.state, r.mt.index = st, int(index)
	r.gaussNext = t.Items[2]
	return nil
}

// stateWord converts one state word; version 2 states may hold signed words.
func stateWord(v runtime.Value, signed bool) (uint32, error) {
	n, ok := runtime.AsBigInt(v)
	if !ok {
		return 0, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if signed {
		n = new(big.Int).Mod(n, big.NewInt(1<<32))
	}
	if n.Sign() < 0 || n.BitLen() > 32 {
		return 0, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C unsigned long")
	}
	return uint32(n.Uint64()), nil
}

// getrandbits returns k random bits as an int.
func (r *Random) getrandbits(k int64) (runtime.Value, error) {
	if k < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "number of bits must be non-negative")
	}
	if k > math.MaxInt32 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C int")
	}
	if k < 64 {
		return runtime.Int(int64(r.src.bits64(int(k)))), nil
	}
	return runtime.NewBigInt(r.src.bitsBig(int(k))), nil
}

// randbelow returns a random int in [0, n) for an int n > 0
// (_randbelow_with_getrandbits).
func (r *Random) randbelow(n runtime.Value) runtime.Value {
	if n.IsInt() {
		return runtime.Int(below64(r.src, n.AsInt()))
	}
	b, _ := runtime.AsBigInt(n)
	return runtime.NewBigInt(belowBig(r.src, b))
}

// below is randbelow for a Go int n > 0.
func (r *Random) below(n int) int { return int(below64(r.src, int64(n))) }
