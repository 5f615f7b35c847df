"""Covered amendments under U.S.S.G. § 1B1.10(d), dated.

Law encoded here (own words; § 1B1.10(a)(1)-(2), (d), (e), 2016 text plus Amendment 825):
a court may reduce a term under 18 U.S.C. § 3582(c)(2) only for an amendment that § 1B1.10 lists
as covered; an amendment that is not listed gives no authority. The date an amendment took effect
and the date § 1B1.10 first listed it are different facts (706: effective 2007-11-01, listed
2008-03-03). For 782 and 821 the policy statement also bars any reducing order from taking effect
before a later date ((e)(1): 2015-11-01; (e)(2): 2024-02-01). For 750 and 821 only some parts are
covered.

The data is ``data/covered_amendments.yaml``. Where the date a number entered the list was not
verified, the answer before the first date we know it was listed is "unknown", never a guess.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

from .. import yamlio

AUTHORITY = "ussg_1b1_10"
AMENDMENT_759 = "ussg_amend_759"


class CoverageUnknown(LookupError):
    """The data cannot say whether the amendment (or part) was covered on the date asked."""


@dataclass(frozen=True)
class Amendment:
    number: int
    subject: str | None
    effective: date | None  # when the amendment took effect; None = not read
    covered_from: date | None  # when § 1B1.10 first listed it; None = not verified
    covered_from_note: str | None
    known_listed_from: date | None  # lower bound used when covered_from is None
    covered_by: tuple[int, ...]  # the amendment(s) that added it to the list
    parts: tuple[str, ...] | None  # None: the whole amendment is covered
    as_amended_by: tuple[int, ...]
    orders_not_before: date | None  # § 1B1.10(e): no reducing order may take effect earlier
    source: str

    def covered_on(self, as_of: date) -> bool | None:
        """Listed on as_of? None when the data cannot tell."""
        if self.covered_from is not None:
            return as_of >= self.covered_from
        if self.known_listed_from is not None and as_of >= self.known_listed_from:
            return True
        return None

    @property
    def label(self) -> str:
        text = f"Amendment {self.number}"
        if self.as_amended_by:
            text += " as amended by " + ", ".join(str(n) for n in self.as_amended_by)
        if self.parts:
            text += f" (parts {' and '.join(_show_part(p) for p in self.parts)} only)"
        return text


@dataclass(frozen=True)
class CoveredList:
    complete_through: date
    known_later_additions: tuple[int, ...]
    amendments: dict[int, Amendment]


@dataclass(frozen=True)
class Coverage:
    """The answer to "was this amendment (part) covered by § 1B1.10 on this date?"."""

    number: int
    part: str | None
    as_of: date
    covered: bool | None  # None = unknown; say so, do not guess
    explanation: str
    amendment: Amendment | None
    orders_not_before: date | None
    authorities: tuple[str, ...]


def _show_part(part: str) -> str:
    return "B, subpart 1" if part == "B1" else part


def normalize_part(part: str) -> str:
    """'A', 'Part A', 'part B, subpart 1', 'B-1', 'B(1)' -> 'A', 'A', 'B1', 'B1', 'B1'."""
    text = part.upper()
    text = re.sub(r"\bSUBPARTS?\b|\bPARTS?\b", "", text)
    text = re.sub(r"[\s,.\-()]", "", text)
    if not re.fullmatch(r"[A-Z][0-9]*", text):
        raise ValueError(f"cannot read amendment part {part!r}")
    return text


def _date_or_none(value: object, field: str, number: int) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise ValueError(f"amendment {number}: {field} must be a date or null, got {value!r}")


@functools.cache
def covered_list() -> CoveredList:
    """Load and check ``data/covered_amendments.yaml`` (once per process)."""
    raw = yamlio.load(
        resources.files(__package__).joinpath("data/covered_amendments.yaml").read_text("utf-8")
    )
    amendments: dict[int, Amendment] = {}
    for entry in raw["amendments"]:
        number = int(entry["number"])
        if number in amendments:
            raise ValueError(f"amendment {number} listed twice")
        covered_from = _date_or_none(entry.get("covered_from"), "covered_from", number)
        note = entry.get("covered_from_note")
        known = _date_or_none(entry.get("known_listed_from"), "known_listed_from", number)
        if covered_from is None and note != "unverified":
            raise ValueError(f"amendment {number}: covered_from is null but not marked 'unverified'")
        if covered_from is not None and not entry.get("covered_by"):
            raise ValueError(f"amendment {number}: a verified covered_from needs covered_by")
        if not entry.get("source"):
            raise ValueError(f"amendment {number}: source is required")
        parts = entry.get("parts")
        amendments[number] = Amendment(
            number=number,
            subject=entry.get("subject"),
            effective=_date_or_none(entry.get("effective"), "effective", number),
            covered_from=covered_from,
            covered_from_note=note,
            known_listed_from=known,
            covered_by=tuple(entry.get("covered_by") or ()),
            parts=tuple(normalize_part(str(p)) for p in parts) if parts else None,
            as_amended_by=tuple(entry.get("as_amended_by") or ()),
            orders_not_before=_date_or_none(entry.get("orders_not_before"), "orders_not_before", number),
            source=str(entry["source"]),
        )
    return CoveredList(
        complete_through=raw["complete_through"],
        known_later_additions=tuple(raw.get("known_later_additions") or ()),
        amendments=amendments,
    )


def amendment(number: int) -> Amendment | None:
    """The listed amendment with this number, or None if § 1B1.10(d) (as encoded) does not list it."""
    return covered_list().amendments.get(number)


def coverage(number: int, as_of: date, part: str | None = None) -> Coverage:
    """Whether § 1B1.10 covered the amendment (or the named part of it) on as_of, with reasons."""
    data = covered_list()
    found = data.amendments.get(number)
    authorities: tuple[str, ...] = (AUTHORITY,)

    def answer(covered: bool | None, text: str) -> Coverage:
        return Coverage(
            number=number,
            part=part,
            as_of=as_of,
            covered=covered,
            explanation=text,
            amendment=found,
            orders_not_before=found.orders_not_before if found and covered else None,
            authorities=authorities,
        )

    if found is None:
        hosts = [a for a in data.amendments.values() if number in a.as_amended_by]
        if hosts:
            host = hosts[0]
            return answer(False, f"Amendment {number} is not listed by itself; § 1B1.10(d) covers it only as "
                                 f"part of {host.label}. Ask about Amendment {host.number}.")
        if as_of <= data.complete_through:
            return answer(False, f"Amendment {number} is not listed in § 1B1.10(d), so it cannot support a "
                                 f"reduction under 18 U.S.C. § 3582(c)(2).")
        return answer(None, f"Amendment {number} is not in the § 1B1.10(d) list as checked (the 2016 Manual, "
                            f"complete through {data.complete_through.isoformat()}, plus Amendment 825's "
                            f"addition of 821); whether the Commission listed it after that was not checked.")
    if number == 750:
        authorities = (AUTHORITY, AMENDMENT_759)

    listed = found.covered_on(as_of)
    if listed is None:
        return answer(None, f"{found.label} is listed in § 1B1.10(d), but the date it was first listed is "
                            f"unknown here; it is known to be listed from {found.known_listed_from.isoformat()} "
                            f"on, so its status on {as_of.isoformat()} cannot be stated.")
    if listed is False:
        vehicle = ", ".join(str(n) for n in found.covered_by)
        return answer(False, f"{found.label} was not yet covered on {as_of.isoformat()}: § 1B1.10 listed it "
                             f"from {found.covered_from.isoformat()} (Amendment {vehicle}).")

    since = (f"from {found.covered_from.isoformat()}" if found.covered_from
             else f"at least from {found.known_listed_from.isoformat()}")
    if found.parts is not None:
        if part is None:
            return answer(None, f"{found.label} is covered only in part; say which part applies "
                                f"(covered: {', '.join(_show_part(p) for p in found.parts)}).")
        wanted = normalize_part(part)
        if wanted not in found.parts:
            if any(p.startswith(wanted) for p in found.parts):
                return answer(None, f"Only some of part {wanted} of Amendment {number} is covered "
                                    f"({', '.join(_show_part(p) for p in found.parts)}); say which subpart.")
            return answer(False, f"Part {_show_part(wanted)} of Amendment {number} is not covered: "
                                 f"§ 1B1.10(d) lists {found.label}.")
    text = f"{found.label} is covered by § 1B1.10(d) {since}."
    if found.orders_not_before is not None:
        text += (f" No order reducing a term on this basis may take effect before "
                 f"{found.orders_not_before.isoformat()} (§ 1B1.10(e)).")
    return answer(True, text)


def is_covered(number: int, as_of: date, part: str | None = None) -> bool:
    """True/False when the data can tell; raises CoverageUnknown (with the reason) when it cannot."""
    result = coverage(number, as_of, part)
    if result.covered is None:
        raise CoverageUnknown(result.explanation)
    return result.covered


def covered_amendments(as_of: date) -> list[Amendment]:
    """Amendments known to be covered on as_of (in number order).

    Numbers whose status on as_of is unknown are left out here; ask
    ``amendments_with_unknown_coverage`` for them rather than treating them as not covered.
    """
    return [a for n, a in sorted(covered_list().amendments.items()) if a.covered_on(as_of) is True]


def amendments_with_unknown_coverage(as_of: date) -> list[Amendment]:
    """Listed amendments whose covered status on as_of the data cannot state."""
    return [a for n, a in sorted(covered_list().amendments.items()) if a.covered_on(as_of) is None]
