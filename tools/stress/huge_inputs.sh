#!/usr/bin/env bash
# Huge inputs through the CLI, with peak memory: a 100 MB document (text input) and a
# 1-million-line JSONL file (JSONL in, JSONL out, -j threads). Not run in CI (minutes of CPU,
# hundreds of MB of scratch files).
#
#   tools/stress/huge_inputs.sh BUILD_DIR [WORK_DIR] [THREADS]
#
# BUILD_DIR holds the kashif binary (BUILD_DIR/tools/kashif). WORK_DIR (default
# /tmp/kashif-stress) receives the generated inputs and outputs. Prints, per run, wall time,
# peak RSS (from /usr/bin/time -v), input size and output line count, and checks that the
# JSONL run wrote exactly one output line per input line, in input order.
set -euo pipefail

build=${1:?usage: huge_inputs.sh BUILD_DIR [WORK_DIR] [THREADS]}
work=${2:-/tmp/kashif-stress}
threads=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
kashif=$build/tools/kashif
[[ -x $kashif ]] || { echo "no kashif binary at $kashif" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }
mkdir -p "$work"

gen() { python3 "$here/../corpus/make_corpus.py" "$@"; }

[[ -s $work/doc100mb.txt ]] || gen --mb 100 --format text > "$work/doc100mb.txt"
[[ -s $work/docs1m.jsonl ]] || gen --lines 1000000 --short --format jsonl > "$work/docs1m.jsonl"

run() {  # name, output file, command...
  local name=$1 out=$2
  shift 2
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$out"
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  printf '%-28s wall %-9s peak RSS %7.1f MB  output lines %s\n' "$name" "$wall" \
    "$(echo "$rss / 1024" | bc -l)" "$(wc -l < "$out")"
}

echo "inputs: $(du -h "$work/doc100mb.txt" | cut -f1) text, $(wc -l < "$work/docs1m.jsonl") JSONL lines ($(du -h "$work/docs1m.jsonl" | cut -f1))"
run text_100mb_j1 "$work/doc100mb.out" "$kashif" extract --format jsonl -j 1 "$work/doc100mb.txt"
run text_100mb_j$threads "$work/doc100mb.j.out" "$kashif" extract --format jsonl -j "$threads" "$work/doc100mb.txt"
run jsonl_1m_j$threads "$work/docs1m.out" "$kashif" extract --input-format jsonl --format jsonl \
  -j "$threads" "$work/docs1m.jsonl"

# One output line per input line, ids in input order, no error lines.
python3 - "$work/docs1m.jsonl" "$work/docs1m.out" <<'PY'
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as fin, open(sys.argv[2], encoding="utf-8") as fout:
    for n, (a, b) in enumerate(zip(fin, fout), 1):
        ia, ob = json.loads(a)["id"], json.loads(b)
        if ob.get("id") != ia or "error" in ob:
            sys.exit(f"line {n}: input id {ia}, output {b[:200]}")
    if next(fin, None) is not None or next(fout, None) is not None:
        sys.exit("input and output line counts differ")
print(f"jsonl check: {n} lines, one output per input, in order, no errors")
PY
