"""The knowledge base: authorities as data (authorities/*.yaml), checked when loaded.

An authority the code relies on is named by id; `KnowledgeBase.get` refuses an unknown id, so
fedrelief cannot print a citation that is not here. Versions of a changing rule share a
`family` and hold half-open periods [from, until); `in_force(family, on)` returns exactly one
version or fails loudly (no rule in force / two rules in force), never a silent default.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from .. import yamlio

HERE = Path(__file__).parent
KINDS = {"constitution", "statute", "rule", "guideline", "policy_statement", "regulation", "case", "executive"}
BINDS = {"nationwide", "circuit", "none"}
CHECKED = {"verified", "secondary"}


class KnowledgeBaseError(Exception):
    """A data file breaks the knowledge base's rules (a developer's error, not a user's)."""


class NoRuleInForce(KnowledgeBaseError):
    pass


@dataclass(frozen=True)
class Source:
    url: str
    checked: str


@dataclass(frozen=True)
class Authority:
    id: str
    kind: str
    citation: str
    court: str
    binds: str
    in_force_from: date | None
    in_force_until: date | None
    holding: str
    sources: tuple[Source, ...]
    family: str | None = None
    title: str | None = None
    pinpoints: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    notes: str | None = None
    file: str = ""

    def in_force_on(self, on: date) -> bool:
        if self.in_force_from and on < self.in_force_from:
            return False
        return not (self.in_force_until and on >= self.in_force_until)

    @property
    def circuit(self) -> str | None:
        """'1'..'11', 'dc', 'fed' for a court of appeals; None otherwise."""
        if self.court.startswith("ca") and self.court[2:].isdigit():
            return self.court[2:]
        return {"cadc": "dc", "cafc": "fed"}.get(self.court)

    def weight_in(self, circuit: str) -> str:
        """How this authority counts in a district of `circuit`: binding or persuasive."""
        if self.binds == "nationwide":
            return "binding"
        if self.binds == "circuit" and self.circuit == circuit:
            return "binding"
        return "persuasive"

    def cite(self, proposition: str | None = None) -> str:
        pin = self.pinpoints.get(proposition) if proposition else None
        if not pin:
            return self.citation
        # 'Name, 81 F.3d 945 (10th Cir. 1996)' -> 'Name, 81 F.3d 945, 949 (10th Cir. 1996)'
        head, sep, tail = self.citation.rpartition(" (")
        return f"{head}, {pin}{sep}{tail}" if sep else f"{self.citation}, at {pin}"


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeBaseError(f"{where}: not a date: {value!r}") from None


def _authority(raw: dict[str, Any], file: str) -> Authority:
    where = f"{file}: {raw.get('id', '(no id)')}"
    for key in ("id", "kind", "citation", "holding"):
        if not raw.get(key):
            raise KnowledgeBaseError(f"{where}: missing {key}")
    if raw["kind"] not in KINDS:
        raise KnowledgeBaseError(f"{where}: unknown kind {raw['kind']!r}")
    sources = raw.get("sources") or []
    if not sources:
        raise KnowledgeBaseError(f"{where}: no source (every authority must say where it was checked)")
    srcs = []
    for s in sources:
        if isinstance(s, str):
            s = {"url": s, "checked": "verified"}
        if not s.get("url"):
            raise KnowledgeBaseError(f"{where}: a source without url")
        checked = s.get("checked", "verified")
        if checked not in CHECKED:
            raise KnowledgeBaseError(f"{where}: source checked must be one of {sorted(CHECKED)}")
        srcs.append(Source(str(s["url"]), checked))
    binds = raw.get("binds") or ("circuit" if raw["kind"] == "case" else "nationwide")
    if binds not in BINDS:
        raise KnowledgeBaseError(f"{where}: binds must be one of {sorted(BINDS)}")
    period = raw.get("in_force") or {}
    start = _date(period.get("from", raw.get("decided_on")), where)
    until = _date(period.get("until"), where)
    if start and until and until <= start:
        raise KnowledgeBaseError(f"{where}: in_force until {until} is not after from {start}")
    pins = {str(k): str(v) for k, v in (raw.get("pinpoints") or {}).items()}
    return Authority(
        id=str(raw["id"]), kind=raw["kind"], citation=str(raw["citation"]).strip(),
        court=str(raw.get("court") or "congress"), binds=binds, in_force_from=start,
        in_force_until=until, holding=" ".join(str(raw["holding"]).split()),
        sources=tuple(srcs), family=raw.get("family"), title=raw.get("title"),
        pinpoints=pins, notes=raw.get("notes"), file=file,
    )


class KnowledgeBase:
    def __init__(self, authorities: Iterable[Authority], propositions: dict[str, list[str]]):
        self._by_id: dict[str, Authority] = {}
        for a in authorities:
            if a.id in self._by_id:
                raise KnowledgeBaseError(f"{a.file}: duplicate id {a.id} (also in {self._by_id[a.id].file})")
            self._by_id[a.id] = a
        self.families: dict[str, list[Authority]] = {}
        for a in self._by_id.values():
            if a.family:
                self.families.setdefault(a.family, []).append(a)
        for fam in self.families.values():
            fam.sort(key=lambda x: x.in_force_from or date.min)
        self.propositions = propositions
        for prop, ids in propositions.items():
            for i in ids:
                if i not in self._by_id:
                    raise KnowledgeBaseError(f"propositions.yaml: {prop} names unknown authority {i}")

    def __contains__(self, ident: str) -> bool:
        return ident in self._by_id

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, ident: str) -> Authority:
        try:
            return self._by_id[ident]
        except KeyError:
            raise KnowledgeBaseError(f"no authority {ident!r} in the knowledge base") from None

    def in_force(self, family: str, on: date) -> Authority:
        """The one version of `family` in force on `on` (a family of one entry may be an id)."""
        versions = self.families.get(family) or ([self.get(family)] if family in self._by_id else [])
        if not versions:
            raise KnowledgeBaseError(f"no family or authority {family!r}")
        live = [v for v in versions if v.in_force_on(on)]
        if len(live) > 1:
            raise KnowledgeBaseError(f"{family}: two versions in force on {on}: {[v.id for v in live]}")
        if not live:
            raise NoRuleInForce(f"{family}: no version in force on {on}")
        return live[0]

    def supporting(self, proposition: str, circuit: str, on: date) -> list[tuple[Authority, str]]:
        """Authorities for `proposition` usable in `circuit` on `on`, binding ones first.

        Persuasive (out-of-circuit, unpublished, district) authorities are returned only after the
        binding ones and are labelled so; an authority decided after `on` is never returned.
        """
        out = []
        for ident in self.propositions.get(proposition, []):
            a = self._by_id[ident]
            if a.in_force_on(on):
                out.append((a, a.weight_in(circuit)))
        out.sort(key=lambda p: p[1] != "binding")
        return out


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yamlio.load(fh)


@cache
def load_kb(root: str | None = None) -> KnowledgeBase:
    base = Path(root) if root else HERE
    authorities = []
    for path in sorted((base / "authorities").glob("*.yaml")):
        data = _read_yaml(path) or []
        if not isinstance(data, list):
            raise KnowledgeBaseError(f"{path.name}: expected a list of authorities")
        authorities.extend(_authority(raw, path.name) for raw in data)
    props: dict[str, list[str]] = {}
    for path in sorted(base.glob("propositions*.yaml")):  # propositions.yaml, propositions_<topic>.yaml
        for key, ids in (_read_yaml(path) or {}).items():
            if key in props:
                raise KnowledgeBaseError(f"{path.name}: proposition {key} is defined twice")
            props[key] = list(ids or [])
    return KnowledgeBase(authorities, props)
