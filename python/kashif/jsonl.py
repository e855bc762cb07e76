"""JSON Lines in the command-line tool's format, from Python.

``kashif extract --input-format jsonl --format jsonl`` reads one
``{"id": ..., "text": "...", "reference_date": "YYYY-MM-DD"?}`` object per line and writes
exactly one line per input line, in order: ``{"id": ..., "entities": [...]}``, or
``{"id": ..., "error": "SOURCE:LINE: reason"}`` for a line it cannot process. This module
writes the same bytes, so a job run from Python (Dask, Spark, a notebook) produces output
interchangeable with the CLI's:

    from kashif import Extractor, jsonl
    out, failed = jsonl.process_lines(Extractor(), lines, source="corpus.jsonl")

Equality with the CLI is tested line for line (python/tests/test_dask_corpus.py). Where the
two differ: the *reason* text of a line that is not valid JSON (Python's parser words it
differently; the line is an error line either way), and numbers with leading zeros
(``007``), which the CLI accepts and Python's parser refuses.
"""

import json
from typing import Iterable, List, Optional, Tuple

from kashif._kashif import parse_date

__all__ = ["entity_json", "json_string", "process_line", "process_lines"]


_encode_string = json.encoder.py_encode_basestring
try:  # the C accelerator of json.dumps(text, ensure_ascii=False)
    from _json import encode_basestring as _encode_string
except ImportError:
    pass


def json_string(text: str) -> str:
    """A JSON string literal as the CLI writes it: UTF-8 kept, controls and DEL escaped."""
    literal = _encode_string(text)
    return literal.replace("\x7f", "\\u007f") if "\x7f" in literal else literal


def _nullable_string(text: Optional[str]) -> str:
    return "null" if text is None else json_string(text)


def _amount_literal(amount) -> str:
    if amount is None:
        return "null"
    if isinstance(amount, int):
        return str(amount)
    return format(amount, "f")  # decimal.Decimal, exactly as the library wrote it


def entity_json(entity) -> str:
    """One entity as the CLI's JSON object; start/end are byte offsets."""
    head = '{"type":%s,"start":%d,"end":%d,"text":%s,"canonical":%s' % (
        json_string(entity.type), entity.byte_start, entity.byte_end,
        json_string(entity.text), json_string(entity.canonical))
    value = entity.value
    if value is None:
        return head + "}"
    if "amount" in value:
        return '%s,"value":{"amount":%s,"currency":%s}}' % (
            head, _amount_literal(value["amount"]), _nullable_string(value["currency"]))
    return '%s,"value":{"timex":%s,"calendar":"%s","resolved":%s}}' % (
        head, json_string(value["timex"]), value["calendar"], _nullable_string(value["resolved"]))


class _Number(str):
    """A JSON number kept as written (the CLI echoes an id's literal unchanged)."""


class _Members(list):
    """A JSON object as its (key, value) pairs, duplicates and order kept, as the CLI keeps
    them; find() returns the first member of a name, as the CLI's lookup does."""

    def find(self, key):
        for name, value in self:
            if name == key:
                return value
        return _MISSING


_MISSING = object()


def _refuse_constant(name):
    raise ValueError("invalid literal " + name)


def _loads(line: str):
    return json.loads(line, object_pairs_hook=_Members, parse_int=_Number,
                      parse_float=_Number, parse_constant=_refuse_constant)


def _without_surrogates(text: str) -> str:
    # The CLI's parser turns an escaped lone surrogate into U+FFFD; so does this.
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _compact(value) -> str:
    """A parsed JSON value written back compactly, the way the CLI writes an id."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, _Number):
        return str.__str__(value)
    if isinstance(value, str):
        return json_string(_without_surrogates(value))
    if isinstance(value, _Members):
        return "{" + ",".join(json_string(_without_surrogates(k)) + ":" + _compact(v)
                              for k, v in value) + "}"
    return "[" + ",".join(_compact(v) for v in value) + "]"


def _error_line(id_json: str, message: str) -> str:
    return '{"id":' + id_json + ',"error":' + json_string(message) + "}\n"


def process_line(extractor, line: bytes, source: str, line_number: int) -> Tuple[str, Optional[str]]:
    """The CLI's output line for one input line (bytes, without its line ending).

    Returns (output line with its newline, error message or None). The error message is
    the one the CLI prints on standard error ("SOURCE:LINE: reason").
    """
    where = "%s:%d: " % (source, line_number)
    if not line.strip(b" \t"):
        message = where + "empty line"
        return _error_line("null", message), message
    try:
        value = _loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # JSONDecodeError, UnicodeDecodeError
        message = where + "invalid JSON: " + str(error)
        return _error_line("null", message), message
    if not isinstance(value, _Members):
        message = where + "expected a JSON object"
        return _error_line("null", message), message
    doc_id = value.find("id")
    id_json = "null" if doc_id is _MISSING else _compact(doc_id)
    text = value.find("text")
    if text is _MISSING or not isinstance(text, str) or isinstance(text, _Number):
        message = where + 'missing "text" string'
        return _error_line(id_json, message), message
    reference_date = value.find("reference_date")
    if reference_date is _MISSING:
        reference_date = None
    if reference_date is not None:
        try:
            if isinstance(reference_date, _Number) or not isinstance(reference_date, str):
                raise ValueError
            reference_date = _without_surrogates(reference_date)
            parse_date(reference_date)
        except ValueError:
            message = where + '"reference_date" must be a day written YYYY-MM-DD'
            return _error_line(id_json, message), message
    entities = extractor.extract(_without_surrogates(text), reference_date=reference_date)
    return ('{"id":' + id_json + ',"entities":[' + ",".join(entity_json(e) for e in entities)
            + "]}\n"), None


def process_lines(extractor, lines: Iterable[bytes], source: str,
                  first_line_number: int = 1) -> Tuple[str, List[str]]:
    """process_line() over consecutive lines; returns (output text, error messages)."""
    out = []
    errors = []
    for number, line in enumerate(lines, start=first_line_number):
        text, error = process_line(extractor, line, source, number)
        out.append(text)
        if error is not None:
            errors.append(error)
    return "".join(out), errors
