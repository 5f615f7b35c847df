"""HTML, PDF and DOCX of the drafts: court typography, pages that are not blank, Word styles a
chambers can edit (caption as a table, numbered ordering paragraphs, heading styles)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from fedrelief.render.draft import render_draft

from .helpers import SEEDS, seed

SEED = {p.stem[:8]: p for p in SEEDS}
SEED_IDS = list(SEED)


def _weasyprint_problem() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: Pango's shared libraries are missing
        return f"WeasyPrint cannot import ({exc.__class__.__name__}: {exc}); run scripts/system-deps.sh"
    return None


needs_weasyprint = pytest.mark.skipif(_weasyprint_problem() is not None, reason=str(_weasyprint_problem()))


def _render(name: str, kind: str, fmt: str, **kw):
    case, analysis, _ = seed(SEED[name])
    return render_draft(analysis, case, kind=kind, fmt=fmt, **kw)


# ----- HTML ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["order", "memo"])
def test_html_carries_court_typography(kind):
    html = _render("seed_000", kind, "html")
    assert html.startswith("<!DOCTYPE html>")
    css = re.search(r"<style>(.*)</style>", html, re.S)[1]
    assert re.search(r"@page\s*{[^}]*size:\s*Letter", css)
    assert re.search(r"margin:\s*1in", css)
    assert "counter(page)" in css
    assert re.search(r"html\s*{[^}]*serif;[^}]*font-size:\s*12pt", css, re.S)
    assert re.search(r"p\.body\s*{[^}]*line-height:\s*2;", css)
    assert f'<body class="{kind}">' in html
    if kind == "order":
        assert '<table class="caption">' in html
        assert '<h1 class="title">ORDER</h1>' in html
        assert '<p class="signature">' in html


# ----- PDF -------------------------------------------------------------------------------------
@needs_weasyprint
@pytest.mark.parametrize("name", SEED_IDS)
def test_pdf_pages_are_letter_sized_and_not_blank(name, tmp_path):
    from PIL import Image, ImageStat

    pdf = _render(name, "order", "pdf")
    assert pdf.startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is missing: run scripts/system-deps.sh"
    (tmp_path / "order.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-r", "40", "-png", str(tmp_path / "order.pdf"), str(tmp_path / "page")],
                   check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, "pdftoppm produced no page"
    for page in pages:
        img = Image.open(page).convert("L")
        assert img.size == (340, 440), "US Letter (8.5 x 11 in at 40 dpi)"
        stat = ImageStat.Stat(img)
        dark = sum(img.histogram()[:128])
        assert stat.stddev[0] > 5 and dark > 50, f"{page.name} looks blank"


@needs_weasyprint
def test_memo_pdf_renders():
    pdf = _render("seed_001", "memo", "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


# ----- DOCX ------------------------------------------------------------------------------------
def _docx(name: str, kind: str = "order", **kw):
    from docx import Document

    return Document(io.BytesIO(_render(name, kind, "docx", **kw)))


@pytest.mark.parametrize("name", SEED_IDS)
def test_docx_caption_is_a_table(name):
    case, analysis, _ = seed(SEED[name])
    doc = _docx(name)
    assert doc.paragraphs[0].style.name == "Court Name"
    assert "UNITED STATES DISTRICT COURT" in doc.paragraphs[0].text
    caption = doc.tables[0]
    left, right = caption.cell(0, 0).text, caption.cell(0, 1).text
    assert "UNITED STATES OF AMERICA" in left and case.defendant.upper() in left and "Defendant." in left
    assert case.case_number in right
    assert "w:right" in caption.cell(0, 0)._tc.xml, "the parties' cell is ruled on the right"


# Word style and text of the ordering paragraphs, per seed
DOCX_DECREE = {
    "seed_000": [("List Number", "is DENIED."), ("List Number", "may file a petition for a writ of coram nobis")],
    "seed_001": [("Body Text", "IT IS ORDERED that Defendant Esteban Palacios-Becerril’s Motion for Downward "
                               "Departure Pursuant to U.S.S.G. 5K2 (Docket No. 18) is DENIED.")],
    "seed_002": [("Body Text", "☒ DENIED.")],
}


@pytest.mark.parametrize("name", SEED_IDS)
def test_docx_ordering_paragraphs_and_styles(name):
    doc = _docx(name)
    paras = doc.paragraphs
    styles = {p.style.name for p in paras}
    assert {"Title", "Heading 1", "Body Text", "Signature Block"} <= styles
    start = next(i for i, p in enumerate(paras) if p.style.name == "Heading 1" and p.text == "ORDER")
    tail = paras[start + 1:]
    for style, text in DOCX_DECREE[name]:
        assert any(p.style.name == style and text in p.text for p in tail), (style, text)
    sig = [p for p in tail if p.style.name == "Signature Block"]
    assert sig and tail[-1].style.name == "Signature Block", "the signature block ends the order"
    section = doc.sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
    assert round(section.left_margin.inches, 2) == 1 and round(section.top_margin.inches, 2) == 1
    assert "PAGE" in section.footer._element.xml, "page numbers in the footer"
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 12


def test_docx_numbered_paragraphs_use_word_numbering():
    doc = _docx("seed_000")
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 2
    assert numbered[0]._p.pPr.numPr is not None, "the list restarts at 1 with its own numbering"


def test_docx_memo_has_headings_and_the_deadline_table():
    case, analysis, _ = seed(SEED["seed_001"])
    doc = _docx("seed_001", "memo")
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads[:3] == ["The short answer", "Each avenue", "Deadlines"]
    assert heads[-1] == "Not legal advice"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["What", "Starts", "Ends", "Status", "Authority"]
    assert len(table.rows) == 1 + len(analysis.deadlines)
