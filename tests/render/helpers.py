"""Shared helpers for the draft tests: the seeds, their analyses, plain text, citation checks."""
from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import yaml
from eyecite import get_citations
from eyecite.models import FullCaseCitation, FullLawCitation
from markdown_it import MarkdownIt

from fedrelief.engine import analyze
from fedrelief.facts import load_case
from fedrelief.law.kb import load_kb

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEEDS = sorted(EXAMPLES.glob("seed_*.yaml"))


@cache
def seed(path: Path):
    """(case, analysis, expected) for one example file."""
    case = load_case(path)
    expected = yaml.safe_load(path.read_text(encoding="utf-8")).get("expected") or {}
    return case, analyze(case), expected


def plain(markdown: str) -> str:
    """The text a reader sees, one line, straight quotes (no typographer), no markup."""
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    text = re.sub(r"<br\s*/?>|</?(?:p|td|th|tr|li|h\d|blockquote|ol|ul|table|thead|tbody)\b[^>]*>", " ", rendered)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.split())


def norm(text: str) -> str:
    return " ".join(text.split())


@cache
def kb_keys():
    """(volume, reporter, page) of every case and (title, reporter, section) of every statute or
    regulation in the knowledge base, each citation parsed on its own with eyecite."""
    cases, laws = set(), set()
    for a in load_kb():
        for c in get_citations(a.citation):
            if isinstance(c, FullCaseCitation):
                cases.add((c.groups.get("volume"), c.groups.get("reporter"), c.groups.get("page")))
            elif isinstance(c, FullLawCitation):
                laws.add(_law_key(c))
    return frozenset(cases), frozenset(laws)


def _law_key(c) -> tuple:
    g = c.groups
    return (g.get("title") or g.get("chapter"), g.get("reporter"), g.get("section"))


def _outside_brackets(text: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", text)


# citation forms eyecite does not extract, each checked against the knowledge base's own text
OTHER_FORMS = (
    re.compile(r"U\.S\.S\.G\. §+ ?\d[A-Z]\d\.\d+"),
    re.compile(r"Fed\. R\. (?:Crim|App|Civ)\. P\. \d+"),
    re.compile(r"U\.S\. Const\. art\. [IVX]+"),
    re.compile(r"\d+ C\.F\.R\. § \d+(?:\.\d+)*"),
)
# a full case citation: 'Name v. Name, 81 F.3d ...' or 'Name v. Name, No. 14-2090 ...'
CASE_NAME = re.compile(r"((?:In re|[A-Z][\w.'’-]*(?: [\w.'’&-]+)*? v\.) [^;,()]+?), (?:\d+ [A-Z]|No\. |Crim\. No\. )")


def uncited(text: str, own_caption: str | None = None) -> list[str]:
    """Every citation in `text` (outside bracketed blanks) that is not in the knowledge base.
    `own_caption` ('United States v. Name') is the case's own name, which a memo's Re: line prints."""
    cases, laws = kb_keys()
    kb_texts = [a.citation for a in load_kb()]
    bad = []
    for c in get_citations(text):
        if isinstance(c, FullCaseCitation):
            key = (c.groups.get("volume"), c.groups.get("reporter"), c.groups.get("page"))
            if key not in cases:
                bad.append(c.matched_text())
        elif isinstance(c, FullLawCitation):
            if _law_key(c) not in laws:
                bad.append(c.matched_text())
    outside = _outside_brackets(text)
    for pattern in OTHER_FORMS:
        for m in pattern.finditer(outside):
            if not any(m[0] in k for k in kb_texts):
                bad.append(m[0])
    for m in CASE_NAME.finditer(outside):
        name = re.sub(r"^(?:(?:See|see|Cf\.|But|also|e\.g\.,?)\s+)+", "", m[1].strip())
        if name == own_caption:
            continue
        if not any(k.startswith(name) or f" {name}," in k for k in kb_texts):
            bad.append(name)
    return bad


def section_after(markdown_tokens, heading_text: str):
    """Inline contents of the paragraphs after the heading `heading_text`, up to the thematic break."""
    out, inside = [], False
    for i, t in enumerate(markdown_tokens):
        if t.type == "heading_open":
            inside = t.tag == "h2" and markdown_tokens[i + 1].content.strip() == heading_text
        elif t.type == "hr" and inside:
            break
        elif inside and t.type == "inline" and markdown_tokens[i - 1].type == "paragraph_open":
            out.append((markdown_tokens[i - 1], t.content))
    return out
