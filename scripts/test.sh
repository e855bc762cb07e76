#!/usr/bin/env bash
# Builds everything (library, tool, tests, benchmarks, the Python module) and runs every test:
# the unit tests, the Python package's pytest suite (ctest python_tests: any failure fails the
# run), the install test that builds the examples against the installed package, and the
# measurements against ../shared/data (label eval; they report "skipped" when ../shared is absent).
# KASHIF_PYTHON names the interpreter the Python module is built for (default: Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${KASHIF_JOBS:-2}"
cmake --preset release -DKASHIF_BUILD_TESTS=ON -DKASHIF_BUILD_BENCHMARKS=ON \
  -DKASHIF_BUILD_PYTHON=ON -DPython3_EXECUTABLE="${KASHIF_PYTHON:-/usr/bin/python3}" > /dev/null
cmake --build --preset release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j"$jobs" "$@"
