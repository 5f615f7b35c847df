"""Authorities cited in a text: cases, U.S.C., U.S.S.G., Federal Rules, C.F.R.

Our own extractor, in eyecite's spirit but built for speed: ONE compiled regular expression for
case citations, generated from reporters-db (every reporter edition and every variation, Free Law
Project's data kept apart from this algorithm) as a token trie, so matching a reporter costs a few
character tests instead of trying thousands of alternatives; plus small hand-written patterns for
statutes, guidelines, rules and regulations, which eyecite does not parse (U.S.S.G., Fed. R. Crim.
P.) or parses only in part ("21 U.S.C. §§ 841(a)(1), 841(b)(1)(A), and 846": eyecite keeps 841).

Each `Citation` carries a normalised key, used to compare with eyecite and with labels:
case  -> "81 F.3d 945"          (volume, canonical reporter edition, page)
usc   -> "28 U.S.C. § 2255"     (title and section; subsections kept in `pin`)
ussg  -> "U.S.S.G. § 5K2.0"
rule  -> "Fed. R. Crim. P. 35"  (rule number; subdivisions kept in `pin`)
cfr   -> "28 C.F.R. § 571.61"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .scan import finditer_at


@dataclass(frozen=True)
class Citation:
    kind: str          # case | usc | ussg | rule | cfr
    key: str           # normalised, see module docstring
    start: int         # span in the cleaned text
    end: int
    pin: str = ""      # subsections, pin page


# --------------------------------------------------------------------------------------------
# case citations: a trie of reporter tokens from reporters-db

_TOKEN_SPLIT = re.compile(r"[^\s.]+\.?|\.")


def _tokens(abbrev: str) -> tuple[str, ...]:
    return tuple(_TOKEN_SPLIT.findall(abbrev))


@lru_cache(maxsize=1)
def reporter_table() -> dict[str, str]:
    """normalised reporter spelling (no whitespace) -> canonical edition abbreviation."""
    from reporters_db import REPORTERS

    table: dict[str, str] = {}
    for entries in REPORTERS.values():
        for entry in entries:
            for edition in entry.get("editions", {}):
                table.setdefault(_squash(edition), edition)
            for variation, edition in entry.get("variations", {}).items():
                table.setdefault(_squash(variation), edition)
    # forms courts write that reporters-db lacks (seed 000: "580 Fed. App'x. 672")
    for extra, edition in (("Fed.App'x.", "F. App'x"), ("Fed.App'x", "F. App'x"), ("F.App'x.", "F. App'x")):
        table.setdefault(extra, edition)
    return table


def _squash(s: str) -> str:
    return "".join(s.split())


def _trie_regex(keys: list[tuple[str, ...]]) -> str:
    trie: dict = {}
    for toks in keys:
        node = trie
        for t in toks:
            node = node.setdefault(t, {})
        node[""] = {}

    # emit with explicit optional tails: rebuild so that a node which ends a key makes the rest optional
    def emit2(node: dict) -> str | None:
        parts = []
        for tok in sorted((k for k in node if k), key=lambda k: (-len(k), k)):
            sub = emit2(node[tok])
            piece = re.escape(tok)
            if sub is not None:
                tail = r"\s*" + sub
                piece += f"(?:{tail})?" if "" in node[tok] else tail
            parts.append(piece)
        if not parts:
            return None
        return "(?:" + "|".join(parts) + ")"

    return emit2(trie) or "(?!)"


@lru_cache(maxsize=1)
def case_regex() -> re.Pattern[str]:
    keys = sorted({_tokens(k) for k in _reporter_spellings()})
    reporter = _trie_regex([k for k in keys if k])
    return re.compile(
        r"(?<![\w.§/-])(?P<volume>[1-9]\d{0,4})[ \n]+(?P<reporter>" + reporter + r")\.?,?[ \n]+"
        r"(?P<page>\d{1,7}|_{1,10})(?![\w§])"
        r"(?:,[ \n]?(?P<pin>\d{1,6}(?:[-–]\d{1,6})?))?"
    )


@lru_cache(maxsize=1)
def _reporter_spellings() -> frozenset[str]:
    from reporters_db import REPORTERS

    out = set()
    for entries in REPORTERS.values():
        for entry in entries:
            out.update(entry.get("editions", {}))
            out.update(entry.get("variations", {}))
    out.update(("Fed. App'x.", "Fed. App'x", "F. App'x."))
    return frozenset(out)


def canonical_reporter(matched: str) -> str:
    return reporter_table().get(_squash(matched), _squash(matched))


# --------------------------------------------------------------------------------------------
# statutes, guidelines, rules, regulations

_SUB = r"(?:\([A-Za-z0-9]{1,5}\))"
_USC = re.compile(
    r"(?<![\w])(?<!\d\.)(?P<title>\d{1,2})[ \n]*U\.?[ \n]?S\.?[ \n]?C\.?(?:[ \n]?A\.?)?[ \n]*"
    r"(?P<mark>§§?|[Ss]ections?|[Ss]ecs?\.?|S{1,2}(?=[ \n]*\d))?[ \n]*"
    r"(?P<sec>\d{1,5}(?:[a-z]|[A-Z](?![a-z]))?(?:-\d{1,4})?)(?P<sub>" + _SUB + r"{0,8})(?![\w])"
)
# a further section after the first: "§§ 841(a)(1), 841(b)(1)(A), and 846"; "§ 2244(b)(3) and § 2255(h)"
_MORE = re.compile(r"(?P<sep>,?[ \n]*(?:and|or|&)?[ \n]*)(?P<mark>§[ \n]*)?(?P<sec>\d{1,5}(?:[a-z]|[A-Z](?![a-z]))?)(?P<sub>" + _SUB + r"{0,8})(?![\w]|\.\d)")
# an item of a list that is only further subsections of the section before it: the ", (b)(1)(A)" of
# "§§ 841(a)(1), (b)(1)(A) and 846" (no citation of its own; the list goes on after it)
_SUBS_ONLY = re.compile(r",[ \n]*(?:(?:and|or)[ \n]+)?" + _SUB + r"{1,8}(?![\w])")
_USSG = re.compile(
    r"(?:(?:U\.?[ \n]?S\.?[ \n]?S\.?[ \n]?G\.?|USSG)[ \n]*(?:§§?[ \n]*)?|§§?[ \n]*)"
    r"(?P<sec>\d[A-Z]\d{1,2}(?:\.\d{1,2})?)(?P<sub>" + _SUB + r"{0,6})(?![\w])"
)
_USSG_MORE = re.compile(r",?[ \n]*(?:and|or)?[ \n]*(?:§[ \n]*)?(?P<sec>\d[A-Z]\d{1,2}(?:\.\d{1,2})?)(?P<sub>" + _SUB + r"{0,6})(?![\w])")
_RULE_SETS = {"crim": "Fed. R. Crim. P.", "app": "Fed. R. App. P.", "civ": "Fed. R. Civ. P.",
              "criminal": "Fed. R. Crim. P.", "appellate": "Fed. R. App. P.", "civil": "Fed. R. Civ. P."}
_RULE = re.compile(
    r"Fed(?:eral)?\.?[ \n]*R(?:ule)?\.?[ \n]*(?P<set>Crim|App|Civ)\.?[ \n]*P(?:roc)?\.?[ \n]*(?:Rule[ \n]*)?"
    r"(?P<num>\d{1,2}(?:\.\d)?)(?P<sub>" + _SUB + r"{0,4})"
    r"|Rules?[ \n]+(?P<num2>\d{1,2}(?:\.\d)?)(?P<sub2>" + _SUB + r"{0,4}),?[ \n]+(?:of[ \n]+the[ \n]+Federal[ \n]+Rules[ \n]+of[ \n]+"
    r"(?P<set2>Criminal|Appellate|Civil)[ \n]+Procedure|Fed\.[ \n]*R\.[ \n]*(?P<set3>Crim|App|Civ)\.[ \n]*P\.)"
    r"|Federal[ \n]+Rules?[ \n]+of[ \n]+(?P<set5>Criminal|Appellate|Civil)[ \n]+Procedure[ \n]+(?:Rule[ \n]+)?(?P<num5>\d{1,2}(?:\.\d)?)(?P<sub5>" + _SUB + r"{0,4})(?![\w])"
    r"|(?<![\w.])(?:Fed\.[ \n]*)?Rule[ \n]+(?P<num4>11|32|32\.1|33|35|36|43|45)(?P<sub4>" + _SUB + r"{0,4})(?![\w.]|[ \n]+of[ \n]+the[ \n]+Rules)"
)
_CFR = re.compile(
    r"(?<![\w.])(?P<title>\d{1,2})[ \n]*C\.?[ \n]?F\.?[ \n]?R\.?[ \n]*(?:§§?|[Pp]arts?|[Ss]ec(?:tion)?s?\.?)?[ \n]*"
    r"(?P<sec>\d{1,4}\.\d{1,5})(?P<sub>" + _SUB + r"{0,4})(?:[ \n]*[-–][ \n]*(?P<to>\d{1,4}\.\d{1,5}))?"
)


# Where each kind of citation can begin (scan.finditer_at): the expressions above open with a
# look-behind, which the engine would test at every character; these open with a character class
# it skips to at once, and check the next few characters the expression needs, so that it is
# tried only where it may match.
_USC_START = re.compile(r"\d(?<!\w.)(?=\d?[ \n]*U)")            # a title, then 'U'
_USSG_START = re.compile(r"[U§](?:(?<=U)(?=\.?[ \n]?S)|(?<=§)(?=§?[ \n]*\d[A-Z]))")
_RULE_START = re.compile(r"Fed|Rule")   # 'Federal Rule(s) of ...' begins with 'Fed' too
_CFR_START = re.compile(r"\d(?<![\w.].)(?=\d?[ \n]*C)")         # a title, then 'C'


@lru_cache(maxsize=1)
def _case_start() -> re.Pattern[str]:
    """A volume, then blanks and a character a reporter can begin with."""
    first = {k[0][0] for k in (_tokens(r) for r in _reporter_spellings()) if k}
    return re.compile(r"[1-9](?<![\w.§/-].)(?=\d{0,4}[ \n]+[" + "".join(re.escape(c) for c in sorted(first)) + "])")


def find_citations(text: str) -> list[Citation]:
    out: list[Citation] = []
    for m in finditer_at(case_regex(), _case_start(), text):
        reporter = canonical_reporter(m.group("reporter"))
        out.append(Citation("case", f"{m.group('volume')} {reporter} {m.group('page')}", m.start(), m.end("page"),
                            m.group("pin") or ""))
    for m in finditer_at(_USC, _USC_START, text):
        title = str(int(m.group("title")))
        out.append(Citation("usc", f"{title} U.S.C. § {m.group('sec')}", m.start(), m.end(), m.group("sub") or ""))
        plural = (m.group("mark") or "").startswith("§§") or (m.group("mark") or "").lower().startswith(("sections", "secs"))
        pos = m.end()
        while True:
            subs = _SUBS_ONLY.match(text, pos) if plural else None
            if subs:
                pos = subs.end()
            more = _MORE.match(text, pos)
            if not more or not more.group("sep").strip(" \n") and not more.group("mark"):
                break
            if not (plural or more.group("mark") or (re.fullmatch(r"[ \n]*(?:and|or)[ \n]*", more.group("sep")) and len(more.group("sec")) >= 3)):
                break
            out.append(Citation("usc", f"{title} U.S.C. § {more.group('sec')}", more.start("sec"), more.end(), more.group("sub") or ""))
            pos = more.end()
    covered = -1
    for m in finditer_at(_USSG, _USSG_START, text):
        if m.start("sec") < covered:
            continue  # already read as part of a list
        out.append(Citation("ussg", f"U.S.S.G. § {m.group('sec')}", m.start(), m.end(), m.group("sub") or ""))
        pos = m.end()
        while True:
            more = _USSG_MORE.match(text, pos)
            if not more or more.start("sec") == pos:
                break
            out.append(Citation("ussg", f"U.S.S.G. § {more.group('sec')}", more.start("sec"), more.end(), more.group("sub") or ""))
            pos = more.end()
        covered = pos
    for m in finditer_at(_RULE, _RULE_START, text):
        if m.group("num"):
            num, sub, rset = m.group("num"), m.group("sub"), m.group("set")
        elif m.group("num5"):
            num, sub, rset = m.group("num5"), m.group("sub5"), m.group("set5")
        elif m.group("num2"):
            num, sub, rset = m.group("num2"), m.group("sub2"), m.group("set2") or m.group("set3")
        else:
            num, sub, rset = m.group("num4"), m.group("sub4"), "crim"
        out.append(Citation("rule", f"{_RULE_SETS[rset.lower()]} {num}", m.start(), m.end(), sub or ""))
    for m in finditer_at(_CFR, _CFR_START, text):
        out.append(Citation("cfr", f"{int(m.group('title'))} C.F.R. § {m.group('sec')}", m.start(), m.end(), m.group("sub") or ""))
        if m.group("to"):
            out.append(Citation("cfr", f"{int(m.group('title'))} C.F.R. § {m.group('to')}", m.start("to"), m.end(), ""))
    out.sort(key=lambda c: c.start)
    return out
