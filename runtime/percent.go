package runtime

// This file implements printf-style formatting: str % args.

// PercentFormat is Python's format % args for a str format.
func PercentFormat(th *Thread, format string, args Value) (string, error) {
	return "", Errorf(NotImplementedError, "%% formatting")
}
