#!/usr/bin/env bash
# `kashif extract --format conll|html` and the progress line, end to end.
#   cli_views_test.sh KASHIF_BINARY WORK_DIR [CHROMIUM]
# With CHROMIUM, the HTML page is loaded in a real headless browser and the DOM it builds
# (after the page's own script has run) is checked. A screenshot is left in WORK_DIR for people
# to look at; it is never part of the repository.
set -euo pipefail

kashif=$1 work=$2 chromium=${3:-}
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Our own sentences: two places (one behind the proclitic ل), a money amount, and a line break
# that ends a sentence without punctuation.
printf '%s\n%s\n' \
  'وصل وزير الخارجية إلى موسكو قادما من القاهرة ثم سافر لروسيا.' \
  'ورصدت الحكومة 5 مليارات دولار للمشروع' > "$work/input.txt"

# --- CoNLL: exact output (places only, so other matchers' progress cannot change it).
"$kashif" extract --format conll --types LOC "$work/input.txt" > "$work/out.conll"
cat > "$work/expected.conll" <<'CONLL'
وصل O
وزير O
الخارجية O
إلى O
موسكو B-LOC
قادما O
من O
القاهرة B-LOC
ثم O
سافر O
ل O
روسيا B-LOC
. O

ورصدت O
الحكومة O
5 O
مليارات O
دولار O
للمشروع O

CONLL
diff -u "$work/expected.conll" "$work/out.conll" || fail "conll output differs"

# A multi-word money amount gets B- then I- tags.
"$kashif" extract --format conll --types MONEY "$work/input.txt" > "$work/money.conll"
grep -qxF '5 B-MONEY' "$work/money.conll" || fail "no B-MONEY on 5"
grep -qxF 'مليارات I-MONEY' "$work/money.conll" || fail "no I-MONEY on مليارات"
grep -qxF 'دولار I-MONEY' "$work/money.conll" || fail "no I-MONEY on دولار"

# JSONL input: a -DOCSTART- line between documents, none before the first, and a bad line
# reported on standard error (exit status 1) without breaking the others.
printf '%s\n' '{"id":1,"text":"في القاهرة"}' '{"id":2}' '{"id":3,"text":"إلى موسكو"}' \
  > "$work/docs.jsonl"
status=0
"$kashif" extract --format conll --types LOC --input-format jsonl "$work/docs.jsonl" \
  > "$work/docs.conll" 2> "$work/docs.err" || status=$?
[[ $status == 1 ]] || fail "a bad JSONL line should make the exit status 1, got $status"
printf 'في O\nالقاهرة B-LOC\n\n-DOCSTART- O\n\n-DOCSTART- O\n\nإلى O\nموسكو B-LOC\n\n' \
  > "$work/docs.expected"
diff -u "$work/docs.expected" "$work/docs.conll" || fail "conll JSONL output differs"
grep -q 'docs.jsonl:2' "$work/docs.err" || fail "bad line not reported"

# Invalid UTF-8 stays visible as U+FFFD and the output stays valid UTF-8.
printf 'في \xff القاهرة\n' > "$work/broken.txt"
"$kashif" extract --format conll --types LOC "$work/broken.txt" > "$work/broken.conll"
grep -qxF $'\xef\xbf\xbd O' "$work/broken.conll" || fail "invalid byte not shown as U+FFFD"
grep -qxF 'القاهرة B-LOC' "$work/broken.conll" || fail "place after an invalid byte lost"
iconv -f UTF-8 -t UTF-8 "$work/broken.conll" > /dev/null || fail "conll output is not UTF-8"

# --- HTML page.
"$kashif" extract --format html --types LOC,MONEY "$work/input.txt" > "$work/page.html"
grep -q '<html lang="ar" dir="rtl">' "$work/page.html" || fail "page is not right-to-left"
if grep -qE '(src|href)="(https?:)?//' "$work/page.html"; then
  fail "page loads external resources"
fi
# Markup injection in the input is escaped.
printf '<b>في</b> القاهرة "&"\n' > "$work/tags.txt"
"$kashif" extract --format html --types LOC "$work/tags.txt" > "$work/tags.html"
grep -qF '&lt;b&gt;في&lt;/b&gt; <mark' "$work/tags.html" || fail "input markup not escaped"
grep -qF '&quot;&amp;&quot;' "$work/tags.html" || fail "quotes/ampersand not escaped"

check_marks() {  # FILE: the four highlighted spans with their byte offsets and values
  local f=$1
  grep -qF '<mark class="entity LOC" data-type="LOC" data-start="40" data-end="50"' "$f" \
    || fail "$f: Moscow not highlighted at [40, 50)"
  grep -qF '<mark class="entity LOC" data-type="LOC" data-start="67" data-end="81"' "$f" \
    || fail "$f: Cairo not highlighted at [67, 81)"
  grep -qF '<mark class="entity LOC" data-type="LOC" data-start="98" data-end="108"' "$f" \
    || fail "$f: Russia not highlighted at [98, 108) (without its proclitic)"
  grep -qF '<span class="text">روسيا</span>' "$f" || fail "$f: Russia's text"
  grep -qF 'data-type="MONEY" data-start="136" data-end="163"' "$f" \
    || fail "$f: money not highlighted at [136, 163)"
  grep -qF 'amount: 5000000000 USD' "$f" || fail "$f: money value not on hover"
}
check_marks "$work/page.html"

if [[ -n $chromium ]]; then
  profile=$work/chromium-profile
  mkdir -p "$profile"
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
         --disable-background-networking --disable-component-update --disable-sync
         --user-data-dir="$profile")
  timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$work/page.html" \
    > "$work/dom.html" 2> "$work/chromium.log" || { tail -n 20 "$work/chromium.log"; fail "chromium"; }
  check_marks "$work/dom.html"
  # The page's script ran in the browser: it counted the highlighted spans per type.
  grep -qF 'data-entities="4"' "$work/dom.html" || fail "browser did not count 4 entities"
  grep -qF '<span class="key LOC" data-count="3">' "$work/dom.html" || fail "LOC count != 3"
  grep -qF '<span class="key MONEY" data-count="1">' "$work/dom.html" || fail "MONEY count != 1"
  timeout 120 "$chromium" "${flags[@]}" --window-size=1000,400 \
    --screenshot="$work/page.png" "file://$work/page.html" >> "$work/chromium.log" 2>&1 || true
  echo "browser DOM checked; screenshot: $work/page.png"
fi

# --- Progress line: forced on (standard error is not a terminal under ctest), one file.
KASHIF_PROGRESS=always "$kashif" extract --format jsonl --input-format jsonl --types LOC \
  "$work/docs.jsonl" > /dev/null 2> "$work/progress.err" || true
grep -qE '^kashif: 1 file, 3 lines, 0\.0 MB, [0-9.]+ MB/s$' "$work/progress.err" \
  || { cat "$work/progress.err"; fail "no progress line"; }
# Not a terminal and not forced: standard error carries nothing but errors.
"$kashif" extract --types LOC "$work/input.txt" > /dev/null 2> "$work/quiet.err"
[[ ! -s $work/quiet.err ]] || fail "progress written to a non-terminal"
echo "cli views ok"
