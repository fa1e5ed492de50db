package runtime

// This file defines BytesObject, pyish's immutable bytes.

// BytesObject is a Python bytes value.
type BytesObject struct {
	b      []byte
	hashed bool
	hash   int64
}

// Type returns BytesType.
func (b *BytesObject) Type() *Type { return BytesType }
