"""Extractors for the document's heading: where the caption ends, the court, the case number,
the defendant, and what kind of document it is (order, motion or letter). Part of stage 2
(extract).

Kept apart from extract.py, which runs the stage, and from request.py, which reads what the
request asks: these read whose case it is and in which court, mostly from the caption.
"""
from __future__ import annotations

import re

from .document import Document
from .extract import Finding
from .scan import finditer_at


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
# what kind of document

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
