"""The intake's fast paths (issue 5: speed) find exactly what the plain expressions find.

Each shortcut in the intake stands for a plainer expression: a case-insensitive expression and its
lowercase twin over the folded text, `finditer_at` and `finditer`, a rewritten expression and the
one it replaced, a cue's needles and the cue itself. These tests match both sides on the labelled
documents and on generated text full of the pieces the expressions look for, and compare spans.
"""
import importlib
import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from fedrelief.intake.document import Document, OffsetMap, _capsline
from fedrelief.intake.evaluate import labelled_documents
from fedrelief.intake.read import read_document
from fedrelief.intake.scan import FOLDED_TWINS, Cue, finditer_at, folded, needles

from ..conftest import ROOT

clean_mod = importlib.import_module("fedrelief.intake.clean")
citations = importlib.import_module("fedrelief.intake.citations")
extract = importlib.import_module("fedrelief.intake.extract")
caption = importlib.import_module("fedrelief.intake.caption")
request = importlib.import_module("fedrelief.intake.request")
dates_and_terms = importlib.import_module("fedrelief.intake.dates_and_terms")
events = importlib.import_module("fedrelief.intake.events")
resolve = importlib.import_module("fedrelief.intake.resolve")

PIECES = [
    " ", " ", " ", "\n", "  ", ". ", ", ", "; ", "(", ")", '"', "'", "'s ", "s' ", "-", "/", "_", "*", "#", "]", "&",
    "Defendant", "defendant", "Petitioner", "Movant", "Mr.", "Ms. Lee", "The defendant, John Smith,", "Smith",
    "John", "presented", "before the Court on", "Court with", "the", "a", "Motion for", "motion to vacate",
    "Letter", "Request", "(\"Petitioner\")", "January", "Jan.", "SEPT", "3,", "1st day of", "2019", "12/31/19",
    "2019-01-02", "21 U.S.C. §§ 841(a)(1), 846", "28 U.S.C. § 2255", "18 USC 924(c)", "28 C.F.R. § 571.61",
    "Fed. R. Crim. P. 35(b)", "Rule 36", "U.S.S.G. § 5K2.0", "§ 2D1.1", "81 F.3d 945", "580 Fed. App'x. 672",
    "570 U.S. _", "ORDER", "IT IS ORDERED", "ORDERED that", "CONCLUSION", "Case No.", "No. 1:20-cr-5 (JRT)",
    "CRIMINAL ACTION", "Eastern District of", "district of Kansas", "DISTRICT OF", "Opinion\n", "D.C. Docket",
    "sentenced to", "60 months", "ten years", "life imprisonment", "supervised release", "mandatory minimum",
    "guideline range", "of 57 to 71 months", "offense level of 23", "history category IV", "pled guilty",
    "jury trial", "nolo contendere", "appealed to the Eighth Circuit", "did not appeal", "pro se", "inmate",
    "FCI Butner", "Reg. No.", "incarcerated", "compassionate release", "DENIED", "denied", "granted", "will deny",
    "first motion under", "successive petition", "ICE custody", "no longer in custody", "Section 3582",
    "İ", "ı", "ſ", "K", "Σ", "é", "—", "’",
    # pieces of the issue-5 field rules: names in the narrative, count lists, rules in words, behalf
    "Gregory A. Trala", "filed a motion", "charging", "found guilty of", "plea deal to", "(Count 2)",
    "21 U.S.C. §§ 841(a)(1), (b)(1)(A) and 846", "18 U.S.C. § 1028A", "Federal Rule of Criminal Procedure 11(c)",
    "On Mr. Dalton's behalf", "now moves", "Renewed", "Second Pro Se", "for ruling on", "“quoted”",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@lru_cache(maxsize=1)
def labelled_texts() -> tuple[str, ...]:
    out = []
    for path, _ in labelled_documents(ROOT / "tests" / "intake_docs"):
        text, markup = read_document(path)
        out.append(clean_mod.clean(text, markup).text)
    return tuple(out)


def _doc(text: str) -> Document:
    return Document(original=text, text=text, offsets=OffsetMap())


def _spans(matches) -> list:
    return [(m.span(), m.lastgroup, tuple(m.span(g) for g in range(1, (m.re.groups or 0) + 1))) for m in matches]


def _starts_pairs():
    return [
        (dates_and_terms._DATE, dates_and_terms._DATE_START, False),
        (citations.case_regex(), citations._case_start(), False),
        (citations._USC, citations._USC_START, False),
        (citations._USSG, citations._USSG_START, False),
        (citations._RULE, citations._RULE_START, False),
        (citations._CFR, citations._CFR_START, False),
        (request._TITLE_IN_ORDER, request._TITLE_START, False),
        (caption._CASE_NO, caption._CASE_NO_START, False),
        (caption._DISTRICT, caption._DISTRICT_START, True),
        (caption._NARRATED_PARTY, caption._NARRATED_START, False),
    ] + [(tokens, clean_mod._TOKEN_START, False) for tokens in clean_mod._TOKENS.values()]


def _check_finditer_at(text: str) -> None:
    fold = _doc(text).folded
    for pattern, starts, in_folded in _starts_pairs():
        fast = finditer_at(pattern, starts, text, starts_in=fold if in_folded else None)
        assert _spans(fast) == _spans(pattern.finditer(text)), pattern.pattern[:60]
    assert _spans(finditer_at(events._OFFENSE_INTRO, events._OFFENSE_START, fold, 5)) == _spans(events._OFFENSE_INTRO.finditer(fold, 5))
    if '("' not in text:   # the intake runs _BODY_PARTY through its starts only then
        end = min(len(text), 40 + 3000)
        fast = finditer_at(caption._BODY_PARTY, caption._BODY_PARTY_START, text, 40, end)
        assert _spans(fast) == _spans(caption._BODY_PARTY.finditer(text, 40, end))


def _check_folded(text: str) -> None:
    fold = _doc(text).folded
    assert len(fold) == len(text)
    for twin, original in FOLDED_TWINS.items():
        assert _spans(twin.finditer(fold)) == _spans(original.finditer(text)), original.pattern[:60]


# expressions as they were before they were rewritten for speed, and what replaced them
REWRITTEN = [
    (re.compile(r"[.!?][\"')\]”’]*\s+(?=[\"“(\[]?[A-Z0-9])|\n(?=[A-Z\[(])"), "document", "_BOUNDARY", False),
    (re.compile(r"IT IS (?:HEREBY |THEREFORE |FURTHER |ACCORDINGLY )?ORDERED|IT IS ORDERED|\bORDERED that|^ORDER$|\bCONCLUSION\b", re.M),
     "events", "_ORDERED", False),
    (re.compile(r"(?:§|[Ss]ection)[ \n]*(?P<sec>\d{4}[a-z]?)(?P<sub>(?:\([A-Za-z0-9]{1,4}\))*)"), "resolve", "_BARE_SECTION", False),
    (re.compile(r"\bpro[ \n]+se\b", re.I), "events", "_PRO_SE", True),
    (re.compile(r"(?i:months?|years?|life)\b"), "dates_and_terms", "_TERM_ANCHOR", True),
    (re.compile(r"\b(?:is|am|remains|currently|presently|now|while)[ \n]+incarcerated\b|\bduring[ \n]+(?:his|her|my)[ \n]+incarceration|\bdischarge[ \n]+date|\b(?:presently|currently|now)[ \n]+(?:housed|confined|imprisoned|serving)|\b(?:FCI|FMC|USP|FPC|FCC|MDC|FDC|FMC)[ \n]+[A-Z]|\bReg(?:ister|istration)?\.?[ \n]*(?:No\.|Number|#)|\bscheduled[ \n]+release[ \n]+date|\bserve[ \n]+the[ \n]+remainder[ \n]+of[ \n]+(?:his|her|my)[ \n]+sentence|\bfederal[ \n]+(?:inmate|prisoner)|\binmate\b|\bin[ \n]+BOP[ \n]+custody|compassionate[ \n]+release", re.I),
     "events", "_CUSTODY", True),
]
_ANY_REQUEST_WORD = re.compile(r"(?i:ask|seek|move|moving|request|petition|pray|want|wish|urge|contend|argu|claim|assert|allege|note|noting|state|cite|invoke|reli|acknowledg|says|maintain|believ|represent|sought|filed|presented|submitted|motion|letter|outline|report|explain|express|offer|behalf|\bI\b|\bmy\b|grounds|basis)")


def _check_rewritten(text: str) -> None:
    fold = _doc(text).folded
    modules = {"document": importlib.import_module("fedrelief.intake.document"), "events": events, "resolve": resolve,
               "dates_and_terms": dates_and_terms}
    for original, module, name, in_folded in REWRITTEN:
        new = getattr(modules[module], name)
        if name == "_CUSTODY":
            new = dict(new)["imprisoned"]
        assert _spans(new.finditer(fold if in_folded else text)) == _spans(original.finditer(text)), name
    assert request._has_request_word(fold) == bool(_ANY_REQUEST_WORD.search(text))
    if request._MOVANT_ASKS.search(text):
        assert request._MOVANT_WORDS.search(text)


def _check_needles(text: str) -> None:
    low = text.lower()
    cues = [c for section, table in extract.cues().items() if section != "rivals"
            for pats in (table.values() if isinstance(table, dict) else [table]) for c in pats]
    for cue in cues:
        if cue.regex.search(low):
            assert cue.possible(low) and cue.search(low), cue.pattern
    for cue in (request._MOVANTS_PAPER, request._NOT_MOVANT, events._GOVERNMENT_SAYS):
        assert bool(cue.search(text)) == bool(cue.regex.search(text)), cue.pattern[:60]


def test_fast_paths_on_the_labelled_documents():
    for text in labelled_texts():
        _check_finditer_at(text)
        _check_folded(text)
        _check_rewritten(text)
        _check_needles(text)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_fast_paths_on_generated_text(text):
    _check_finditer_at(text)
    _check_folded(text)
    _check_rewritten(text)
    _check_needles(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_fast_paths_on_any_text(text):
    _check_finditer_at(text)
    _check_folded(text)


def test_needles_of_patterns():
    assert needles(r"\balleyne\b") == ("alleyne",)
    assert needles(r"(?:mandatory[- ]minimum|statutory minimum) sentence") == ("mandatory", "statutory minimum")
    assert needles(r"a|b") is None                      # no literal every match must hold
    assert needles(re.compile("abc", re.I)) is None     # case-insensitive: matched lowercased instead
    cue = Cue(r"compassionate[- ]release")
    assert cue.search("no such words") is None and cue.search("a compassionate release").start() == 2


def test_folded_text_and_twins():
    doc = _doc("İı ſ K Σ É")
    assert doc.folded == "ii s k σ é" and len(doc.folded) == len(doc.text)
    twin = folded(re.compile(r"(?P<Name>[A-Z]+)\S\W", re.I))
    assert twin.pattern == r"(?P<Name>[a-z]+)\S\W" and not twin.flags & re.I
    try:
        folded(re.compile(r"abc"))
    except ValueError:
        pass
    else:
        raise AssertionError("a case-sensitive pattern has no folded twin")


@given(st.text(max_size=80))
def test_capsline_and_translate(line):
    letters = [c for c in line if c.isalpha()]
    assert _capsline(line) == (bool(letters) and not any(c.islower() for c in letters))
    assert clean_mod._translate(line) == line.translate(clean_mod._ONE_TO_ONE)


def test_courts_named_in_our_table_need_no_courts_db(monkeypatch):
    import courts_db

    def refuse(*_a, **_k):
        raise AssertionError("courts-db asked")

    monkeypatch.setattr(courts_db, "find_court", refuse)
    resolve.resolve_court_text.cache_clear()
    try:
        assert resolve.resolve_court_text("E.D. Arkansas").id == "ared"
        assert resolve.resolve_court_text("N.D. Indiana").id == "innd"
        assert resolve.resolve_court_text("DISTRICT OF NEW MEXICO").id == "nmd"
    finally:
        resolve.resolve_court_text.cache_clear()
