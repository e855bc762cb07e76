#!/usr/bin/env bash
# CI: the unit test suite under AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset,
# any finding fatal), then the concurrency test under ThreadSanitizer (the tsan preset) if the
# time budget allows. Written for 2 cores and about 12 minutes.
#
#   .ci/sanitizers.sh              # both
#   SKIP_TSAN=1 .ci/sanitizers.sh  # ASan+UBSan only
#
# Build trees: build/asan and build/tsan (the presets' binaryDir). Only the targets the tests
# need are built: no benchmarks; for TSan only the concurrency test.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}
start=$(date +%s)
budget=${SANITIZER_BUDGET_SECONDS:-720}
elapsed() { echo $(( $(date +%s) - start )); }
stage() { echo "--- sanitizers: $* ($(elapsed)s)"; }

stage "configure asan"
cmake --preset asan > /dev/null
stage "build asan"
cmake --build --preset asan -j "$jobs"
stage "test asan (label unit)"
ctest --preset asan -j "$jobs" --timeout 600

if [[ -n ${SKIP_TSAN:-} ]]; then
  stage "tsan skipped (SKIP_TSAN set)"
  exit 0
fi
# TSan needs the library and one test binary: about four minutes on 2 cores. Skip rather than
# blow the CI budget when the ASan half ran long (on a quiet 2-core machine it takes about 450 s
# since the date grammar's start-test proof joined the unit tests).
if (( $(elapsed) > budget * 7 / 10 )); then
  stage "tsan skipped: $(elapsed)s used of a ${budget}s budget"
  exit 0
fi
stage "configure tsan"
cmake --preset tsan > /dev/null
stage "build tsan (concurrency_test)"
cmake --build --preset tsan -j "$jobs" --target concurrency_test
stage "test tsan (concurrency_test)"
# Newer kernels randomize mmap more than TSan's shadow layout expects; setarch -R turns address
# randomization off for the test process where that is needed.
run=()
if command -v setarch > /dev/null && setarch "$(uname -m)" -R true 2> /dev/null; then
  run=(setarch "$(uname -m)" -R)
fi
"${run[@]}" ctest --preset tsan -R '^ConcurrencyTest\.' --timeout 600
stage "done"
