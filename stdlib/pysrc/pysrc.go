// Package pysrc holds the standard modules pyish writes in Python itself
// (string, contextlib, typing, dataclasses, abc, collections.abc, …):
// modules whose CPython implementation is plain Python over the language
// core, so running the same logic in pyish gives CPython's behaviour with the least code. The
// embedding layer compiles a module's source the first time a script
// imports it and runs it in the module's namespace.
//
// Several of these modules are CPython's Lib/*.py adapted to pyish
// (contextlib, dataclasses, abc, collections.abc, typing, textwrap,
// warnings, fractions, numbers, and string.Template), and are used under
// the Python Software Foundation License, whose text and copyright notice
// (Python Software Foundation; All Rights Reserved) are LICENSE-PSF.txt
// beside them. datetime, io, traceback, types and the ext/ modules
// other than these are written for pyish.
package pysrc

import (
	"embed"
	"sort"
	"strings"
)

//go:embed *.py ext/*.py
var files embed.FS

// Extension returns Python source that completes the Go-built module name
// (ext/NAME.py: functools.cached_property and singledispatch,
// collections.ChainMap): the embedding layer runs it in the module's
// namespace right after building the module.
func Extension(name string) (string, bool) {
	b, err := files.ReadFile("ext/" + name + ".py")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Source returns the Python source of the module name, if pysrc has it.
func Source(name string) (string, bool) {
	b, err := files.ReadFile(name + ".py")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Names lists the modules pysrc provides, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".py"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Filename is the name a module's source has in tracebacks.
func Filename(name string) string { return "<pyish>/" + name + ".py" }
