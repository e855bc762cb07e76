"""examples/python/dask_corpus.py on 2 Dask worker processes writes exactly what
`kashif extract --input-format jsonl --format jsonl` writes for the same corpus."""

import json
import os
import subprocess
import sys

import pytest


def write_corpus(source_dir, path):
    """A few hundred documents from the project's corpus generator, with the id kinds and the
    bad lines the CLI answers with error lines."""
    generated = subprocess.run(
        [sys.executable, os.path.join(source_dir, "tools", "corpus", "make_corpus.py"),
         "--lines", "300", "--short", "--format", "jsonl"],
        capture_output=True, check=True).stdout.decode().splitlines()
    lines = []
    for i, line in enumerate(generated):
        doc = json.loads(line)
        text = doc["text"]
        if i % 7 == 0:
            lines.append(json.dumps({"id": "doc \"%d\"\t\u007f" % i, "text": text,
                                     "reference_date": "2024-02-29"}, ensure_ascii=False))
        elif i % 11 == 0:
            lines.append('{"text": %s, "id": 1.50, "id": "second"}' % json.dumps(text))
        elif i % 13 == 0:
            lines.append(json.dumps({"id": {"n": [i, None, True]}, "text": "😀 " + text}))
        else:
            lines.append(json.dumps({"id": i, "text": text}, ensure_ascii=i % 2 == 0))
    bad = ['', '   ', '[1, 2]', '{"id": 5}', '{"id": 6, "text": 7}',
           '{"id": 7, "text": "x", "reference_date": "2025-02-30"}',
           '{"id": 8, "text": "في القاهرة", "reference_date": null}']
    for j, line in enumerate(bad):
        lines.insert(20 + 37 * j, line)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\r\n")
    return len(lines)


def test_dask_output_equals_cli(kashif_cli, source_dir, tmp_path):
    pytest.importorskip("distributed", reason="python3-distributed is in .ci/apt-packages.txt")
    corpus = tmp_path / "corpus.jsonl"
    count = write_corpus(source_dir, corpus)
    options = ["--reference-date", "2025-04-03", "--types", "PER,ORG,LOC,MONEY,DATE"]
    cli = subprocess.run([kashif_cli, "extract", "--input-format", "jsonl", "--format", "jsonl",
                          "-j", "2"] + options + [str(corpus)], capture_output=True)
    out = tmp_path / "dask.jsonl"
    example = os.path.join(source_dir, "examples", "python", "dask_corpus.py")
    dask = subprocess.run([sys.executable, example, "--workers", "2", "--batch-mb", "0.02",
                           "-o", str(out)] + options + [str(corpus)],
                          capture_output=True, timeout=240)
    assert dask.returncode == cli.returncode == 1, dask.stderr.decode()[-2000:]
    cli_lines = cli.stdout.decode().splitlines()
    dask_lines = out.read_text(encoding="utf-8").splitlines()
    assert len(cli_lines) == count
    for number, (a, b) in enumerate(zip(cli_lines, dask_lines), start=1):
        assert a == b, "line %d differs" % number
    assert len(dask_lines) == len(cli_lines)
    cli_errors = [l for l in cli.stderr.decode().splitlines() if l.startswith("kashif: ")]
    dask_errors = [l for l in dask.stderr.decode().splitlines() if l.startswith("kashif: ")]
    assert dask_errors == cli_errors and len(cli_errors) == 6
    # The corpus exercised what it is meant to: entities with values, and every id kind.
    assert sum('"value":{"amount"' in l for l in cli_lines) > 50
    assert sum('"resolved":"' in l for l in cli_lines) > 50
    assert any(l.startswith('{"id":"second"') or l.startswith('{"id":1.50') for l in cli_lines)


EDGE_LINES = [
    r'{"id": "a\ud800b", "text": "في القاهرة \ud83d\ude00 \udc00 x"}',  # lone surrogates
    r'{"id": 1e5, "text": "مع\u007fموسكو"}',  # number literal kept, DEL escaped
    r'{"id": -0, "text": "x", "text": "y"}',  # duplicate keys: the first one counts
    r'{"id": [1.50, {"k": null}], "text": "\"quoted\" \\ back\/slash"}',
    r'{"text": "بلغت 20.43 دولار و324 مليار دولار"}',  # no id; exact amounts
    '{"id": "r", "text": "x", "reference_date": null}',
]


def test_jsonl_module_equals_cli_on_edge_lines(kashif_cli, tmp_path):
    import kashif
    import kashif.jsonl

    corpus = tmp_path / "edge.jsonl"
    corpus.write_text("\n".join(EDGE_LINES) + "\n", encoding="utf-8")
    cli = subprocess.run([kashif_cli, "extract", "--input-format", "jsonl", "--format", "jsonl",
                          str(corpus)], capture_output=True, check=True).stdout.decode()
    lines = corpus.read_bytes().split(b"\n")[:-1]
    out, errors = kashif.jsonl.process_lines(kashif.Extractor(), lines, str(corpus))
    assert errors == []
    assert out == cli
    assert '"amount":20.43,' in out and '"id":1e5,' in out and '"id":-0,' in out
