#!/usr/bin/env bash
# Builds everything (library, tool, tests, benchmarks) and runs every test: the unit tests, the
# install test that builds the examples against the installed package, and the measurements
# against ../shared/data (label eval; they report "skipped" when ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${KASHIF_JOBS:-2}"
cmake --preset release -DKASHIF_BUILD_TESTS=ON -DKASHIF_BUILD_BENCHMARKS=ON > /dev/null
cmake --build --preset release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j"$jobs" "$@"
