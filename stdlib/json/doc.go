// Package json is pyish's json module: dumps, dump, loads, load and
// JSONDecodeError, producing CPython 3.12's output byte for byte (the same
// separators, indentation, escapes, float reprs and error messages with
// line and column).
//
// Left out: the JSONEncoder and JSONDecoder classes (cls=), and str, int,
// float, list and dict subclasses defined in pyish code, which are not
// recognised as their base types.
package json
