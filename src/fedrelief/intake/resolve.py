"""Stage 3, resolve: raw findings -> facts in the case file's terms.

- the court, through `fedrelief.law.courts.resolve_court` (courts-db behind it), after expanding
  the abbreviations captions use ('E.D. Arkansas' -> 'Eastern District of Arkansas');
- names: caption capitals to ordinary case ('LUGO-MARIN' -> 'Lugo-Marin');
- statutes the movant invokes, as written (U.S.C., U.S.S.G., Rules, and bare '§ 2255');
- each date's role, read from the words around it (sentenced on, filed on, DATED:);
- the request's vehicles (avenue ids), and from an order the avenues it discussed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .events import extract_avenues
from .extract import Extraction, Finding, cues

_DIRECTIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}


@lru_cache(maxsize=4096)
def resolve_court_text(raw: str):
    """-> DistrictCourt or None. Each spelling is first looked up in fedrelief's own table of
    district names (a dictionary look-up); courts-db, slow to load (seconds, once per process) and
    to match, is asked only when no spelling is found there."""
    from ..law import courts
    from ..law.courts import UnknownCourt, resolve_court

    candidates = [raw, raw.title()]
    m = re.match(r"^(?:([NSEWMC])\.\s?)?D\.\s*(.+)$", raw.strip())
    if m:
        state = m.group(2).strip(" .")
        prefix = f"{_DIRECTIONS[m.group(1)]} District of " if m.group(1) else "District of "
        candidates += [prefix + state, prefix + _STATE_ABBR.get(state.replace(" ", ""), state)]
    known = _known_court(courts, candidates)
    if known is not None:
        return known
    for c in candidates:
        try:
            return resolve_court(c)
        except (UnknownCourt, ValueError, KeyError):
            continue
    return None


def _known_court(courts, candidates: list[str]):
    """The first spelling `resolve_court` finds without courts-db (its id or alias table)."""
    try:
        districts, aliases, norm = courts._districts(), courts._aliases(), courts._norm
    except AttributeError:   # the table moved: let resolve_court answer
        return None
    for c in candidates:
        key = c.strip()
        if key.lower() in districts:
            return districts[key.lower()]
        hit = aliases.get(norm(key))
        if hit:
            return districts[hit]
    return None


_STATE_ABBR = {"Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Cal.": "California", "Colo.": "Colorado",
               "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Haw.": "Hawaii",
               "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
               "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
               "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
               "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
               "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Or.": "Oregon",
               "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
               "Tenn.": "Tennessee", "Tex.": "Texas", "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington",
               "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming"}


def person_name(raw: str) -> str:
    raw = " ".join(raw.split()).strip(" ,")
    if raw.upper() != raw:
        return raw
    def word(w: str) -> str:
        if w in ("II", "III", "IV"):
            return w
        return "-".join(p[:1] + p[1:].lower() for p in w.split("-"))
    return " ".join(word(w) for w in raw.split(" "))


# date roles: (role, regex on the words just before the date, regex just after); first that fits wins
_ROLES = [
    ("as_of", re.compile(r"(?:DATED|Dated|ENTERED|Entered|Signed|SIGNED|SO ORDERED|Decided(?: and Filed)?|Filed)\s*:?\s*(?:this\s+)?$|Signed by [^\n]{0,60}? on $|^\s*$"), None),
    ("custody.release_date", re.compile(r"release date(?: of| is)?\s*$|released\s+from\s+(?:prison|custody|incarceration|(?:BOP|federal|state)\s+custody|the\s+Bureau\s+of\s+Prisons)\s+on\s*$", re.I), None),
    ("custody.supervision_started_on", re.compile(r"supervised release (?:began|commenced)(?: on)?\s*$|(?:began|commenced|started)\s+serving\s+[^.;]{0,40}?supervised\s+release(?:\s+term)?\s+on\s*$", re.I), None),
    ("administrative.warden_response_on", re.compile(r"(?:warden|request)[^.;]{0,60}\bwhich[ ]+was[ ]+(?:denied|rejected)[ ]+on\s*$|\bwarden\b[^.;]{0,40}\b(?:denied|responded|rejected)[^.;]{0,10}\bon\s*$", re.I), None),
    ("administrative.warden_request_on", re.compile(r"(?:request|requested|asked|wrote|submitted)[^.;]{0,80}\bwarden\b[^.;]{0,30}$|\bwarden\b[^.;]{0,40}\b(?:on|dated)\s*$", re.I),
     re.compile(r"^[,\s]+(?:[\w.]+\s+){0,4}(?:submitted|gave|sent|made|filed|wrote|delivered|presented)\s+(?:a|an|his|her|my)\s+(?:written\s+)?request[^.;]{0,80}\bwarden\b", re.I)),
    ("history.filed_on", re.compile(r"(?:first|previous|prior|earlier|original(?:ly)?)[^.;]{0,60}(?:motion|petition)[^.;]{0,80}\bon\s*$|(?:filed|motion)[^.;]{0,30}(?:first|previous|prior)[^.;]{0,40}$", re.I),
     re.compile(r"^[,\s]+(?:[\w.]+\s+){0,4}filed\s+(?:his|her|a|the|my)\s+(?:first|prior|previous|initial|original)\s+(?:§\s*2255\s+)?(?:motion|petition)", re.I)),
    # a signature's 'Dated:' opens its line and is written as such ('Movant's letter dated ...' is not it)
    ("request.filed_on", re.compile(r"(?:^|[^\w])(?:filed|received|docketed|submitted)(?:\s+(?:on\s+)?|\s+by\s+(?:this|the)\s+court\s+on\s+|\s+(?:his|her|the|this|a|an)?\s*(?:(?:present|instant|pending|current|pro se|second|renewed|amended)\s+)*(?:motion|letter|petition|request)[^.;]{0,60}?\s+on\s+)$"
                                    r"|(?:[Mm]otion|[Ll]etter|[Pp]etition)[^.;()]{0,120},\s*(?:filed|dated)\s*$|(?:Executed on|submitted this)\s*$"
                                    r"|(?:^|\n)[ \t]*(?-i:Dated|DATED|Date|DATE|Signed|SIGNED)[ \t]*:?[ \t]*(?:on[ \t]+|this[ \t]+)?$", re.I),
     re.compile(r"^[,\s]+(?:[\w.]+\s+){0,4}(?:filed|submitted)\s+(?:a|an|his|her|the|this)\s+(?:pro se\s+)?(?:motion|letter|petition|request)"
                r"(?!\s+(?:to\s+(?:reconsider|appoint|amend|supplement|expedite|strike|seal|stay|proceed)|for\s+(?:reconsideration|leave|an?\s+extension|appointment)))", re.I)),
    ("sentence.judgment_entered_on", re.compile(r"judgment[^.;]{0,40}(?:entered|issued|filed)(?: on)?\s*$", re.I), None),
    ("sentence.imposed_on", re.compile(r"sentenc(?:ed|ing)[^.;]{0,80}\bon\s*$|sentencing hearing[^.;]{0,40}$", re.I), re.compile(r"^[,\s]+(?:\w+\s+){0,6}(?:was\s+|were\s+)?(?:re)?sentenced\b|^[,\s]+the\s+(?:\w+\s+){0,3}[Cc]ourt\s+[^.;\d]{0,80}?\b(?:held\s+a\s+sentencing|sentenced)\b", re.I)),
    ("dates.plea", re.compile(r"(?:pled|pleaded|plea)[^.;]{0,40}\bon\s*$", re.I), re.compile(r"^[,\s]+(?:[\w']+\s+){0,5}(?:pled|pleaded|plead|entered a plea|plea of guilty|guilty plea)", re.I)),
    ("convictions.offense_date", re.compile(r"offense[^.;]{0,30}(?:occurred|committed)(?: on)?\s*$", re.I), None),
    ("appeal.decided_on", re.compile(r"(?:Circuit|court of appeals)[^.;]{0,60}affirmed[^.;]{0,30}\bon\s*$", re.I), None),
    ("appeal.filed_on", re.compile(r"notice of appeal[^.;]{0,40}\bon\s*$", re.I), re.compile(r"^[,\s]+(?:\w+\s+){0,4}filed a (?:timely )?notice of appeal", re.I)),
    ("dates.indictment", re.compile(r"indict(?:ed|ment)[^.;]{0,40}\bon\s*$", re.I), re.compile(r"^[,\s]+(?:\w+\s+){0,6}indict", re.I)),
]


_NOT_THE_FILING = re.compile(r"\b(?:denied|granted|dismissed|decided|entered|reconsider\w*|appoint\w*)\b[^.;]{0,40}$", re.I)


def date_roles(ex: Extraction) -> list[Finding]:
    text = ex.doc.text
    out: list[Finding] = []
    taken: set[str] = set()
    for d, s, e in ex.dates:
        line_start = text.rfind("\n", 0, s) + 1
        sent_start, sent_end = ex.doc.sentence_span(s)
        before = text[max(sent_start, line_start if s - line_start < 40 else sent_start, s - 160):s]
        after = text[e:min(sent_end, e + 120)]
        if ex.kind != "order" and "request.filed_on" not in taken and s > len(text) * 0.6 \
                and text[line_start:s].strip() == "" and text[e:text.find("\n", e) if text.find("\n", e) >= 0 else len(text)].strip(" .") == "":
            # a motion's or letter's date standing alone on a line of its signature block: its filing
            taken.add("request.filed_on")
            out.append(Finding("request.filed_on", d, s, e))
            continue
        for role, pat_before, pat_after in _ROLES:
            if role == "as_of":
                if ex.kind != "order":
                    continue  # a motion's 'Dated:' is its filing date (request.filed_on below)
                standalone = (text[line_start:s].strip() in ("", "Opinion") and text[e:text.find("\n", e) if text.find("\n", e) >= 0 else len(text)].strip(" .") == "")
                head = s < ex.header_end + 40 and standalone
                tail_zone = s > len(text) * 0.6 or s > ex.header_end + 1500
                if not ((standalone and (head or tail_zone)) or re.search(pat_before.pattern.split("|^\\s*$")[0], text[max(line_start, s - 60):s])):
                    continue
            else:
                if not (pat_before.search(before) or (pat_after and pat_after.search(after))):
                    continue
            key = role
            if key in taken and key != "as_of":
                continue
            if role == "request.filed_on" and _NOT_THE_FILING.search(before[-90:]):
                continue   # '..., which itself was denied on', 'his motion to reconsider ... on': another paper's date
            if role == "request.filed_on" and re.search(r"(?:Government|government|United States)'?s?[^.;]{0,80}$", before) \
                    and not re.search(r"(?:Defendant|Petitioner|defendant|petitioner)'s[^.;]{0,80}$", before[-100:]):
                continue
            taken.add(key)
            out.append(Finding(role, d, s, e))
            break
    # the order's date: the last one found (a signature block), else the header date
    as_of = [f for f in out if f.path == "as_of"]
    if len(as_of) > 1:
        keep = as_of[-1]
        out = [f for f in out if f.path != "as_of" or f is keep]
    return out


# r"(?:§|[Ss]ection)[ \n]*...", opening with one character class (the scan skips to '§', 'S', 's')
_BARE_SECTION = re.compile(r"[§Ss](?:(?<=§)|(?<=[Ss])ection)[ \n]*(?P<sec>\d{4}[a-z]?)(?P<sub>(?:\([A-Za-z0-9]{1,4}\))*)")
_MOVES_UNDER = re.compile(r"(?:moves?|moving|asks?|seeks?|requests?|petitions?|motion|letter|petition|request|relies|invokes?)\b[^.;]{0,90}?\b(?:pursuant[ \n]+to|under|in[ \n]+accordance[ \n]+with|via|invoking|citing)[ \n]+(?:the[ \n]+)?(?:[\w.]+[ \n]+){0,4}$", re.I)
_CONVICTION_CUE = re.compile(r"(?:violation of|convicted of|conviction for|guilty to|charged with)[^.;]{0,120}$", re.I)


def invoked(ex: Extraction, convictions: list[Finding]) -> list[Finding]:
    """Authorities the movant cites, as written: citations inside the request's own words that are
    not the statute of conviction."""
    text = ex.doc.text
    out: list[Finding] = []
    seen: set[str] = set()
    conv_spans = [(f.start, f.end) for f in convictions]

    def add(s: int, e: int) -> None:
        written = " ".join(text[s:e].split()).rstrip(".,")
        if any(a <= s < b for a, b in conv_spans) or _CONVICTION_CUE.search(text[max(0, s - 140):s]):
            return
        if written not in seen:
            seen.add(written)
            out.append(Finding("request.invokes", written, s, e))

    title = next((f for f in ex.findings if f.path == "request.title"), None)

    def inside_request(s: int) -> bool:  # the title, or what the movant moves under
        if title and title.start <= s < title.end:
            return True
        for a, b in ex.request_spans:
            if a <= s < b:
                lo = max(a, ex.doc.sentence_span(s)[0], s - 200)  # only the words just before: linear time
                return bool(_MOVES_UNDER.search(text[lo:s]))
        return False

    cited = [c for c in ex.local_citations if c.kind in ("usc", "ussg", "rule") and inside_request(c.start)]
    for c in cited:
        add(c.start, c.end)
    for m in _BARE_SECTION.finditer(text):
        if inside_request(m.start()) and not any(c.start <= m.start() < c.end for c in ex.local_citations) \
                and not re.search(r"U\.?\s?S\.?\s?C\.?\s*(?:§§?)?\s*$", text[max(0, m.start() - 12):m.start()]):
            add(m.start(), m.end())
    return out


def vehicles(ex: Extraction) -> list[str]:
    """The avenues the request itself names (its title and its own words), in cue order."""
    table = cues()["avenues"]
    found: list[str] = []
    title = next((f for f in ex.findings if f.path == "request.title"), None)
    spans = list(ex.request_spans)
    if title:
        named = [i for i, pats in table.items() if i not in ("inherent_power", "appeal") and any(p.search(title.value.lower()) for p in pats)]
        if named:
            return named
    for s, e in spans:
        sent = ex.doc.text[s:e].lower()
        for ident, pats in table.items():
            if ident in ("inherent_power", "appeal") or ident in found:
                continue
            if any(p.search(sent) for p in pats):
                found.append(ident)
    # a letter that names no avenue: what it seeks decides (SPEC: seeks -> avenue)
    return found


@dataclass
class Resolved:
    findings: list[Finding]
    court_id: str | None
    court_raw: str | None
    vehicles: list[str]


def resolve(ex: Extraction) -> Resolved:
    out: list[Finding] = []
    court_id = court_raw = None
    for f in ex.findings:
        if f.path == "court":
            court_raw = f.value
            court = resolve_court_text(f.value)
            if court:
                court_id = court.id
                out.append(Finding("court", court.id, f.start, f.end))
        elif f.path == "defendant":
            out.append(Finding("defendant", person_name(f.value), f.start, f.end))
        elif f.path == "custody.release_date@":
            continue
        else:
            out.append(f)
    dated = date_roles(ex)
    out.extend(dated)
    convictions = [f for f in ex.findings if f.path == "convictions"]
    out.extend(invoked(ex, convictions))
    offense = next((f for f in dated if f.path == "convictions.offense_date"), None)
    if offense and convictions:
        convictions[0].value["offense_date"] = offense.value
    veh = vehicles(ex)
    if ex.kind == "order":
        disp = next((f.value for f in ex.findings if f.path == "expected.disposition"), None)
        out.extend(extract_avenues(ex.doc, ex.header_end, veh, disp))
    return Resolved(findings=out, court_id=court_id, court_raw=court_raw, vehicles=veh)
