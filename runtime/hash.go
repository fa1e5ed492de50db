package runtime

// This file defines identity and the hashes of strings, None and tuples.

import (
	"math/bits"
	"unsafe"
)

// ID returns the identity of v (Python's id()): the address of a heap
// object, or a value derived from the payload of an inline value.
func ID(v Value) uint64 {
	if v.IsInline() {
		return v.n*2654435761 ^ uint64(uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[0]))
	}
	return uint64(uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1]))
}

// HashBuiltin is the builtin hash(). The builtins module installs this
// one object (immutable, shared by all interpreters) so that the vm can
// recognize it: hash((a, b)) then hashes a and b without building the
// tuple (HashItems).
var HashBuiltin = &BuiltinFunction{Name: "hash", Fn: builtinHash}

func builtinHash(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "hash() takes no keyword arguments")
	}
	if len(args) != 1 {
		return Value{}, Errorf(TypeError, "hash() takes exactly one argument (%d given)", len(args))
	}
	h, err := Hash(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Int(h), nil
}

// HashItems is hash(tuple(items)), without the tuple.
func HashItems(th *Thread, items []Value) (int64, error) { return hashSeq(th, items) }

// StrHash is hash() of a str. CPython randomizes string hashes per
// process; pyish uses a fixed function so runs are reproducible.
func StrHash(s string) int64 {
	const (
		m1 = 0xa0761d6478bd642f
		m2 = 0xe7037ed1a0b428db
	)
	h := uint64(len(s)) ^ m2
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
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

// noneHash is hash(None) (CPython 3.12's constant).
const noneHash = 0xFCA86420

// inlineHash is hash() of an int, float, bool or None.
func inlineHash(v Value) int64 {
	if v.IsNone() {
		return noneHash
	}
	h, _ := numHash(v)
	return h
}

// xxHash constants of CPython's tuplehash.
const (
	xxPrime1 uint64 = 11400714785074694791
	xxPrime2 uint64 = 14029467366897019727
	xxPrime5 uint64 = 2870177450012600261
)

// hashSeq is CPython's tuplehash over the items' hashes.
func hashSeq(th *Thread, items []Value) (int64, error) {
	acc, err := xxLanes(th, items)
	if err != nil {
		return 0, err
	}
	return xxFinish(acc + (uint64(len(items)) ^ (xxPrime5 ^ 3527539))), nil
}

// Hash implements HasHash: slices are hashable since CPython 3.12, with
// tuplehash's lanes over (start, stop, step) and no length term.
func (s *Slice) Hash(th *Thread) (int64, error) {
	acc, err := xxLanes(th, []Value{s.Start, s.Stop, s.Step})
	return xxFinish(acc), err
}

// xxLanes folds the items' hashes into tuplehash's accumulator.
func xxLanes(th *Thread, items []Value) (uint64, error) {
	acc := xxPrime5
	for _, it := range items {
		h, err := hashKey(th, it)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	return acc, nil
}

// xxFinish maps the accumulator to a hash, avoiding -1 as CPython does.
func xxFinish(acc uint64) int64 {
	if acc == ^uint64(0) {
		return 1546275796
	}
	return int64(acc)
}
