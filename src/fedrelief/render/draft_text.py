"""Small, law-free text helpers for the drafts (issue 6): dates, names, citations, Markdown escaping.

Nothing here decides or states a point of law. Legal sentences come from `Reason.text` and
citations from `Reason.authorities` (`Cited.citation`, already in the knowledge base's Bluebook
form with any pinpoint); this module only dresses them for a page: ISO dates become "June 20,
2003", case names are italicised, and text is escaped so Markdown cannot reinterpret it.
"""
from __future__ import annotations

import re
from datetime import date

from ..engine.result import Cited

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A case citation is 'Name, <volume> <reporter> ...' or 'Name, No. 14-2090 (...)'; the name is
# everything before the comma that precedes the volume or docket number.
CASE_NAME = re.compile(r"^(?P<name>.+?), (?=\d+ [A-Z]|No\. |Crim\. No\. |Civ\. No\. |Nos\. )")
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
            "Tenth", "Eleventh")
BLANK = "[__________]"


def long_date(d: date | None, blank: str = BLANK) -> str:
    """2006-03-24 -> 'March 24, 2006'; None -> a bracketed blank for the judge to fill."""
    if d is None:
        return blank
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def prose(text: str) -> str:
    """A reason's text as it reads on a court's page: ISO dates written out, arrows as words.

    The reason's words are otherwise untouched (tests compare against `prose(reason.text)`)."""
    def one(m: re.Match) -> str:
        try:
            return long_date(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return ISO_DATE.sub(one, text).replace(" -> ", " → ")


def court_of_appeals(circuit: str) -> str:
    """'10' -> 'United States Court of Appeals for the Tenth Circuit'."""
    if circuit == "dc":
        return "United States Court of Appeals for the District of Columbia Circuit"
    if circuit == "fed":
        return "United States Court of Appeals for the Federal Circuit"
    return f"United States Court of Appeals for the {ORDINALS[int(circuit) - 1]} Circuit"


def months(value) -> str:
    if value is None:
        return BLANK
    if value == "life":
        return "life"
    return f"{value} month" + ("" if value == 1 else "s")


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


# ----- Markdown -------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LEADING_LIST = re.compile(r"^(\s*)(\d+)([.)])(\s)")
_LEADING_BULLET = re.compile(r"^(\s*)([-+])(\s)")


def md(text: object) -> str:
    """Escape `text` so Markdown renders it literally (one line; newlines become spaces)."""
    s = " ".join(str(text).split())
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _LEADING_LIST.sub(r"\1\2\\\3\4", s)
    return _LEADING_BULLET.sub(r"\1\\\2\3", s)


def md_blank(label: str = "") -> str:
    """A bracketed blank for the judge, escaped for Markdown: '[__________]' or '[JUDGE'S NAME]'."""
    return md(f"[{label}]" if label else BLANK)


def md_citation(cited: Cited, case_ids: frozenset[str] | set[str]) -> str:
    """One citation in Markdown, the case name in italics (court documents italicise it)."""
    text = cited.citation
    if cited.id in case_ids:
        m = CASE_NAME.match(text)
        if m:
            return f"*{md(m['name'])}*, {md(text[m.end():])}"
    return md(text)


def md_citation_sentence(authorities: tuple[Cited, ...], case_ids, signal: str = "See") -> str:
    """'*See* A; B.' — the authorities a reason gave, in the order the analysis gave them.

    The signal is 'See' because reason texts paraphrase the authorities rather than quote them."""
    if not authorities:
        return ""
    body = "; ".join(md_citation(c, case_ids) for c in authorities)
    return f"*{signal}* {body}" + ("" if body.endswith(".") else ".")


PROPER_FIRST_WORDS = {"Fed", "Rule", "United", "Section", "U", "First", "President", "Executive Order"}


def title_in_sentence(title: str) -> str:
    """An avenue's title as a phrase inside a sentence: 'X: y' -> 'y under X', first word lowered
    unless it is a name ('Fed. R. Crim. P. 35(a): correction of clear error' -> 'correction of
    clear error under Fed. R. Crim. P. 35(a)'; 'Executive clemency' -> 'executive clemency')."""
    head, sep, tail = title.partition(": ")
    phrase = f"{tail} under {head}" if sep else title
    first = re.match(r"[A-Za-z]+", phrase)
    if first and first[0] not in PROPER_FIRST_WORDS and not first[0].isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def sentence(text: str) -> str:
    """Ensure a closing full stop."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", ".)", ".”")) else text + "."
