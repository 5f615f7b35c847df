"""Extractors for the request in its own words: the title of the paper, the sentences that are
the movant's (all of a motion or letter; in an order, those that report what the movant asks),
and what they seek and on what grounds, guideline amendments included. Part of stage 2
(extract); cue phrases live in cues.yaml.

Kept apart from caption.py and dates_and_terms.py because these read the movant's words, not the
court's record: an order's own reasoning must not be taken for what was asked.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .document import Document
from .extract import Finding, any_cue, cues
from .scan import Cue, finditer_at


# --------------------------------------------------------------------------------------------
# the request's title

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

