"""Extractors for dates and for the sentence in numbers: every date in the text (its role is the
resolve stage's job), terms of imprisonment, supervised release and probation, a mandatory
minimum, the guideline range, the offense level and the criminal history category. Part of
stage 2 (extract).

Kept apart from caption.py and request.py because these parse dates and numbers (months, years,
numbers in words) rather than read names and requests; the case-insensitive expressions are
matched against `Document.folded` (scan.folded).
"""
from __future__ import annotations

import re
from datetime import date

from .document import Document
from .extract import Finding
from .scan import finditer_at, folded


# --------------------------------------------------------------------------------------------
# dates

_MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for m in names}
_MON = ("January|February|March|April|May|June|July|August|September|October|November|December|"
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_MON = _MON + "|" + _MON.upper()
_DATE = re.compile(
    r"\b(?P<mon>" + _MON + r")\.?[ \n]+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?[ \n]+(?P<year>(?:19|20)\d{2})\b"
    r"|(?<![\w/-])(?P<m2>\d{1,2})[-/](?P<d2>\d{1,2})[-/](?P<y2>(?:19|20)?\d{2})(?![\w/-])"
    r"|\b(?P<y3>(?:19|20)\d{2})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    r"|\b(?P<d4>\d{1,2})(?:st|nd|rd|th)[ \n]+day[ \n]+of[ \n]+(?P<mon4>" + _MON + r"),?[ \n]+(?P<y4>(?:19|20)\d{2})\b")


# where a date can begin: a month's capital or a digit, at the start of a word
_DATE_START = re.compile(
    r"[JFMASOND0-9](?<!\w.)(?:(?<=[JFMASOND])(?=an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|AN|EB|AR|PR|AY|UN|UL|UG|EP|CT|OV|EC)"
    r"|(?<=\d)(?=\d?[-/]|\d{3}-|\d?(?:st|nd|rd|th)))")


def extract_dates(doc: Document) -> list[tuple[date, int, int]]:
    out = []
    for m in finditer_at(_DATE, _DATE_START, doc.text):
        try:
            if m.group("mon"):
                d = date(int(m.group("year")), _MONTHS[m.group("mon").lower()], int(m.group("day")))
            elif m.group("m2"):
                y = int(m.group("y2"))
                y = y + (2000 if y < 50 else 1900) if y < 100 else y
                d = date(y, int(m.group("m2")), int(m.group("d2")))
            elif m.group("y3"):
                d = date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
            else:
                d = date(int(m.group("y4")), _MONTHS[m.group("mon4").lower()], int(m.group("d4")))
        except ValueError:
            continue
        out.append((d, m.start(), m.end()))
    return out


# --------------------------------------------------------------------------------------------
# terms, minimum, guideline range

_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUM_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60})
_N = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_KIND = r"(?P<kind>imprisonment|incarceration|in[ ]prison|prison|in[ ]custody|supervised[ ]release|probation)"
# the expressions below are case-insensitive, matched against `Document.folded` (scan.folded)
_TERM = folded(re.compile(
    r"\b" + _N + r"(?:[- ]|[ \n]+)(?P<unit>months?|years?)(?:'|'s)?(?:[ \n]+(?:of|in))?[ \n]+(?:the[ \n]+)?(?:custody[ \n]+of[ \n]+the[ \n]+Bureau[ \n]+of[ \n]+Prisons|" + _KIND + r")"
    r"|\bterm[ \n]+of[ \n]+(?P<kind2>imprisonment|supervised[ ]release|probation|incarceration)[ \n]+of[ \n]+" + _N.replace("?P<n>", "?P<n2>") + r"[ \n]+(?P<unit2>months?|years?)"
    r"|\b" + _N.replace("?P<n>", "?P<n3>") + r"-(?P<unit3>month|year)[ \n]+(?:term[ \n]+of[ \n]+)?(?P<kind3>imprisonment|supervised[ ]release|probation|prison[ ]term|sentence|term)"
    r"|\bsentenced[ \n]+(?:him[ \n]+|her[ \n]+|me[ \n]+|(?:the[ \n]+)?[Dd]efendant[ \n]+|[Pp]etitioner[ \n]+)?(?:on[ \n]+[A-Za-z]+\.?[ \n]+\d{1,2},?[ \n]+\d{4}[ \n]+)?to[ \n]+(?:a[ \n]+term[ \n]+of[ \n]+)?" + _N.replace("?P<n>", "?P<n4>") + r"[ \n]+(?P<unit4>months?|years?)(?![ \n]+(?:of[ \n]+)?(?:probation|supervised))"
    r"|\b(?P<life>life[ ](?:imprisonment|sentence)|sentenced(?:[ \n]+(?:him|her))?(?:,[^,.;]{1,30},)?[ \n]+to[ \n]+life)\b", re.I))
_SENTENCING_CONTEXT = folded(re.compile(r"sentenc|imposed|judgment|received|serving|term of|followed by", re.I))
_MINIMUM = folded(re.compile(
    r"mandatory[- \n]+minimum(?:[ \n]+(?:sentence|term|penalty))?(?:[ \n]+of[ \n]+imprisonment)?(?:[ \n]+of)?[ \n]+" + _N + r"[- \n]+(?P<unit>months?|years?)"
    r"|\b" + _N.replace("?P<n>", "?P<n2>") + r"[- ](?P<unit2>month|year)s?[- \n]+(?:statutory[ \n]+)?mandatory[- \n]+minimum"
    r"|\b" + _N.replace("?P<n>", "?P<n3>") + r"[ \n]+(?P<unit3>months?|years?)[^.;]{0,40}?(?:which[ \n]+is|was)[ \n]+the[ \n]+(?:statutory[ \n]+)?mandatory[ \n]+minimum"
    r"|statutory[ \n]+(?:mandatory[ \n]+)?minimum(?:[ \n]+sentence)?[ \n]+of[ \n]+" + _N.replace("?P<n>", "?P<n4>") + r"[ \n]+(?P<unit4>months?|years?)", re.I))
_RANGE = folded(re.compile(r"\b(?:guidelines?|sentencing|advisory|imprisonment)[ \n]+(?:imprisonment[ \n]+)?range[^.;]{0,80}?\b(?P<lo>\d{1,3})(?:[ \n]+months)?[ \n]*(?:-|to)[ \n]*(?P<hi>\d{1,3})[ \n]+months", re.I))
_LEVEL = folded(re.compile(r"total[ \n]+(?:adjusted[ \n]+)?offense[ \n]+level[ \n]+(?:was|of|is)[ \n]+(?P<n>\d{1,2})\b", re.I))
_CHC = folded(re.compile(r"criminal[ \n]+history[ \n]+category[ \n]+(?:was[ \n]+|of[ \n]+|is[ \n]+)?(?P<c>VI|IV|V|I{1,3})\b", re.I))


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUM_WORDS[s.lower()]


def _months(n: str, unit: str) -> int:
    return _num(n) * (12 if unit.lower().startswith("year") else 1)


_TERM_ANCHOR = re.compile(r"(?:months?|years?|life)\b")   # '(?i:months?|years?|life)\b', folded


def _anchored(pattern: re.Pattern[str], text: str, before: int = 140, after: int = 90):
    """Matches of `pattern` near an anchor word only: the full expression is costly to try at
    every position of a long text, the anchor ('months', 'years', 'life') is cheap to find.
    `text` is a folded text (`Document.folded`)."""
    seen = -1
    for a in _TERM_ANCHOR.finditer(text):
        lo = max(a.start() - before, seen)
        hi = min(len(text), a.end() + after)
        for m in pattern.finditer(text, lo, hi):
            if m.start() >= seen and m.start() <= a.start():
                seen = m.end()
                yield m


def extract_terms(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    fold = doc.folded
    for m in _anchored(_TERM, fold):
        s, e = doc.sentence_span(m.start())
        if not _SENTENCING_CONTEXT.search(fold, s, e):
            continue
        before = text[max(s, m.start() - 50):m.start()].lower()
        if re.search(r"(?:reduc\w*|from)[^.]{0,40}$", before) and "sentenced" not in before:
            continue
        if re.search(r"mandatory|minimum|maximum|up to|not less than|at least", text[max(s, m.start() - 30):m.start()], re.I):
            continue
        if m.group("life"):
            out.append(Finding("sentence.imprisonment_months", "life", m.start(), m.end()))
            continue
        n, unit, kind = next((m.group(a), m.group(b), m.group(c) if c else "imprisonment")
                             for a, b, c in (("n", "unit", "kind"), ("n2", "unit2", "kind2"), ("n3", "unit3", "kind3"), ("n4", "unit4", None))
                             if m.group(a))
        kind = (kind or "imprisonment").lower()
        path = ("sentence.supervised_release_months" if "supervised" in kind else
                "sentence.probation_months" if "probation" in kind else "sentence.imprisonment_months")
        out.append(Finding(path, _months(n, unit), m.start(), m.end()))
    low = doc.lower
    for m in (_anchored(_MINIMUM, fold) if "minimum" in low else ()):
        n, unit = next((m.group(a), m.group(b)) for a, b in (("n", "unit"), ("n2", "unit2"), ("n3", "unit3"), ("n4", "unit4")) if m.group(a))
        out.append(Finding("sentence.mandatory_minimum_months", _months(n, unit), m.start(), m.end()))
    for m in (_RANGE.finditer(fold) if "range" in low else ()):
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        if lo <= hi:
            out.append(Finding("sentence.guidelines.range_months", [lo, hi], m.start("lo"), m.end()))
    for m in (_LEVEL.finditer(fold) if "offense level" in low else ()):
        if 1 <= int(m.group("n")) <= 43:
            out.append(Finding("sentence.guidelines.offense_level", int(m.group("n")), m.start(), m.end()))
    for m in (_CHC.finditer(fold) if "history category" in low else ()):
        out.append(Finding("sentence.guidelines.criminal_history_category", m.group("c").upper(), m.start(), m.end()))
    return out

