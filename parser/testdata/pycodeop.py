"""Classify REPL inputs as CPython's codeop does.

Usage: python3 pycodeop.py FILE...  prints JSON {input: "incomplete"|"complete"|"error"}
for every line prefix of every file.
"""
import codeop, json, sys, warnings

warnings.simplefilter("ignore")
out = {}
for f in sys.argv[1:]:
    lines = open(f, encoding="utf-8").read().splitlines(keepends=True)
    for i in range(1, len(lines) + 1):
        src = "".join(lines[:i])
        try:
            r = codeop.compile_command(src, "<stdin>", "exec")
            out[src] = "incomplete" if r is None else "complete"
        except (SyntaxError, ValueError, OverflowError):
            out[src] = "error"
json.dump(out, sys.stdout)
