"""Fast, exact pattern tests for the extractors (issue 5: intake speed).

Most of the intake's time went to regular expressions tried at every character of a text where
they could not match. The helpers here skip that work without changing any result:

- `needles(pattern)`: strings of which every match contains at least one, read from the parsed
  pattern. When none of them is in a text (a substring test, far cheaper than a regex scan), the
  pattern cannot match there and is not run.
- `Cue`: a cue phrase (cues.yaml) compiled once, with its needles; `search` answers None at once
  when no needle is present, and otherwise is the compiled pattern's own `search`.
- `folded(pattern)`: a case-insensitive expression's lowercase twin, matched against
  `Document.folded`. IGNORECASE stops the engine from skipping ahead to a literal; the twin lets
  it, and finds the same spans.
- `finditer_at(pattern, starts, text)`: `pattern.finditer(text)`, with `pattern` tried only where
  the cheap expression `starts` says a match can begin (for expressions that open with a
  look-behind or a word boundary, which the engine would otherwise test at every character).

tests/intake/test_fast_paths.py checks each against the plain expression it stands for.
"""
from __future__ import annotations

import re

try:  # the standard library's own parser of regular expressions (Python >= 3.11)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts: no needles, every pattern is simply run
    _sre_parse = None


def _runs(items) -> tuple[str, ...] | None:
    """The best needle set of a sequence of parsed items: its longest run of literal characters,
    or the alternatives of a group every match must pass through, whichever is more selective."""
    best: tuple[str, ...] | None = None

    def better(cand: tuple[str, ...] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in items:
        if op is _sre_parse.LITERAL:
            run += chr(av)
            continue
        better((run,))
        run = ""
        if op is _sre_parse.BRANCH:
            alts = [_runs(list(alt.data)) for alt in av[1]]
            if all(alts):
                better(tuple(n for a in alts for n in a))
        elif op is _sre_parse.SUBPATTERN and not av[1] and not av[2]:   # a group without flags
            better(_runs(list(av[3].data)))
    better((run,))
    return best


def needles(pattern: str | re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: none found, always run it).
    Only case-sensitive patterns: a case-insensitive one is matched against lowercased text."""
    if _sre_parse is None:
        return None
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    if flags & re.IGNORECASE:
        return None
    try:
        tree = _sre_parse.parse(source, flags)
    except Exception:  # pragma: no cover - a pattern re accepts always parses
        return None
    if tree.state.flags & re.IGNORECASE:   # an inline (?i) at the start
        return None
    return _runs(list(tree.data))


class Cue:
    """A cue phrase compiled once, with the needles that let most texts skip it."""

    __slots__ = ("regex", "needles")

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.needles = needles(self.regex)

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def possible(self, text: str) -> bool:
        """False when the cue cannot match anywhere in `text`."""
        n = self.needles
        if n is None:
            return True
        for x in n:
            if x in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        n = self.needles
        if n is not None:
            for x in n:
                if x in text:
                    break
            else:
                return None
        return self.regex.search(text, pos) if endpos is None else self.regex.search(text, pos, endpos)


# every twin made by `folded`, with the expression it stands for (the tests match both)
FOLDED_TWINS: dict[re.Pattern[str], re.Pattern[str]] = {}


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive `pattern`, for `Document.folded` text: its
    letters lowercased (escapes and group names kept), compiled without IGNORECASE. Matched against
    the folded text it finds the same spans the original finds in the text; read a group's words
    from the text by its span when their case matters."""
    src = pattern.pattern
    inline = src.startswith("(?i:") and src.endswith(")") and _balanced(src[4:-1])
    if not (pattern.flags & re.IGNORECASE or inline) or "(?-i" in src or "(?i" in (src[4:] if inline else src):
        raise ValueError(f"not a wholly case-insensitive pattern: {src[:60]!r}")
    if inline:
        src = src[4:-1]
    out = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            out.append(src[i:i + 2])   # \S, \W, \B, \A, \Z, \N...: kept as written
            i += 2
        elif src.startswith("(?P<", i) or src.startswith("(?P=", i):
            j = src.index(">" if src[i + 3] == "<" else ")", i)
            out.append(src[i:j + 1])   # a group's name keeps its case
            i = j + 1
        else:
            out.append(c.lower())
            i += 1
    twin = re.compile("".join(out), pattern.flags & ~re.IGNORECASE)
    FOLDED_TWINS[twin] = pattern
    return twin


def _balanced(s: str) -> bool:
    depth = 0
    i = 0
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == "[":   # a class: skip to its end
            j = i + 1
            if j < len(s) and s[j] == "^":
                j += 1
            if j < len(s) and s[j] == "]":
                j += 1
            while j < len(s) and s[j] != "]":
                j += 2 if s[j] == "\\" else 1
            i = j + 1
            continue
        depth += {"(": 1, ")": -1}.get(s[i], 0)
        if depth < 0:
            return False
        i += 1
    return depth == 0


def finditer_at(pattern: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0,
                endpos: int | None = None, starts_in: str | None = None):
    """The matches of `pattern.finditer(text, pos, endpos)`, trying `pattern` only where `starts`
    finds a match (at its start). Exact when every match of `pattern` begins at such a place and
    none is empty; `starts` should begin with a character class, which the engine skips to at
    once, so the plain stretches between candidates cost almost nothing. `starts_in`: the text
    `starts` reads, when not `text` itself (the folded text: same offsets)."""
    end = len(text) if endpos is None else endpos
    find, match = starts.search, pattern.match
    where = text if starts_in is None else starts_in
    i = pos
    while True:
        c = find(where, i, end)
        if c is None:
            return
        m = match(text, c.start(), end)
        if m is None:
            i = c.start() + 1
            continue
        yield m
        i = m.end()
