package vm

// This file runs super().method(...) without a super object.

import "github.com/pyish/pyish/runtime"

// loadSuperMethod is LOAD_SUPER_METHOD names[name] at pc: vs holds super,
// __class__ and the method's first argument, and gets what CALL 2 then
// LOAD_METHOD would leave (method and self, or attribute and null) in
// vs[0:2]. When super is the builtin, no super object is made.
func loadSuperMethod(th *runtime.Thread, f *Frame, pc int, vs []runtime.Value, name uint32) error {
	nm := f.code.Names[name]
	var m, self runtime.Value
	var err error
	fn, _ := vs[0].Object().(*runtime.Type)
	if t, ok := vs[1].Object().(*runtime.Type); ok && fn == runtime.SuperType {
		m, self, err = runtime.SuperMethod(th, t, vs[2], nm)
	} else {
		// A shadowed super is called without arguments, as in CPython.
		s, e := callValue(th, vs[0], nil, nil)
		if e != nil {
			return e
		}
		m, self, err = loadMethodAt(th, f, pc, s, nm)
	}
	if err != nil {
		return err
	}
	vs[0], vs[1], vs[2] = m, self, runtime.Value{}
	return nil
}
