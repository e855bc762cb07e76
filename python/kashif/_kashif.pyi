"""Type stubs of the compiled module kashif._kashif (re-exported by the package kashif)."""

import datetime
import decimal
import os
from typing import Iterable, Literal, Optional, Sequence, Union

__version__: str

DateLike = Union[str, datetime.date]
PathLike = Union[str, "os.PathLike[str]"]

class Entity:
    """One entity found in a text; text[start:end] == entity.text."""

    @property
    def type(self) -> str:
        """PER, ORG, LOC, MONEY, DATE, or the label of a user pattern."""
    @property
    def start(self) -> int:
        """Code-point index of the first character in the Python str."""
    @property
    def end(self) -> int:
        """Code-point index one past the last character."""
    @property
    def byte_start(self) -> int:
        """Byte offset into the UTF-8 encoding of the text."""
    @property
    def byte_end(self) -> int:
        """Byte offset one past the end."""
    @property
    def text(self) -> str: ...
    @property
    def canonical(self) -> str:
        """The normalized, proclitic-free name (or surface form)."""
    @property
    def value(self) -> Optional[dict[str, Union[int, decimal.Decimal, str, None]]]:
        """MONEY: {'amount': int | Decimal | None, 'currency': str | None};
        DATE: {'timex': str, 'calendar': 'gregorian' | 'hijri', 'resolved': str | None};
        otherwise None. Key for key the `value` object of the CLI's JSON."""
    def __eq__(self, other: object) -> bool: ...

class Token:
    """One token: the fields of `kashif tokenize --format json` (start/end in code points)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def kind(self) -> Literal["arabic", "latin", "number", "punct", "symbol", "other"]: ...
    @property
    def text(self) -> str: ...

class Segmentation:
    """One word's parts: the fields of `kashif stem --format json`."""

    @property
    def word(self) -> str: ...
    @property
    def proclitics(self) -> list[str]: ...
    @property
    def stem(self) -> str: ...
    @property
    def suffixes(self) -> list[str]: ...
    @property
    def enclitics(self) -> list[str]: ...
    @property
    def light_stem(self) -> str: ...

class Extractor:
    """Finds entities in Arabic text. Immutable, thread-safe, picklable.

    Raises ValueError for a bad option or a malformed file (the message names file and
    line), FileNotFoundError / OSError for a file that cannot be read.
    """

    def __init__(
        self,
        *,
        types: Optional[Sequence[str]] = None,
        reference_date: Optional[DateLike] = None,
        date_bias: Literal["past", "future"] = "past",
        gazetteer_files: Optional[Sequence[PathLike]] = None,
        patterns_file: Optional[PathLike] = None,
        hijri_calendar: Literal["umalqura", "civil"] = "umalqura",
        use_builtin_gazetteers: bool = True,
    ) -> None: ...
    def extract(self, text: str, reference_date: Optional[DateLike] = None) -> list[Entity]:
        """The entities of `text`, sorted by start, never overlapping (GIL released)."""
    def extract_batch(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        reference_date: Optional[DateLike] = None,
    ) -> list[list[Entity]]:
        """extract() on `threads` threads (None: all cores); results in input order."""

def tokenize(text: str) -> list[Token]: ...
def stem(word: str) -> Segmentation: ...
def parse_date(date: DateLike) -> str:
    """'YYYY-MM-DD' for a valid day; ValueError otherwise."""
