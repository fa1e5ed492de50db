package re

import (
	"github.com/pyish/pyish/runtime"
)

// This file defines re.RegexFlag, an enum.IntFlag of the flag constants
// with enum.global_enum's reprs (re.IGNORECASE|re.MULTILINE).

// regexFlagNames are RegexFlag's members in definition order (the order
// of a combined repr), with their one-letter aliases.
var regexFlagNames = []struct {
	name, short string
	bit         int
}{{"NOFLAG", "", 0}, {"ASCII", "A", flagASCII}, {"IGNORECASE", "I", flagIgnoreCase}, {"LOCALE", "L", flagLocale},
	{"UNICODE", "U", flagUnicode}, {"MULTILINE", "M", flagMultiline}, {"DOTALL", "S", flagDotAll},
	{"VERBOSE", "X", flagVerbose}, {"TEMPLATE", "T", flagTemplate}, {"DEBUG", "", flagDebug}}

// setFlags makes the interpreter's RegexFlag and installs its members
// in the module.
func setFlags(th *runtime.Thread, m *runtime.Module) error {
	spec := runtime.IntFlagSpec{Module: "re", Name: "RegexFlag", Global: true}
	for _, f := range regexFlagNames {
		spec.Names = append(spec.Names, f.name)
		spec.Values = append(spec.Values, int64(f.bit))
	}
	t, err := runtime.NewIntFlag(th, spec)
	if err != nil {
		return err
	}
	for _, f := range regexFlagNames {
		v, _ := t.Dict.GetStr(f.name)
		m.Dict.SetStr(f.name, v)
		if f.short != "" {
			m.Dict.SetStr(f.short, v)
		}
	}
	m.Dict.SetStr("RegexFlag", runtime.Obj(t))
	return nil
}
