"""`fedrelief draft CASE`: the order or the memo, as Markdown, DOCX, PDF or HTML (issue 6).

Thin, like the rest of the CLI: load the case, run the analysis, render, write. `register(app)`
adds the command to the main Typer app (cli.py calls it). Errors are one line on stderr with exit
status 2 (cli.EXIT_BAD_INPUT), as for `analyze`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

SUFFIX_FORMAT = {".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def draft(
    case_file: Path = typer.Argument(..., help="A case file (YAML or JSON, format 1 of SPEC.md)."),
    kind: str = typer.Option("order", "--kind", help="order (a district-court order) or memo (plain English)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="md, docx, pdf or html (default: from the -o file's suffix, else md)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write; '-' writes md or html to standard output."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Apply the law in force on this date (default: the file's as_of, else today)."),
    form: str = typer.Option("auto", "--form", help="Orders: auto (AO 247 / AO 248 layout for a § 3582(c)(2) or (c)(1)(A) motion), narrative, or ao."),
) -> None:
    """Draft the order or the memo for one case, rendered only from its analysis.

    Every legal sentence is a reason from the analysis and every citation is in the knowledge base; blanks in brackets are for the judge. Not legal advice.

    Example: fedrelief draft examples/seed_000_lugo_marin.yaml --kind order --format pdf -o order.pdf
    """
    from ..cli import _analyze_file, _fail
    from .draft import FORMATS, FORMS, KINDS, DraftError, render_draft

    if kind not in KINDS:
        _fail([f"--kind: expected one of {', '.join(KINDS)}, got {kind!r}"])
    if fmt is None:
        fmt = SUFFIX_FORMAT.get(output.suffix.lower(), "md")
    if fmt not in FORMATS:
        _fail([f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}"])
    if form not in FORMS:
        _fail([f"--form: expected one of {', '.join(FORMS)}, got {form!r}"])
    to_stdout = str(output) == "-"
    if to_stdout and fmt in ("docx", "pdf"):
        _fail([f"-o: a {fmt} draft is binary; give a file name ending .{fmt}"])
    case, analysis = _analyze_file(case_file, as_of)
    try:
        data = render_draft(analysis, case, kind=kind, fmt=fmt, form=form)
    except DraftError as exc:
        _fail([f"--{exc}"])
    except OSError as exc:  # WeasyPrint could not load Pango
        _fail([f"--format pdf: WeasyPrint cannot run here ({exc}); run scripts/system-deps.sh"])
    if to_stdout:
        sys.stdout.write(data)
        return
    try:
        if isinstance(data, bytes):
            output.write_bytes(data)
        else:
            output.write_text(data, encoding="utf-8")
    except OSError as exc:
        _fail([f"{output}: cannot write the draft: {exc.strerror or exc}"])
    sys.stdout.write(f"wrote {output} ({kind}, {fmt}, disposition {analysis.disposition})\n")


def register(app: typer.Typer) -> None:
    """Add the `draft` command to `app`."""
    app.command("draft")(draft)
