#!/usr/bin/env bash
# bench/run.sh — time the pyish benchmark suite against CPython.
#
# usage: bench/run.sh [-n ROUNDS] [--no-build] [--no-mem] [--no-parse] [NAME...]
#
#   NAME      benchmark names (fib, async_queue, …); default: all of them
#   -n N      rounds per script (default 3, or $ROUNDS); the best time counts
#   --no-build  do not rebuild ./bin/pyish first
#   --no-mem    skip the parked-task memory measurement
#   --no-parse  skip the 5,000-line parse comparison
#
# Environment:
#   PYISH    the pyish binary (default ./bin/pyish, built from ./cmd/pyish)
#   PYTHON   the CPython to compare with (default /usr/bin/python3.11, the
#            distro's PGO build; falls back to python3.11 / python3 on PATH)
#   TIMEOUT  seconds before one run is killed and counted as a failure (120)
#
# Each round runs pyish then python on the same script, alternating, so both
# see the same machine noise; the minimum over rounds is reported. A script
# that fails, times out or prints something else under pyish shows FAIL or
# MISMATCH in the table and the run goes on.

set -u
export LC_ALL=C

cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)

ROUNDS=${ROUNDS:-3}
TIMEOUT=${TIMEOUT:-120}
BUILD=1
MEM=1
PARSE=1
NAMES=()
while [ $# -gt 0 ]; do
	case "$1" in
	-n) ROUNDS=$2; shift 2 ;;
	--no-build) BUILD=0; shift ;;
	--no-mem) MEM=0; shift ;;
	--no-parse) PARSE=0; shift ;;
	-h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "unknown option $1" >&2; exit 2 ;;
	*) NAMES+=("${1%.pyish}"); shift ;;
	esac
done

CORE=(fib loops nbody strdict classes)
ASYNC=(async_switch async_gather async_tree async_queue async_as_completed)
PARKED=async_parked
PARKED_N=100000

# --- interpreters -----------------------------------------------------------

PYISH_DEFAULT=0
if [ -z "${PYISH:-}" ]; then
	PYISH=./bin/pyish
	PYISH_DEFAULT=1
fi
if [ "$PYISH_DEFAULT" = 1 ] && [ "$BUILD" = 1 ]; then
	echo "building $PYISH from ./cmd/pyish ..."
	if ! go build -o "$PYISH" ./cmd/pyish; then
		echo "build failed: every pyish column will show FAIL" >&2
	fi
fi

if [ -z "${PYTHON:-}" ]; then
	for p in /usr/bin/python3.11 python3.11 python3; do
		if command -v "$p" >/dev/null 2>&1; then
			PYTHON=$(command -v "$p")
			break
		fi
	done
fi
if [ -z "${PYTHON:-}" ]; then
	echo "no CPython found; set PYTHON" >&2
	exit 2
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- helpers ----------------------------------------------------------------

# now prints the wall clock in microseconds.
now() { echo "${EPOCHREALTIME/./}"; }

# run_once BIN SCRIPT OUTFILE ERRFILE [ARGS...]: runs one script, sets
# ELAPSED (wall seconds, as text) and CPU (user+sys seconds of the process
# and its children, from GNU time when it is installed, else the wall
# time) and returns the exit status.
run_once() {
	local bin=$1 script=$2 out=$3 err=$4
	shift 4
	local t0 t1 rc
	t0=$(now)
	rm -f "$TMP/cpu"
	if [ "$HAVE_CPUTIME" = 1 ]; then
		"$TMP/cputime" -o "$TMP/cpu" -timeout "$TIMEOUT" "$bin" "$script" "$@" >"$out" 2>"$err" </dev/null
	elif [ "$HAVE_TIME" = 1 ]; then
		"$GNUTIME" -f '%U %S' -o "$TMP/cpu" timeout "$TIMEOUT" "$bin" "$script" "$@" >"$out" 2>"$err" </dev/null
	else
		timeout "$TIMEOUT" "$bin" "$script" "$@" >"$out" 2>"$err" </dev/null
	fi
	rc=$?
	t1=$(now)
	ELAPSED=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e6 }')
	CPU=$ELAPSED
	if [ "$HAVE_CPUTIME" = 1 ] || [ "$HAVE_TIME" = 1 ]; then
		CPU=$(awk '/^[0-9.]+ [0-9.]+$/ { printf "%.4f", $1 + $2 }' "$TMP/cpu" 2>/dev/null)
		[ -n "$CPU" ] || CPU=$ELAPSED
	fi
	if [ "$rc" = 124 ]; then
		echo "timed out after ${TIMEOUT}s" >>"$err"
	fi
	return "$rc"
}

# lastline FILE prints the last non-empty line of FILE (an error summary).
lastline() {
	local l
	l=$(grep -v '^[[:space:]]*$' "$1" | tail -n 1)
	[ -n "$l" ] || l="exit status $2, no message"
	echo "${l:0:100}"
}

# minof A B prints the smaller number; an empty A means "no value yet".
minof() {
	if [ -z "$1" ]; then echo "$2"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b < a) ? b : a }'; fi
}

declare -A PY_T PX_T PY_C PX_C STATUS NOTE

# bench NAME: times one script, filling PX_T, PY_T, STATUS and NOTE.
bench() {
	local name=$1 script=bench/$1.pyish
	local r rc px="" py="" pxc="" pyc="" status=ok note=""
	for ((r = 1; r <= ROUNDS; r++)); do
		if [ "$status" = ok ]; then
			run_once "$PYISH" "$script" "$TMP/$name.px.out" "$TMP/$name.px.err"
			rc=$?
			if [ "$rc" = 0 ]; then
				px=$(minof "$px" "$ELAPSED")
				pxc=$(minof "$pxc" "$CPU")
			else
				status=FAIL
				note="pyish: $(lastline "$TMP/$name.px.err" "$rc")"
			fi
		fi
		run_once "$PYTHON" "$script" "$TMP/$name.py.out" "$TMP/$name.py.err"
		rc=$?
		if [ "$rc" = 0 ]; then
			py=$(minof "$py" "$ELAPSED")
			pyc=$(minof "$pyc" "$CPU")
		else
			STATUS[$name]=PYFAIL
			NOTE[$name]="python: $(lastline "$TMP/$name.py.err" "$rc")"
			PY_T[$name]=""
			PX_T[$name]=$px
			return
		fi
		if [ "$status" = ok ] && ! cmp -s "$TMP/$name.px.out" "$TMP/$name.py.out"; then
			status=MISMATCH
			note="pyish printed $(head -c 60 "$TMP/$name.px.out" | tr '\n' ' '), python $(head -c 60 "$TMP/$name.py.out" | tr '\n' ' ')"
		fi
	done
	PX_T[$name]=$px
	PY_T[$name]=$py
	PX_C[$name]=$pxc
	PY_C[$name]=$pyc
	STATUS[$name]=$status
	NOTE[$name]=$note
}

# row NAME prints one table row and appends NAME's CPU-time ratio to
# $TMP/ratios.GROUP (and its wall-time ratio to $TMP/wall.GROUP).
row() {
	local name=$1 group=$2 px py pxc pyc ratio wratio
	py=${PY_T[$name]:-}
	pyc=${PY_C[$name]:-}
	if [ "${STATUS[$name]}" = ok ]; then
		px=${PX_T[$name]}
		pxc=${PX_C[$name]}
		ratio=$(awk -v a="$pxc" -v b="$pyc" 'BEGIN { printf "%.2f", a / b }')
		wratio=$(awk -v a="$px" -v b="$py" 'BEGIN { printf "%.2f", a / b }')
		awk -v a="$pxc" -v b="$pyc" 'BEGIN { print a / b }' >>"$TMP/ratios.$group"
		awk -v a="$px" -v b="$py" 'BEGIN { print a / b }' >>"$TMP/wall.$group"
	else
		px=${STATUS[$name]}
		pxc=${STATUS[$name]}
		ratio="-"
		wratio="-"
	fi
	printf "| %-20s | %9s | %9s | %7s | %9s | %9s | %7s |\n" "$name" "$pxc" "${pyc:-FAIL}" "$ratio" "$px" "${py:-FAIL}" "$wratio"
}

# geomean GROUP COUNT prints the geometric means of the group's ratios.
geomean() {
	local f=$TMP/ratios.$1 w=$TMP/wall.$1
	if [ ! -s "$f" ]; then
		printf "| %-20s | %9s | %9s | %7s | %9s | %9s | %7s |\n" "geomean $1 (0/$2)" "" "" "-" "" "" "-"
		return
	fi
	local gw
	gw=$(awk '{ s += log($1); n++ } END { printf "%.2f", exp(s / n) }' "$w")
	awk -v g="$1" -v total="$2" -v gw="$gw" '
		{ s += log($1); n++ }
		END { printf "| %-20s | %9s | %9s | %7.2f | %9s | %9s | %7s |\n", "geomean " g " (" n "/" total ")", "", "", exp(s / n), "", "", gw }' "$f"
}

selected() {
	local n
	[ ${#NAMES[@]} -eq 0 ] && return 0
	for n in "${NAMES[@]}"; do [ "$n" = "$1" ] && return 0; done
	return 1
}

# --- timing table -----------------------------------------------------------

GNUTIME=/usr/bin/time
HAVE_TIME=0
if [ -x "$GNUTIME" ] && "$GNUTIME" -f %U true >/dev/null 2>&1; then
	HAVE_TIME=1
fi

echo "pyish:  $PYISH"
echo "python: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])' 2>&1))"
echo "rounds: $ROUNDS (alternating pyish/python, best of each), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null), $(date -u '+%Y-%m-%d %H:%M UTC')"
# bench/cputime reads the child's rusage to the microsecond; GNU time
# rounds to 10 ms, a tenth of what pyish takes for some async scripts.
HAVE_CPUTIME=0
if go build -o "$TMP/cputime" ./bench/cputime 2>/dev/null; then
	HAVE_CPUTIME=1
	echo "cpu:    bench/cputime (child rusage, µs)"
elif [ "$HAVE_TIME" = 1 ]; then
	echo "cpu:    GNU time (10 ms steps)"
else
	echo "no GNU time (/usr/bin/time) and no Go: CPU columns show wall time"
fi
echo

RAN_CORE=()
RAN_ASYNC=()
for n in "${CORE[@]}"; do selected "$n" && { bench "$n"; RAN_CORE+=("$n"); }; done
for n in "${ASYNC[@]}"; do selected "$n" && { bench "$n"; RAN_ASYNC+=("$n"); }; done

if [ $((${#RAN_CORE[@]} + ${#RAN_ASYNC[@]})) -gt 0 ]; then
	echo "| script               | pyish cpu | pyth. cpu |   ratio |  pyish s |  python s | w.ratio |"
	echo "|----------------------|-----------|-----------|---------|-----------|-----------|---------|"
	for n in "${RAN_CORE[@]}"; do row "$n" core; done
	[ ${#RAN_CORE[@]} -gt 0 ] && geomean core ${#RAN_CORE[@]}
	for n in "${RAN_ASYNC[@]}"; do row "$n" async; done
	[ ${#RAN_ASYNC[@]} -gt 0 ] && geomean async ${#RAN_ASYNC[@]}
	echo
	echo "ratio = pyish CPU time (user+sys) / python CPU time, best of the rounds;"
	echo "w.ratio = the same for wall time (lower is better; goals: core geomean"
	echo "<= 1.0, every async ratio <= 0.20). Failures:"
	any=0
	for n in "${RAN_CORE[@]}" "${RAN_ASYNC[@]}"; do
		if [ "${STATUS[$n]}" != ok ]; then
			echo "  $n: ${STATUS[$n]}: ${NOTE[$n]}"
			any=1
		fi
	done
	[ "$any" = 0 ] && echo "  none"
	echo
fi

# --- memory per parked task -------------------------------------------------

GNUTIME=/usr/bin/time
ensure_gnu_time() {
	if [ -x "$GNUTIME" ] && "$GNUTIME" -v true >/dev/null 2>&1; then
		return 0
	fi
	echo "GNU time (/usr/bin/time -v) is missing; it reports peak RSS."
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "installing it: apt-get install -y time"
		apt-get install -y time >/dev/null 2>&1 ||
			{ apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }
	else
		echo "install it with: sudo apt-get install -y time"
	fi
	[ -x "$GNUTIME" ] && "$GNUTIME" -v true >/dev/null 2>&1
}

# peak_rss BIN N prints the peak RSS in KB of async_parked with N tasks (the
# smallest over ROUNDS runs), or "FAIL: reason".
peak_rss() {
	local bin=$1 n=$2 r kb best="" tag
	tag=$(basename "$bin").$n
	for ((r = 1; r <= ROUNDS; r++)); do
		if ! timeout "$TIMEOUT" "$GNUTIME" -v "$bin" bench/$PARKED.pyish "$n" \
			>"$TMP/park.$tag.out" 2>"$TMP/park.$tag.err" </dev/null; then
			echo "FAIL: $(grep -v -e '^	' -e '^Command exited' "$TMP/park.$tag.err" | lastline /dev/stdin 1)"
			return
		fi
		# Expected: N and the sum of i % 7 for i < N.
		if [ "$(cat "$TMP/park.$tag.out")" != "$n $((n / 7 * 21 + (n % 7) * (n % 7 - 1) / 2))" ]; then
			echo "FAIL: wrong output $(head -c 40 "$TMP/park.$tag.out")"
			return
		fi
		kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/park.$tag.err")
		best=$(minof "$best" "$kb")
	done
	echo "$best"
}

if [ "$MEM" = 1 ] && selected "$PARKED"; then
	echo "Memory per parked task ($PARKED: N tasks waiting on one Event; peak RSS, best of $ROUNDS):"
	if ensure_gnu_time; then
		echo "| interpreter | RSS N=1 KB | RSS N=$PARKED_N KB | bytes/task |"
		echo "|-------------|------------|-----------------|------------|"
		FAILS=""
		for who in pyish python; do
			if [ "$who" = pyish ]; then bin=$PYISH; else bin=$PYTHON; fi
			small=$(peak_rss "$bin" 1)
			big=$(peak_rss "$bin" "$PARKED_N")
			case "$small$big" in
			*FAIL*) per=FAIL ;;
			*) per=$(awk -v a="$big" -v b="$small" -v n="$PARKED_N" 'BEGIN { printf "%.0f", (a - b) * 1024 / n }') ;;
			esac
			printf "| %-11s | %10s | %15s | %10s |\n" "$who" "${small%%:*}" "${big%%:*}" "$per"
			case "$small$big" in
			*FAIL*) FAILS+="  $who: N=1: $small; N=$PARKED_N: $big"$'\n' ;;
			esac
		done
		echo "goal: pyish <= 1024 bytes per parked task"
		[ -n "$FAILS" ] && printf "failures:\n%s" "$FAILS"
	else
		echo "skipped: no GNU time"
	fi
	echo
fi

# --- parse speed ------------------------------------------------------------

if [ "$PARSE" = 1 ] && [ ${#NAMES[@]} -eq 0 ]; then
	echo "Parse of a >=5,000-line file (bench/*.pyish concatenated and repeated):"
	py_ms=$("$PYTHON" - <<'EOF' 2>&1
import ast, glob, time
files = sorted(glob.glob("bench/*.pyish"))
parts, lines = [], 0
while lines < 5000:
    for f in files:
        with open(f) as fh:
            s = fh.read()
        parts.append(s)
        lines += s.count("\n")
src = "".join(parts)
best = None
for _ in range(20):
    t = time.perf_counter()
    ast.parse(src)
    d = time.perf_counter() - t
    best = d if best is None or d < best else best
print("%.1f %d" % (best * 1000, src.count("\n")))
EOF
	)
	px_out=$(go test -run '^$' -bench '^BenchmarkParse5000$' -benchtime 20x ./bench/ 2>&1)
	px_ns=$(echo "$px_out" | awk '/^BenchmarkParse5000/ { print $3; exit }')
	echo "  lines: ${py_ms##* }"
	echo "  python ast.parse:        ${py_ms%% *} ms (best of 20)"
	if [ -n "$px_ns" ]; then
		px_ms=$(awk -v n="$px_ns" 'BEGIN { printf "%.1f", n / 1e6 }')
		ratio=$(awk -v a="$px_ms" -v b="${py_ms%% *}" 'BEGIN { printf "%.2f", a / b }')
		echo "  pyish parser.ParseFile:  $px_ms ms (mean of 20, go test -bench Parse5000)"
		echo "  ratio: $ratio (goal <= 1.0)"
	else
		echo "  pyish parser.ParseFile:  FAIL"
		echo "$px_out" | grep -v -e '^ok' -e '^PASS' -e '^FAIL' -e '^goos' -e '^goarch' -e '^pkg' -e '^cpu' | head -n 3 | sed 's/^/    /'
	fi
fi
