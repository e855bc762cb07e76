#!/usr/bin/env bash
# Huge and hostile inputs through the CLI, with peak memory: a 100 MB document (text input), a
# 1-million-line JSONL file (JSONL in, JSONL out, -j threads), and the memory bounds of issue 13
# checked (peak RSS at -j 2 of 2 MB of random bytes, short words, punctuation, news, marks and
# NUL bytes <= 96 MB; 16 MB of random bytes <= 128 MB; one 8 MB JSONL document <= 128 MB),
# with writing to /dev/full, `| head -1` and one JSONL line too large for a memory cap. Not run
# in CI (minutes of CPU, hundreds of MB of scratch files). Exits 1 when a check fails.
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

# ---- the memory bounds and the failure paths (issue 13) -----------------------------------
python3 - "$work" <<'PY'
import json, os, random, sys
work = sys.argv[1]
rng = random.Random(13)
def write(name, data):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
mb = 1 << 20
letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
write("random2.bin", rng.randbytes(2 * mb))
write("random16.bin", rng.randbytes(16 * mb))
write("short2.txt", " ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))
                             for _ in range(2 * mb // 5)).encode())
write("punct2.txt", b". " * mb)
write("marks2.txt", "".join(rng.choice("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
                            for _ in range(mb)).encode())
write("nul2.bin", bytes(2 * mb))
PY
[[ -s $work/news2.txt ]] || gen --mb 2 --format text > "$work/news2.txt"
if [[ ! -s $work/doc8.jsonl ]]; then
  gen --mb 8 --format text | python3 -c 'import json,sys; print(json.dumps({"id": 1, "text": sys.stdin.read()}, ensure_ascii=False))' > "$work/doc8.jsonl"
fi

failed=0
check_rss() {  # name, limit in MB, command...
  local name=$1 limit=$2
  shift 2
  /usr/bin/time -f %M -o "$work/$name.rss" "$@" > "$work/$name.out" 2> "$work/$name.err" || true
  local kb
  kb=$(tail -1 "$work/$name.rss")
  local verdict=ok
  if (( kb > limit * 1024 )); then verdict=FAIL; failed=1; fi
  printf '%-28s peak RSS %7.1f MB (limit %d MB) %s\n' "$name" "$(echo "$kb / 1024" | bc -l)" "$limit" "$verdict"
}
for f in random2.bin short2.txt punct2.txt news2.txt marks2.txt nul2.bin; do
  check_rss "text_${f%.*}_j2" 96 "$kashif" -j 2 "$work/$f"
done
check_rss text_random16_j2 128 "$kashif" -j 2 "$work/random16.bin"
check_rss jsonl_doc8mb_j2 128 "$kashif" -j 2 --input-format jsonl --format jsonl "$work/doc8.jsonl"

# A write error is reported and fails the run.
if "$kashif" "$work/news2.txt" > /dev/full 2> "$work/full.err"; then
  echo "/dev/full: exit status 0 (expected non-zero)"; failed=1
elif ! grep -q 'write error' "$work/full.err"; then
  echo "/dev/full: no write error message"; failed=1
else
  echo "/dev/full: $(cat "$work/full.err")"
fi
# `| head -1` stops at once: well under the time the whole file takes.
start=$(date +%s.%N)
# kashif ends by SIGPIPE there (status 141), as any tool would: not a failure of the script.
("$kashif" "$work/doc100mb.txt" || true) | head -1 > /dev/null
took=$(echo "$(date +%s.%N) - $start" | bc -l)
printf 'head -1 on 100 MB: %.2f s\n' "$took"
if (( $(echo "$took > 10" | bc -l) )); then echo "head -1 did not stop the run"; failed=1; fi

# Under a memory cap too low for one huge line, that line gets its error object and every other
# line comes out, in order.
if [[ ! -s $work/oom.jsonl ]]; then
  python3 - "$work/oom.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(200):
        f.write(json.dumps({"id": i, "text": "وصل الوفد إلى القاهرة أمس"}, ensure_ascii=False) + "\n")
    f.write('{"id": "huge", "text": "' + "وصل الوفد إلى القاهرة " * (200 * 2**20 // 40) + '"}\n')
    for i in range(200, 400):
        f.write(json.dumps({"id": i, "text": "وصل الوفد إلى القاهرة أمس"}, ensure_ascii=False) + "\n")
PY
fi
prlimit --as=$((400 << 20)) "$kashif" -j 2 --max-line-bytes 1000000000 --input-format jsonl \
  --format jsonl "$work/oom.jsonl" > "$work/oom.out" 2> "$work/oom.err" || true
if python3 - "$work/oom.out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
ids = [r.get("id") for r in rows]
ok = ids == list(range(200)) + [None] + list(range(200, 400)) and "error" in rows[200]
print("prlimit --as 400 MB:", len(rows), "lines,", rows[200].get("error") if len(rows) > 200 else "")
sys.exit(0 if ok else 1)
PY
then :; else echo "prlimit: lines lost or out of order"; failed=1; fi
exit $failed
