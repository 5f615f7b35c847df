"""District courts: a courts-db id or a usual name -> the court and its circuit.

courts-db (Free Law Project) recognises court names; it does not say which circuit a district
sits in, so that mapping is our data (circuits.yaml, from 28 U.S.C. § 41).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import yamlio

HERE = Path(__file__).parent


class UnknownCourt(ValueError):
    pass


@dataclass(frozen=True)
class DistrictCourt:
    id: str
    name: str
    short: str
    circuit: str

    @property
    def circuit_name(self) -> str:
        return circuit_name(self.circuit)


def circuit_name(circuit: str) -> str:
    """'8' -> 'Eighth Circuit'-style short form: '8th Circuit'; 'dc' -> 'D.C. Circuit'."""
    if circuit == "dc":
        return "D.C. Circuit"
    if circuit == "fed":
        return "Federal Circuit"
    n = int(circuit)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} Circuit"


@cache
def _districts() -> dict[str, DistrictCourt]:
    data = yamlio.load((HERE / "circuits.yaml").read_text(encoding="utf-8"))
    rows = data.get("districts", data) if isinstance(data, dict) else data
    out = {}
    if isinstance(rows, dict):
        rows = [dict(id=k, **v) if isinstance(v, dict) else {"id": k, "circuit": v} for k, v in rows.items()]
    for row in rows:
        out[row["id"]] = DistrictCourt(
            id=row["id"], name=row.get("name") or row["id"], short=row.get("short") or row["id"],
            circuit=str(row["circuit"]),
        )
    return out


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


@cache
def _aliases() -> dict[str, str]:
    out = {}
    for d in _districts().values():
        for alias in (d.id, d.name, d.short, d.name.replace("District of", "D."),
                      "United States District Court for the " + d.name):
            out[_norm(alias)] = d.id
    return out


def resolve_court(text: str) -> DistrictCourt:
    """A courts-db id ('mnd'), a short name ('D. Minn.') or a full name ('District of Minnesota')."""
    districts = _districts()
    key = text.strip()
    if key.lower() in districts:
        return districts[key.lower()]
    hit = _aliases().get(_norm(key))
    if hit:
        return districts[hit]
    try:  # courts-db knows many spellings; keep only federal district courts we map to circuits
        from courts_db import find_court

        ids = [i for i in find_court(key) if i in districts]
    except Exception:  # courts-db failing to match is not fatal: we report the court as unknown
        ids = []
    if len(ids) == 1:
        return districts[ids[0]]
    if len(ids) > 1:
        raise UnknownCourt(f"{text!r} matches several district courts: {', '.join(sorted(ids))}")
    raise UnknownCourt(f"{text!r} is not a federal district court known to fedrelief (use a courts-db id such as 'mnd', or a name such as 'D. Minn.')")


@cache
def successive_practice() -> dict[str, dict]:
    """Per circuit: transfer or dismiss an unauthorized successive § 2255 (successive_practice.yaml)."""
    return yamlio.load((HERE / "successive_practice.yaml").read_text(encoding="utf-8")) or {}
