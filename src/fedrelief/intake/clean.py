"""Stage 1, clean: raw text -> `Document` (normalised text + a map back to the original).

What cleaning does, and why:
- HTML: scripts, styles and comments go; block tags become line breaks; other tags go; entities
  are decoded (orders saved from a browser).
- Markdown: emphasis markers (`*Blackwell*`, `**DENIED**`, `_Id._`) and backslash escapes
  (`at \\*3`) go, heading marks and link targets go: the seed orders carry them.
- Typography: curly quotes become straight, dashes become '-', ligatures are split, soft hyphens
  and zero-width characters go (PDF text layers).
- De-hyphenation: a word broken at a line end ("imprison-\\nment") is joined; but a compound the
  document also writes whole elsewhere ("fast-\\ntrack" where "fast-track" occurs) keeps its hyphen.
- Whitespace: runs of blanks become one space, runs holding a line break become one '\\n'
  (caption lines stay apart; the body reads as one stream).

Every step is a token of one regular expression scanned once, so cleaning is linear in the input.
"""
from __future__ import annotations

import html
import re

from .document import Document, OffsetMap
from .scan import finditer_at

# one-to-one characters: translated before tokenising, so offsets do not move
_ONE_TO_ONE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
    "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n",
})
_MULTI = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\u2026": "...",
          "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""}

_COMMON = r"""
 (?P<ws>[ ]*\n[ \n]*|[ ]{2,})
|(?P<hyph>(?<=[A-Za-z0-9])-[ ]*\n[ \n]*(?=[a-z]))
|(?P<multi>[\ufb00-\ufb04\u2026\u00ad\u200b-\u200d\ufeff])
"""
_MARKDOWN = r"""
|(?P<esc>\\(?=[\\*_\[\]()#+\-.!>|{}]))
|(?P<emph>(?<![\w\\*])\*{1,3}(?=[^\s*])|(?<=[^\s*\\])\*{1,3}(?![\w*])|(?<![\w\\_])_{1,2}(?=[^\s_])|(?<=[^\s_\\])_{1,2}(?![\w_]))
|(?P<head>(?<![^\n])[ ]{0,3}\#{1,6}[ ]+)
|(?P<rule>(?<![^\n])[ ]{0,3}(?:-{3,}|\*{3,}|_{3,})[ ]*(?=\n|$))
|(?P<link>\]\([^)\s]{1,500}\))
"""
_HTML = r"""
|(?P<drop>(?is:<(script|style)\b.{0,200000}?</(?:script|style)\s*>)|<!--.{0,100000}?-->)
|(?P<block>(?i:</?(?:p|br|div|li|tr|td|th|h[1-6]|table|ul|ol|blockquote|section|article|header|footer|pre|hr)\b[^>]{0,2000}>))
|(?P<tag></?[A-Za-z!][^>]{0,2000}>)
|(?P<ent>&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});)
"""
_TOKENS = {
    "text": re.compile(_COMMON + _MARKDOWN, re.X),
    "markdown": re.compile(_COMMON + _MARKDOWN, re.X),
    "html": re.compile(_COMMON + _HTML, re.X),
}
_COMPOUND = re.compile(r"\b([A-Za-z0-9]+)-([a-z]+)\b")
# Where a token can begin: every token above starts with one of these characters, or with a blank
# followed by a blank, a line break or a heading / rule / emphasis mark. Only these few positions
# are tried, so the long plain stretches between them cost one fast character scan instead of a
# try of every alternative at every character; the tokens found are the same (a match is only
# ever tried where one could start, in the same order).
_TOKEN_START = re.compile(r"[ \n\-\\*_#\]<&\ufb00-\ufb04\u2026\u00ad\u200b-\u200d\ufeff](?:(?<! )|(?=[ \n#*_\-]))")
# the one-to-one characters, replaced only where present (str.translate looks up every character)
_ONE_TO_ONE_PAIRS = tuple((chr(k), v) for k, v in _ONE_TO_ONE.items())


def _translate(s: str) -> str:
    for a, b in _ONE_TO_ONE_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


def clean(original: str, markup: str = "text", source: str = "<text>") -> Document:
    """Normalise `original` (markup: 'text', 'markdown' or 'html') into a `Document`."""
    if markup == "html":
        original = _html_whitespace(original)
    src = _translate(original)
    tokens = _TOKENS.get(markup, _TOKENS["text"])
    compounds = {f"{a.lower()}-{b}" for a, b in _COMPOUND.findall(src)} if "-\n" in src or "- \n" in src else set()
    out: list[str] = []
    omap = OffsetMap()
    pos = 0  # in src
    n = 0    # length of output so far

    def emit(s: str, orig_start: int, orig_len: int) -> None:
        nonlocal n
        if s == "\n" and out and out[-1].endswith("\n"):
            return  # one line break is enough: consecutive block tags and blank lines collapse
        if s:
            out.append(s)
            omap.add(n, orig_start, len(s), orig_len)
            n += len(s)

    for m in finditer_at(tokens, _TOKEN_START, src):   # = tokens.finditer(src), faster
        if m.start() > pos:
            emit(src[pos:m.start()], pos, m.start() - pos)
        kind = m.lastgroup
        tok = m.group()
        if kind == "ws":
            if tok == " ":
                emit(" ", m.start(), 1)
            else:
                emit("\n" if "\n" in tok else " ", m.start(), len(tok))
        elif kind == "hyph":
            a = re.search(r"[A-Za-z0-9]+$", src[max(0, m.start() - 40):m.start()])
            b = re.match(r"[a-z]+", src[m.end():m.end() + 40])
            if a and b and f"{a.group().lower()}-{b.group()}" in compounds:
                emit("-", m.start(), 1)
        elif kind == "multi":
            emit(_MULTI.get(tok, ""), m.start(), len(tok))
        elif kind == "ent":
            emit(_translate(html.unescape(tok)), m.start(), len(tok))
        elif kind in ("block", "rule"):
            emit("\n", m.start(), len(tok))
        # esc, emph, head, link, tag, drop: deleted
        pos = m.end()
    if pos < len(src):
        emit(src[pos:], pos, len(src) - pos)
    text = "".join(out)
    if markup == "html" and ("&" in text):
        pass  # entities decoded above; a literal '&' stays
    return Document(original=original, text=text, offsets=omap, source=source)


def _html_whitespace(s: str) -> str:
    # in HTML a newline is just a space; block tags make the breaks. Same length: offsets hold.
    return s.replace("\r", " ").replace("\n", " ")
