package random

import (
	"crypto/sha512"
	"math/big"
	"math/bits"
)

// This file holds the Mersenne Twister MT19937 core, a transcription of
// CPython's Modules/_randommodule.c so that seeded sequences are
// bit-identical to CPython's.

const (
	mtN         = 624
	mtM         = 397
	matrixA     = 0x9908b0df
	upperMask   = 0x80000000
	lowerMask   = 0x7fffffff
	initialSeed = 19650218
)

// mt is the generator state: 624 words and the index of the next one.
type mt struct {
	state [mtN]uint32
	index int
}

// initGenrand fills the state from one 32-bit seed (init_genrand).
func (r *mt) initGenrand(s uint32) {
	r.state[0] = s
	for i := 1; i < mtN; i++ {
		prev := r.state[i-1]
		r.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	r.index = mtN
}

// initByArray seeds from an array of 32-bit words (init_by_array).
func (r *mt) initByArray(key []uint32) {
	r.initGenrand(initialSeed)
	mt := &r.state
	i, j := 1, 0
	k := max(mtN, len(key))
	for ; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000 // MSB is 1, assuring a non-zero initial array
}

// seedBig seeds from a non-negative integer, as CPython's random_seed does
// after taking abs(): its 32-bit words, least significant first.
func (r *mt) seedBig(n *big.Int) {
	r.initByArray(words32(n))
}

// words32 splits a non-negative n into little-endian 32-bit words; zero
// gives one zero word.
func words32(n *big.Int) []uint32 {
	bits := n.BitLen()
	if bits == 0 {
		return []uint32{0}
	}
	key := make([]uint32, (bits-1)/32+1)
	b := n.Bytes() // big-endian
	for i := range key {
		var w uint32
		for s := 0; s < 4; s++ {
			pos := len(b) - 1 - (i*4 + s)
			if pos >= 0 {
				w |= uint32(b[pos]) << (8 * s)
			}
		}
		key[i] = w
	}
	return key
}

// genrand returns the next 32-bit output (genrand_uint32).
func (r *mt) genrand() uint32 {
	if r.index >= mtN {
		r.twist()
	}
	y := r.state[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// twist generates the next 624 words.
func (r *mt) twist() {
	mt := &r.state
	mag := func(y uint32) uint32 { return (y & 1) * matrixA }
	var kk int
	for ; kk < mtN-mtM; kk++ {
		y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
		mt[kk] = mt[kk+mtM] ^ (y >> 1) ^ mag(y)
	}
	for ; kk < mtN-1; kk++ {
		y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
		mt[kk] = mt[kk+(mtM-mtN)] ^ (y >> 1) ^ mag(y)
	}
	y := (mt[mtN-1] & upperMask) | (mt[0] & lowerMask)
	mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ mag(y)
	r.index = 0
}

// random returns a float in [0, 1) with 53 random bits (genrand_res53).
func (r *mt) random() float64 {
	a := r.genrand() >> 5
	b := r.genrand() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// bits64 returns k random bits, 0 <= k <= 64, consuming words as
// getrandbits(k) does.
func (r *mt) bits64(k int) uint64 {
	if k == 0 {
		return 0
	}
	if k <= 32 {
		return uint64(r.genrand() >> (32 - k))
	}
	lo := uint64(r.genrand())
	hi := r.genrand() >> (64 - k)
	return lo | uint64(hi)<<32
}

// bitsBig returns k random bits (k >= 0) as getrandbits(k) does: 32-bit
// words filled least significant first, the last one truncated.
func (r *mt) bitsBig(k int) *big.Int {
	if k <= 64 {
		return new(big.Int).SetUint64(r.bits64(k))
	}
	nwords := (k-1)/32 + 1
	b := make([]byte, nwords*4) // big-endian for SetBytes
	for i := 0; i < nwords; i++ {
		w := r.genrand()
		if k < 32 {
			w >>= 32 - k
		}
		pos := len(b) - 4*(i+1)
		b[pos], b[pos+1], b[pos+2], b[pos+3] = byte(w>>24), byte(w>>16), byte(w>>8), byte(w)
		k -= 32
	}
	return new(big.Int).SetBytes(b)
}

// source is where Random draws from: the Mersenne Twister, or the OS for
// SystemRandom.
type source interface {
	random() float64
	bits64(k int) uint64
	bitsBig(k int) *big.Int
}

// below64 returns a uniform int in [0, n) for 0 < n < 2**63, by rejection
// over n.bit_length() random bits (_randbelow_with_getrandbits).
func below64(r source, n int64) int64 {
	k := bits.Len64(uint64(n))
	for {
		x := int64(r.bits64(k))
		if x < n {
			return x
		}
	}
}

// belowBig is below64 for any n > 0.
func belowBig(r source, n *big.Int) *big.Int {
	k := n.BitLen()
	for {
		x := r.bitsBig(k)
		if x.Cmp(n) < 0 {
			return x
		}
	}
}

// bytesSeed is the integer CPython's seed(version=2) makes of a str (UTF-8
// encoded) or bytes seed: int.from_bytes(a + sha512(a).digest()).
func bytesSeed(a []byte) *big.Int {
	sum := sha512.Sum512(a)
	buf := append(append([]byte{}, a...), sum[:]...)
	return new(big.Int).SetBytes(buf)
}
