"""`fedrelief deadlines CASE`: the deadline table, the timeline, and optionally its picture.

Thin, like the rest of the CLI: load the case, run the analysis, print. `register(app)` adds the
command to the main Typer app (cli.py calls it). Errors are one line on stderr with exit status 2
(cli.EXIT_BAD_INPUT), as for `analyze`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

STATUS_STYLE = {"passed": "red", "open": "green", "not started": "blue", "unknown": "yellow"}


def deadlines(
    case_file: Path = typer.Argument(..., help="A case file (YAML or JSON, format 1 of SPEC.md)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Count as of this date (default: the file's as_of, else today)."),
    svg: Optional[Path] = typer.Option(None, "--svg", help="Also write the timeline as SVG to this file (.svg)."),
    png: Optional[Path] = typer.Option(None, "--png", help="Also write the timeline as PNG, 1600x900 px, to this file (.png)."),
    steps: bool = typer.Option(False, "--steps", help="Show the arithmetic behind each date (Rule 45 / FRAP 26 counting)."),
) -> None:
    """Every deadline of the analysis (what, start, end, open or passed, authority) and a timeline.

    Example: fedrelief deadlines examples/seed_001_palacios_becerril.yaml --steps --png seed001.png
    """
    from ..cli import _analyze_file, _fail, out
    from .timeline import save_timeline, status_of, timeline_text

    for option, path, suffix in (("--svg", svg, ".svg"), ("--png", png, ".png")):
        if path is not None and path.suffix.lower() != suffix:
            _fail([f"{option}: expected a file name ending {suffix}, got {str(path)!r}"])
    case, analysis = _analyze_file(case_file, as_of)

    table = Table(title=f"Deadlines as of {analysis.as_of.isoformat()}")
    for column in ("#", "what", "starts", "ends", "status", "authority"):
        table.add_column(column)
    for i, d in enumerate(analysis.deadlines, 1):
        status = status_of(d, analysis.as_of)
        table.add_row(str(i), d.what, str(d.starts_on or "?"), str(d.ends_on or "?"),
                      Text(status, style=STATUS_STYLE[status]), d.authority)
    if analysis.deadlines:
        out.print(table)
    else:
        out.print("No dated deadline in this analysis.", highlight=False)
    if steps:
        for i, d in enumerate(analysis.deadlines, 1):
            out.print(Text(f"\n{i}. {d.what}", style="bold"))
            for step in d.steps or ("(the analysis recorded no arithmetic for this deadline)",):
                out.print(f"   - {step}", markup=False, highlight=False)
    out.print()
    out.print(timeline_text(analysis, case, columns=max(out.width, 100)), markup=False,
              highlight=False, soft_wrap=True, end="")

    for path in (svg, png):
        if path is None:
            continue
        try:
            save_timeline(analysis, case, path)
        except OSError as exc:
            _fail([f"{path}: cannot write the timeline: {exc.strerror or exc}"])
        out.print(f"wrote {path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the `deadlines` command to `app`."""
    app.command("deadlines")(deadlines)
