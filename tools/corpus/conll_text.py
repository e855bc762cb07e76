#!/usr/bin/env python3
"""Rebuilds plain text from CoNLL-style files (TOKEN TAG... a line, blank line between
sentences): one sentence a line, tokens joined by a space, written to standard output.

Used to measure extraction speed on real news and encyclopedic text, e.g. the gold corpora in
../shared/data/ner, which the project only measures against and never copies:

    python3 tools/corpus/conll_text.py ../shared/data/ner/anercorp-train.conll \
        ../shared/data/ner/aqmar-dev/*.txt > /tmp/news.txt
    KASHIF_BENCH_CORPUS=/tmp/news.txt build/release/bench/extract_bench
"""
import sys


def main(paths):
    out = sys.stdout
    for path in paths:
        sentence = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.split()
                if not fields:
                    if sentence:
                        out.write(" ".join(sentence) + "\n")
                        sentence = []
                    continue
                sentence.append(fields[0])
        if sentence:
            out.write(" ".join(sentence) + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
