package json

import (
	"github.com/pyish/pyish/runtime"
)

// This file builds the module: its functions and JSONDecodeError.

type value = runtime.Value

// JSONDecodeError is json.decoder.JSONDecodeError, a ValueError whose
// message ends with the line and column of the error.
var JSONDecodeError = runtime.NewExceptionType("json.decoder.JSONDecodeError", runtime.ValueError)

func init() {
	JSONDecodeError.New = newDecodeError
}

// Module returns a fresh json module.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("json")
	m.Dict.SetStr("dumps", runtime.NewBuiltin("dumps", json_dumps))
	m.Dict.SetStr("dump", runtime.NewBuiltin("dump", json_dump))
	m.Dict.SetStr("loads", runtime.NewBuiltin("loads", json_loads))
	m.Dict.SetStr("load", runtime.NewBuiltin("load", json_load))
	m.Dict.SetStr("JSONDecodeError", runtime.Obj(JSONDecodeError))
	return m
}

// decodeError returns JSONDecodeError(msg, doc, pos) for a document held
// as code points.
func decodeError(msg string, doc []rune, pos int) *runtime.Exception {
	return decodeErrorOf(JSONDecodeError, msg, doc, pos)
}

// decodeErrorOf is decodeError for JSONDecodeError or a subclass t.
func decodeErrorOf(t *runtime.Type, msg string, doc []rune, pos int) *runtime.Exception {
	lineno, colno := lineCol(doc, pos)
	e := runtime.Errorf(t, "%s: line %d column %d (char %d)", msg, lineno, colno, pos)
	a := e.Attrs()
	a.SetStr("msg", runtime.Str(msg))
	a.SetStr("doc", runtime.Str(string(doc)))
	a.SetStr("pos", runtime.Int(int64(pos)))
	a.SetStr("lineno", runtime.Int(int64(lineno)))
	a.SetStr("colno", runtime.Int(int64(colno)))
	return e
}

// lineCol is JSONDecodeError's line and column (1-based) of pos.
func lineCol(doc []rune, pos int) (lineno, colno int) {
	lineno, last := 1, -1
	for i := 0; i < pos && i < len(doc); i++ {
		if doc[i] == '\n' {
			lineno++
			last = i
		}
	}
	return lineno, pos - last
}

// newDecodeError is JSONDecodeError(msg, doc, pos) called from pyish code.
func newDecodeError(th *runtime.Thread, t *runtime.Type, args []value, kwnames []string) (value, error) {
	var msgv, docv, posv value
	if err := runtime.UnpackArgs("JSONDecodeError", args, kwnames, "msg", &msgv, "doc", &docv, "pos", &posv); err != nil {
		return value{}, err
	}
	msg, ok1 := runtime.AsString(msgv)
	doc, ok2 := runtime.AsString(docv)
	pos, err := runtime.ToInt64(th, posv)
	if err != nil {
		return value{}, err
	}
	if !ok1 || !ok2 {
		return value{}, runtime.Errorf(runtime.TypeError, "JSONDecodeError() expects a str message and document")
	}
	return runtime.Obj(decodeErrorOf(t, msg, []rune(doc), int(pos))), nil
}
