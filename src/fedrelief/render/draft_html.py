"""Markdown -> HTML -> PDF for the drafts (issue 6). Markdown is canonical; this only lays it out.

The Markdown a draft template writes is ordinary CommonMark plus GFM tables. Its blocks get a
role from where they stand (`annotate`), shared by the HTML and the DOCX writers:

    paragraphs before the caption table ... court        the caption table ... caption
    heading 1 ... title   heading 2 ... section   heading 3 ... subsection
    a block quote ... note (the bracketed notice on a draft the judge must decide)
    an ordered list ... numbered   a bullet list ... bullets   any other table ... data
    paragraphs after the last thematic break (---) ... signature   other paragraphs ... body
"""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADING_ROLE = {"h1": "title", "h2": "section", "h3": "subsection"}


def parser() -> MarkdownIt:
    # html: the caption's table cells break lines with <br>; everything else is escaped upstream.
    # typographer + smartquotes only: curly quotes and apostrophes as a court prints them; the
    # "replacements" rule stays off, since it would turn the "(c)" of "§ 3582(c)" into ©.
    return MarkdownIt("commonmark", {"html": True, "typographer": True}).enable(["table", "smartquotes"])


def annotate(tokens: list[Token]) -> list[Token]:
    """Give each block token its role (token.meta['role']) and a matching HTML class."""
    last_hr = max((i for i, t in enumerate(tokens) if t.type == "hr"), default=None)
    seen_title = False
    seen_table = False
    depth: list[str] = []  # enclosing container roles (blockquote, lists)
    for i, t in enumerate(tokens):
        role = None
        if t.type == "heading_open":
            role = HEADING_ROLE.get(t.tag, "subsection")
            seen_title = seen_title or t.tag == "h1"
        elif t.type == "table_open":
            role = "caption" if not seen_title and not seen_table else "data"
            seen_table = True
        elif t.type == "blockquote_open":
            role = "note"
            depth.append(role)
        elif t.type == "ordered_list_open":
            role = "numbered"
            depth.append(role)
        elif t.type == "bullet_list_open":
            role = "bullets"
            depth.append(role)
        elif t.type in ("blockquote_close", "ordered_list_close", "bullet_list_close"):
            if depth:
                depth.pop()
        elif t.type == "hr":
            role = "signature-rule"
        elif t.type == "paragraph_open":
            if depth:
                role = depth[-1]
            elif last_hr is not None and i > last_hr:
                role = "signature"
            elif not seen_title and not seen_table:
                role = "court"
            else:
                role = "body"
        if role:
            t.meta["role"] = role
            if not t.hidden:
                t.attrSet("class", role)
    # closing tokens carry the role too, so writers can pair them
    stack: list[str | None] = []
    for t in tokens:
        if t.nesting == 1:
            stack.append(t.meta.get("role"))
        elif t.nesting == -1 and stack:
            role = stack.pop()
            if role:
                t.meta["role"] = role
    return tokens


def keep_section_signs(tokens: list[Token]) -> list[Token]:
    """'§ 2255' and '¶ 4' never break across lines (a no-break space after the sign, as printed)."""
    for t in tokens:
        for child in t.children or ():
            if child.type == "text":
                text = child.content.replace("§ ", "§\u00a0").replace("§§ ", "§§\u00a0")
                child.content = text.replace("¶ ", "¶\u00a0")
    return tokens


def tokens_of(markdown: str) -> list[Token]:
    return keep_section_signs(annotate(parser().parse(markdown)))


def to_html(markdown: str, *, title: str, kind: str, draft: bool) -> str:
    from .draft import templates

    p = parser()
    tokens = keep_section_signs(annotate(p.parse(markdown)))
    body = p.renderer.render(tokens, p.options, {})
    classes = [kind] + (["draft"] if draft else [])
    return templates().get_template("court.html.j2").render(title=title, body=body, classes=classes)


def to_pdf(html: str) -> bytes:
    """The HTML through WeasyPrint (needs Pango: scripts/system-deps.sh installs it)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
