#!/usr/bin/env python3
"""Writes the project's NER train / held-out split of the gold corpora in ../shared/data/ner.

The split every NER measurement uses (never report a figure on the training part):
  ANERcorp anercorp-train.conll  first five sixths of the sentences train, the last sixth held out
  AQMAR    Raul_Gonzales, Real_Madrid, Solaris held out; the other articles train
  Wojood   wojood-sample-train.txt trains, wojood-sample-val.txt is held out

    python3 tools/corpus/ner_split.py ../shared/data/ner /tmp/ner-split
    # -> /tmp/ner-split/train/*.conll and /tmp/ner-split/heldout/*.conll

The files are copies of the corpora's own lines (kept outside the repository); nothing of them
goes into the project.
"""
import os
import shutil
import sys

AQMAR_HELD_OUT = ("Raul_Gonzales.txt", "Real_Madrid.txt", "Solaris.txt")


def read_sentences(path):
    sentences, current = [], []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if line.strip():
                current.append(line if line.endswith("\n") else line + "\n")
            elif current:
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def write_sentences(path, sentences):
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        for sentence in sentences:
            f.writelines(sentence)
            f.write("\n")


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: ner_split.py SHARED_NER_DIR OUT_DIR\n")
        return 2
    source, out = argv[1], argv[2]
    train, held = os.path.join(out, "train"), os.path.join(out, "heldout")
    os.makedirs(train, exist_ok=True)
    os.makedirs(held, exist_ok=True)

    sentences = read_sentences(os.path.join(source, "anercorp-train.conll"))
    cut = len(sentences) * 5 // 6
    write_sentences(os.path.join(train, "anercorp.conll"), sentences[:cut])
    write_sentences(os.path.join(held, "anercorp.conll"), sentences[cut:])

    aqmar = os.path.join(source, "aqmar-dev")
    for name in sorted(os.listdir(aqmar)):
        target = held if name in AQMAR_HELD_OUT else train
        shutil.copyfile(os.path.join(aqmar, name),
                        os.path.join(target, "aqmar-" + os.path.splitext(name)[0] + ".conll"))
    shutil.copyfile(os.path.join(source, "wojood-sample-train.txt"),
                    os.path.join(train, "wojood.conll"))
    shutil.copyfile(os.path.join(source, "wojood-sample-val.txt"),
                    os.path.join(held, "wojood.conll"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
