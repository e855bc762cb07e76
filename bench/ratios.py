#!/usr/bin/env python3
"""The extraction figures of one extract_bench run against ICU word break.

    extract_bench --benchmark_filter='BM_Extract(RulesOnly|Tagger)?$|BM_IcuWordBreak' \\
        --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \\
        --benchmark_out=/tmp/bench.json --benchmark_out_format=json
    python3 bench/ratios.py /tmp/bench.json

Every ratio is to the faster of BM_IcuWordBreak and BM_IcuWordBreakUtf16 in the same run, best
repetition against best repetition (and median against median), as docs/performance.md reports.
"""
import json
import statistics
import sys

ICU = ("BM_IcuWordBreak", "BM_IcuWordBreakUtf16")


def rates(path):
    """Bytes per second of every repetition, by benchmark name."""
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    by_name = {}
    for b in report["benchmarks"]:
        if b.get("run_type") == "aggregate" or "bytes_per_second" not in b:
            continue
        by_name.setdefault(b["run_name"], []).append(b["bytes_per_second"] / 1e6)
    return by_name


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    by_name = rates(sys.argv[1])
    icu = [name for name in ICU if name in by_name]
    if not icu:
        sys.exit("ratios.py: the run has no " + " or ".join(ICU))
    best_icu = max(max(by_name[name]) for name in icu)
    median_icu = max(statistics.median(by_name[name]) for name in icu)
    print(f"{'benchmark':<24} {'best MB/s':>10} {'median':>8} {'best/ICU':>9} {'median/ICU':>11}")
    for name, values in sorted(by_name.items()):
        best, median = max(values), statistics.median(values)
        print(f"{name:<24} {best:>10.1f} {median:>8.1f} {best / best_icu:>8.2f}x "
              f"{median / median_icu:>10.2f}x")


if __name__ == "__main__":
    main()
