package runtime

import (
	"math/bits"
	"math/rand"
	"testing"
)

// strHashBytewise is StrHash as first written, a byte at a time: the
// word loads must give the same hashes, so that set and dict orders do
// not change with the implementation.
func strHashBytewise(s string) int64 {
	const (
		m1 = 0xa0761d6478bd642f
		m2 = 0xe7037ed1a0b428db
	)
	h := uint64(len(s)) ^ m2
	for len(s) >= 8 {
		var w uint64
		for i := range 8 {
			w |= uint64(s[i]) << (8 * i)
		}
		hi, lo := bits.Mul64(h^w, m1)
		h = hi ^ lo
		s = s[8:]
	}
	var w uint64
	for i := 0; i < len(s); i++ {
		w |= uint64(s[i]) << (8 * i)
	}
	hi, lo := bits.Mul64(h^w, m1)
	h = hi ^ lo
	hi, lo = bits.Mul64(h, m2)
	r := int64(hi ^ lo)
	if r == -1 {
		r = -2
	}
	return r
}

func TestStrHashWords(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 80)
	for n := 0; n <= 40; n++ {
		for range 50 {
			r.Read(buf)
			off := r.Intn(8) // unaligned starts
			s := string(buf[off : off+n])
			if got, want := StrHash(s), strHashBytewise(s); got != want {
				t.Fatalf("StrHash(%q) = %d, want %d", s, got, want)
			}
		}
	}
	for _, s := range []string{"", "a", "é", "w1_2", "w123_4!", "日本語テキスト"} {
		if got, want := StrHash(s), strHashBytewise(s); got != want {
			t.Errorf("StrHash(%q) = %d, want %d", s, got, want)
		}
	}
}
