"""Markdown -> DOCX for the drafts (issue 6), with real Word styles so chambers can edit the file.

The canonical Markdown is parsed with markdown-it (the same parser and the same block roles as
the HTML, draft_html.annotate), and each block becomes a styled Word paragraph:

    court name ... 'Court Name'        caption ... a two-column table, the parties' cell ruled
    heading 1 ... 'Title'   heading 2 ... 'Heading 1'   heading 3 ... 'Heading 2'
    body ... 'Body Text' (double-spaced in an order, first line indented)
    ordered list ... 'List Number' (Word numbering)   bullet list ... 'List Bullet'
    note ... 'Draft Note' (boxed)      data table ... 'Table Grid'   signature ... 'Signature Block'

Letter paper, 1-inch margins, 12-point Times New Roman, page number centred in the footer.
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from .draft_html import tokens_of

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
HEADING_STYLE = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}
PARAGRAPH_STYLE = {"court": "Court Name", "signature": "Signature Block", "body": "Body Text",
                   "note": "Draft Note", "numbered": "List Number", "bullets": "List Bullet"}


# ----- styles ------------------------------------------------------------------------------------
def _plain_font(style, size: float = 12, bold: bool | None = None, italic: bool | None = None) -> None:
    """Times New Roman, black, `size` pt; drops the template's theme fonts and colours, which
    would otherwise override the named font in Word."""
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = BLACK
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)


def _no_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for bdr in ppr.findall(qn("w:pBdr")):
        ppr.remove(bdr)


def _box_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "12")
        el.set(qn("w:space"), "4")
        el.set(qn("w:color"), "000000")
        bdr.append(el)
    ppr.append(bdr)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "F0F0F0")
    ppr.append(shd)


def _style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        return style


def _setup_styles(doc, kind: str) -> None:
    order = kind == "order"
    normal = doc.styles["Normal"]
    _plain_font(normal)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)

    body = doc.styles["Body Text"]
    _plain_font(body)
    pf = body.paragraph_format
    if order:
        pf.line_spacing_rule = WD_LINE_SPACING.DOUBLE
        pf.first_line_indent = Inches(0.5)
        pf.space_after = Pt(0)
    else:
        pf.line_spacing = 1.15
        pf.space_after = Pt(9)

    title = doc.styles["Title"]
    _plain_font(title, bold=True)
    _no_border(title)
    title.font.underline = order
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(18)
    title.font.all_caps = True
    title.element.get_or_add_rPr()  # keep the element; spacing/kern from the template are harmless

    for name, centred in (("Heading 1", order), ("Heading 2", False)):
        h = doc.styles[name]
        _plain_font(h, bold=True)
        h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        h.paragraph_format.space_before = Pt(12)
        h.paragraph_format.space_after = Pt(12 if centred else 6)
        h.paragraph_format.keep_with_next = True

    for name in ("List Number", "List Bullet"):
        s = doc.styles[name]
        _plain_font(s)
        if order:
            s.paragraph_format.line_spacing_rule = WD_LINE_SPACING.DOUBLE
        else:
            s.paragraph_format.line_spacing = 1.15
            s.paragraph_format.space_after = Pt(4)

    court = _style(doc, "Court Name")
    _plain_font(court, bold=True)
    court.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    court.paragraph_format.space_after = Pt(18)

    cap = _style(doc, "Caption Text")
    _plain_font(cap)
    cap.paragraph_format.line_spacing = 1.15

    note = _style(doc, "Draft Note")
    _plain_font(note)
    _box_border(note)
    note.paragraph_format.space_after = Pt(6)
    note.paragraph_format.line_spacing = 1.15

    sig = _style(doc, "Signature Block")
    _plain_font(sig)
    sig.paragraph_format.left_indent = Inches(3.25)
    sig.paragraph_format.space_before = Pt(12)
    sig.paragraph_format.keep_together = True

    cell = _style(doc, "Table Text")
    _plain_font(cell, size=11 if order else 10.5)


def _page_setup(doc, draft: bool) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(1))
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(footer)
        if draft:
            head = section.header.paragraphs[0]
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = head.add_run("DRAFT: FOR THE JUDGE'S DECISION")
            run.font.size = Pt(10)
            run.font.name = FONT


def _page_field(paragraph) -> None:
    """A PAGE field: Word fills in the page number."""
    run = paragraph.add_run()
    for tag, attrs, text in (("w:fldChar", {"w:fldCharType": "begin"}, None),
                             ("w:instrText", {"xml:space": "preserve"}, "PAGE"),
                             ("w:fldChar", {"w:fldCharType": "separate"}, None),
                             ("w:t", {}, "1"),
                             ("w:fldChar", {"w:fldCharType": "end"}, None)):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if text:
            el.text = text
        run._r.append(el)
    run.font.name = FONT
    run.font.size = Pt(12)


# ----- content -----------------------------------------------------------------------------------
def _inline(paragraph, inline_token) -> None:
    """Runs for one Markdown inline: emphasis, strong, hard breaks (and <br> in table cells)."""
    bold = italic = False
    for child in inline_token.children or ():
        t = child.type
        if t == "text" or t == "code_inline":
            if child.content:
                run = paragraph.add_run(child.content)
                run.bold = bold or None
                run.italic = italic or None
        elif t == "softbreak":
            paragraph.add_run(" ")
        elif t == "hardbreak":
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif t == "html_inline" and child.content.strip().lower().startswith("<br"):
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif t == "strong_open":
            bold = True
        elif t == "strong_close":
            bold = False
        elif t == "em_open":
            italic = True
        elif t == "em_close":
            italic = False


def _restart_numbering(doc, paragraph) -> None:
    """Start a new run of 'List Number' at 1 (Word otherwise continues the previous list)."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num.numId


def _cell_borders(cell, **sides: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side, val in sides.items():
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), val)
        el.set(qn("w:sz"), "8")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tcpr.append(borders)


def _table(doc, rows: list[tuple[bool, list]], role: str) -> None:
    ncols = max(len(cells) for _, cells in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if role == "caption":
        table.style = doc.styles["Normal Table"]
    else:
        table.style = doc.styles["Table Grid"]
    for r, (header, cells) in enumerate(rows):
        for c, inline in enumerate(cells):
            cell = table.cell(r, c)
            p = cell.paragraphs[0]
            p.style = doc.styles["Caption Text" if role == "caption" else "Table Text"]
            _inline(p, inline)
            if header and role != "caption":
                for run in p.runs:
                    run.bold = True
    if role == "caption":
        left, right = table.cell(0, 0), table.cell(0, ncols - 1)
        _cell_borders(left, right="single", bottom="single")
        for cell in (left, right):
            cell.width = Inches(3.25)
        right.paragraphs[0].paragraph_format.left_indent = Inches(0.25)
        doc.add_paragraph(style="Normal")  # the space a caption leaves before the title


def to_docx(markdown: str, *, kind: str, draft: bool, title: str) -> bytes:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "fedrelief (draft)"
    _setup_styles(doc, kind)
    _page_setup(doc, draft)
    tokens = tokens_of(markdown)
    containers: list[str] = []
    new_list = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        role = t.meta.get("role")
        if t.type == "heading_open":
            p = doc.add_paragraph(style=HEADING_STYLE.get(t.tag, "Heading 2"))
            _inline(p, tokens[i + 1])
            i += 3
            continue
        if t.type in ("ordered_list_open", "bullet_list_open", "blockquote_open"):
            containers.append(role)
            new_list = t.type == "ordered_list_open"
        elif t.type in ("ordered_list_close", "bullet_list_close", "blockquote_close"):
            containers.pop()
        elif t.type == "paragraph_open":
            style = PARAGRAPH_STYLE.get(containers[-1] if containers else role, "Body Text")
            p = doc.add_paragraph(style=style)
            if style == "List Number" and new_list:
                _restart_numbering(doc, p)
                new_list = False
            _inline(p, tokens[i + 1])
            i += 3
            continue
        elif t.type == "table_open":
            rows: list[tuple[bool, list]] = []
            header = False
            j = i + 1
            while tokens[j].type != "table_close":
                tj = tokens[j]
                if tj.type == "thead_open":
                    header = True
                elif tj.type == "tbody_open":
                    header = False
                elif tj.type == "tr_open":
                    rows.append((header, []))
                elif tj.type == "inline":
                    rows[-1][1].append(tj)
                j += 1
            _table(doc, rows, role)
            i = j + 1
            continue
        i += 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
