#!/usr/bin/env bash
# The installed package, as a user meets it. Run by ctest in three steps that share one
# install (fixture kashif_installed):
#   install_test.sh install    BUILD_DIR SOURCE_DIR WORK_DIR   cmake --install into WORK_DIR/prefix
#   install_test.sh examples   BUILD_DIR SOURCE_DIR WORK_DIR   build examples/ with find_package, run
#   install_test.sh pkg-config BUILD_DIR SOURCE_DIR WORK_DIR   compile with pkg-config, run
# Extra CMake arguments for the consumer builds (compilers, flags of the main build) come in
# KASHIF_CONSUMER_CMAKE_ARGS, one per line.
set -euo pipefail

mode=$1 build=$2 source=$3 work=$4
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_line FILE LINE: FILE has exactly this line.
expect_line() {
  grep -qxF -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; fail "missing line: $2"; }
}

case $mode in
  install)
    rm -rf "$work"
    mkdir -p "$work"
    cmake --install "$build" --prefix "$prefix" > "$work/install.log"
    for f in include/kashif/kashif.h include/kashif/kashif_c.h include/kashif/version.h \
             include/kashif/export.h; do
      [[ -f $prefix/$f ]] || fail "$f not installed"
    done
    config=$(find "$prefix" -name kashifConfig.cmake | head -n1)
    [[ -n $config ]] || fail "kashifConfig.cmake not installed"
    for f in kashifConfigVersion.cmake kashifTargets.cmake KashifDependencies.cmake; do
      [[ -f $(dirname "$config")/$f ]] || fail "$f not installed next to kashifConfig.cmake"
    done
    [[ -n $(find "$prefix" -name kashif.pc) ]] || fail "kashif.pc not installed"
    [[ -x $prefix/bin/kashif ]] || fail "the kashif tool is not installed"
    # The installed headers must not need anything outside the standard library.
    if grep -lE '#include *[<"](unicode|re2|absl)/' "$prefix"/include/kashif/*.h; then
      fail "a public header includes a dependency's header"
    fi
    "$prefix/bin/kashif" --version
    echo "installed into $prefix"
    ;;

  examples)
    [[ -d $prefix ]] || fail "no install at $prefix (the install step did not run)"
    rm -rf "$work/examples-build" "$work/out"
    mkdir -p "$work/out"
    extra=()
    if [[ -n ${KASHIF_CONSUMER_CMAKE_ARGS:-} ]]; then
      while IFS= read -r arg; do [[ -n $arg ]] && extra+=("$arg"); done \
        <<< "$KASHIF_CONSUMER_CMAKE_ARGS"
    fi
    # Only the install may satisfy find_package: no package registry, and the build tree and
    # source tree are nowhere on the search path.
    cmake -S "$source/examples" -B "$work/examples-build" \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "${extra[@]}" \
      > "$work/examples-configure.log" || { cat "$work/examples-configure.log"; exit 1; }
    found=$(sed -n 's/^kashif_DIR:PATH=//p' "$work/examples-build/CMakeCache.txt")
    [[ $found == "$prefix"/* ]] || fail "find_package(kashif) used $found, not the install"
    cmake --build "$work/examples-build" -j2 > "$work/examples-build.log" 2>&1 \
      || { cat "$work/examples-build.log"; exit 1; }
    bin=$work/examples-build
    out=$work/out

    "$bin/minimal/minimal" > "$out/minimal.txt"
    cat "$out/minimal.txt"
    printf '%s\n' $'LOC\t[40, 50)\tموسكو' $'LOC\t[67, 81)\tالقاهرة' \
      $'DATE\t[82, 101)\tيوم الخميس' > "$out/minimal.expected"
    diff -u "$out/minimal.expected" "$out/minimal.txt" || fail "minimal: unexpected output"

    "$bin/c_api/c_api" > "$out/c_api.txt"
    cat "$out/c_api.txt"
    version=$(sed -n 's/^#define KASHIF_VERSION_STRING "\(.*\)"$/\1/p' \
      "$prefix/include/kashif/version.h")
    expect_line "$out/c_api.txt" "kashif $version"
    expect_line "$out/c_api.txt" $'LOC\t[40, 50)\tموسكو'
    expect_line "$out/c_api.txt" $'LOC\t[67, 81)\tالقاهرة'
    expect_line "$out/c_api.txt" $'DATE\t[82, 101)\tيوم الخميس\ttimex=XXXX-WXX-4 resolved=2025-04-03'

    # One bad line (no "text"): its own error line, the rest in order, exit status 1.
    status=0
    "$bin/batch/batch" 2 < "$source/examples/batch/sample.jsonl" > "$out/batch.jsonl" \
      2> "$out/batch.err" || status=$?
    cat "$out/batch.jsonl" "$out/batch.err"
    [[ $status == 1 ]] || fail "batch exited with $status, expected 1 (one bad line)"
    [[ $(wc -l < "$out/batch.jsonl") == 5 ]] || fail "batch did not write one line per input"
    expect_line "$out/batch.err" "batch: 5 documents, 1 failed, 2 threads"
    ids=$(sed -n 's/^{"id":\([^,]*\),.*/\1/p' "$out/batch.jsonl" | tr '\n' ' ')
    [[ $ids == '1 "news-2" 3 4 5 ' ]] || fail "batch output out of order: $ids"
    grep -qF '{"id":4,"error":"missing \"text\""}' "$out/batch.jsonl" \
      || fail "batch: no error object for the bad line"
    grep -qF '{"id":3,"entities":[]}' "$out/batch.jsonl" || fail "batch: line 3 has entities"
    grep -qF '{"type":"LOC","start":49,"end":59,"text":"باريس","canonical":"باريس"' \
      "$out/batch.jsonl" || fail "batch: Paris not found in line 2"
    # A larger run on both cores gives the same lines as a single thread.
    for i in $(seq 200); do cat "$source/examples/batch/sample.jsonl"; done > "$out/many.jsonl"
    "$bin/batch/batch" 1 < "$out/many.jsonl" > "$out/many1.jsonl" 2>/dev/null || true
    "$bin/batch/batch" 2 < "$out/many.jsonl" > "$out/many2.jsonl" 2>/dev/null || true
    [[ $(wc -l < "$out/many2.jsonl") == 1000 ]] || fail "batch lost lines on 1000 inputs"
    cmp -s "$out/many1.jsonl" "$out/many2.jsonl" || fail "batch: 1 and 2 threads differ"

    "$bin/custom_gazetteer/custom_gazetteer" > "$out/custom.txt"
    cat "$out/custom.txt"
    expect_line "$out/custom.txt" "loaded 6 entries from $source/examples/custom_gazetteer/our_people.tsv"
    expect_line "$out/custom.txt" $'PER\tد. سلمى العطار\t-> سلمى العطار'
    expect_line "$out/custom.txt" $'ORG\tمجموعة الأفق الرقمي\t-> مجموعة الأفق الرقمي'
    expect_line "$out/custom.txt" $'PER\tنادر بو خليل\t-> نادر بو خليل'
    expect_line "$out/custom.txt" $'ORG\tصندوق الواحة\t-> صندوق الواحة'
    expect_line "$out/custom.txt" $'ORG\tمختبرات سنبلة\t-> مختبرات سنبلة'
    # A malformed file is reported with its line.
    printf 'سلمى العطار\tPER\nخطأ\n' > "$out/bad.tsv"
    if "$bin/custom_gazetteer/custom_gazetteer" "$out/bad.tsv" > /dev/null 2> "$out/bad.err"; then
      fail "custom_gazetteer accepted a malformed file"
    fi
    grep -qF "bad.tsv:2:" "$out/bad.err" || { cat "$out/bad.err"; fail "error does not name line 2"; }

    "$bin/search_index/search_index" > "$out/search_index.txt"
    cat "$out/search_index.txt"
    bash "$source/examples/search_index/check_output.sh" "$out/search_index.txt"

    # User patterns: e-mail, phones in both digit scripts, a URL from code, a case number,
    # next to the built-in person and place; a broken pattern names its file and line.
    "$bin/patterns/patterns" > "$out/patterns.txt"
    cat "$out/patterns.txt"
    expect_line "$out/patterns.txt" $'PER\t[20, 41)\tسلمى العطار'
    expect_line "$out/patterns.txt" $'LOC\t[47, 61)\tالقاهرة'
    expect_line "$out/patterns.txt" $'EMAIL\t[63, 86)\tsalma.attar@example.org'
    expect_line "$out/patterns.txt" $'PHONE\t[92, 114)\t٠١٠٠١٢٣٤٥٦٧'
    expect_line "$out/patterns.txt" $'PHONE\t[120, 135)\t+20 2 2345 6789'
    expect_line "$out/patterns.txt" $'URL\t[164, 188)\thttps://example.org/news'
    expect_line "$out/patterns.txt" $'CASE\t[194, 219)\tقضية رقم 1234/2024'
    printf 'EMAIL\tx+@y\nPHONE\t[0-9\n' > "$out/bad_patterns.tsv"
    if "$bin/patterns/patterns" "$out/bad_patterns.tsv" > /dev/null 2> "$out/bad_patterns.err"; then
      fail "patterns accepted a broken pattern"
    fi
    grep -qF "bad_patterns.tsv:2: missing ]: [0-9" "$out/bad_patterns.err" \
      || { cat "$out/bad_patterns.err"; fail "patterns: error does not name line 2 and RE2's message"; }
    echo "all examples built against $prefix and ran as expected"
    ;;

  pkg-config)
    [[ -d $prefix ]] || fail "no install at $prefix (the install step did not run)"
    pc=$(dirname "$(find "$prefix" -name kashif.pc | head -n1)")
    export PKG_CONFIG_PATH=$pc${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
    rm -rf "$work/pc"
    mkdir -p "$work/pc"
    version=$(pkg-config --modversion kashif)
    echo "pkg-config: kashif $version, $(pkg-config --cflags --libs kashif)"
    cxx=${CXX:-c++} cc=${CC:-cc}
    # A static libkashif needs its dependencies from Requires.private / Libs.private.
    static=--static
    if ls "$prefix"/lib*/libkashif.so* > /dev/null 2>&1 \
        && ! ls "$prefix"/lib*/libkashif.a > /dev/null 2>&1; then
      static=
    fi
    # The main build's flags (a sanitizer build's library needs them at link time too).
    # shellcheck disable=SC2046,SC2086
    "$cxx" ${KASHIF_CONSUMER_CXXFLAGS:-} -std=c++17 -o "$work/pc/minimal" \
      "$source/examples/minimal/main.cc" $(pkg-config --cflags --libs $static kashif) \
      -Wl,-rpath,"$prefix/lib" ${KASHIF_CONSUMER_LDFLAGS:-}
    "$work/pc/minimal" > "$work/pc/minimal.txt"
    expect_line "$work/pc/minimal.txt" $'LOC\t[40, 50)\tموسكو'
    # The C example, compiled and linked by the C compiler.
    # shellcheck disable=SC2046,SC2086
    "$cc" ${KASHIF_CONSUMER_CFLAGS:-} -std=c99 -o "$work/pc/c_api" "$source/examples/c_api/main.c" \
      $(pkg-config --cflags --libs $static kashif) -Wl,-rpath,"$prefix/lib" \
      ${KASHIF_CONSUMER_LDFLAGS:-}
    "$work/pc/c_api" > "$work/pc/c_api.txt"
    expect_line "$work/pc/c_api.txt" "kashif $version"
    expect_line "$work/pc/c_api.txt" $'LOC\t[67, 81)\tالقاهرة'
    echo "pkg-config ${static:-(shared)} builds work"
    ;;

  *)
    fail "unknown mode $mode"
    ;;
esac
