"""A `Document`: the cleaned text the extractors read, and the map back to the original.

Like eyecite's `Document`, cleaning never loses track of where a character came from: every
extracted fact keeps a span in the cleaned text, and `Document.original_span` turns it into a
span of the original text (what the reader got from the file: the text itself, the text layer of
a PDF, the paragraphs of a DOCX, or the HTML source).

The map is a list of segments. A *copy* segment maps cleaned characters one to one onto the
original; a *replacement* segment (an entity, a ligature, a collapsed run of whitespace) maps
all its cleaned characters onto the whole original stretch it replaced. Deleted text (tags,
emphasis markers) has no segment at all.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


class OffsetMap:
    """cleaned offset -> original offset, piecewise linear."""

    __slots__ = ("clean_starts", "orig_starts", "clean_lens", "orig_lens")

    def __init__(self) -> None:
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.clean_lens: list[int] = []
        self.orig_lens: list[int] = []

    def add(self, clean_start: int, orig_start: int, clean_len: int, orig_len: int) -> None:
        if clean_len <= 0:
            return
        # merge adjacent copy segments: keeps the map small for long plain runs
        if (self.clean_starts and clean_len == orig_len and self.clean_lens[-1] == self.orig_lens[-1]
                and self.clean_starts[-1] + self.clean_lens[-1] == clean_start
                and self.orig_starts[-1] + self.orig_lens[-1] == orig_start):
            self.clean_lens[-1] += clean_len
            self.orig_lens[-1] += orig_len
            return
        self.clean_starts.append(clean_start)
        self.orig_starts.append(orig_start)
        self.clean_lens.append(clean_len)
        self.orig_lens.append(orig_len)

    def start(self, i: int) -> int:
        """Original offset of the cleaned character at `i`."""
        if not self.clean_starts:
            return 0
        k = max(0, bisect_right(self.clean_starts, i) - 1)
        if self.clean_lens[k] == self.orig_lens[k]:
            return self.orig_starts[k] + min(max(i - self.clean_starts[k], 0), self.orig_lens[k])
        return self.orig_starts[k]

    def end(self, j: int) -> int:
        """Original offset just past the cleaned character at `j - 1`."""
        if j <= 0 or not self.clean_starts:
            return 0
        i = j - 1
        k = max(0, bisect_right(self.clean_starts, i) - 1)
        if self.clean_lens[k] == self.orig_lens[k]:
            return self.orig_starts[k] + min(i - self.clean_starts[k], self.orig_lens[k] - 1) + 1
        return self.orig_starts[k] + self.orig_lens[k]


class _WindowMap:
    """Offsets of a window (head + '\n' + tail) -> the cleaned text -> the original."""

    def __init__(self, base: OffsetMap, head: int, cut: int) -> None:
        self.base, self.head, self.cut = base, head, cut

    def _clean(self, i: int) -> int:
        return i if i <= self.head else self.cut + (i - self.head - 1)

    def start(self, i: int) -> int:
        return self.base.start(self._clean(i))

    def end(self, j: int) -> int:
        return self.base.end(self._clean(j - 1) + 1) if j > 0 else 0


# Tokens after which a period does not end a sentence (citations and captions are full of them).
_ABBREV = frozenset("""
v vs no nos u.s u.s.c u.s.s.g usc ussg fed r crim civ app p cir f supp ct s l ed 2d 3d 4th
inc co corp e.g i.e doc dkt mr ms mrs dr jr sr st jan feb mar apr aug sept sep oct nov dec
id cf see ann stat pub c.f.r cfr sec cr crim. ex rel art cl amend para pp n nn al seq ecf
""".split())
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# r"[.!?][\"')\]”’]*\s+(?=[\"“(\[]?[A-Z0-9])|\n(?=[A-Z\[(])", written to open with one character class
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)(?=[A-Z\[(])|(?<!\n)[\"')\]”’]*\s+(?=[\"“(\[]?[A-Z0-9]))")


@dataclass
class Document:
    original: str
    text: str
    offsets: OffsetMap = field(repr=False)
    source: str = "<text>"

    def window(self, head: int, tail: int) -> "Document":
        """The first `head` and last `tail` characters, joined by a line break, mapped back to the
        same original. Fact extractors read this window of a very long document (the caption, the
        request and the decretal paragraph are at its ends); citations are read in full."""
        if len(self.text) <= head + tail:
            return self
        cut = len(self.text) - tail
        return Document(original=self.original, text=self.text[:head] + "\n" + self.text[cut:],
                        offsets=_WindowMap(self.offsets, head, cut), source=self.source)

    @cached_property
    def lower(self) -> str:
        """`text.lower()`, computed once: the extractors' cheap 'is this word here at all' tests."""
        return self.text.lower()

    @cached_property
    def folded(self) -> str:
        """`text` lowercased offset for offset, for case-insensitive matching: a lowercase pattern
        without IGNORECASE finds in `folded` exactly what the same pattern with IGNORECASE finds in
        `text`, and faster (a literal-led alternative is then skipped by one character test). The
        four letters IGNORECASE also folds onto ASCII ones ('İ', 'ı', 'ſ', 'K') are folded the same
        way; no other character lowercases to more than one character or to ASCII."""
        t = self.text
        if "\u0130" in t or "\u0131" in t or "\u017f" in t or "\u212a" in t:
            return t.translate(_FOLD).lower()
        return self.lower

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.start(start), self.offsets.end(end)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets (cleaned text) of sentences: after ., ! or ? before a capital, unless the
        period closes an abbreviation; and at a line break that starts a capitalised line (captions)."""
        text = self.text
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            if text[m.start()] == "\n":
                # a line break ends a sentence only around caption-like lines (no lowercase word)
                line_start = text.rfind("\n", 0, m.start()) + 1
                prev = text[line_start:m.start()]
                nxt_end = text.find("\n", m.end())
                nxt = text[m.end():nxt_end if nxt_end >= 0 else len(text)]
                if not (_capsline(prev) or _capsline(nxt) or prev.rstrip().endswith((".", ":", ";"))):
                    continue
            elif text[m.start()] == ".":
                word_start = m.start()
                while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "([\"“":
                    word_start -= 1
                word = text[word_start:m.start()].lower().lstrip("([")
                if word in _ABBREV or (len(word) <= 2 and word.isalpha()) or word.endswith(".") and len(word) <= 6:
                    continue
                # "§ 2255." ends a sentence but "Fed. R. Crim. P." does not: a capital single letter is an initial
            starts.append(m.end())
        return starts

    def sentence_span(self, offset: int) -> tuple[int, int]:
        starts = self.sentence_starts
        k = max(0, bisect_right(starts, offset) - 1)
        end = starts[k + 1] if k + 1 < len(starts) else len(self.text)
        return starts[k], end

    def sentence(self, offset: int) -> str:
        s, e = self.sentence_span(offset)
        return " ".join(self.text[s:e].split())


def _capsline(line: str) -> bool:
    """Has a letter and no lowercase letter."""
    if not line.isascii() and "§" in line:
        line = line.replace("§", "")   # neither a letter nor lowercase: the answer is the same
    if line.isascii():   # the same test without a list: no a-z, and some A-Z
        return line.upper() == line and line.lower() != line
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)
