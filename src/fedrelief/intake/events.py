"""Extractors for what happened to the case: plea and convictions, appeal, earlier § 2255
motions, custody, and — in an order — the disposition and the avenues the court discussed.
Part of stage 2 (extract); cue phrases for avenues and reason codes live in cues.yaml.

Case-insensitive expressions are written as such and compiled through `scan.folded`: they are
matched against `Document.folded` (the text lowercased, offset for offset), which finds the same
spans far faster; words whose case matters are read back from `Document.text` by span."""
from __future__ import annotations

import re
from bisect import bisect_right

from .citations import Citation
from .document import Document
from .extract import Finding, cues
from .scan import Cue, finditer_at, folded

_PLEA = folded(re.compile(r"\b(?:pled|pleaded|plead|entered[ \n]+a[ \n]+(?:plea[ \n]+of[ \n]+)?)[ \n]+guilty\b|\bguilty[ \n]+plea\b|\bplea[ \n]+of[ \n]+guilty\b|\bplea[ \n]+agreement\b", re.I))
_TRIAL = folded(re.compile(r"\bconvicted[ \n]+by[ \n]+(?:a[ \n]+)?jury\b|\bjury[ \n]+(?:trial|verdict|returned[ \n]+a[ \n]+guilty)|\bfound[ \n]+guilty[ \n]+by\b|\bafter[ \n]+a[ \n]+(?:jury[ \n]+|bench[ \n]+)?trial\b", re.I))
_NOLO = folded(re.compile(r"\bnolo[ \n]+contendere\b", re.I))
_OFFENSE_INTRO = folded(re.compile(
    r"\b(?:(?:imprisonment|prison|incarceration|supervised[ \n]+release),?[ \n]+for|guilty[ \n]+to|convicted[ \n]+(?:by[ \n]+a[ \n]+jury[ \n]+)?of|conviction[ \n]+for|charged[ \n]+with|charging[ \n]+(?:him|her)[ \n]+with)"
    r"[ \n]+(?:one[ \n]+count[ \n]+of[ \n]+|a[ \n]+single[ \n]+count[ \n]+of[ \n]+|count[ \n]+\w+[ \n]+of[ \n]+[^,]{0,20}?,[ \n]+)?"
    r"(?P<desc>[a-z][^.;()]{3,160}?)[ \n,]*(?:\(|in[ \n]+violation[ \n]+of|under|pursuant[ \n]+to|,)[ \n]*(?=\d{1,2}[ \n]*U\.?[ \n]?S\.?[ \n]?C)", re.I))

# where _OFFENSE_INTRO can begin (in the folded text): its first word, at the start of a word
_OFFENSE_START = re.compile(r"[ipsgc](?<!\w.)(?:(?<=i)(?=mprisonment|ncarceration)|(?<=p)(?=rison)|(?<=s)(?=upervised)"
                            r"|(?<=g)(?=uilty)|(?<=c)(?=onvict|harg))")


def extract_plea(doc: Document, start: int) -> Finding | None:
    low = doc.lower
    if "guilty" not in low and "plea" not in low and "jury" not in low and "trial" not in low and "nolo" not in low:
        return None
    for pat, value in ((_NOLO, "nolo"), (_PLEA, "guilty"), (_TRIAL, "trial")):
        m = pat.search(doc.folded, start)
        if m:
            return Finding("plea", value, m.start(), m.end())
    return None


def extract_convictions(doc: Document, cites: list[Citation], start: int) -> list[Finding]:
    """A statute the defendant was convicted under: a U.S.C. citation that follows 'guilty to',
    'convicted of', 'conviction for' and an offense description in the same sentence."""
    out = []
    text = doc.text
    for m in finditer_at(_OFFENSE_INTRO, _OFFENSE_START, doc.folded, start):
        first = next((c for c in cites if c.kind == "usc" and c.start >= m.end("desc") and c.start - m.end("desc") < 40), None)
        if not first:
            continue
        group = [first]
        for c in cites:
            if c.kind == "usc" and c.start > group[-1].end and c.start - group[-1].end <= 12 and text[group[-1].end:c.start].strip(" ,\nandor&") == "":
                group.append(c)
        s, e = first.start, group[-1].end
        statute = " ".join(text[s:e].split())
        desc = " ".join(text[m.start("desc"):m.end("desc")].split()).strip(" ,")
        out.append(Finding("convictions", {"statute": statute, "description": desc}, m.start("desc"), e))
    return out


_NO_APPEAL = folded(re.compile(r"\b(?:did[ \n]+not|didn't|never)[ \n]+(?:file[ \n]+an?[ \n]+|take[ \n]+an?[ \n]+|pursue[ \n]+an?[ \n]+)?(?:direct[ \n]+)?appeal|\bno[ \n]+(?:direct[ \n]+)?appeal[ \n]+was[ \n]+(?:filed|taken)|\bwithout[ \n]+(?:filing[ \n]+an?[ \n]+|taking[ \n]+an?[ \n]+)?(?:direct[ \n]+)?appeal", re.I))
_APPEALED = folded(re.compile(
    r"\b(?:appealed[ \n]+(?:his|her|the)?[ \n]*(?:conviction|sentence|judgment)?[ \n]*to[ \n]+the[ \n]+\w+[ \n]+Circuit|filed[ \n]+a[ \n]+(?:timely[ \n]+)?[Nn]otice[ \n]+of[ \n]+[Aa]ppeal|on[ \n]+direct[ \n]+appeal|appealed[ \n]+(?:his|her)[ \n]+(?:conviction|sentence))"
    r"(?P<rest>[^.]{0,80})", re.I))


def extract_appeal(doc: Document, start: int) -> Finding | None:
    text = doc.text
    if "ppeal" not in text and "PPEAL" not in text:
        return None
    m = _NO_APPEAL.search(doc.folded, start)
    if m:
        return Finding("appeal", "none", m.start(), m.end())
    m = _APPEALED.search(doc.folded, start)
    if m:
        s, e = doc.sentence_span(m.start())
        sent = text[s:e]
        result = ("affirmed" if re.search(r"affirm", sent, re.I) else
                  "pending" if re.search(r"pending", text[s:min(len(text), e + 400)], re.I) else None)
        return Finding("appeal", {"result": result} if result else {}, m.start(), m.end())
    return None


_PRIOR_2255 = folded(re.compile(
    r"\b(?:(?:first|prior|previous|earlier|initial|original)(?:ly)?[ \n]+(?:filed[ \n]+)?(?:an?[ \n]+|his[ \n]+|her[ \n]+)?(?:§[ \n]*2255[ \n]+)?motion[ \n]+(?:to[ \n]+vacate|under|pursuant)"
    r"|previously[ \n]+(?:filed|denied)[ \n]+(?:an?[ \n]+|two[ \n]+|three[ \n]+|multiple[ \n]+|several[ \n]+)?(?:motions?[ \n]+)?(?:to[ \n]+vacate|under[ \n]+(?:28[ \n]+U\.S\.C\.[ \n]+)?§[ \n]*2255)"
    r"|(?:second|third|fourth|fifth)[ \n]+(?:attempt|motion)[ \n]+(?:under|pursuant[ \n]+to)[ \n]+(?:section|§)[ \n]*2255"
    r"|(?:court|Court)[ \n]+(?:denied|dismissed)[ \n]+(?:petitioner's|defendant's|his|her)[ \n]+motion[ \n]+(?:pursuant[ \n]+to|under)[ \n]+(?:28[ \n]+U\.S\.C\.[ \n]+)?§[ \n]*2255"
    r"|multiple[ \n]+motions[ \n]+to[ \n]+vacate|his[ \n]+(?:first|previous)[ \n]+motion[ \n]+to[ \n]+vacate"
    r"|(?:is|as|constitutes|amount[ \n]+to)[ \n]+an?[ \n]+(?:second[ \n]+or[ \n]+successive|successive)[ \n]+(?:motion|petition|§|application))", re.I))


def extract_history(doc: Document, start: int) -> list[Finding]:
    low = doc.lower
    if "2255" not in low and "vacate" not in low and "successive" not in low:
        return []
    m = next((m for m in _PRIOR_2255.finditer(doc.folded, start)
              if not re.search(r"\bthis[ \n]+is[ \n]+(?:\w+'s[ \n]+|his[ \n]+|her[ \n]+|my[ \n]+)?first\b", doc.text[max(0, m.start() - 40):m.end()], re.I)), None)
    if not m:
        return []
    s, e = doc.sentence_span(m.start())
    sent = doc.text[s:e]
    entry: dict = {"avenue": "s2255"}
    if re.search(r"\bdenied\b", sent, re.I):
        entry["result"] = "denied"
    elif re.search(r"\bdismissed\b", sent, re.I):
        entry["result"] = "dismissed"
    return [Finding("history", entry, m.start(), m.end())]


_CUSTODY = (
    ("immigration_detention", folded(re.compile(r"\b(?:ICE|immigration)[ \n]+(?:custody|detention)\b", re.I))),
    ("released", folded(re.compile(r"\bno[ \n]+longer[ \n]+in[ \n]+(?:federal[ \n]+)?custody|\bhas[ \n]+(?:completed|fully[ \n]+served|served)[ \n]+(?:his|her)[ \n]+(?:entire[ \n]+)?sentence|\bsuccessfully[ \n]+completed[ \n]+(?:his|her)[ \n]+(?:sentence|probation|supervised)", re.I))),
    ("supervised_release", folded(re.compile(r"supervised[ \n]+release[ \n]+(?:began|commenced)|\bis[ \n]+(?:currently[ \n]+|now[ \n]+)?(?:on|serving)[ \n]+(?:a[ \n]+term[ \n]+of[ \n]+)?supervised[ \n]+release|early[ \n]+termination[ \n]+of[ \n]+(?:probation/)?supervised[ \n]+release|(?:abided|complied)[ \n]+(?:by[ \n]+)?(?:with[ \n]+)?all[ \n]+(?:the[ \n]+)?(?:terms|conditions)[ \n]+of[ \n]+(?:his|her)[ \n]+supervised", re.I))),
    ("probation", folded(re.compile(r"\bis[ \n]+(?:currently[ \n]+|now[ \n]+)?(?:on|serving)[ \n]+(?:a[ \n]+term[ \n]+of[ \n]+)?probation\b|early[ \n]+termination[ \n]+of[ \n]+probation\b(?!/)", re.I))),
    # one word boundary before all but the last alternative (tested once, not once per alternative)
    ("imprisoned", folded(re.compile(r"\b(?:(?:is|am|remains|currently|presently|now|while)[ \n]+incarcerated\b|during[ \n]+(?:his|her|my)[ \n]+incarceration|discharge[ \n]+date|(?:presently|currently|now)[ \n]+(?:housed|confined|imprisoned|serving)|(?:FCI|FMC|USP|FPC|FCC|MDC|FDC|FMC)[ \n]+[A-Z]|Reg(?:ister|istration)?\.?[ \n]*(?:No\.|Number|#)|scheduled[ \n]+release[ \n]+date|serve[ \n]+the[ \n]+remainder[ \n]+of[ \n]+(?:his|her|my)[ \n]+sentence|federal[ \n]+(?:inmate|prisoner)|inmate\b|in[ \n]+BOP[ \n]+custody)|compassionate[ \n]+release", re.I))),
)


# words without which a status pattern cannot match: a cheap test before the costly one
_CUSTODY_WORDS = {
    "immigration_detention": ("ice", "immigration"), "released": ("longer", "served", "completed"),
    "supervised_release": ("supervised",), "probation": ("probation",),
    "imprisoned": ("incarcerat", "housed", "confined", "imprisoned", "serving", "fci", "fmc", "usp", "fpc", "fcc",
                   "mdc", "fdc", "reg.", "reg #", "register", "registration", "release date", "remainder", "inmate", "prisoner", "bop", "compassionate", "discharge"),
}


def extract_custody(doc: Document, start: int) -> list[Finding]:
    low = doc.lower
    out = []
    for status, pat in _CUSTODY:
        if not any(w in low for w in _CUSTODY_WORDS[status]):
            continue
        m = pat.search(doc.folded, 0 if status == "imprisoned" else start)
        if m:
            out.append(Finding("custody.status", status, m.start(), m.end()))
            break
    m = _RELEASE_DATE.search(doc.folded) if "release date" in low else None
    if m:
        out.append(Finding("custody.release_date@", None, m.end(), m.end() + 25))
    return out


_RELEASE_DATE = folded(re.compile(r"(?:scheduled|projected|anticipated)[ \n]+release[ \n]+date[ \n]+(?:is[ \n]+|of[ \n]+)?", re.I))


# '\bpro[ \n]+se\b' case-insensitively, for the folded text; the word boundary is tested after the
# literal 'pro' so that the scan looks for 'pro' first
_PRO_SE = re.compile(r"pro(?<!\wpro)[ \n]+se\b")


def extract_pro_se(doc: Document) -> Finding | None:
    m = _PRO_SE.search(doc.folded)
    return Finding("request.pro_se", True, m.start(), m.end()) if m else None


# --------------------------------------------------------------------------------------------
# an order's disposition and the avenues it discussed

_DECRETAL = re.compile(
    r"(?P<subj>motion|letter|petition|request|application|[Mm]otions|it|Motion|Letter|Petition|Request)\b(?:[^.;]|\.(?=\S)|\.[ ](?=§|No\b|\d|[a-z(\[]))" r"{0,220}?\b(?:is|are|be|will[ \n]+be|must[ \n]+be|should[ \n]+be|shall[ \n]+be|hereby)[ \n]+"
    r"(?:hereby[ \n]+|therefore[ \n]+|summarily[ \n]+|respectfully[ \n]+|accordingly[ \n]+)*(?P<verb>DENIED|GRANTED|DISMISSED|TRANSFERRED|denied|granted|dismissed|transferred)"
    r"(?P<tail>[ \n]+(?:in[ \n]+part|without[ \n]+prejudice|as[ \n]+moot|for[ \n]+lack|IN[ \n]+PART|WITHOUT[ \n]+PREJUDICE|FOR[ \n]+LACK)[^.;]{0,60})?"
    r"|(?:[Cc]ourt|COURT)[ \n]+(?:hereby[ \n]+)?(?:[^.;]{0,120}?[ \n]and[ \n]+)?(?P<verb2>TRANSFERS|transfers|DENIES|denies|DISMISSES|dismisses|GRANTS|grants)\b[ \n]+(?P<obj>[^.;]{0,120})"
    r"|(?:[Cc]ourt|COURT)[ \n]+will[ \n]+(?P<verb3>deny|grant|dismiss|transfer)[ \n]+the[ \n]+(?:[Mm]otion|[Pp]etition|[Ll]etter)"
    r"|(?:termination|reduction|release|relief)[^.;]{0,60}?[ \n](?:is|are)[ \n]+not[ \n]+(?P<verb4>warranted)"
    r"|^[^\n]{0,40}ORDER[ \n]+(?P<verb5>DENYING|GRANTING|DISMISSING|TRANSFERRING)[ \n]+(?:DEFENDANT'?S?[ \n]+|PETITIONER'?S?[ \n]+)?(?:MOTION|PETITION|LETTER|REQUEST)", re.M)
_VERBS = {"warranted": "deny", "denying": "deny", "granting": "grant", "dismissing": "dismiss", "transferring": "transfer", "denied": "deny", "granted": "grant", "dismissed": "dismiss", "transferred": "transfer",
          "transfers": "transfer", "denies": "deny", "dismisses": "dismiss", "grants": "grant",
          "deny": "deny", "grant": "grant", "dismiss": "dismiss", "transfer": "transfer"}
_NOT_THE_REQUEST = re.compile(r"counsel|forma[ \n]+pauperis|appealability|Government'?s|government'?s|United States'|[Mm]otion[ \n]+to[ \n]+(?:seal|appoint|amend|supplement|expedite|strike)|reconsideration|request[ \n]+for[ \n]+(?:a[ \n]+)?hearing|status report", re.I)


_DISPOSITION_WORD = folded(re.compile(r"(?i:denied|granted|dismissed|transferred|transfers|denies|dismisses|grants|will[ \n]+(?:deny|grant|dismiss|transfer)|not[ \n]+warranted|ORDER[ \n]+(?:DENYING|GRANTING|DISMISSING|TRANSFERRING))"))


def _near(anchors: list[int], text: str, lo: int, hi: int):
    """_DECRETAL matches that end at a disposition word, tried only in the 400 characters before one."""
    done = lo
    for a in anchors:
        if a < lo or a >= hi:
            continue
        start = max(done, a - 400, lo)
        for m in _DECRETAL.finditer(text, start, min(hi, a + 160)):
            if m.end() >= a:
                done = m.end()
                yield m
                break


# r"IT IS (?:HEREBY |THEREFORE |FURTHER |ACCORDINGLY )?ORDERED|IT IS ORDERED|\bORDERED that|^ORDER$|\bCONCLUSION\b"
# (re.M), with each boundary tested just after the first letter: every alternative then starts with
# a literal, and the scan skips to the letters I, O and C
_ORDERED = re.compile(r"IT IS (?:HEREBY |THEREFORE |FURTHER |ACCORDINGLY )?ORDERED|IT IS ORDERED|O(?<!\wO)RDERED that|O(?<![^\n]O)RDER$|C(?<!\wC)ONCLUSION\b", re.M)


def extract_disposition(doc: Document, header_end: int) -> Finding | None:
    text = doc.text
    ordered = [m.start() for m in _ORDERED.finditer(text)]
    regions = [(ordered[0], len(text))] if ordered else []
    regions.append((header_end, len(text)))
    regions.append((0, header_end + 1))
    anchors = [a.start() for a in _DISPOSITION_WORD.finditer(doc.folded)]
    if not anchors:
        return None
    for lo, hi in regions:
        for m in _near(anchors, text, lo, hi):
            clause_start = max(text.rfind(";", lo, m.start()), text.rfind(". ", lo, m.start()), lo)
            clause = text[clause_start:m.end()]
            if _NOT_THE_REQUEST.search(clause.replace("United States Code", "")) and not re.search(r"[Dd]efendant'?s|[Pp]etitioner'?s|his[ \n]+(?:pro[ \n]+se[ \n]+)?(?:motion|letter|petition)", clause.split("DENIED")[0].split("denied")[0][-120:]):
                continue
            verb = next(m.group(k) for k in ("verb", "verb2", "verb3", "verb4", "verb5") if m.group(k)).lower()
            if m.group("verb2") and _NOT_THE_REQUEST.search(m.group("obj") or ""):
                continue
            value = _VERBS[verb]
            tail = (m.group("tail") or "").lower()
            if value == "grant" and "in part" in tail:
                value = "grant_in_part"
            if re.search(r"lack[ \n]+of[ \n]+jurisdiction", clause + tail, re.I) and value == "deny":
                value = "dismiss"
            return Finding("expected.disposition", value, m.start(), m.end())
    return None


# a reason code only closes the avenues it can close (a custody reason says nothing of coram nobis)
_APPLIES_TO = {
    "not_in_custody": {"s2255", "s3582c1a", "s2241"},
    "time_limit_expired": {"rule35a", "s2255", "appeal", "rule36"},
    "not_exhausted": {"s3582c1a", "s2241"},
    "successive_without_authorization": {"s2255"},
    "only_at_sentencing": {"departure"},
    "not_a_ground": {"departure", "s3582c2", "s3582c1a", "s2255", "s3583e", "rule35a", "inherent_power"},
    "mandatory_minimum_floor": {"s3582c2", "fsa404", "s3582c1a"},
    "amendment_does_not_lower_range": {"s3582c2"},
    "amendment_not_covered": {"s3582c2"},
    "factual_premise_false": {"s3582c2", "departure", "s3582c1a", "s2255"},
    "no_statutory_authority": {"reclassification", "s3607c", "inherent_power", "clemency", "s3583e"},
    "no_expungement_power": {"s3607c"},
    "wrong_forum": {"s2241", "s3582c1a", "clemency"},
}


_GOVERNMENT_SAYS = Cue(r"\b(?:[Gg]overnment|United States)[ ]+(?:asserts|argues|contends|maintains|responds|opposes)")


def _sentences_with(flat: str, starts: list[int], cues: list[Cue]) -> list[int]:
    """Indexes of the sentences of `flat` (a text lowercased offset for offset, lines joined) that
    hold a needle of one of `cues` whole: the only ones where one of them can match."""
    if any(c.needles is None for c in cues):
        return list(range(len(starts)))
    found: set[int] = set()
    for needle in {n for c in cues for n in c.needles}:
        j = flat.find(needle)
        while j >= 0:
            k = bisect_right(starts, j) - 1
            if j + len(needle) <= (starts[k + 1] if k + 1 < len(starts) else len(flat)):
                found.add(k)
            j = flat.find(needle, j + 1)
    return sorted(found)


def extract_avenues(doc: Document, header_end: int, vehicle: list[str], disposition: str | None) -> list[Finding]:
    """Avenues the court discussed, with their outcome and the reason codes its words show."""
    table = cues()
    text = doc.text
    starts = doc.sentence_starts
    reasons: dict[str, list[tuple[str, int, int]]] = {}
    # Each sentence below is a piece of `flat`: a cue whose words are nowhere in it is dropped once
    # here, and a sentence is read further only when a reason cue's words are in it (a cue that
    # cannot match changes nothing: the first cue of a code that matches is still the first).
    flat = doc.lower.replace("\n", " ")
    avenue_cues = [(a, [p for p in pats if p.possible(flat)]) for a, pats in table["avenues"].items()]
    reason_cues = [(code, live) for code, pats in table["reasons"].items() if (live := [p for p in pats if p.possible(flat)])]
    for i in _sentences_with(flat, starts, [p for _, pats in reason_cues for p in pats]) if len(flat) == len(text) else range(len(starts)):
        s = starts[i]
        if s < header_end:
            continue
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        sent = text[s:e].replace("\n", " ")
        if _GOVERNMENT_SAYS.search(sent):
            continue
        sent = sent.lower()
        maybe = [(code, pats) for code, pats in reason_cues if any(p.possible(sent) for p in pats)]
        if not maybe:
            continue
        named = None   # the avenues this sentence names: read once, at its first reason
        for code, pats in maybe:
            for p in pats:
                m = p.search(sent)
                if not m:
                    continue
                if named is None:
                    named = [a for a, aps in avenue_cues if any(q.search(sent) for q in aps)]
                targets = [a for a in named if a != "inherent_power"] or vehicle
                allowed = _APPLIES_TO.get(code)
                if allowed:
                    targets = [a for a in targets if a in allowed]
                if code == "no_inherent_power":
                    targets = ["inherent_power"]
                elif code == "elements_to_show":
                    targets = ["coram_nobis"]
                elif code == "no_appeal_taken":
                    targets = ["appeal"]
                elif code == "no_government_motion":
                    targets = ["rule35b"]
                for a in targets:
                    reasons.setdefault(a, [])
                    if code not in [c for c, _, _ in reasons[a]]:
                        reasons[a].append((code, s + m.start(), s + m.end()))
                break
    out = []
    for a in dict.fromkeys(list(vehicle) + list(reasons)):
        codes = reasons.get(a, [])
        if codes and all(c == "elements_to_show" for c, _, _ in codes):
            status = "available"
        elif codes or (a in vehicle and disposition in ("deny", "dismiss", "transfer")):
            status = "unavailable"
        elif a in vehicle and disposition in ("grant", "grant_in_part"):
            status = "available"
        else:
            continue
        span = (codes[0][1], codes[0][2]) if codes else (0, 0)
        out.append(Finding(f"expected.avenues.{a}", {"status": status, "reasons": [c for c, _, _ in codes]}, *span))
    return out
