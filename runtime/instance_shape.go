package runtime

// This file defines the split layout of instance attributes (CPython's
// key-sharing dicts): while an instance's attributes are only set and
// read by name, their values sit in a slice and their names in a shape
// shared by the instances of a class that added the same names in the
// same order. The first use that needs a real dict (__dict__, vars(),
// del, object.__setattr__, …) gives the instance a dict for good.

// A class's shapes stay small: past these limits (names made up at run
// time, many insertion orders) instances get a dict.
const (
	shapeMaxNames = 30
	shapeMaxNext  = 8
)

// A shape is the ordered attribute names of shaped instances.
type shape struct {
	names  []string
	keys   []Value // the names as str values, the keys of a made dict
	hashes []int64 // StrHash of each name
	next   []*shape
}

// find returns the position of name (whose StrHash is h), or -1.
func (s *shape) find(name string, h int64) int {
	for i, x := range s.hashes {
		if x == h && s.names[i] == name {
			return i
		}
	}
	return -1
}

// findName is find without a known hash.
func (s *shape) findName(name string) int {
	for i, x := range s.names {
		if x == name {
			return i
		}
	}
	return -1
}

// add returns the shape with name appended to s (nil past the limits).
func (s *shape) add(name string, key Value, h int64) *shape {
	n := len(s.names)
	for _, c := range s.next {
		if c.hashes[n] == h && c.names[n] == name {
			return c
		}
	}
	if n >= shapeMaxNames || len(s.next) >= shapeMaxNext {
		return nil
	}
	if key.IsNull() {
		key = Str(name)
	}
	c := &shape{
		names:  append(s.names[:n:n], name),
		keys:   append(s.keys[:n:n], key),
		hashes: append(s.hashes[:n:n], h),
	}
	s.next = append(s.next, c)
	return c
}

// emptyShape returns the shape new instances of the class t start with.
func (t *Type) emptyShape() *shape {
	if t.shape == nil {
		t.shape = &shape{}
	}
	return t.shape
}

// makeDict gives a shaped instance its attribute dict.
func (o *Instance) makeDict() {
	d := &Dict{}
	if s := o.shape; s != nil {
		d.entries = make([]dictEntry, 0, len(s.names))
		for i := range s.names {
			d.appendEntry(s.keys[i], s.hashes[i], o.vals[i])
		}
	}
	o.more().dict, o.shape, o.vals = d, nil, nil
}

// ownAttr returns the instance's own attribute name (hash h), from its
// shape or its dict.
func (o *Instance) ownAttr(name string, h int64) (Value, bool) {
	if s := o.shape; s != nil {
		if i := s.find(name, h); i >= 0 {
			return o.vals[i], true
		}
		return Value{}, false
	}
	if d := o.attrDict(); d != nil && d.used > 0 {
		if i := d.findStr(name, h); i >= 0 {
			return d.entries[i].val, true
		}
	}
	return Value{}, false
}

// hasOwnAttr reports whether the instance itself holds name.
func (o *Instance) hasOwnAttr(name string) bool {
	if s := o.shape; s != nil {
		return s.findName(name) >= 0
	}
	_, ok := o.attrDict().GetStr(name)
	return ok
}

// storeOwnAttr sets the instance's own attribute name (key: the name as
// a str value or null, h: its StrHash) to v.
func (o *Instance) storeOwnAttr(name string, key Value, h int64, v Value) {
	if s := o.shape; s != nil {
		if i := s.find(name, h); i >= 0 {
			o.vals[i] = v
			return
		}
		if ns := s.add(name, key, h); ns != nil {
			o.shape = ns
			o.vals = append(o.vals, v)
			o.Class.noteAttrs(len(o.vals))
			return
		}
		o.makeDict()
	}
	d := o.ext.dict
	d.setStrKeyHashed(name, key, h, v)
	o.Class.noteAttrs(d.used)
}

// noteAttrs records that an instance of t has n attributes, so new
// instances start with room for that many.
func (t *Type) noteAttrs(n int) {
	if n > t.attrHint && n <= shapeMaxNames {
		t.attrHint = n
	}
}

// copyAttrs gives the new instance c the attributes of o, each passed
// through f.
func (o *Instance) copyAttrs(th *Thread, c *Instance, f func(Value) (Value, error)) error {
	if o.shape != nil && c.shape != nil {
		c.shape = o.shape
		c.vals = make([]Value, len(o.vals))
		for i, v := range o.vals {
			nv, err := f(v)
			if err != nil {
				return err
			}
			c.vals[i] = nv
		}
		return nil
	}
	d := o.Attrs()
	if d == nil {
		return nil
	}
	cd := c.Attrs()
	for _, kv := range d.Items() {
		v, err := f(kv[1])
		if err != nil {
			return err
		}
		if err := cd.Set(th, kv[0], v); err != nil {
			return err
		}
	}
	return nil
}
