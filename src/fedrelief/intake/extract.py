"""Stage 2, extract: a cleaned `Document` -> raw findings, each with its span in the cleaned text.

Extractors read the caption (court, case number, defendant), the kind of document and the title
of the request, what the request seeks and on what grounds, the authorities cited, dates (their
roles are the resolve stage's job), terms of imprisonment and supervision, a mandatory minimum,
the guideline range, appeal, earlier § 2255 motions, custody, and for an order its disposition
and the avenues it discusses. Cue phrases live in cues.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .citations import Citation, find_citations
from .document import Document
from .scan import Cue, finditer_at, folded


@dataclass(frozen=True)
class Finding:
    path: str          # dotted case-file path, or an intake-only path ('document.kind', 'dates.plea')
    value: Any
    start: int         # span of the evidence in the cleaned text
    end: int


@dataclass
class Extraction:
    doc: Document
    header_end: int
    kind: str                                   # order | motion | letter
    findings: list[Finding] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)          # in full_doc's text
    local_citations: list[Citation] = field(default_factory=list)    # in doc's text (the window)
    full_doc: Document | None = None
    dates: list[tuple[date, int, int]] = field(default_factory=list)
    request_spans: list[tuple[int, int]] = field(default_factory=list)   # sentences in the movant's words

    def first(self, path: str) -> Finding | None:
        return next((f for f in self.findings if f.path == path), None)


@lru_cache(maxsize=1)
def _raw_cues() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((Path(__file__).parent / "cues.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    # Cues are matched against lowercased text (same length, same offsets), compiled without
    # IGNORECASE: a literal-led pattern is then found by a fast scan instead of a slow one. Each is
    # compiled once, with its needles (scan.py): a cue whose words are not in a text is not run.
    # A section is a table (key -> cues) or a plain list of cues; `rivals` names keys, not cues.
    out: dict[str, Any] = {}
    for section, table in _raw_cues().items():
        if section == "rivals":
            out[section] = table
        elif isinstance(table, list):
            out[section] = [Cue(p.lower()) for p in table]
        else:
            out[section] = {key: [Cue(p.lower()) for p in pats] for key, pats in table.items()}
    return out


def any_cue(cue_list: list[Cue], low: str) -> re.Match[str] | None:
    """The first of `cue_list` that matches the lowercased `low`, or None."""
    for c in cue_list:
        m = c.search(low)
        if m:
            return m
    return None


# --------------------------------------------------------------------------------------------
# the caption

_PROSE_LINE = re.compile(r"[^\n]*\n?")
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z']+\b")


def find_header_end(text: str) -> int:
    """End of the caption: the first line that reads as prose (eight words or more, four of them
    lowercase), capped at 2,500 characters."""
    pos = 0
    limit = min(len(text), 2500)
    while pos < limit:
        nl = text.find("\n", pos)
        line_end = nl if nl >= 0 else len(text)
        line = text[pos:line_end]
        if len(line.split()) >= 8 and len(_LOWER_WORD.findall(line)) >= 4:
            return pos
        pos = line_end + 1
    return min(limit, len(text))


_DISTRICT = re.compile(
    r"(?P<name>(?:(?i:eastern|western|northern|southern|middle|central)[ \n]+)?(?i:district)[ \n]+(?i:of)[ \n]+"
    r"(?:(?i:the)[ \n]+)?[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2}?)(?=[ \n]*(?:\n|,|$|\.|\(|[ ]AT[ ]|[ ]at[ ]|[ ]-|[ ](?:Eastern|Western|Northern|Southern|Central)?[ ]?Division|[ ]Fort|[ ][a-z]|[ ](?:UNITED|United)[ ](?:STATES|States)\b))")
# (the last alternative: a caption flattened onto one line, where the parties follow the court)
_DISTRICT_ABBR = re.compile(
    r"(?:District Court|DISTRICT COURT)[ \n]*,[ \n]*(?P<abbr>[NSEWMC]\.[ ]?D\.|D\.)[ \n]*(?P<state>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)")
_DISTRICT_PAREN = re.compile(
    r"\((?P<abbr>(?:[NSEWMC]\.[ ]?)?D\.[ ]?[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)[ ]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2},[ ]\d{4}\)")
# where a district's name can begin: its direction or 'district', in any case (read in the folded text)
_DISTRICT_START = re.compile(r"eastern|western|northern|southern|middle|central|district")
_DISTRICT_COURT_CUE = re.compile(r"DISTRICT COURT|District Court|APPEAL FROM|Appeal from", re.I)


def extract_court(doc: Document, header_end: int) -> Finding | None:
    text = doc.text
    window = text[:max(header_end, 600)]
    for m in finditer_at(_DISTRICT, _DISTRICT_START, window, starts_in=doc.folded[:len(window)]):
        # only a district named in a court line: 'United States District Court ... for the District of X'
        before = window[max(0, m.start() - 160):m.start()]
        line_start = window.rfind("\n", 0, m.start()) + 1
        caps = window[line_start:m.start()].strip()
        if _DISTRICT_COURT_CUE.search(before) or caps in ("", "FOR THE", "For the", "for the", "FOR", "DISTRICT COURT"):
            if "Attorney" in before[-60:]:
                continue
            return Finding("court", " ".join(m.group("name").split()), m.start("name"), m.end("name"))
    m = _DISTRICT_ABBR.search(window)
    if m:
        return Finding("court", f"{m.group('abbr')} {m.group('state')}", m.start("abbr"), m.end("state"))
    m = _DISTRICT_PAREN.search(text[:max(header_end, 400)])
    if m:
        return Finding("court", m.group("abbr"), m.start("abbr"), m.end("abbr"))
    m = re.search(r"Appeal from the United States District Court[ \n]+for the[ \n]+" + _DISTRICT.pattern, text[:4000], re.I)
    if m:
        return Finding("court", " ".join(m.group("name").split()), m.start("name"), m.end("name"))
    return None


_DOCKET = r"(?P<num>[A-Z]{0,3}-?\d[\w:]*(?:-[\w:]+)*(?:\([0-9]{1,3}\)(?:-[A-Z]{1,4}\b)*)?(?:[ ]?\((?:[A-Z]{2,5})(?:/[A-Z]{2,5})*\)|[ ](?:[A-Z]{2,3})(?=[ ]*(?:\n|$|\.|\))))?)"
_CASE_NO = re.compile(
    r"(?<!ECF )(?<!Doc\. )(?<!Docket )(?<!Dkt\. )(?<!L\. )(?<!Appeal )"
    r"(?:\b(?:Case|CASE|Cause|CAUSE|Criminal|CRIMINAL|Crim\.|Cr\.|Civil|CIVIL)[ \n]+(?:Action|ACTION|Case|CASE)?[ \n]*(?:No|NO|Number)?s?\.?:?|"
    r"\b(?:No|NO)s?\.?:?|D\.[ ]?C\.[ ]Docket[ ]No\.|^Opinion\n(?:Case[ ]No\.[ ]*)?)[ ]*" + _DOCKET, re.M)


# where _CASE_NO can begin (it opens with look-behinds, tested at every character otherwise)
_CASE_NO_START = re.compile(r"[CNDO](?:(?<=C)(?=ase|ASE|ause|AUSE|riminal|RIMINAL|rim\.|r\.|ivil|IVIL)|(?<=N)(?=[oO])"
                            r"|(?<=D)(?=\.[ ]?C\.[ ]Docket)|(?<=O)(?=pinion\n))")


def extract_case_number(doc: Document, header_end: int) -> Finding | None:
    window = doc.text[:max(header_end, 300)]
    found = []
    for m in finditer_at(_CASE_NO, _CASE_NO_START, window):
        num = m.group("num").rstrip(".:,")
        if re.fullmatch(r"\d{2}-\d{2}-\d{4}", num) or not re.search(r"\d", num) or len(num) < 3:
            continue
        found.append(Finding("case_number", num, m.start("num"), m.start("num") + len(num)))
    if not found:
        return None
    criminal = [f for f in found if re.search(r"cr|CR|Cr", f.value)]
    return (criminal or found)[0]


_PARTY_LABEL = re.compile(r"^[ )]*(Defendants?|Petitioner|Movant)(?:[- ]Appellant|[- ]Appellee)?\b[.,]?", re.M)
_NAME_LINE = re.compile(r"^[ )]*(?P<name>[A-Z][A-Z.'\- ]+[A-Z.](?:,[ ]*(?:JR|SR|II|III|IV)\.?)?)[ ,)]*$")
_INLINE_PARTY = re.compile(
    r"\bv\.?[ \n]+(?P<name>[A-Z][A-Z.'\- ]{2,60}?[A-Z.](?:,[ ]*(?:JR|SR|II|III|IV)\.?)?),?[ \n]+(?:Defendants?|Petitioner|Movant)\b"
    r"|^(?P<name2>[A-Z][A-Z.'\- ]{2,60}?[A-Z.](?:,[ ]*(?:JR|SR|II|III|IV)\.?)?),[ \n]+(?:Petitioner|Movant)\b"
    # a letter's reference line: 'Re: United States v. Maria Elena Castillo, No. CR-09-01122'
    r"|^[ ]*(?:Re|RE|In[ ]re|IN[ ]RE)[ ]*:?[ ]+(?:United[ ]States|UNITED[ ]STATES|USA|U\.S\.)(?:[ ]of[ ]America|[ ]OF[ ]AMERICA)?,?[ ]+vs?\.?[ ]+"
    r"(?P<name3>[A-Z][A-Za-z.'\-]+(?:[ ][A-Z][A-Za-z.'\-]+){1,4}?)(?=,|[ ]+No\.|[ ]*$)", re.M)
_NAME_WORD = r"[A-Z][a-zA-Z'\-]+"
_BODY_PARTY = re.compile(
    r"\b(?:Defendant|Petitioner|Movant|defendant|petitioner|movant)[ \n]+(?!Has\b|Is\b|Was\b|Filed\b)(?P<name>" + _NAME_WORD + r"(?:[ \n]+(?:[A-Z]\.|" + _NAME_WORD + r")){1,3})(?:'s?\b|,|[ \n]+(?:pleaded|pled|was|filed|asks|moves|seeks|is|has|now|appeals|applies))"
    r"|\b(?:The|the)[ \n]+[Dd]efendant,[ \n]+(?P<name2>" + _NAME_WORD + r"(?:[ \n]+(?:[A-Z]\.|" + _NAME_WORD + r")){1,3}(?:,[ \n]+Jr\.)?),"
    r"|\b(?:[Dd]efendant|[Pp]etitioner|[Mm]ovant)[^,.\n]{0,60},[ \n]+(?P<name3>" + _NAME_WORD + r"(?:[ \n]+(?:[A-Z]\.|" + _NAME_WORD + r")){1,3})(?:,|\.(?=[ \n]|$))"
    r"|(?P<name4>" + _NAME_WORD + r"(?:[ \n]+(?:[A-Z]\.|" + _NAME_WORD + r")){1,3})[ \n]+\(\"(?:Petitioner|Defendant|Movant)\"\)")
_BODY_PARTY_START = re.compile(r"[DdPpTtMm](?<!\w.)(?:(?<=[Dd])(?=efendant)|(?<=[Pp])(?=etitioner)|(?<=[Mm])(?=ovant)|(?<=[Tt])(?=he[ \n]+[Dd]efendant,))")
# A name that the body's narrative puts in a party's place: 'Gregory A. Trala filed a motion for
# expungement', 'an indictment charging Nicolas Romero with'. Read when the patterns above find none.
_NAME_SEQ = _NAME_WORD + r"(?:[ \n]+(?:[A-Z]\.|" + _NAME_WORD + r")){1,3}"
_NARRATED_PARTY = re.compile(
    r"\b(?P<name>" + _NAME_SEQ + r")[ \n]+(?:filed|submitted)[ \n]+(?:a|an|his|her|this|the)[ \n]+(?:[\w-]+[ \n]+){0,2}?(?:motion|petition|letter|request)\b"
    r"|\b(?:charging|indicted|convicted|sentenced)[ \n]+(?P<name2>" + _NAME_SEQ + r")[ \n]+(?:with|of|to)\b")
_NARRATED_START = re.compile(r"[A-Zcis](?<!\w.)(?:(?<=[A-Z])(?=[a-zA-Z'\-])|(?<=c)(?=harging|onvicted)|(?<=i)(?=ndicted)|(?<=s)(?=entenced))")
_NOT_A_NAME = re.compile(r"UNITED STATES|AMERICA|^v\.?$|\bNO\.|COURT|DISTRICT|ORDER|MEMORANDUM|OPINION|MOTION|PLAINTIFF|RESPONDENT|WARDEN|^[A-Z]{1,3}$"
                         r"|GOVERNMENT|FEDERAL|DEFENDER|BUREAU|PROBATION|ATTORNEY|OFFICE|SERVICES|CIRCUIT|SUPREME|JUDGE|CLERK|GRAND JURY", re.I)


def extract_defendant(doc: Document, header_end: int) -> Finding | None:
    text = doc.text
    header = text[:header_end]
    for m in _PARTY_LABEL.finditer(header):
        # nearest caption line above the label that is a name
        pos = m.start()
        for _ in range(4):
            prev_end = header.rfind("\n", 0, pos)
            if prev_end < 0:
                break
            prev_start = header.rfind("\n", 0, prev_end) + 1
            line = header[prev_start:prev_end]
            nm = _NAME_LINE.match(line)
            if nm and not _NOT_A_NAME.search(nm.group("name").strip(" ,")):
                name = nm.group("name").strip(" ,")
                s = prev_start + nm.start("name")
                return Finding("defendant", name, s, s + len(name))
            if line.strip(" )_") and not re.match(r"^[ )]*(v\.?|vs\.?|No\.|Case|\()", line.strip()):
                break
            pos = prev_start
    for m in _INLINE_PARTY.finditer(text[:max(header_end, 600)]):
        g = next(k for k in ("name", "name2", "name3") if m.group(k))
        name = m.group(g).strip(" ,")
        if not _NOT_A_NAME.search(name):
            return Finding("defendant", name, m.start(g), m.start(g) + len(name))
    end = min(len(text), header_end + 3000)
    # without '("' the last alternative (a name before '("Petitioner")') cannot match, and the others
    # begin only at 'Defendant', 'Petitioner' or 'The defendant,'
    body = (_BODY_PARTY.finditer(text, header_end, end) if '("' in text[header_end:end]
            else finditer_at(_BODY_PARTY, _BODY_PARTY_START, text, header_end, end))
    for m in body:
        g = next(k for k in ("name", "name2", "name3", "name4") if m.group(k))
        name = " ".join(m.group(g).split())
        if not _NOT_A_NAME.search(name) and not name.startswith(("The ", "This ", "Defendant", "United")):
            return Finding("defendant", name, m.start(g), m.end(g))
    for m in finditer_at(_NARRATED_PARTY, _NARRATED_START, text, header_end, end):
        g = "name" if m.group("name") else "name2"
        name = " ".join(m.group(g).split())
        if not _NOT_A_NAME.search(name) and not name.split()[0] in _NOT_A_FIRST_NAME:
            return Finding("defendant", name, m.start(g), m.end(g))
    return None


# words that begin a capitalised phrase but not a person's name
_NOT_A_FIRST_NAME = frozenset(("The", "This", "That", "Defendant", "Petitioner", "Movant", "United", "On", "In", "At",
                               "After", "Before", "When", "Mr", "Ms", "Mrs", "His", "Her", "Count", "Counts", "Section"))


# --------------------------------------------------------------------------------------------
# what kind of document, and the request's title

_ORDER_CUES = re.compile(r"\bORDER\b|IT IS (?:HEREBY |THEREFORE |FURTHER )?ORDERED|\bSO ORDERED\b|MEMORANDUM|OPINION|before the Court|This matter|comes before the Court|THIS MATTER|the Court (?:will|finds|concludes|construes|denies|grants)|Circuit Judge", re.I)
_LETTER_CUES = re.compile(r"^\W*(?:Dear\b|To the Honorable|Your Honor)|\bSincerely\b|\bRespectfully yours\b", re.M | re.I)
_MOTION_CUES = re.compile(r"\b(?:MOTION|PETITION)\b|respectfully (?:moves|requests|asks)|\bcomes now\b|\bmoves this (?:Honorable )?Court\b|\bpro se\b", re.I)


def extract_kind(doc: Document, header_end: int) -> str:
    text = doc.text
    head = text[:max(header_end, 400)]
    if re.search(r"(?:[Mm]otion|[Pp]etition|[Ll]etter|[Rr]equest)[^.;]{0,80}\b(?:is|are)[ \n]+(?:hereby[ \n]+|therefore[ \n]+)?(?:DENIED|GRANTED|DISMISSED|TRANSFERRED)\b|IT IS (?:HEREBY |THEREFORE |FURTHER )?ORDERED|\bSO ORDERED\b|^\s*(?:\([A-Z]+\)\s*)?(?:MEMORANDUM\s+(?:OPINION\s+)?(?:AND|&)\s+ORDER|ORDER|OPINION(?:\s+AND\s+ORDER)?|MEMORANDUM OPINION|OPINION OF THE COURT)\b", text, re.M):
        return "order"
    if re.search(r"^\W*(?:Dear\b|To the Honorable\b|Your Honor\b)", text[:600], re.M | re.I):
        return "letter"
    if re.search(r"\b(?:MOTION|PETITION)\b", head) or re.search(r"respectfully (?:moves|requests|asks)|\bcomes now\b|\bI (?:am|was) (?:sentenced|writing)", text[:3000], re.I):
        return "motion"
    if _ORDER_CUES.search(text[:3000]):
        return "order"
    if _LETTER_CUES.search(text):
        return "letter"
    return "motion"


_TITLE_CHARS = r"""(?:[^()\[\];.,\n"]|\n|\.(?=[A-Za-z0-9§])|\.[ ](?=§|\d)|,[ ](?=[A-Z][a-z]|or[ ][A-Z]|set[ ]aside|or[ ]correct)|\([A-Za-z0-9]{1,4}\))*"""
_TITLE_HEAD = r"(?:Motion|Letter|Petition|Request|Application|motion|letter|petition|request)(?=[ \n]+(?:for|to|under|pursuant|regarding|requesting|seeking|re|[A-Z]))"
_TITLE_IN_ORDER = re.compile(
    r"\b(?:[Dd]efendant|[Pp]etitioner|[Mm]ovant|Mr\.|Ms\.|(?!Court|Government|COURT)[A-Z][a-z]+)(?:[ \n]+[A-Z][\w.'\-]*){0,4}(?:'s|s')[ \n]+"
    r"(?:(?:[Pp]ro[ \n][Ss]e|[Ss]econd|[Tt]hird|[Rr]enewed|[Aa]mended|[Ee]mergency|[Ss]upplemental|letter-form|construed|pending|present|current)[ \n]+)*"
    r"(?:\"(?P<qtitle>[A-Z][^\"]{5,400}?)\.?\"|(?P<title>" + _TITLE_HEAD + _TITLE_CHARS + r"))"
    r"|(?:presented|before[ \n]+the[ \n]+[Cc]ourt[ \n]+(?:for[ \n]+ruling[ \n]+)?(?:on|upon)|[Cc]ourt[ \n]+with)[ \n]+(?:a|an|the)[ \n]+(?:pro[ \n]se[ \n]+)?(?P<title2>" + _TITLE_HEAD + _TITLE_CHARS + r")")
# Where _TITLE_IN_ORDER can begin: a word that may be its subject ('Defendant', 'Mr.', a name) and
# is followed by a possessive or another capitalised word; or 'presented', 'before the Court on',
# 'Court with'. The expression is tried only there (it would otherwise be tried at every character).
_TITLE_START = re.compile(
    r"[A-Zdpmbc](?:(?<!\w[A-Zdpmbc])(?<=[A-Zdpm])(?=(?:[a-z]+|[rs]\.)(?:'s|s'|[ \n]+[A-Z]))"
    r"|(?<=p)(?=resented)|(?<=b)(?=efore[ \n]+the[ \n]+[Cc]ourt[ \n]+(?:for[ \n]+ruling[ \n]+)?(?:on|upon))|(?<=[Cc])(?=ourt[ \n]+with))")
_BEFORE_COURT = re.compile(r"before[ \n]+the[ \n]+[Cc]ourt|[Pp]ending|comes[ \n]+before|presented|THIS[ \n]+MATTER|This[ \n]+matter|[Nn]ow[ \n]+before")
# a title ends before a verb ('... request for relief under the CARES Act must be denied')
_TITLE_STOP = re.compile(r"(?<![ \n]to)[ \n](?:is|are|was|were|must|should|will|shall|would|could|may|has|have|had|be)[ \n]")
# what the movant asked of someone else is not the paper before the court
_NOT_A_TITLE = re.compile(r"\b(?:to|with)[ ](?:the[ ])?(?:Warden|warden|Bureau|BOP)\b")
_TITLE_HEADING = re.compile(r"^[ ]*(?P<title>(?:(?:DEFENDANT'?S?|PETITIONER'?S?|PRO SE|EMERGENCY|RENEWED)[ ]+)*(?:MOTION|PETITION|LETTER|REQUEST)\b[^\n]{0,200})$", re.M)


def extract_title(doc: Document, header_end: int, kind: str) -> Finding | None:
    text = doc.text
    if kind != "order":
        m = _TITLE_HEADING.search(text[:max(header_end, 1500)])
        if m:
            t = m.group("title").strip(" .:")
            return Finding("request.title", t, m.start("title"), m.start("title") + len(t))
    best = None
    for m in finditer_at(_TITLE_IN_ORDER, _TITLE_START, text):
        g = next(k for k in ("qtitle", "title", "title2") if m.group(k))
        raw = m.group(g)
        if g != "qtitle":
            raw = raw[:_TITLE_STOP.search(raw).start()] if _TITLE_STOP.search(raw) else raw
        raw = raw.rstrip(" ,\n")
        t = " ".join(raw.split())
        words = t.split()
        # a title in capitals ('Motion to Vacate and Set Aside Jury Verdict and Request for ...') may be long
        longest = 24 if all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha()) else 16
        if len(words) < 3 or (g != "qtitle" and len(words) > longest) or _NOT_A_TITLE.search(t):
            continue
        hit = Finding("request.title", t, m.start(g), m.start(g) + len(raw))
        ss, se = doc.sentence_span(m.start())
        if _BEFORE_COURT.search(text[ss:se]):
            return hit
        if not t.startswith(("request", "letter")):   # the court's 'his request for relief ...' names no paper
            best = best or hit
    return best


# --------------------------------------------------------------------------------------------
# the request's own words: seeks and grounds

# The verbs by which an order reports what the movant asks, claims or argues (present and past)
_ASK_VERBS = ("asks?|seeks?|moves?|requests?|petitions?|prays?|wants|wishes|urges?|contends?|argues?|claims?|asserts?|"
              "alleges?|notes?|states?|cites?|invokes?|relies|acknowledges|says|maintains|believes|represents|"
              "outlines?|reports?|explains?|offers?|"
              "requested|sought|moved|asked|argued|claimed|asserted|alleged|noted|stated|contended|urged|cited|"
              "invoked|relied|acknowledged|maintained|represented|outlined|reported|explained|expressed|offered|"
              "petitioned|prayed|filed|submitted|presented")
_SUBJECT = r"(?:[Dd]efendant|[Pp]etitioner|[Mm]ovant|\b[Hh]e|\b[Ss]he|Mr\.[ ]\w+|Ms\.[ ]\w+|\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_MOVANT_ASKS = re.compile(_SUBJECT + r"(?:[ \n]+(?:now|also|further|then|specifically|apparently|essentially|first|again|further|pro[ \n]se|,[^,]{0,40},)){0,3}"
                          r"(?:[ \n]+(?:has|have|had))?[ \n]+(?:" + _ASK_VERBS + r")\b"
                          r"|\bsays[ \n]+" + _SUBJECT + r"|\b(?:I|We)[ \n]+(?:am|was|have|ask|request|respectfully|seek|move|pray|would)\b|\bmy[ \n]+(?:sentence|motion|release|family|health)|\b(?:grounds|basis)[ \n]+for[ \n]+(?:his|her|the)[ \n]+(?:request|motion)|\bAs[ \n]+grounds\b"
                          # counsel moving for the movant: 'On Mr. Dalton's behalf, the Federal Defender ... now moves'
                          r"|\b[Oo]n[ \n]+(?:his|her|[A-Z][\w.]*(?:[ \n]+[A-Z][\w.]*)?'s)[ \n]+behalf\b")
# Words without one of which _MOVANT_ASKS cannot match (a verb after a blank, 'says', 'I' or 'We',
# 'my', 'grounds', 'basis', 'behalf'): a fast first test, as most sentences of an order have none.
_MOVANT_WORDS = re.compile(r"[ \n](?:" + _ASK_VERBS + r")\b"
                           r"|says|I(?<!\wI)[ \n]|We(?<!\wWe)[ \n]|my(?<!\wmy)[ \n]|grounds|basis|behalf")
_MOVANTS_PAPER = Cue(r"(?:[Dd]efendant|[Pp]etitioner|[Mm]ovant|[A-Z][a-z]+)(?:'s|s')[ \n]+(?:pro[ \n]se[ \n]+)?(?:(?:current|present|instant|pending|latest|new)[ \n]+)?(?:[A-Z\"][\w\"]*[ \n]+){0,3}?(?:[Mm]otion|[Ll]etter|[Pp]etition|[Rr]equest)\b|\b(?:In|By)[ \n]+(?:the|his|her)[ \n]+(?:Letter|Motion|Petition|letter|motion|petition)\b")
# A word without which a sentence is not the movant's: case-insensitively, one of these
# (substring tests on the folded sentence, the likeliest first) or the word 'I' or 'my'; that is
# r"(?i:ask|seek|move|moving|request|petition|pray|want|wish|urge|contend|argu|claim|assert|allege|
# note|noting|state|cite|invoke|reli|acknowledg|says|maintain|believ|represent|sought|filed|
# presented|submitted|motion|letter|outline|report|explain|express|offer|behalf|\bI\b|\bmy\b|grounds|basis)".
_REQUEST_WORDS = ("motion", "state", "filed", "request", "letter", "petition", "move", "ask", "seek", "argu",
                  "claim", "assert", "allege", "note", "noting", "cite", "moving", "pray", "want", "wish", "urge",
                  "contend", "invoke", "reli", "acknowledg", "says", "maintain", "believ", "represent", "sought",
                  "presented", "submitted", "grounds", "basis", "outline", "report", "explain", "express", "offer",
                  "behalf")
_I_OR_MY = re.compile(r"\b(?:i|my)\b")


def _has_request_word(low: str) -> bool:
    return any(w in low for w in _REQUEST_WORDS) or _I_OR_MY.search(low) is not None


_NOT_MOVANT = Cue(r"\bmay[ \n]+file\b|proper[ \n]+vehicle|\bOrdinarily\b|is[ \n]+not[ \n]+entitled|\bgovernment[ \n]+(?:has|opposed|responded|asserts|argues)|\bGovernment[ \n]+(?:has|opposed|responded|asserts|argues)"
                  r"|\b(?:[Gg]overnment|United[ \n]+States|USPO|Probation[ \n]+Office)[ \n]+(?:opposes|filed|argued|contended|responded|moved|notes|noted)\b"
                  # the court's counterfactual: 'even if Defendant had filed this motion as a § 2255 motion'
                  r"|\b[Ee]ven[ \n]+if\b")
_COURT_VOICE = re.compile(r"^\W*(?:The Court|This Court|A court|Courts|See\b|Under\b|Section\b|Id\.|But\b|However\b|Where\b|Although\b|Because\b|Federal courts|A district court|District courts|It is)", re.I)


def request_spans(doc: Document, header_end: int, kind: str, title: Finding | None) -> list[tuple[int, int]]:
    """Sentences in the movant's words: all of a motion or letter; in an order, the title and the
    opening sentences that report what the movant asks, claims or argues (not the court's own)."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    if title:
        spans.append((title.start, title.end))
    if kind != "order":
        spans.append((0, len(text)))
        return spans
    starts = doc.sentence_starts
    folded = doc.folded
    limit = header_end + 2600
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        if e <= header_end:
            continue
        if s > limit:
            break
        s = max(s, header_end)  # a caption line glued to the first sentence is not the movant's words
        if not _has_request_word(folded[s:e]):
            continue
        sent = text[s:e].replace("\n", " ")
        if _COURT_VOICE.search(sent) or not ((_MOVANT_WORDS.search(sent) and _MOVANT_ASKS.search(sent)) or _MOVANTS_PAPER.search(sent)):
            continue
        if _NOT_MOVANT.search(sent):
            continue
        if re.search(r"\b(?:Court|court)\b[^.]{0,40}\b(?:asks?|notes?|states?|cites?|noted|stated|cited|explained|filed)\b", sent) and not re.search(r"\b(?:Defendant|Petitioner|defendant|petitioner|[Hh]e|[Ss]he)\b", sent[:60]):
            continue
        spans.append((s, e))
    return spans


def extract_request(doc: Document, spans: list[tuple[int, int]], title: Finding | None = None) -> list[Finding]:
    """Each cue is searched over the request's own words (its sentences joined), not per sentence:
    the first hit of a cue that may be read as the request gives the fact and its span. A hit is
    not read when its sentence recounts an earlier filing (cues.yaml `earlier_motion`: 'his first
    motion', 'I already did a 2255') or says what makes the words belong to another request
    (`unless`); the title is always the request's own. A weaker cue (`seeks_fallback`) is read only
    when neither its request nor a rival was found."""
    out: list[Finding] = []
    if not spans:
        return out
    table = cues()
    pieces, where = [], []   # joined text, and (joined offset, text offset) per piece
    n = 0
    for s, e in spans:
        where.append((n, s))
        piece = doc.text[s:e].replace("\n", " ")
        pieces.append(piece + " \x00 ")   # a separator no cue crosses
        n += len(piece) + 3
    joined = "".join(pieces)
    low = joined.lower()

    offs = [off for off, _ in where]

    def at(i: int) -> int:
        k = bisect_right(offs, i) - 1
        return where[k][1] + (i - where[k][0])

    fold = doc.folded
    earlier: dict[int, bool] = {}

    def readable(i: int, key: str | None = None) -> bool:
        """May the hit at joined offset `i` be read as the request (for `key`)?"""
        pos = at(i)
        if title is not None and title.start <= pos < title.end:
            return True
        s, e = doc.sentence_span(pos)
        if s not in earlier:
            earlier[s] = any_cue(table["earlier_motion"], fold[s:e].replace("\n", " ")) is not None
        if earlier[s]:
            return False
        unless = table["unless"].get(key) if key else None
        return not (unless and any_cue(unless, fold[s:e].replace("\n", " ")))

    def first_hit(pats: list[Cue], key: str) -> re.Match[str] | None:
        best = None
        for p in pats:
            if not p.possible(low):
                continue
            for m in p.regex.finditer(low):
                if best is not None and m.start() >= best.start():
                    break
                if readable(m.start(), key):
                    best = m
                    break
        return best

    seeks: dict[str, re.Match[str]] = {}
    for value, pats in table["seeks"].items():
        m = first_hit(pats, value)
        if m:
            seeks[value] = m
    for value, pats in table["seeks_fallback"].items():
        if value in seeks or any(r in seeks for r in table["rivals"].get(value, ())):
            continue
        m = first_hit(pats, value)
        if m:
            seeks[value] = m
    for value in dict.fromkeys([*table["seeks"], *table["seeks_fallback"]]):
        if value in seeks:
            m = seeks[value]
            out.append(Finding("request.seeks", value, at(m.start()), at(m.end())))
    for key, pats in table["grounds"].items():
        tag, _, detail = key.partition("(")
        m = first_hit(pats, key)
        if m:
            out.append(Finding("request.grounds", (tag, detail.rstrip(")") or None), at(m.start()), at(m.end())))
    seen: set[str] = set()
    for m in _AMENDMENT.finditer(joined):
        if not readable(m.start()):
            continue
        for num in _AMENDMENT_NUMBER.finditer(joined, m.start(1), m.end(1)):
            if num.group() not in seen:
                seen.add(num.group())
                out.append(Finding("request.grounds", ("guideline_amendment", int(num.group())), at(num.start()), at(num.end())))
    if not seen:
        # an amendment invoked without its number: the one the document names, if it names one
        m = first_hit(table["amendment_unnumbered"], "guideline_amendment")
        if m:
            named = {x.group(1) for x in _AMENDMENT_NAMED.finditer(doc.text)}
            number = int(named.pop()) if len(named) == 1 else None
            out.append(Finding("request.grounds", ("guideline_amendment", number), at(m.start()), at(m.end())))
    return out


# 'Amendment 782', 'Amendments 750, 780, and 782', 'Amendment 782 and Amendment 788'
_AMENDMENT = re.compile(r"\bAmendments?[ \n]+(\d{3}(?:(?:[ \n]*,[ \n]*|[ \n]+)(?:(?:and|or|&)[ \n]+)?(?:Amendment[ \n]+)?\d{3}\b)*)")
_AMENDMENT_NUMBER = re.compile(r"\d{3}")
_AMENDMENT_NAMED = re.compile(r"\b(?:Amendment|[Aa]mend\.)[ \n]+(\d{3})\b")


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


# A very long document (a 100-page opinion) is read for facts in a window: its first and last
# characters, where the caption, the request, the background and the decretal paragraph are.
# Citations are read in full. This keeps intake linear with a small constant (issue 5: 2 s/MB).
WINDOW_HEAD = 30_000
WINDOW_TAIL = 8_000


def extract(doc: Document) -> Extraction:
    """Run every extractor over `doc` (the dates' roles and the courts are resolved later)."""
    from . import events

    full = doc
    doc = full.window(WINDOW_HEAD, WINDOW_TAIL)
    header_end = find_header_end(doc.text)
    kind = extract_kind(doc, header_end)
    ex = Extraction(doc=doc, header_end=header_end, kind=kind, full_doc=full)
    for fn in (extract_court, extract_case_number, extract_defendant):
        hit = fn(doc, header_end)
        if hit:
            ex.findings.append(hit)
    title = extract_title(doc, header_end, kind)
    if title:
        ex.findings.append(title)
    ex.request_spans = request_spans(doc, header_end, kind, title)
    ex.findings.extend(extract_request(doc, ex.request_spans, title))
    ex.citations = find_citations(full.text)
    ex.local_citations = ex.citations if doc is full else find_citations(doc.text)
    ex.dates = extract_dates(doc)
    ex.findings.extend(extract_terms(doc))
    body = header_end
    for hit in (events.extract_plea(doc, body), events.extract_appeal(doc, body), events.extract_pro_se(doc, kind)):
        if hit:
            ex.findings.append(hit)
    ex.findings.extend(events.extract_convictions(doc, ex.local_citations, body))
    ex.findings.extend(events.extract_history(doc, body))
    ex.findings.extend(events.extract_custody(doc, body))
    if kind == "order":
        hit = events.extract_disposition(doc, header_end)
        if hit:
            ex.findings.append(hit)
    return ex
