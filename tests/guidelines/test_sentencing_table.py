"""The Sentencing Table (U.S.S.G. Ch. 5, Pt. A): data checked against law-facts.md, by hand, and by shape."""
import re
from datetime import date

import pytest

from fedrelief.guidelines import (
    CATEGORIES,
    NoTableInForce,
    Range,
    cells_for_range,
    chc_from_points,
    normalize_chc,
    sentencing_table,
    table_range,
)

# The table as transcribed in /work/shared/law-facts.md § 6 (itself checked cell by cell against
# tools/sentencing_table.json and src/data/sc.json of mmukku/ussc-mm). Copied verbatim so the test
# does not depend on a file outside the repository.
LAW_FACTS_TABLE = """
| OL | I (0-1 pts) | II (2-3) | III (4-6) | IV (7-9) | V (10-12) | VI (13+) |
|---|---|---|---|---|---|---|
| 1 | 0-6 | 0-6 | 0-6 | 0-6 | 0-6 | 0-6 |
| 2 | 0-6 | 0-6 | 0-6 | 0-6 | 0-6 | 1-7 |
| 3 | 0-6 | 0-6 | 0-6 | 0-6 | 2-8 | 3-9 |
| 4 | 0-6 | 0-6 | 0-6 | 2-8 | 4-10 | 6-12 |
| 5 | 0-6 | 0-6 | 1-7 | 4-10 | 6-12 | 9-15 |
| 6 | 0-6 | 1-7 | 2-8 | 6-12 | 9-15 | 12-18 |
| 7 | 0-6 | 2-8 | 4-10 | 8-14 | 12-18 | 15-21 |
| 8 | 0-6 | 4-10 | 6-12 | 10-16 | 15-21 | 18-24 |
| 9 | 4-10 | 6-12 | 8-14 | 12-18 | 18-24 | 21-27 |
| 10 | 6-12 | 8-14 | 10-16 | 15-21 | 21-27 | 24-30 |
| 11 | 8-14 | 10-16 | 12-18 | 18-24 | 24-30 | 27-33 |
| 12 | 10-16 | 12-18 | 15-21 | 21-27 | 27-33 | 30-37 |
| 13 | 12-18 | 15-21 | 18-24 | 24-30 | 30-37 | 33-41 |
| 14 | 15-21 | 18-24 | 21-27 | 27-33 | 33-41 | 37-46 |
| 15 | 18-24 | 21-27 | 24-30 | 30-37 | 37-46 | 41-51 |
| 16 | 21-27 | 24-30 | 27-33 | 33-41 | 41-51 | 46-57 |
| 17 | 24-30 | 27-33 | 30-37 | 37-46 | 46-57 | 51-63 |
| 18 | 27-33 | 30-37 | 33-41 | 41-51 | 51-63 | 57-71 |
| 19 | 30-37 | 33-41 | 37-46 | 46-57 | 57-71 | 63-78 |
| 20 | 33-41 | 37-46 | 41-51 | 51-63 | 63-78 | 70-87 |
| 21 | 37-46 | 41-51 | 46-57 | 57-71 | 70-87 | 77-96 |
| 22 | 41-51 | 46-57 | 51-63 | 63-78 | 77-96 | 84-105 |
| 23 | 46-57 | 51-63 | 57-71 | 70-87 | 84-105 | 92-115 |
| 24 | 51-63 | 57-71 | 63-78 | 77-96 | 92-115 | 100-125 |
| 25 | 57-71 | 63-78 | 70-87 | 84-105 | 100-125 | 110-137 |
| 26 | 63-78 | 70-87 | 78-97 | 92-115 | 110-137 | 120-150 |
| 27 | 70-87 | 78-97 | 87-108 | 100-125 | 120-150 | 130-162 |
| 28 | 78-97 | 87-108 | 97-121 | 110-137 | 130-162 | 140-175 |
| 29 | 87-108 | 97-121 | 108-135 | 121-151 | 140-175 | 151-188 |
| 30 | 97-121 | 108-135 | 121-151 | 135-168 | 151-188 | 168-210 |
| 31 | 108-135 | 121-151 | 135-168 | 151-188 | 168-210 | 188-235 |
| 32 | 121-151 | 135-168 | 151-188 | 168-210 | 188-235 | 210-262 |
| 33 | 135-168 | 151-188 | 168-210 | 188-235 | 210-262 | 235-293 |
| 34 | 151-188 | 168-210 | 188-235 | 210-262 | 235-293 | 262-327 |
| 35 | 168-210 | 188-235 | 210-262 | 235-293 | 262-327 | 292-365 |
| 36 | 188-235 | 210-262 | 235-293 | 262-327 | 292-365 | 324-405 |
| 37 | 210-262 | 235-293 | 262-327 | 292-365 | 324-405 | 360-life |
| 38 | 235-293 | 262-327 | 292-365 | 324-405 | 360-life | 360-life |
| 39 | 262-327 | 292-365 | 324-405 | 360-life | 360-life | 360-life |
| 40 | 292-365 | 324-405 | 360-life | 360-life | 360-life | 360-life |
| 41 | 324-405 | 360-life | 360-life | 360-life | 360-life | 360-life |
| 42 | 360-life | 360-life | 360-life | 360-life | 360-life | 360-life |
| 43 | life | life | life | life | life | life |
"""


def _law_facts_cells():
    rows = [line for line in LAW_FACTS_TABLE.strip().splitlines() if re.match(r"^\| \d+ \|", line)]
    for line in rows:
        level, *cells = [part.strip() for part in line.strip("|").split("|")]
        yield int(level), cells





def _as_text(r: Range) -> str:
    if r.is_life:
        return "life"
    return f"{r.low}-{'life' if r.high is None else r.high}"


def test_law_facts_transcription_has_all_258_cells():
    cells = dict(_law_facts_cells())
    assert sorted(cells) == list(range(1, 44))
    assert all(len(row) == 6 for row in cells.values())


@pytest.mark.parametrize("level", range(1, 44))
def test_every_row_matches_law_facts(level):
    expected = dict(_law_facts_cells())[level]
    assert [_as_text(table_range(level, chc)) for chc in CATEGORIES] == expected


# Hand spot checks, read off the 2016 Manual table (and the examples quoted in the text).
@pytest.mark.parametrize(
    "level, chc, low, high",
    [
        (1, "I", 0, 6),        # top-left corner
        (1, "VI", 0, 6),       # whole first row is 0-6
        (2, "VI", 1, 7),       # first non-zero minimum
        (3, "V", 2, 8),
        (4, "IV", 2, 8),
        (5, "III", 1, 7),
        (6, "II", 1, 7),
        (7, "II", 2, 8),       # § 5B1.1 Note 1(B) example: OL 7 / CHC II is 2-8
        (8, "I", 0, 6),        # 2-8 until 1992-11-01 (Amendment 462), 0-6 since
        (9, "I", 4, 10),
        (12, "I", 10, 16),
        (13, "VI", 33, 41),
        (15, "III", 24, 30),   # Ch. 5 Pt. A App. Note 1 example
        (17, "VI", 51, 63),
        (18, "V", 51, 63),
        (20, "VI", 70, 87),
        (21, "V", 70, 87),     # § 1B1.10 Note 3's 70-87
        (22, "III", 51, 63),   # § 1B1.10 Note 3's 51-63
        (25, "III", 70, 87),
        (26, "II", 70, 87),
        (27, "I", 70, 87),
        (27, "III", 87, 108),  # § 1B1.10 Note 4(B)'s 87-108
        (28, "II", 87, 108),
        (29, "III", 108, 135), # seed 002 cell
        (30, "II", 108, 135),  # seed 002 cell
        (31, "I", 108, 135),   # seed 002 cell
        (30, "IV", 135, 168),  # § 1B1.10 Note 4(A)'s 135-168
        (31, "III", 135, 168),
        (33, "I", 135, 168),
        (34, "VI", 262, 327),
        (35, "VI", 292, 365),
        (36, "VI", 324, 405),
        (37, "V", 324, 405),
        (37, "VI", 360, None), # first 360-life cell
        (38, "V", 360, None),
        (41, "I", 324, 405),
        (41, "II", 360, None),
        (42, "I", 360, None),  # whole row 42 is 360-life
    ],
)
def test_hand_spot_checks(level, chc, low, high):
    assert table_range(level, chc) == Range(low, high)


@pytest.mark.parametrize("chc", CATEGORIES)
def test_level_43_is_life_in_every_column(chc):
    assert table_range(43, chc).is_life
    assert str(table_range(43, chc)) == "life"


def _key(end):
    # life sorts above every number
    return float("inf") if end is None else end


@pytest.mark.parametrize("chc", CATEGORIES)
def test_ranges_never_decrease_down_a_column(chc):
    for level in range(1, 43):
        above, below = table_range(level, chc), table_range(level + 1, chc)
        assert _key(above.low) <= _key(below.low) and _key(above.high) <= _key(below.high), (level, chc)


@pytest.mark.parametrize("level", range(1, 44))
def test_ranges_never_decrease_across_a_row(level):
    for left, right in zip(CATEGORIES, CATEGORIES[1:]):
        a, b = table_range(level, left), table_range(level, right)
        assert _key(a.low) <= _key(b.low) and _key(a.high) <= _key(b.high), (level, left)


def test_every_numeric_range_obeys_the_25_percent_or_6_months_rule():
    # 28 U.S.C. § 994(b)(2), quoted in Ch. 1 Pt. A: max may exceed min by no more than the greater
    # of 25 percent or six months (e.g. 324-405: 81 = 25% of 324; 0-6: 6 months).
    for (level, chc), r in sentencing_table().cells.items():
        if r.high is not None:
            assert 4 * (r.high - r.low) <= max(4 * 6, r.low), (level, chc, r)


@pytest.mark.parametrize(
    "level, treated_as",
    [(0, 1), (-3, 1), (1, 1), (43, 43), (44, 43), (50, 43)],  # App. Note 2: <1 -> 1, >43 -> 43
)
def test_level_clamping(level, treated_as):
    for chc in CATEGORIES:
        assert table_range(level, chc) == table_range(treated_as, chc)


def test_level_must_be_a_whole_number():
    with pytest.raises(TypeError):
        table_range(30.0, "II")
    with pytest.raises(TypeError):
        table_range(True, "II")


@pytest.mark.parametrize("given, expected", [("I", "I"), ("vi", "VI"), (" iii ", "III"), (1, "I"), (6, "VI")])
def test_category_accepts_roman_or_number(given, expected):
    assert normalize_chc(given) == expected
    assert table_range(30, given) == table_range(30, expected)


@pytest.mark.parametrize("bad", [0, 7, "VII", "", "3", True, None, 2.0])
def test_bad_category_is_refused(bad):
    with pytest.raises((ValueError, TypeError)):
        table_range(30, bad)


@pytest.mark.parametrize(
    "points, chc",
    [(0, "I"), (1, "I"), (2, "II"), (3, "II"), (4, "III"), (6, "III"), (7, "IV"), (9, "IV"),
     (10, "V"), (12, "V"), (13, "VI"), (30, "VI")],  # column headings of the table
)
def test_chc_from_points(points, chc):
    assert chc_from_points(points) == chc


def test_negative_points_refused():
    with pytest.raises(ValueError):
        chc_from_points(-1)


def test_cells_for_range():
    assert cells_for_range(108, 135) == [(29, "III"), (30, "II"), (31, "I")]  # seed 002's three cells
    assert cells_for_range(70, 87) == [(20, "VI"), (21, "V"), (23, "IV"), (25, "III"), (26, "II"), (27, "I")]
    assert cells_for_range(None, None) == [(43, chc) for chc in CATEGORIES]
    assert len(cells_for_range(360, None)) == 1 + 2 + 3 + 4 + 5 + 6  # rows 37..42
    assert cells_for_range(120, 135) == []  # only § 5G1.1 makes 120-135; no cell does


@pytest.mark.parametrize(
    "r, text",
    [(Range(120, 135), "120–135 months"), (Range(120, 120), "120 months"),
     (Range(360, None), "360 months–life"), (Range.life(), "life"), (Range(0, 6), "0–6 months")],
)
def test_range_text(r, text):
    assert str(r) == text


@pytest.mark.parametrize("low, high", [(10, 5), (-1, 6), (None, 6)])
def test_impossible_ranges_refused(low, high):
    with pytest.raises(ValueError):
        Range(low, high)


def test_table_metadata():
    table = sentencing_table()
    assert table.in_force_from == date(1992, 11, 1)
    assert table.source["repo"] == "mmukku/ussc-mm"
    assert table.source["path"] == "tools/sentencing_table.json"
    assert sentencing_table() is table  # loaded once


def test_no_table_before_1992_11_01():
    assert table_range(8, "I", as_of=date(1992, 11, 1)) == Range(0, 6)
    with pytest.raises(NoTableInForce):
        table_range(8, "I", as_of=date(1992, 10, 31))  # OL 8 / I was 2-8 then
