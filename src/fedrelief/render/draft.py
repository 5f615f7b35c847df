"""`render_draft(analysis, case, kind, fmt)`: the order or the memo, as a court or a person gets it.

Drafts are rendered from the Analysis only (plus the case's caption facts), never written
separately: draft_model (with draft_ao and draft_memo) gathers what the analysis says, the Jinja2
templates in templates/ lay it out as Markdown, and the other formats come from that Markdown:

    Analysis + caption facts --draft_model--> view --templates/*.md.j2--> Markdown (canonical)
    Markdown --markdown-it--> HTML (court.css) --WeasyPrint--> PDF
    Markdown --markdown-it tokens--> DOCX (python-docx, Word styles)

Example:
    >>> from fedrelief.facts import load_case
    >>> from fedrelief.engine import analyze
    >>> case = load_case("examples/seed_000_lugo_marin.yaml")
    >>> pdf = render_draft(analyze(case), case, kind="order", fmt="pdf")
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..engine.result import Analysis
from ..facts.model import Case
from .draft_model import DraftError

KINDS = ("order", "memo")
FORMATS = ("md", "docx", "pdf", "html")
FORMS = ("auto", "narrative", "ao")
TEMPLATES = Path(__file__).parent / "templates"


@cache
def templates():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined)
    from .draft_memo import status_plain

    env.globals["status_plain"] = status_plain
    return env


def _tidy(markdown: str) -> str:
    lines = [line.rstrip(" ") for line in markdown.splitlines()]
    text = "\n".join(lines).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def render_markdown(analysis: Analysis, case: Case, kind: str = "order", form: str = "auto") -> str:
    """The canonical Markdown of the draft."""
    from .draft_memo import build_memo
    from .draft_model import build_order

    if kind == "order":
        view = build_order(analysis, case, form)
        name = "order.md.j2" if view.form == "narrative" else "order_ao.md.j2"
        return _tidy(templates().get_template(name).render(order=view))
    view = build_memo(analysis, case)
    return _tidy(templates().get_template("memo.md.j2").render(memo=view))


def _title(analysis: Analysis, kind: str) -> str:
    who = analysis.defendant or "Defendant"
    what = "Order" if kind == "order" else "Memorandum"
    return f"{what}: United States v. {who}" + (f", No. {analysis.case_number}" if analysis.case_number else "")


def render_draft(analysis: Analysis, case: Case, kind: str = "order", fmt: str = "md",
                 form: str = "auto") -> bytes | str:
    """Render the order or the memo for `analysis` (of `case`).

    kind: 'order' (a district-court order) or 'memo' (plain English, for the person or a lawyer).
    fmt:  'md' and 'html' return str; 'docx' and 'pdf' return bytes.
    form: orders only. 'auto' uses the AO 247 / AO 248 layout when the one vehicle is § 3582(c)(2)
          or § 3582(c)(1)(A), else the narrative form; 'narrative' or 'ao' force one.
    """
    if kind not in KINDS:
        raise DraftError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    if fmt not in FORMATS:
        raise DraftError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if form not in FORMS:
        raise DraftError(f"form: expected one of {', '.join(FORMS)}, got {form!r}")
    markdown = render_markdown(analysis, case, kind, form)
    if fmt == "md":
        return markdown
    draft = kind == "order" and analysis.disposition == "undetermined"
    if fmt == "docx":
        from .draft_docx import to_docx

        return to_docx(markdown, kind=kind, draft=draft, title=_title(analysis, kind))
    from .draft_html import to_html, to_pdf

    html = to_html(markdown, title=_title(analysis, kind), kind=kind, draft=draft)
    return html if fmt == "html" else to_pdf(html)
