"""The Python package over the C++ API: offsets, values, errors, threads, pickling."""

import datetime
import decimal
import json
import pickle
import subprocess
import threading

import pytest

import kashif

SENTENCE = "وصل وزير الخارجية إلى موسكو قادما من القاهرة يوم الخميس."
MONEY = "لبحث خسائر بلغت 324 مليار دولار و20.5 مليون جنيه"
HIJRI = "ولد في 15 رمضان 1445 هـ في مكة"


def spans(entities):
    return [(e.type, e.start, e.end, e.text) for e in entities]


def test_readme_sentence_code_points_and_bytes():
    entities = kashif.Extractor().extract(SENTENCE)
    assert spans(entities) == [
        ("LOC", 22, 27, "موسكو"),
        ("LOC", 37, 44, "القاهرة"),
        ("DATE", 45, 55, "يوم الخميس"),
    ]
    # The byte offsets are the C++ library's (the README's example prints these).
    assert [(e.byte_start, e.byte_end) for e in entities] == [(40, 50), (67, 81), (82, 101)]
    for e in entities:
        assert SENTENCE[e.start:e.end] == e.text
        assert SENTENCE.encode()[e.byte_start:e.byte_end].decode() == e.text


def test_non_bmp_characters_before_and_between_entities():
    # Emoji (4 UTF-8 bytes, one code point; two UTF-16 units elsewhere) and a supplementary
    # CJK ideograph shift code-point and byte offsets differently.
    text = "😀👍🏽 وصل وزير الخارجية إلى موسكو 𠀋 قادما من القاهرة 🇪🇬 يوم الخميس."
    entities = kashif.Extractor().extract(text)
    assert [e.type for e in entities] == ["LOC", "LOC", "DATE"]
    assert [e.text for e in entities] == ["موسكو", "القاهرة", "يوم الخميس"]
    utf8 = text.encode()
    for e in entities:
        assert text[e.start:e.end] == e.text
        assert e.start == text.index(e.text)
        assert e.byte_start == utf8.index(e.text.encode())
        assert e.byte_end - e.byte_start == len(e.text.encode())
    assert (entities[0].start, entities[0].byte_start) == (4 + 22, 13 + 40)  # 3 emoji + space


def test_money_and_date_values():
    ex = kashif.Extractor(reference_date="2025-04-03")
    money = [e for e in ex.extract(MONEY) if e.type == "MONEY"]
    assert [(e.text, e.value) for e in money] == [
        ("324 مليار دولار", {"amount": 324000000000, "currency": "USD"}),
        ("20.5 مليون جنيه", {"amount": 20500000, "currency": "EGP"}),
    ]
    assert isinstance(money[0].value["amount"], int)
    (date,) = ex.extract(SENTENCE, reference_date="2024-01-01")[2:]
    assert date.value == {"timex": "XXXX-WXX-4", "calendar": "gregorian", "resolved": "2023-12-28"}
    (date,) = ex.extract(SENTENCE)[2:]
    assert date.value["resolved"] == "2025-04-03"
    assert ex.extract(SENTENCE, datetime.date(2024, 1, 1))[2].value["resolved"] == "2023-12-28"
    hijri = [e for e in ex.extract(HIJRI) if e.type == "DATE"]
    assert hijri[0].value["calendar"] == "hijri"
    assert hijri[0].value["resolved"] == "2024-03-25"
    assert ex.extract(SENTENCE)[0].value is None  # a place has no value


def test_values_equal_the_cli_json(kashif_cli):
    texts = [SENTENCE, MONEY, HIJRI, "بلغت 0.75 دينار و3.250 دينار كويتي أمس"]
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                    for i, t in enumerate(texts))
    out = subprocess.run([kashif_cli, "--input-format", "jsonl", "--format", "jsonl",
                          "--reference-date", "2025-04-03"], input=lines.encode(),
                         capture_output=True, check=True).stdout.decode()
    ex = kashif.Extractor(reference_date="2025-04-03")
    cli_docs = [json.loads(line, parse_float=decimal.Decimal) for line in out.splitlines()]
    assert len(cli_docs) == len(texts)
    seen_values = 0
    for text, doc in zip(texts, cli_docs):
        mine = ex.extract(text)
        assert [(e.type, e.byte_start, e.byte_end, e.text, e.canonical) for e in mine] == [
            (c["type"], c["start"], c["end"], c["text"], c["canonical"]) for c in doc["entities"]]
        for e, c in zip(mine, doc["entities"]):
            assert e.value == c.get("value")
            assert type(e.value) is type(c.get("value"))
            if e.value and "amount" in e.value:
                assert type(e.value["amount"]) is type(c["value"]["amount"])
            seen_values += e.value is not None
    assert seen_values >= 5


def test_types_filter_and_date_bias():
    ex = kashif.Extractor(types=["DATE"], reference_date="2025-04-03", date_bias="future")
    (date,) = ex.extract(SENTENCE)
    assert date.type == "DATE"
    assert date.value["resolved"] == "2025-04-03"  # a Thursday: on or after it is itself
    assert kashif.Extractor(types=["LOC"]).extract(SENTENCE)[0].text == "موسكو"


def test_gazetteer_file(tmp_path):
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("# ours\nشركة النخلة الذهبية\tORG\n", encoding="utf-8")
    ex = kashif.Extractor(gazetteer_files=[gazetteer], use_builtin_gazetteers=False)
    (org,) = [e for e in ex.extract("أعلنت شركة النخلة الذهبية أرباحها") if e.type == "ORG"]
    assert (org.start, org.end, org.text) == (6, 25, "شركة النخلة الذهبية")


def test_bad_options_raise_value_error():
    with pytest.raises(ValueError, match="unknown entity type.*PERSONS"):
        kashif.Extractor(types=["PER", "PERSONS"])
    with pytest.raises(ValueError, match="YYYY-MM-DD: 2025-02-30"):
        kashif.Extractor(reference_date="2025-02-30")
    with pytest.raises(ValueError, match="date_bias"):
        kashif.Extractor(date_bias="sideways")
    with pytest.raises(ValueError, match="hijri_calendar"):
        kashif.Extractor(hijri_calendar="lunar")
    with pytest.raises(TypeError):
        kashif.Extractor(types="PER")  # a str is not a list of labels
    with pytest.raises(TypeError):
        kashif.Extractor("PER")  # options are keyword-only
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kashif.Extractor().extract(SENTENCE, reference_date="yesterday")


def test_files_raise_os_error_or_value_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such.tsv"):
        kashif.Extractor(gazetteer_files=[str(tmp_path / "no-such.tsv")])
    bad = tmp_path / "bad.tsv"
    bad.write_text("اسم\tORG\nاسم آخر\tCITY\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2: "):
        kashif.Extractor(gazetteer_files=[bad])


def test_invalid_input():
    ex = kashif.Extractor()
    with pytest.raises(TypeError, match="text must be str"):
        ex.extract(SENTENCE.encode())
    with pytest.raises(TypeError):
        ex.extract(None)
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate has no UTF-8 form
        ex.extract("موسكو \ud800")
    assert ex.extract("") == []
    assert ex.extract("\x00\x01 \ufffd 123") == []
    with pytest.raises(ValueError, match="threads"):
        ex.extract_batch([SENTENCE], threads=0)
    with pytest.raises(TypeError):
        ex.extract_batch([SENTENCE, 5])


def test_extract_batch_keeps_order_and_matches_extract():
    ex = kashif.Extractor(reference_date="2025-04-03")
    texts = [SENTENCE, MONEY, "", HIJRI, "😀" + SENTENCE] * 40
    expected = [ex.extract(t) for t in texts]
    for threads in (1, 2, 7):
        assert ex.extract_batch(texts, threads=threads) == expected
    assert ex.extract_batch([]) == []
    assert ex.extract_batch(iter(texts[:3])) == expected[:3]


def test_python_threads_share_one_extractor():
    ex = kashif.Extractor()
    texts = [SENTENCE + " " + str(i) for i in range(200)]
    expected = [spans(ex.extract(t)) for t in texts]
    results = [None] * 4

    def run(slot):
        results[slot] = [spans(ex.extract(t)) for t in texts]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_pickling_recreates_from_options(tmp_path):
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("شركة النخلة الذهبية\tORG\tالنخلة\n", encoding="utf-8")
    ex = kashif.Extractor(types=["ORG", "DATE"], reference_date="2025-04-03",
                          date_bias="future", gazetteer_files=[gazetteer])
    text = "أعلنت شركة النخلة الذهبية يوم الخميس"
    before = ex.extract(text)
    gazetteer.unlink()  # the entries travel inside the pickle, not the file name
    copy = pickle.loads(pickle.dumps(ex))
    assert copy.extract(text) == before
    assert [e.canonical for e in before][0] == "النخلة"
    assert "reference_date='2025-04-03'" in repr(copy)
    (entity,) = [e for e in before if e.type == "ORG"]
    assert pickle.loads(pickle.dumps(entity)) == entity


def test_tokenize_matches_cli_fields(kashif_cli):
    text = "😀 دفع 1,000 دولار (تقريبا)."
    tokens = kashif.tokenize(text)
    out = subprocess.run([kashif_cli, "tokenize", "--format", "json"], input=text.encode(),
                         capture_output=True, check=True).stdout.decode()
    cli = [json.loads(line) for line in out.splitlines()]
    assert [(t.byte_start, t.byte_end, t.kind, t.text) for t in tokens] == [
        (c["start"], c["end"], c["kind"], c["text"]) for c in cli]
    assert [(t.start, t.end, t.kind) for t in tokens[:3]] == [
        (0, 1, "symbol"), (2, 5, "arabic"), (6, 11, "number")]


def test_stem_matches_cli_fields(kashif_cli):
    words = ["وللمدينة", "وبأقلامهم", "الجزائر", "موسكو"]
    out = subprocess.run([kashif_cli, "stem", "--format", "json"],
                         input="\n".join(words).encode(), capture_output=True,
                         check=True).stdout.decode()
    cli = [json.loads(line) for line in out.splitlines()]
    mine = [kashif.stem(w) for w in words]
    fields = ["word", "proclitics", "stem", "suffixes", "enclitics", "light_stem"]
    assert [{f: getattr(s, f) for f in fields} for s in mine] == cli
    assert mine[0].proclitics == ["و", "ل", "ال"]


CONTACTS = ("EMAIL\t[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\n"
            "PHONE\t\\+?[0-9٠-٩](?:[ -]?[0-9٠-٩]){7,14}\t50\n")


def test_patterns_file_labels_and_pickling(tmp_path):
    patterns = tmp_path / "contacts.tsv"
    patterns.write_text(CONTACTS, encoding="utf-8")
    ex = kashif.Extractor(patterns_file=patterns)
    text = "😀 راسلوا info@example.com أو اتصلوا على ٠١٠٠١٢٣٤٥٦٧ في القاهرة"
    found = [(e.type, e.text, e.start, e.value) for e in ex.extract(text)]
    assert found == [
        ("EMAIL", "info@example.com", text.index("info@"), None),
        ("PHONE", "٠١٠٠١٢٣٤٥٦٧", text.index("٠١٠"), None),
        ("LOC", "القاهرة", text.index("القاهرة"), None),
    ]
    patterns.unlink()  # the rules travel inside the pickle
    assert pickle.loads(pickle.dumps(ex)).extract(text) == ex.extract(text)


def test_bad_patterns_file(tmp_path):
    bad = tmp_path / "p.tsv"
    bad.write_text("EMAIL\tx+@y\nPHONE\t[0-9\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.tsv:2: missing \]: \[0-9"):
        kashif.Extractor(patterns_file=bad)
    bad.write_text("LOC\tx+\n", encoding="utf-8")
    with pytest.raises(ValueError, match="built-in entity type"):
        kashif.Extractor(patterns_file=str(bad))
    with pytest.raises(FileNotFoundError):
        kashif.Extractor(patterns_file=tmp_path / "none.tsv")
