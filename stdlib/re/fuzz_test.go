package re

import "testing"

// FuzzTranslate checks that any pattern either fails with a re.error,
// is refused, or translates to RE2 syntax that Go compiles or refuses
// as beyond its limits, in the main variants, without panicking.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{`a+b*`, `(?P<n>x)|[^\d\s]`, `(?i)[à-ÿ]\b$`, `(?x) a # c`, `[]a-]{2,3}?`, `\x41\0\101`, `(?s:.)(?m)^`, `(?-i:a)`} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, pattern string, flags int) {
		flags &= flagIgnoreCase | flagMultiline | flagDotAll | flagVerbose | flagASCII
		for _, clip := range []bool{false, true} {
			tr, err := translate(pattern, flags, clip)
			if err != nil || tr.refused != nil {
				return
			}
			e := &engine{t: tr, source: pattern}
			for _, v := range []variant{{ascii: clip}, {prefix: true, mode: modeFull, multiDollar: true, ascii: clip}} {
				// An error here is a refusal (RE2's size limits).
				_, _ = e.compileVariant(v)
			}
		}
	})
}
