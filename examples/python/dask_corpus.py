#!/usr/bin/env python3
"""Entities of a JSON Lines corpus on a Dask cluster, in the kashif CLI's output format.

Input: one {"id": ..., "text": "...", "reference_date": "YYYY-MM-DD"?} object per line.
Output: exactly one line per input line, in input order, byte for byte what

    kashif extract --input-format jsonl --format jsonl [same options] CORPUS

writes: {"id": ..., "entities": [...]} or {"id": ..., "error": "CORPUS:LINE: reason"}.
Error messages go to standard error as "kashif: CORPUS:LINE: reason"; the exit status is 1
when a line failed, as the CLI's.

    # a LocalCluster of 2 worker processes on this machine
    python3 examples/python/dask_corpus.py --workers 2 corpus.jsonl -o entities.jsonl
    # a running cluster (dask scheduler / dask worker): every worker needs kashif installed
    python3 examples/python/dask_corpus.py --scheduler tcp://scheduler:8786 corpus.jsonl

How it works: the client reads the corpus in batches of lines (--batch-mb) and submits each
to the cluster; a bounded number of batches is in flight, and results are written in
submission order, so memory stays bounded and the order is the input's. The Extractor is
scattered once to every worker (it pickles by its options), so each worker process holds
one extractor for the whole run. Each worker runs one task at a time on one thread: scale
with worker processes (the extraction itself releases the GIL, the JSON around it does not).
"""

import argparse
import collections
import sys

import kashif
import kashif.jsonl


def process_batch(extractor, lines, source, first_line_number):
    """Runs on a worker: the CLI's output for consecutive input lines."""
    return kashif.jsonl.process_lines(extractor, lines, source, first_line_number)


def read_batches(path, batch_bytes):
    """(first line number, [line bytes without the line ending]) batches of `path`."""
    batch, size, first = [], 0, 1
    with open(path, "rb") as corpus:
        for number, raw in enumerate(corpus, start=1):
            if raw.endswith(b"\n"):
                raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
            if not batch:
                first = number
            batch.append(raw)
            size += len(raw) + 1
            if size >= batch_bytes:
                yield first, batch
                batch, size = [], 0
    if batch:
        yield first, batch


def make_extractor(args):
    return kashif.Extractor(
        types=args.types.split(",") if args.types else None,
        reference_date=args.reference_date,
        date_bias=args.date_bias,
        gazetteer_files=args.gazetteer,
        patterns_file=args.patterns,
    )


def run(client, args, out):
    """Processes args.corpus on `client`'s cluster; returns the number of failed lines."""
    extractor = client.scatter(make_extractor(args), broadcast=True)
    workers = max(1, len(client.scheduler_info()["workers"]))
    in_flight = collections.deque()
    failed = 0

    def write_oldest():
        text, errors = in_flight.popleft().result()
        out.write(text.encode("utf-8"))
        for message in errors:
            sys.stderr.write("kashif: " + message + "\n")
        return len(errors)

    for first, lines in read_batches(args.corpus, int(args.batch_mb * (1 << 20))):
        in_flight.append(client.submit(process_batch, extractor, lines, args.corpus, first,
                                       pure=False))
        while len(in_flight) > 2 * workers:
            failed += write_oldest()
    while in_flight:
        failed += write_oldest()
    return failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="JSON Lines file")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--scheduler", help="address of a running scheduler, e.g. "
                        "tcp://scheduler:8786 (default: a LocalCluster on this machine)")
    parser.add_argument("--workers", type=int, default=2,
                        help="LocalCluster worker processes (default 2)")
    parser.add_argument("--batch-mb", type=float, default=0.5,
                        help="MB of input per task (default 0.5)")
    parser.add_argument("--types", help="comma-separated subset of PER,ORG,LOC,MONEY,DATE")
    parser.add_argument("--reference-date", help="YYYY-MM-DD for relative dates")
    parser.add_argument("--date-bias", default="past", choices=["past", "future"])
    parser.add_argument("--gazetteer", action="append", help="gazetteer TSV file (repeatable)")
    parser.add_argument("--patterns", help="user patterns TSV file")
    args = parser.parse_args(argv)
    try:
        make_extractor(args)  # bad options fail here, before any cluster starts
    except (ValueError, OSError) as error:
        sys.stderr.write("kashif: %s\n" % error)
        return 2

    from dask.distributed import Client, LocalCluster

    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                failed = run(client, args, out)
        else:
            with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                failed = run(client, args, out)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
