package runtime

// Format is Python's format(v, spec).
func Format(th *Thread, v Value, spec string) (string, error) {
	panic("runtime: Format not implemented")
}
