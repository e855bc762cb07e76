"""kashif: people, organizations, places, money amounts and dates in Arabic text.

    import kashif
    ex = kashif.Extractor(types=["PER", "LOC"], reference_date="2025-04-03")
    for e in ex.extract(text):
        e.type, e.start, e.end, e.text, e.canonical, e.value

``start``/``end`` index the Python str (code points); ``byte_start``/``byte_end`` are the
library's byte offsets into the UTF-8 text. An Extractor is immutable and thread-safe,
releases the GIL while it works, and pickles (it is re-created from its options), so it can
be shipped to worker processes. ``kashif.jsonl`` writes the command-line tool's JSON Lines.
"""

from kashif._kashif import (  # noqa: F401  (the public names of the package)
    Entity,
    Extractor,
    Segmentation,
    Token,
    __version__,
    parse_date,
    stem,
    tokenize,
)

__all__ = [
    "Entity",
    "Extractor",
    "Segmentation",
    "Token",
    "__version__",
    "parse_date",
    "stem",
    "tokenize",
]
