"""The statutory ranges of common federal offenses (offenses.yaml) and how a cited statute is read.

Convictions are cited as courts write them ("21 U.S.C. §§ 841(a)(1), 841(b)(1)(A), and 846"). Each
section and subsection path is parsed; a bare "(b)(1)(C)" belongs to the section before it. The
PENALTY provision decides: a provision that only defines the crime points to its penalty
provisions; § 846 takes its object's penalty; a provision that displaces another (924(e) over
922(g), 1326(b)(2) over 1326(a)) wins when both are cited. Versions are by offense date. Used by the
record checks (facts/record_checks.py) and by avenues that must read a statute (fsa404), and for
`offense_class(statute, on)`: the 18 U.S.C. § 3559(a) class, None when the citation allows more
than one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Union

from .. import yamlio

TABLE_PATH = Path(__file__).parent / "offenses.yaml"
LIFE = "life"
Months = Union[int, str]  # an int, or "life"

# Provisions that appear in conviction strings without changing the term of imprisonment:
# aiding and abetting (18 U.S.C. § 2), the honest-services definition (§ 1346), the § 851
# information procedure, forfeiture.
NEUTRAL = {("18", "2"), ("18", "1346"), ("21", "851"), ("21", "853"), ("18", "981"), ("18", "982"), ("28", "2461")}

# ------------------------------------------------------------------------------ statute strings
@dataclass(frozen=True)
class Provision:
    title: str
    section: str
    path: tuple[str, ...] = ()

    @property
    def cite(self) -> str:
        return f"{self.title} U.S.C. § {self.section}" + "".join(f"({p})" for p in self.path)


_TITLE = re.compile(r"\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?", re.I)
_TOKEN = re.compile(
    r"(?P<sec>(?<![\w(.])\d{1,5}[A-Za-z]?(?![\w.]))(?P<subs>(?:\s?\([0-9A-Za-z]{1,8}\))*)"
    r"|(?P<only>(?:\([0-9A-Za-z]{1,8}\)\s?)+)"
)
_SUB = re.compile(r"\(([0-9A-Za-z]{1,8})\)")


def parse_statute(text: str) -> tuple[Provision, ...]:
    """Every provision cited in `text`, in order: '21 U.S.C. §§ 841(a)(1), (b)(1)(C), and 846' ->
    841(a)(1), 841(b)(1)(C), 846. Text before the first 'U.S.C.' is ignored."""
    out: list[Provision] = []
    titles = list(_TITLE.finditer(text or ""))
    for i, m in enumerate(titles):
        segment = text[m.end(): titles[i + 1].start() if i + 1 < len(titles) else len(text)]
        last: Provision | None = None
        for tok in _TOKEN.finditer(segment):
            if tok.group("sec"):
                last = Provision(m.group(1), tok.group("sec"), tuple(_SUB.findall(tok.group("subs") or "")))
                out.append(last)
            elif last is not None:
                out.append(Provision(last.title, last.section, tuple(_SUB.findall(tok.group("only")))))
    return tuple(dict.fromkeys(out))


# ------------------------------------------------------------------------------ the table
@dataclass(frozen=True)
class Reading:
    cite: str
    when: str
    min: Months
    max: Months
    enhanced: bool
    checked: str
    source: str | None
    sr_min: int | None       # statute's own supervised-release minimum (None: none / not trusted)
    sr_max: Months | None    # cap: months, or None = no cap known
    crack_grams: int | None


@dataclass(frozen=True)
class Entry:
    cite: str
    provision: Provision
    title: str
    role: str
    authority: str | None = None
    penalties: tuple[str, ...] = ()
    enhanced: tuple[str, ...] = ()
    enhanced_by: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    consecutive: bool = False
    versions: tuple[dict[str, Any], ...] = ()
    notes: str | None = None

    def versions_on(self, on: date | None, up_to: date | None = None) -> list[dict[str, Any]]:
        """Versions in force on `on`; with `on` None, those in force at some time up to `up_to`."""
        out = []
        for v in self.versions:
            start, until = v.get("from"), v.get("until")
            if on is not None:
                if (start is None or start <= on) and (until is None or on < until):
                    out.append(v)
            elif up_to is None or start is None or start <= up_to:
                out.append(v)
        return out


@cache
def offense_table() -> dict[str, Entry]:
    raw = yamlio.load(TABLE_PATH.read_text(encoding="utf-8")) or []
    table: dict[str, Entry] = {}
    for e in raw:
        provs = parse_statute(e["cite"])
        if len(provs) != 1:
            raise ValueError(f"offenses.yaml: cannot read cite {e['cite']!r}")
        if e["cite"] in table:
            raise ValueError(f"offenses.yaml: {e['cite']} twice")
        table[e["cite"]] = Entry(
            cite=e["cite"], provision=provs[0], title=e.get("title", ""), role=e["role"],
            authority=e.get("authority"), penalties=tuple(e.get("penalties", ())),
            enhanced=tuple(e.get("enhanced", ())), enhanced_by=tuple(e.get("enhanced_by", ())),
            replaces=tuple(e.get("replaces", ())), consecutive=bool(e.get("consecutive")),
            versions=tuple(e.get("versions", ())), notes=e.get("notes"))
    for entry in table.values():
        for ref in entry.penalties + entry.enhanced + entry.enhanced_by + entry.replaces:
            if ref not in table:
                raise ValueError(f"offenses.yaml: {entry.cite} names unknown provision {ref}")
    return table


def _matching(p: Provision, table: dict[str, Entry]) -> list[Entry]:
    """The entry for `p` (the most specific one whose path begins `p`'s), or, for a citation less
    specific than the table (`1326` alone), every entry under it."""
    same = [e for e in table.values() if (e.provision.title, e.provision.section) == (p.title, p.section)]
    parents = [e for e in same if p.path[: len(e.provision.path)] == e.provision.path]
    if parents:
        return [max(parents, key=lambda e: len(e.provision.path))]
    return [e for e in same if e.provision.path[: len(p.path)] == p.path]


# ------------------------------------------------------------------------------ resolution
@dataclass(frozen=True)
class Resolution:
    statute: str
    readings: tuple[Reading, ...] = ()
    unknown: tuple[str, ...] = ()      # cited provisions the table does not hold
    unencoded: tuple[str, ...] = ()    # penalty provisions with no version for the date
    consecutive: bool = False
    penalty_cites: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return bool(self.readings) and not self.unknown and not self.unencoded

    @property
    def trusted(self) -> bool:
        """At least one reading rests on a checked source (memory alone never warns)."""
        return any(r.checked != "memory" for r in self.readings)


def _class_cap(max_months: Months) -> int | None:
    """18 U.S.C. § 3583(b): A/B felony 5 years, C/D 3 years, E felony or non-petty misdemeanor 1 year."""
    letter = offense_class_from_max(max_months)
    return {"Class A felony": 60, "Class B felony": 60, "Class C felony": 36, "Class D felony": 36,
            "Class E felony": 12, "Class A misdemeanor": 12}.get(letter or "")


def _readings(entry: Entry, version: dict[str, Any], enhanced: bool) -> list[Reading]:
    checked = version.get("checked", "memory")
    sr = version.get("supervised_release") or {}
    sr_trusted = sr.get("checked", checked) != "memory"
    out = []
    for r in version.get("readings", ()):
        r_checked = r.get("checked", checked)
        mx = r.get("max", LIFE)
        if sr.get("rule") == "3583b":
            sr_min, sr_max = None, _class_cap(mx)
        else:
            sr_min = sr.get("min") if sr_trusted else None
            sr_max = sr.get("max") if sr_trusted else None
        out.append(Reading(
            cite=entry.cite, when=r.get("when", ""), min=r.get("min", 0), max=mx,
            enhanced=enhanced or bool(r.get("enhanced")), checked=r_checked,
            source=version.get("source"), sr_min=sr_min, sr_max=sr_max,
            crack_grams=version.get("crack_grams")))
    return out


def resolve(statute: str, on: date | None = None, up_to: date | None = None,
            with_enhancements: bool = True) -> Resolution:
    """The readings of the penalty a conviction string carries on offense date `on` (or, with `on`
    None, at any time up to `up_to`). `with_enhancements=False` leaves out provisions that need
    facts the citation does not show (1326(b) for a 1326(a) citation)."""
    table = offense_table()
    provisions = parse_statute(statute)
    matched: list[Entry] = []
    unknown: list[str] = []
    for p in provisions:
        found = _matching(p, table)
        if found:
            matched += [e for e in found if e not in matched]
        elif (p.title, p.section) not in NEUTRAL:
            unknown.append(p.cite)
    penalties = [e for e in matched if e.role == "penalty"]
    cited = {e.cite for e in penalties}
    elements = [e for e in matched if e.role == "elements" and not (set(e.penalties) | set(e.enhanced)) & cited]
    replaced = {r for e in penalties for r in e.replaces}
    uses: list[tuple[Entry, bool]] = [(e, False) for e in penalties if e.cite not in replaced]
    for el in elements:
        uses += [(table[c], False) for c in el.penalties]
        if with_enhancements:
            uses += [(table[c], True) for c in el.enhanced]
    if with_enhancements:
        uses += [(table[c], True) for e, _ in list(uses) for c in e.enhanced_by if c not in replaced]
    seen: dict[str, bool] = {}
    for e, enh in uses:  # a provision used both plainly and as an enhancement counts as plain
        seen[e.cite] = seen.get(e.cite, True) and enh
    readings: list[Reading] = []
    unencoded: list[str] = []
    for cite, enh in seen.items():
        entry = table[cite]
        versions = entry.versions_on(on, up_to)
        if not versions:
            unencoded.append(cite)
        for v in versions:
            readings += _readings(entry, v, enh)
    return Resolution(statute=statute, readings=tuple(readings), unknown=tuple(unknown),
                      unencoded=tuple(unencoded),
                      consecutive=any(table[c].consecutive for c in seen if not seen[c]),
                      penalty_cites=tuple(c for c, enh in seen.items() if not enh))


# ------------------------------------------------------------------------------ § 3559(a)
def offense_class_from_max(max_months: Months) -> str | None:
    """18 U.S.C. § 3559(a), by the maximum term authorized (months; 'life')."""
    if max_months == LIFE:
        return "Class A felony"
    if not isinstance(max_months, int):
        return None
    for floor, cls in ((300, "Class B felony"), (120, "Class C felony"), (60, "Class D felony"),
                       (13, "Class E felony"), (7, "Class A misdemeanor"), (2, "Class B misdemeanor"),
                       (1, "Class C misdemeanor")):
        if max_months >= floor:
            return cls
    return "infraction"


def offense_class(statute: str, on: date | None = None) -> str | None:
    """The § 3559(a) class of the offense cited, on offense date `on` (None: any encoded date), or
    None when the citation allows more than one class (841(b)(1)(C): C, or B after a prior), the
    table does not hold it, or only unchecked values are known. Enhancements the citation does not
    show (1326(b) for 1326(a)) are left out; the provision's own readings count."""
    res = resolve(statute, on, with_enhancements=False)
    if not res.resolved or not res.trusted:
        return None
    classes = {offense_class_from_max(r.max) for r in res.readings}
    return classes.pop() if len(classes) == 1 else None


def is_felony(statute: str, on: date | None = None) -> bool | None:
    """True when every reading authorizes more than one year, False when none does, else None."""
    res = resolve(statute, on, with_enhancements=False)
    if not res.resolved or not res.trusted:
        return None
    over = {r.max == LIFE or (isinstance(r.max, int) and r.max > 12) for r in res.readings}
    return over.pop() if len(over) == 1 else None


# ------------------------------------------------------------------------------ the checks


_CRACK_QTY = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(kilograms?|kg|grams?|g)\b(?:\s+or\s+more)?\s+of\s+"
    r"(?:a\s+mixture\s+(?:or\s+substance\s+)?(?:containing\s+(?:a\s+detectable\s+amount\s+of\s+)?)?)?"
    r"(?:crack|cocaine\s+base)", re.I)


CRACK = re.compile(r"\bcrack\b|cocaine\s+base", re.I)


def involves_crack(description: str | None) -> bool:
    """Whether a conviction's description names crack cocaine (cocaine base)."""
    return bool(CRACK.search(description or ""))


def crack_grams(description: str | None) -> float | None:
    """The quantity of cocaine base a conviction's description states ('50 grams or more of
    cocaine base'), in grams; None if it states none."""
    m = _CRACK_QTY.search(description or "")
    if not m:
        return None
    qty = float(m.group(1).replace(",", ""))
    return qty * 1000 if m.group(2).lower().startswith("k") else qty


