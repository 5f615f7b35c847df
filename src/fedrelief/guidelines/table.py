"""The Sentencing Table, U.S.S.G. Chapter Five, Part A.

The table itself is data (``data/sentencing_table.yaml``); this module reads it once and answers
three questions: what range a cell gives, which category a number of criminal history points
falls in, and which cells give a named range.

Law encoded here (own words):
- Ch. 5 Pt. A, App. Note 1: the total offense level (1-43) and the criminal history category
  (I-VI) meet in a cell that gives the guideline range in months; "life" means life imprisonment.
- App. Note 2: a total offense level below 1 is treated as 1, above 43 as 43.
- App. Note 3 and the column headings: the category follows from the Chapter Four, Part A points
  (I = 0-1, II = 2-3, III = 4-6, IV = 7-9, V = 10-12, VI = 13 or more), except where
  §§ 4B1.1 (career offender) or 4B1.4 (armed career criminal) set the category directly.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from .. import yamlio

AUTHORITY = "ussg_ch5_pt_a"
CATEGORIES: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI")
MIN_LEVEL = 1
MAX_LEVEL = 43


class NoTableInForce(LookupError):
    """Raised when a date is asked about for which this table is not the one in force."""


@dataclass(frozen=True, order=False)
class Range:
    """A range of imprisonment in months.

    ``high is None`` means the top of the range is life imprisonment ("360-life").
    ``low is None`` (only together with ``high is None``) means the range is life itself, as in
    every cell of offense level 43, or a guideline sentence of life under § 5G1.1(b).
    """

    low: int | None
    high: int | None

    def __post_init__(self) -> None:
        if self.low is None and self.high is not None:
            raise ValueError("a range with no numeric low end must be life (high=None)")
        for end in (self.low, self.high):
            if end is not None and (isinstance(end, bool) or not isinstance(end, int) or end < 0):
                raise ValueError(f"range ends must be non-negative whole months, got {end!r}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"range low end {self.low} is above its high end {self.high}")

    @classmethod
    def life(cls) -> Range:
        return cls(None, None)

    @property
    def is_life(self) -> bool:
        """True when the range is life imprisonment and nothing else."""
        return self.low is None

    @property
    def reaches_life(self) -> bool:
        """True when life imprisonment is the top of the range (or the whole of it)."""
        return self.high is None

    def __str__(self) -> str:
        if self.is_life:
            return "life"
        if self.high is None:
            return f"{self.low} months–life"
        if self.low == self.high:
            return f"{self.low} months"
        return f"{self.low}–{self.high} months"


def _parse_cell(text: str) -> Range:
    text = str(text).strip()
    if text == "life":
        return Range.life()
    low_text, sep, high_text = text.partition("-")
    if not sep:
        raise ValueError(f"sentencing table cell {text!r} is not 'low-high', 'low-life' or 'life'")
    high = None if high_text == "life" else int(high_text)
    return Range(int(low_text), high)


@dataclass(frozen=True)
class SentencingTable:
    in_force_from: date
    in_force_until: date | None
    source: dict[str, Any]
    cells: dict[tuple[int, str], Range]

    def in_force_on(self, on: date) -> bool:
        return self.in_force_from <= on and (self.in_force_until is None or on < self.in_force_until)


@functools.cache
def sentencing_table() -> SentencingTable:
    """Load and check ``data/sentencing_table.yaml`` (once per process)."""
    raw = yamlio.load(resources.files(__package__).joinpath("data/sentencing_table.yaml").read_text("utf-8"))
    if tuple(raw["columns"]) != CATEGORIES:
        raise ValueError(f"sentencing table columns must be {CATEGORIES}, got {raw['columns']}")
    rows = raw["rows"]
    if sorted(rows) != list(range(MIN_LEVEL, MAX_LEVEL + 1)):
        raise ValueError("sentencing table must have exactly the rows 1..43")
    cells: dict[tuple[int, str], Range] = {}
    for level, row in rows.items():
        if len(row) != len(CATEGORIES):
            raise ValueError(f"sentencing table row {level} has {len(row)} cells, expected 6")
        for chc, cell in zip(CATEGORIES, row):
            cells[(level, chc)] = _parse_cell(cell)
    if not isinstance(raw["in_force_from"], date):
        raise ValueError("in_force_from must be a date")
    return SentencingTable(raw["in_force_from"], raw.get("in_force_until"), raw["source"], cells)


def normalize_chc(chc: str | int) -> str:
    """'I'..'VI' (any case) or 1..6 -> 'I'..'VI'."""
    if isinstance(chc, bool):
        raise TypeError("criminal history category must be 'I'..'VI' or 1..6, not a bool")
    if isinstance(chc, int):
        if 1 <= chc <= 6:
            return CATEGORIES[chc - 1]
        raise ValueError(f"criminal history category must be 1..6, got {chc}")
    if isinstance(chc, str):
        text = chc.strip().upper()
        if text in CATEGORIES:
            return text
        raise ValueError(f"criminal history category must be one of {', '.join(CATEGORIES)}, got {chc!r}")
    raise TypeError(f"criminal history category must be a str or int, got {type(chc).__name__}")


def treated_level(level: int) -> int:
    """The offense level the table is read at: below 1 -> 1, above 43 -> 43 (Ch. 5 Pt. A, App. Note 2)."""
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError(f"offense level must be a whole number, got {level!r}")
    return min(max(level, MIN_LEVEL), MAX_LEVEL)


def table_range(level: int, chc: str | int, *, as_of: date | None = None) -> Range:
    """The Sentencing Table range for a total offense level and criminal history category.

    ``as_of`` is optional; when given, a date before 1992-11-01 (the last change to any cell)
    raises NoTableInForce instead of answering from a table that was not in force.
    """
    table = sentencing_table()
    if as_of is not None and not table.in_force_on(as_of):
        raise NoTableInForce(
            f"the encoded Sentencing Table is in force from {table.in_force_from.isoformat()}; "
            f"no table is encoded for {as_of.isoformat()}"
        )
    return table.cells[(treated_level(level), normalize_chc(chc))]


def chc_from_points(points: int) -> str:
    """Criminal history category for a total of Chapter Four, Part A points.

    Does not apply where § 4B1.1 or § 4B1.4 sets the category directly (App. Note 3).
    """
    if isinstance(points, bool) or not isinstance(points, int):
        raise TypeError(f"criminal history points must be a whole number, got {points!r}")
    if points < 0:
        raise ValueError(f"criminal history points cannot be negative, got {points}")
    for upper, category in ((1, "I"), (3, "II"), (6, "III"), (9, "IV"), (12, "V")):
        if points <= upper:
            return category
    return "VI"


def cells_for_range(low: int | None, high: int | None) -> list[tuple[int, str]]:
    """Every (offense level, category) whose table range is exactly low-high, in table order.

    ``high=None`` means life at the top ("360-life"); ``low=None, high=None`` means "life".
    """
    wanted = Range(low, high)
    table = sentencing_table()
    return [
        (level, chc)
        for level in range(MIN_LEVEL, MAX_LEVEL + 1)
        for chc in CATEGORIES
        if table.cells[(level, chc)] == wanted
    ]
