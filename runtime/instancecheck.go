package runtime

// UserCheck calls a user-defined __instancecheck__ or __subclasscheck__
// (name) of cls's type with arg: how isinstance and issubclass defer to a
// metaclass, or to any object whose class defines the hook (typing's
// aliases). found is false when cls's type does not override name.
func UserCheck(th *Thread, cls Value, name string, arg Value) (result, found bool, err error) {
	if t, isType := cls.o.(*Type); isType && t.meta == nil {
		return false, false, nil // a plain class: type's own checks, no hook
	}
	mt := cls.Type()
	if mt == TypeType {
		return false, false, nil // a plain class: type's own checks, no hook
	}
	m, ok := userSlot(mt, name)
	if !ok {
		return false, false, nil
	}
	r, err := callSlot(th, m, cls, arg)
	if err != nil {
		return false, true, err
	}
	t, err := Truth(th, r)
	return t, true, err
}
