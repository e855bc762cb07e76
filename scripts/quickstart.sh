#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: install what is missing, build kashif, and run
# it on the bundled sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release -DKASHIF_BUILD_TESTS=OFF -DKASHIF_BUILD_BENCHMARKS=OFF > /dev/null
cmake --build --preset release --target kashif_cli -j2
echo
echo "== kashif --reference-date 2025-03-02 samples/news-ar.txt"
build/release/tools/kashif --reference-date 2025-03-02 samples/news-ar.txt
