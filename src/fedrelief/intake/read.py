"""Reading a file into text: .txt, .md, .html/.htm, .pdf (text layer), .docx.

Returns the text and its markup ('text', 'markdown', 'html'); every failure is an `IntakeError`
with one line saying what is wrong. A PDF with no text layer (a scan) is such a failure: OCR is
not attempted.
"""
from __future__ import annotations

from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # a single order or motion is far smaller; refuse what is not one


class IntakeError(Exception):
    """The document cannot be read or drafted; the message is one line."""


SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def read_document(path: str | Path) -> tuple[str, str]:
    p = Path(path)
    kind = SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise IntakeError(f"{p}: unsupported file type {p.suffix or '(none)'!r} (use .txt, .md, .html, .pdf or .docx)")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise IntakeError(f"{p}: no such file") from None
    except OSError as exc:
        raise IntakeError(f"{p}: cannot read: {exc.strerror or exc}") from None
    if p.is_dir():
        raise IntakeError(f"{p}: is a directory, not a document")
    if size > MAX_BYTES:
        raise IntakeError(f"{p}: {size} bytes is larger than the {MAX_BYTES} accepted for one document")
    try:
        if kind == "pdf":
            return _pdf_text(p), "text"
        if kind == "docx":
            return _docx_text(p), "text"
        data = p.read_bytes()
    except IntakeError:
        raise
    except OSError as exc:
        raise IntakeError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return decode(data), kind


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1252: never fails."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(p: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - a declared dependency
        raise IntakeError(f"{p}: reading PDF needs the 'pypdf' package") from None
    try:
        reader = PdfReader(str(p))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise IntakeError(f"{p}: the PDF is encrypted") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except IntakeError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise IntakeError(f"{p}: not a readable PDF ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise IntakeError(f"{p}: the PDF has no text layer (a scan?); OCR it first")
    return text


def _docx_text(p: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise IntakeError(f"{p}: reading DOCX needs the 'python-docx' package") from None
    try:
        d = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many kinds for a damaged or non-DOCX zip
        raise IntakeError(f"{p}: not a readable DOCX ({type(exc).__name__})") from None
    lines = [para.text for para in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
