package random

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"

	"github.com/pyish/pyish/runtime"
)

// This file defines SystemRandom: Random's methods over the OS's
// randomness (crypto/rand), without state.

// SystemRandomType is random.SystemRandom.
var SystemRandomType = runtime.NewType("random.SystemRandom", RandomType)

func init() {
	SystemRandomType.New = newSystemRandom
	noState := func(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
		return value{}, runtime.Errorf(runtime.NotImplementedError, "System entropy source does not have state.")
	}
	SystemRandomType.SetMethods(map[string]runtime.MethodFunc{
		"seed": func(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
			return runtime.None, nil
		},
		"getstate": noState,
		"setstate": noState,
	})
}

func newSystemRandom(th *runtime.Thread, t *runtime.Type, args []value, kwnames []string) (value, error) {
	x := runtime.None
	if err := runtime.UnpackArgs("SystemRandom", args, kwnames, "x?", &x); err != nil {
		return value{}, err
	}
	return runtime.Obj(&Random{typ: t, src: osSource{}, gaussNext: runtime.None}), nil
}

// osSource draws from crypto/rand, as SystemRandom draws from os.urandom.
type osSource struct{}

func urandom(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand.Read does not fail on supported platforms
	}
	return b
}

// random is (int.from_bytes(urandom(7)) >> 3) * 2**-53.
func (osSource) random() float64 {
	var buf [8]byte
	copy(buf[1:], urandom(7))
	return float64(binary.BigEndian.Uint64(buf[:])>>3) * (1.0 / (1 << 53))
}

func (s osSource) bits64(k int) uint64 { return s.bitsBig(k).Uint64() }

// bitsBig is int.from_bytes(urandom((k+7)//8)) >> extra.
func (osSource) bitsBig(k int) *big.Int {
	n := (k + 7) / 8
	x := new(big.Int).SetBytes(urandom(n))
	return x.Rsh(x, uint(n*8-k))
}
