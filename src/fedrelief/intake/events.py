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

_PLEA = folded(re.compile(r"\bplea[ \n]+(?:deal|bargain)\b|\b(?:pled|pleaded|pleading|plead|entered[ \n]+a[ \n]+(?:plea[ \n]+of[ \n]+)?)[ \n]+guilty\b|\bguilty[ \n]+plea\b|\bplea[ \n]+of[ \n]+guilty\b|\bplea[ \n]+agreement\b", re.I))
_TRIAL = folded(re.compile(r"\bconvicted[ \n]+by[ \n]+(?:a[ \n]+)?jury\b|\bjury[ \n]+(?:found|convicted)\b|\bjury[ \n]+(?:trial|verdict|returned[ \n]+a[ \n]+guilty)|\bfound[ \n]+guilty[ \n]+by\b|\bafter[ \n]+a[ \n]+(?:jury[ \n]+|bench[ \n]+)?trial\b", re.I))
_NOLO = folded(re.compile(r"\bnolo[ \n]+contendere\b", re.I))
_OFFENSE_INTRO = folded(re.compile(
    r"\b(?:(?:imprisonment|prison|incarceration|supervised[ \n]+release),?[ \n]+for|guilty[ \n]+to"
    r"|found[ \n]+(?:(?:him|her|defendant|the[ \n]+defendant)[ \n]+)?guilty[ \n]+(?:by[ \n]+(?:a[ \n]+)?jury(?:[ \n]+verdict)?[ \n]+)?of"
    r"|convicted[ \n]+(?:(?:him|her|me|defendant|the[ \n]+defendant)[ \n]+)?(?:by[ \n]+a[ \n]+jury[ \n]+)?of|conviction[ \n]+for"
    r"|(?P<charge>charg(?:ed|ing)[ \n]+(?:(?:him|her|defendant|the[ \n]+defendant|[a-z][a-z'\-]+(?:[ \n]+[a-z][a-z.'\-]*){1,3})[ \n]+)?with)"
    r"|plea[ \n]+(?:deal|bargain)[ \n]+(?:to|for))"
    r"[ \n]+(?:one[ \n]+count[ \n]+of[ \n]+|a[ \n]+single[ \n]+count[ \n]+of[ \n]+|count[ \n]+\w+[ \n]+of[ \n]+[^,]{0,20}?,[ \n]+)?"
    # the offense in words; a short parenthesis inside it ('twenty-eight (28) grams', '("FSA")') is kept
    r"(?P<desc>[a-z](?:[^.;()]|\([\w\"“”'. ]{1,12}\)){3,160}?)[ \n,]*(?:\(|in[ \n]+violation[ \n]+of|under|pursuant[ \n]+to|,)[ \n]*(?=\d{1,2}[ \n]*U\.?[ \n]?S\.?[ \n]?C)", re.I))

# where _OFFENSE_INTRO can begin (in the folded text): its first word, at the start of a word
_OFFENSE_START = re.compile(r"[ipsgcf](?<!\w.)(?:(?<=i)(?=mprisonment|ncarceration)|(?<=p)(?=rison|lea)|(?<=s)(?=upervised)"
                            r"|(?<=g)(?=uilty)|(?<=c)(?=onvict|harg)|(?<=f)(?=ound))")
# a further count of the same sentence: '..., and one count of removing ... in violation of 18 U.S.C. § 658';
# '... wire fraud in violation of 18 U.S.C. § 1349 and aggravated identity theft, 18 U.S.C. § 1028A'
_FURTHER_COUNT = re.compile(r"(?:in[ \n]+violation[ \n]+of|violating|[a-z][,)])[ \n]*$")
# the items between two sections of one list: ', ', ' and ', a subsection-only item ', (b)(1)(A) and '
_LIST_GAP = re.compile(r"(?:[ ,\n]|and|or|&|\([A-Za-z0-9]{1,5}\))*")
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_COUNT_REF = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# which counts of an indictment ended in a conviction, and which did not
_COUNTS_CONVICTED = re.compile(r"(?<!not[ \n])guilty[ \n]+(?:plea[ \n]+|verdict[ \n]+)?(?:to|as[ \n]+to|on)[ \n]+counts?[ \n]+(?P<a>" + _COUNT_REF + r")(?:(?:,[ \n]*|[ \n]+and[ \n]+)(?P<b>" + _COUNT_REF + r"))?(?:,?[ \n]+and[ \n]+(?P<c>" + _COUNT_REF + r"))?", re.I)
_COUNTS_NOT = re.compile(r"(?:not[ \n]+guilty[ \n]+(?:as[ \n]+to|on|of)|acquitted[ \n]+(?:\w+[ \n]+)?(?:on|of)|dismiss\w*)[ \n]+counts?[ \n]+(?P<a>" + _COUNT_REF + r")(?:[ \n]+and[ \n]+(?P<b>" + _COUNT_REF + r"))?", re.I)
_COUNT_LABEL = re.compile(r"^[ \n]*\([Cc]ount[ \n]+(\d{1,2})\)")


def _counts(pattern: re.Pattern[str], text: str) -> set[int]:
    out = set()
    for m in pattern.finditer(text):
        for g in ("a", "b", "c"):
            v = m.groupdict().get(g)
            if v:
                out.add(int(v) if v.isdigit() else _NUMBER_WORDS[v.lower()])
    return out


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
    'convicted of', 'conviction for' and an offense description in the same sentence, with the
    further sections of its list ('§§ 841(a)(1), (b)(1)(A) and 846') and the further counts of the
    sentence ('..., and one count of X in violation of 18 U.S.C. § 658'). Counts an indictment
    charged ('charging him with') are kept unless the text says which counts ended in a conviction
    ('pleaded guilty to Counts 1 and 2', 'not guilty as to count three') and this one did not."""
    out = []
    text = doc.text
    usc = [c for c in cites if c.kind == "usc"]
    convicted = not_convicted = None
    for m in finditer_at(_OFFENSE_INTRO, _OFFENSE_START, doc.folded, start):
        first = next((c for c in usc if c.start >= m.end("desc") and c.start - m.end("desc") < 40), None)
        if not first:
            continue
        _, sent_end = doc.sentence_span(m.start())
        groups: list[tuple[str, list[Citation]]] = []
        desc = " ".join(text[m.start("desc"):m.end("desc")].split()).strip(" ,")
        group = [first]
        for c in usc:
            if c.start <= group[-1].end:
                continue
            if c.start >= sent_end:
                break
            gap = text[group[-1].end:c.start]
            if len(gap) <= 24 and _LIST_GAP.fullmatch(gap) and c.start - group[-1].end <= 24:
                group.append(c)        # the list goes on
                continue
            if _FURTHER_COUNT.search(text[max(group[-1].end, c.start - 40):c.start]):
                groups.append((desc, group))   # a further count of the same sentence
                desc = " ".join(re.sub(r"^[\W\d]*(?:and[ \n]+)?(?:one[ \n]+count[ \n]+of[ \n]+)?", "", re.sub(r"\([^()]*\)\)?", "", gap)).split())
                desc = re.sub(r",?[ \n]*(?:in[ \n]+violation[ \n]+of|violating)[ \n]*$", "", desc).strip(" ,")
                group = [c]
            else:
                break
        groups.append((desc, group))
        if m.group("charge"):
            if convicted is None:
                convicted, not_convicted = _counts(_COUNTS_CONVICTED, text), _counts(_COUNTS_NOT, text)
            kept = []
            for k, (d, g) in enumerate(groups, start=1):
                label = _COUNT_LABEL.match(text, g[-1].end)
                n = int(label.group(1)) if label else k
                if n in not_convicted or (convicted and n not in convicted):
                    continue
                kept.append((d, g))
            groups = kept
        for d, g in groups:
            s, e = g[0].start, g[-1].end
            statute = " ".join(text[s:e].split())
            out.append(Finding("convictions", {"statute": statute, "description": d}, m.start("desc") if g[0] is first else s, e))
    return out


_NO_APPEAL = folded(re.compile(r"\b(?:did[ \n]+not|didn't|didnt|never)[ \n]+(?:file[ \n]+an?[ \n]+|take[ \n]+an?[ \n]+|pursue[ \n]+an?[ \n]+)?(?:direct[ \n]+)?appeal|\bno[ \n]+(?:direct[ \n]+)?appeal[ \n]+was[ \n]+(?:filed|taken)|\bwithout[ \n]+(?:filing[ \n]+an?[ \n]+|taking[ \n]+an?[ \n]+)?(?:direct[ \n]+)?appeal", re.I))
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
        # the phrasings of cues.yaml `earlier_2255` ('I already did a 2255', 'with his motion to vacate ...')
        fold = doc.folded.replace("\n", " ")
        hits = [h for h in (c.search(fold, start) for c in cues()["earlier_2255"]) if h]
        m = min(hits, key=lambda h: h.start()) if hits else None
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


def extract_pro_se(doc: Document, kind: str = "order") -> Finding | None:
    """'pro se'; in a motion or letter also the movant's own 'I don't have a lawyer' (cues.yaml
    `pro_se`; in an order such words may be about the trial, not the request)."""
    m = _PRO_SE.search(doc.folded)
    if m is None and kind != "order":
        hits = [h for h in (c.search(doc.folded) for c in cues()["pro_se"]) if h]
        m = min(hits, key=lambda h: h.start()) if hits else None
    return Finding("request.pro_se", True, m.start(), m.end()) if m else None


# --------------------------------------------------------------------------------------------
# an order's disposition and the avenues it discussed

_DECRETAL = re.compile(
    r"(?P<subj>motion|letter|petition|request|application|[Mm]otions|it|Motion|Letter|Petition|Request)\b(?:[^.;]|\.(?=\S)|\.[ ](?=§|No\b|\d|[a-z(\[]))" r"{0,220}?\b(?:is|are|be|will[ \n]+be|must[ \n]+be|should[ \n]+be|shall[ \n]+be|hereby)[ \n]+"
    r"(?:hereby[ \n]+|therefore[ \n]+|summarily[ \n]+|respectfully[ \n]+|accordingly[ \n]+)*(?P<verb>DENIED|GRANTED|DISMISSED|TRANSFERRED|denied|granted|dismissed|transferred)"
    r"(?P<tail>[ \n]+(?:in[ \n]+part|without[ \n]+prejudice|as[ \n]+moot|for[ \n]+lack|IN[ \n]+PART|WITHOUT[ \n]+PREJUDICE|FOR[ \n]+LACK)[^.;]{0,60})?"
    r"|(?:[Cc]ourt|COURT)[ \n]+(?:hereby[ \n]+)?(?:[^.;]{0,120}?[ \n]and[ \n]+)?(?P<verb2>TRANSFERS|transfers|DENIES|denies|DISMISSES|dismisses|GRANTS|grants)\b[ \n]+(?P<obj>[^.;]{0,120})"
    r"|(?:[Cc]ourt|COURT)[ \n]+will[ \n]+(?P<verb3>deny|grant|dismiss|transfer)[ \n]+(?:the|[Dd]efendant'?s|[Pp]etitioner'?s|[Mm]ovant'?s|his|her|(?:Mr|Ms|Mrs)\.[ \n]+[A-Z][\w'\-]*'s|[A-Z][\w\-]*'s)[ \n]+(?:(?:pro[ \n]+se|renewed|second|amended|present|instant|pending)[ \n]+)*(?:[Mm]otion|[Pp]etition|[Ll]etter)"
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


_CONDITIONAL = re.compile(r"\b(?:would|could|might)(?:[ \n]+(?:have[ \n]+to|not|also|likely|still))?[ \n]+(?:be[ \n]+)?(?:\w+[ \n]+)?$")


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
            vk = next(k for k in ("verb", "verb2", "verb3", "verb4", "verb5") if m.group(k))
            if _CONDITIONAL.search(text, max(0, m.start(vk) - 60), m.start(vk)):
                continue   # 'such a petition would have to be dismissed': what would happen, not what does
            verb = m.group(vk).lower()
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


# Words that tie a sentence to this case (its parties, this court, this motion), outside quotations:
# a sentence without one states the law in general ('A court generally lacks "the authority to
# change or modify [a sentence] ..."'), it does not decide this request.
_QUOTED = re.compile(r'"[^"\n]{0,800}"|“[^”]{0,800}”')
_THIS_CASE = re.compile(
    r"(?<![Aa] )(?<!\[a\] )(?<!any )(?<!each )(?<!every )\b(?:[Dd]efendant|[Pp]etitioner|[Mm]ovant|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|Mr\.|Ms\.|Mrs\.|I(?![.\w])|my"
    r"|[Hh]ere|[Tt]his[ \n]+case|[Tt]he[ \n]+(?:instant|present|pending)|[Tt]his[ \n]+[Cc]ourt|the[ \n]+Court|(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er)[ \n]+(?:motion|petition|letter|request|Motion|Petition|Letter|Request))\b")


def about_this_case(sentence: str) -> bool:
    """Does this sentence of an order speak of this case (its words outside quotations name a
    party, this court or this request), rather than state the law in general?"""
    return _THIS_CASE.search(_QUOTED.sub(" ", sentence)) is not None


def recounts_earlier(low: str) -> bool:
    """Does this (lowercased) sentence recount an earlier motion or a past outcome (cues.yaml
    `earlier_motion`, `earlier_outcome`: 'his first motion ...', 'The motion was summarily
    dismissed as untimely')? The court's words about the request before it are not in that form."""
    table = cues()
    return any(c.search(low) for c in (*table["earlier_motion"], *table["earlier_outcome"]))


def extract_avenues(doc: Document, header_end: int, vehicle: list[str], disposition: str | None) -> list[Finding]:
    """Avenues the court discussed, with their outcome and the reason codes its words show.

    The outcome comes from the court's own holding, never from its recital of the law or of an
    earlier motion: a sentence that recounts an earlier filing or a past outcome supplies nothing
    (`recounts_earlier`); a sentence that states the law in general ('A court generally lacks "the
    authority to change or modify [a sentence] ..."') may give the reason for an avenue, but an
    avenue is decided only when it is the request's own vehicle (its outcome is the disposition),
    or when a sentence about this case (`about_this_case`) names it or gives its reason."""
    table = cues()
    text = doc.text
    starts = doc.sentence_starts
    reasons: dict[str, list[tuple[str, int, int]]] = {}
    decided: set[str] = set()   # avenues a sentence about this case names or gives a reason for
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
        original = sent
        sent = sent.lower()
        maybe = [(code, pats) for code, pats in reason_cues if any(p.possible(sent) for p in pats)]
        if not maybe or recounts_earlier(sent):
            continue
        holding = about_this_case(original)
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
                    if holding:
                        decided.add(a)
                break
    # an avenue given reasons only by statements of the law: decided only if a sentence about this
    # case names it (read only where its cues' words are)
    for a in [a for a in reasons if a not in decided and a not in vehicle]:
        pats = [p for ident, aps in avenue_cues if ident == a for p in aps]
        for i in (_sentences_with(flat, starts, pats) if pats and len(flat) == len(text) else ()):
            s = starts[i]
            e = starts[i + 1] if i + 1 < len(starts) else len(text)
            sent = text[s:e].replace("\n", " ")
            if s >= header_end and any(p.search(sent.lower()) for p in pats) and about_this_case(sent):
                decided.add(a)
                break
    out = []
    for a in dict.fromkeys(list(vehicle) + [a for a in reasons if a in decided or a in vehicle]):
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
