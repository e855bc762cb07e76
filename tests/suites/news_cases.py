#!/usr/bin/python3
"""Scores kashif on the team's own news sentences (tests/suites/news/*.tsv).

Each .tsv line: kind<TAB>reference_date<TAB>sentence<TAB>expected_span<TAB>expected_value
  kind            MONEY, NUMBER, PERCENT, TIME or DATE
  reference_date  YYYY-MM-DD, or '-' for none
  expected_span   the exact entity text as it stands in the sentence
  expected_value  the value column exactly as `kashif extract --format text` prints it; for NUMBER,
                  the value as `kashif number` prints it
Lines starting with '#' and blank lines are skipped.

A case is right when:
  - MONEY / PERCENT / TIME / DATE: `kashif extract --format text` on the sentence has an entity of
    that type whose text is exactly the span and whose value column is exactly the value;
  - NUMBER: `kashif number` reads the span as exactly the value, and no entity found in the
    sentence overlaps the span (a number that is neither money, a date, a percentage nor a time).

Measures, does not assert: prints per-kind counts right / total (and with -v every miss) and exits
0 unless the tool itself fails or a case line is malformed.

  tests/suites/news_cases.py [-v] --kashif build/dev/tools/cli/kashif [FILE.tsv ...]
"""
import argparse
import collections
import glob
import os
import subprocess
import sys

KINDS = ("MONEY", "NUMBER", "PERCENT", "TIME", "DATE")


def read_cases(paths):
    cases = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                where = "%s:%d" % (path, number)
                if len(fields) != 5:
                    sys.exit("%s: expected 5 tab-separated columns, found %d" % (where, len(fields)))
                kind, reference, sentence, span, value = fields
                if kind not in KINDS:
                    sys.exit("%s: unknown kind %r" % (where, kind))
                if span not in sentence:
                    sys.exit("%s: the span %r is not in the sentence" % (where, span))
                cases.append((where, kind, reference, sentence, span, value))
    return cases


def run(command, text):
    done = subprocess.run(command, input=text.encode("utf-8"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(command), done.returncode,
                                         done.stderr.decode("utf-8", "replace")))
    return done.stdout.decode("utf-8")


def extract(kashif, reference, sentence):
    """The entities of `sentence` as (type, begin, end, text, value) from the text format."""
    command = [kashif, "extract", "--format", "text"]
    if reference != "-":
        command += ["--reference-date", reference]
    entities = []
    for line in run(command, sentence).splitlines():
        fields = line.split("\t")
        if len(fields) < 5:
            continue
        value = fields[5] if len(fields) > 5 else ""
        entities.append((fields[2], int(fields[0]), int(fields[1]), fields[3], value))
    return entities


def number_value(kashif, span):
    out = run([kashif, "number", span], "")
    return out.rstrip("\n").rsplit("\t", 1)[-1]


def judge(kashif, case):
    """(right, what kashif gave) for one case."""
    _, kind, reference, sentence, span, value = case
    entities = extract(kashif, reference, sentence)
    found = " | ".join("%s %s = %s" % (t, x, v) for t, _, _, x, v in entities) or "nothing"
    if kind == "NUMBER":
        got = number_value(kashif, span)
        begin = len(sentence[:sentence.index(span)].encode("utf-8"))
        end = begin + len(span.encode("utf-8"))
        overlapping = [e for e in entities if e[1] < end and begin < e[2]]
        return got == value and not overlapping, "number: %s; entities: %s" % (got, found)
    right = any(t == kind and x == span and v == value for t, _, _, x, v in entities)
    return right, found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kashif", required=True, help="the kashif command-line tool")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    parser.add_argument("files", nargs="*", help="case files (default: news/*.tsv beside this)")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "news", "*.tsv")))
    if not files:
        print("skipped: no news case files found")
        return 0
    cases = read_cases(files)
    right = collections.Counter()
    total = collections.Counter()
    for case in cases:
        ok, got = judge(args.kashif, case)
        total[case[1]] += 1
        right[case[1]] += ok
        if not ok and args.verbose:
            print("MISS %s %s: want %r = %r; got %s" % (case[0], case[1], case[4], case[5], got))
    print("news sentences (%s)" % ", ".join(os.path.basename(f) for f in files))
    for kind in KINDS:
        if total[kind]:
            print("  %-8s %4d / %-4d %5.1f %%" % (kind, right[kind], total[kind],
                                                100.0 * right[kind] / total[kind]))
    all_right, all_total = sum(right.values()), sum(total.values())
    print("  %-8s %4d / %-4d %5.1f %%" % ("all", all_right, all_total,
                                        100.0 * all_right / all_total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
