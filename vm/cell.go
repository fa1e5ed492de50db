package vm

import "github.com/pyish/pyish/runtime"

// GetAttr implements runtime.HasAttrs: cell_contents, or ValueError for
// an empty cell as CPython raises.
func (c *Cell) GetAttr(th *runtime.Thread, name string) (runtime.Value, error) {
	if name == "cell_contents" {
		if c.v.IsNull() {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Cell is empty")
		}
		return c.v, nil
	}
	return runtime.Value{}, runtime.Errorf(runtime.AttributeError, "'cell' object has no attribute '%s'", name)
}

// closureTuple is a function's __closure__: its cells, or None.
func (fn *Function) closureTuple() runtime.Value {
	if len(fn.closure) == 0 {
		return runtime.None
	}
	items := make([]runtime.Value, len(fn.closure))
	for i, c := range fn.closure {
		items[i] = runtime.Obj(c)
	}
	return runtime.Obj(runtime.NewTuple(items))
}

// makeCell is MAKE_CELL: a fresh cell for a variable of an inlined
// comprehension that a closure captures, so that each run of the
// comprehension has its own. A module frame gets its cell slots here.
func makeCell(f *Frame, i int) {
	if len(f.cells) <= i {
		cells := make([]*Cell, len(f.code.CellVars)+len(f.code.FreeVars))
		copy(cells, f.cells)
		f.cells = cells
	}
	f.cells[i] = &Cell{}
}
