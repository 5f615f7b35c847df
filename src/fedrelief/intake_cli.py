"""`fedrelief intake` and `fedrelief eval-intake`: the command-line face of fedrelief.intake.

The lead wires them in with one line in cli.py:  `from .intake_cli import register; register(app)`.
Domain errors are one line on stderr, exit status 2; never a traceback.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
import yaml


def _fail(message: str, code: int = 2) -> None:
    typer.echo(message.splitlines()[0] if message else "intake failed", err=True)
    raise typer.Exit(code)


def _dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def case_file_text(draft) -> str:
    """The case file as YAML, its questions as comments on top (the file stays a valid case file)."""
    head = [f"# Draft case file from {draft.source} ({draft.kind}), by fedrelief intake.",
            "# Provenance (span and sentence of each fact): the .provenance.yaml file beside this one."]
    if draft.questions:
        head.append("# Not found in the document (questions):")
        head += [f"#   {q['field']}: {q['why']}" for q in draft.questions]
    return "\n".join(head) + "\n" + _dump(draft.data)


def provenance_text(draft) -> str:
    return _dump({
        "source": draft.source,
        "document": draft.kind,
        "provenance": draft.provenance,
        "questions": draft.questions,
        "citations": [{"kind": c.kind, "key": c.key, "pin": c.pin or None,
                       "start": draft.extraction.full_doc.original_span(c.start, c.end)[0],
                       "end": draft.extraction.full_doc.original_span(c.start, c.end)[1]} for c in draft.citations],
    })


def register(app: typer.Typer) -> None:
    @app.command("intake")
    def intake_cmd(
        file: Path = typer.Argument(..., help="An order, motion or letter: .txt, .md, .html, .pdf (text layer) or .docx."),
        analyze: bool = typer.Option(False, "--analyze", help="Analyse the draft at once and print the analysis."),
        out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the case file here (YAML) and its provenance to OUT.provenance.yaml."),
        court: Optional[str] = typer.Option(None, "--court", help="The district court, when the document does not name it (e.g. 'D. Minn.')."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="Analysis date, when the document is undated (YYYY-MM-DD)."),
    ) -> None:
        """Draft a case file from a document; every fact keeps the span and sentence it came from.

        Example: fedrelief intake order.pdf -o case.yaml --analyze
        """
        from .intake import IntakeError, intake_file

        when = None
        if as_of:
            try:
                when = date.fromisoformat(as_of)
            except ValueError:
                _fail(f"--as-of: expected a date as YYYY-MM-DD, got {as_of!r}")
        try:
            draft = intake_file(file, court=court, as_of=when)
        except IntakeError as exc:
            _fail(str(exc))
        except RecursionError:
            _fail(f"{file}: the document is too deeply nested to read")
        if not draft.ok:
            _fail(f"{file}: cannot draft a case file: {draft.problems[0]}"
                  + (" (give --court)" if draft.problems[0].startswith("court") else ""))
        if out:
            try:
                out.write_text(case_file_text(draft), encoding="utf-8")
                prov = out.with_suffix(".provenance.yaml") if out.suffix else Path(str(out) + ".provenance.yaml")
                prov.write_text(provenance_text(draft), encoding="utf-8")
            except OSError as exc:
                _fail(f"{out}: cannot write: {exc.strerror or exc}")
            typer.echo(f"wrote {out} and {prov} ({len(draft.provenance)} facts with provenance, {len(draft.questions)} questions)", err=True)
        elif not analyze:
            sys.stdout.write(case_file_text(draft))
        if analyze:
            from rich.console import Console

            from .cli import _analyze_case
            from .render.terminal import render

            render(_analyze_case(draft.case.case, None, file), Console())

    @app.command("eval-intake")
    def eval_intake_cmd(
        directory: Path = typer.Argument(..., help="A labelled set: NAME.txt|.md|.html|.pdf|.docx beside NAME.expected.yaml."),
        floor: bool = typer.Option(False, "--floor", help="Exit 3 when recall < 90% or precision < 95% overall."),
    ) -> None:
        """Precision and recall of intake, per field, against hand-labelled documents.

        Example: fedrelief eval-intake tests/intake_docs
        """
        from .intake.evaluate import evaluate_dir, format_report

        if not directory.is_dir():
            _fail(f"{directory}: not a directory")
        report = evaluate_dir(directory)
        if not report.documents:
            _fail(f"{directory}: no labelled documents (NAME.expected.yaml beside NAME.txt)")
        sys.stdout.write(format_report(report))
        if floor and (report.total.recall < 0.90 or report.total.precision < 0.95):
            raise typer.Exit(3)
