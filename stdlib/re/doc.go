// Package re is pyish's re module, built on Go's regexp (RE2): a Python
// pattern is parsed with CPython 3.12's grammar (sre_parse), checked for
// the same errors (re.error with CPython's message and position), and
// translated to RE2 syntax with Python's meaning spelled out: \d, \w and
// \s as Python's Unicode (or, with re.ASCII, ASCII) classes, Python's
// case-insensitive matching (simple lowercase plus CPython's _casefix
// equivalents), `$` before a final newline, positions in code points,
// pos/endpos with the character before pos as context, and the empty-match
// rules of Python 3.7+. A bytes pattern works on bytes subjects read as
// Latin-1 text (one character per byte), with ASCII classes and case
// folding as in CPython.
//
// Refused with NotImplementedError, because RE2 cannot give Python's
// answer exactly:
//   - backreferences \1 and (?P=name);
//   - lookahead (?=...) (?!...), lookbehind (?<=...) (?<!...),
//     conditionals (?(1)...), atomic groups (?>...) and possessive
//     quantifiers *+ ++ ?+ {m,n}+;
//   - \N{name} escapes;
//   - repeat counts above 1000 (RE2's limit);
//   - a repeated subpattern that can match the empty string and holds a
//     capturing group (RE2 and sre record different captures);
//   - a Unicode \W inside a negated set ([^a\W]);
//   - at match time: \b or \B on a non-ASCII subject without re.ASCII,
//     `$` without MULTILINE on a subject with a newline before its last
//     character that also ends in '\n', and an empty match whose
//     position also has a non-empty match (Python then takes the
//     non-empty one in backtracking order, which RE2 cannot tell);
//   - the LOCALE flag on bytes patterns (on str patterns it is CPython's
//     ValueError), and the DEBUG and TEMPLATE flags.
//
// re.RegexFlag is not an int subclass (pyish cannot subclass int from
// Go): the flags act as ints (operators, comparison, hash, int(),
// __index__) but isinstance(re.I, int) is False.
package re
