"""Mutate Python sources token-wise and report how CPython compiles each.

Usage: python3 pymutate.py SEED N FILE...  prints JSON [[src, kind, msg, line, col], ...]
kind is "OK" when CPython's parser accepts the mutant (compile errors that
come from the compiler, not the parser, count as OK).
"""
import ast, io, json, random, sys, tokenize

def tokens(src):
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.ENDMARKER,)]
    except Exception:
        return []

def mutate(src, toks, rnd):
    lines = src.splitlines(keepends=True)
    offs = [0]
    for l in lines:
        offs.append(offs[-1] + len(l))
    pick = [t for t in toks if t.string.strip()]
    if not pick:
        return src
    t = rnd.choice(pick)
    a = offs[t.start[0] - 1] + t.start[1]
    b = offs[t.end[0] - 1] + t.end[1]
    other = rnd.choice(pick).string
    op = rnd.randrange(3)
    if op == 0:
        return src[:a] + src[b:]
    if op == 1:
        return src[:a] + other + " " + src[a:]
    return src[:a] + other + src[b:]

def main():
    rnd = random.Random(int(sys.argv[1]))
    n = int(sys.argv[2])
    srcs = [open(f, encoding="utf-8").read() for f in sys.argv[3:]]
    toks = [tokens(s) for s in srcs]
    out = []
    for _ in range(n):
        i = rnd.randrange(len(srcs))
        m = mutate(srcs[i], toks[i], rnd)
        try:
            ast.parse(m)
            out.append([m, "OK", "", 0, 0])
        except SyntaxError as e:
            out.append([m, type(e).__name__, e.msg, e.lineno or 0, e.offset or 0])
        except (ValueError, MemoryError, RecursionError) as e:
            pass
    json.dump(out, sys.stdout)

main()
