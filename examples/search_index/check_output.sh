#!/usr/bin/env bash
# Checks search_index's output on its built-in paragraph (used by tests/install/install_test.sh).
set -euo pipefail
out=$1
expect() { grep -qxF -- "$1" "$out" || { echo "search_index: missing line: $1" >&2; exit 1; }; }
# "المفاوضات" and "والمفاوضون" meet under one stem; clitics and the article are gone.
expect $'  مفاوض\t134,199'
expect $'  وزراء\t7'
expect $'  نظير\t79'
expect $'  كرملين\t97'
expect $'  قاهرة\t160'
expect $'  LOC:موسكو\t29'
expect $'  LOC:القاهرة\t160'
