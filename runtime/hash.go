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
	p, n, i := unsafe.Pointer(unsafe.StringData(s)), len(s), 0
	for ; i+8 <= n; i += 8 {
		hi, lo := bits.Mul64(h^load64(unsafe.Add(p, i)), m1)
		h = hi ^ lo
	}
	var w uint64
	if r := n - i; r > 0 { // no pointer past the end, even unused
		// The last r < 8 bytes as a little-endian word, zero above them:
		// two loads that overlap in the middle give every byte its place
		// (an overlapping byte is ORed with itself), without a loop.
		t := unsafe.Add(p, i)
		switch {
		case r >= 4:
			w = uint64(load32(t)) | uint64(load32(unsafe.Add(t, r-4)))<<(8*(r-4))
		case r >= 2:
			w = uint64(load16(t)) | uint64(load16(unsafe.Add(t, r-2)))<<(8*(r-2))
		default:
			w = uint64(*(*byte)(t))
		}
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

// load64, load32 and load16 read little-endian words at p, unaligned;
// the compiler makes each one load.
func load64(p unsafe.Pointer) uint64 {
	b := (*[8]byte)(p)
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func load32(p unsafe.Pointer) uint32 {
	b := (*[4]byte)(p)
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func load16(p unsafe.Pointer) uint16 {
	b := (*[2]byte)(p)
	return uint16(b[0]) | uint16(b[1])<<8
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
