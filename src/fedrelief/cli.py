"""The command line: parse arguments, call a verb, print. Domain errors are one line, never a
traceback. Exit codes: 0 done, 2 bad input (case file, court, arguments), 3 an eval floor missed."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Which doors to relief from a federal criminal judgment are open, which are closed, and why.")
out = Console()
err = Console(stderr=True)

EXIT_BAD_INPUT = 2
EXIT_BELOW_FLOOR = 3


def _fail(lines: list[str], code: int = EXIT_BAD_INPUT) -> None:
    for line in lines:  # plain writes: a problem is one line, never wrapped by the console
        typer.echo(line, err=True)
    raise typer.Exit(code)


def _parse_date(value: Optional[str], what: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail([f"{what}: expected a date as YYYY-MM-DD, got {value!r}"])
    return None


def _load(path: Path):
    from .facts import CaseFileError, load_case

    try:
        return load_case(path)
    except CaseFileError as exc:
        _fail([f"{exc.source}: {p}" for p in exc.problems])


def _analyze_case(case, as_of: Optional[str], where: object):
    """Analyse a loaded case as of --as-of, else the case's as_of, else today (the one place the
    clock is read); every failure is a one-line message naming `where`, exit 2."""
    from .engine import analyze as run
    from .law.courts import UnknownCourt

    when = _parse_date(as_of, "--as-of") or case.as_of or date.today()
    try:
        return run(case, when)
    except UnknownCourt as exc:
        _fail([f"{where}: court: {exc}"])
    except ValueError as exc:  # contradictory dates found while counting (the calendar refuses them)
        _fail([f"{where}: {exc}"])


def _analyze_file(case_file: Path, as_of: Optional[str]):
    """Load a case file and analyse it. Returns (case, analysis). Shared by analyze, deadlines and draft."""
    case = _load(case_file)
    return case, _analyze_case(case, as_of, case_file)


@app.command()
def analyze(
    case_file: Path = typer.Argument(..., help="A case file (YAML or JSON, format 1 of SPEC.md)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Apply the law in force on this date (default: the file's as_of, else today)."),
    as_json: bool = typer.Option(False, "--json", help="Print the Analysis (format 1) as JSON."),
) -> None:
    """Analyse one case: disposition, every avenue with its reasons and citations, deadlines, questions.

    Example: fedrelief analyze examples/seed_001_palacios_becerril.yaml --json
    """
    _, analysis = _analyze_file(case_file, as_of)
    if as_json:
        sys.stdout.write(json.dumps(analysis.to_json(), indent=2, ensure_ascii=False) + "\n")
        return
    from .render.terminal import render

    render(analysis, out)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the case file (format 1).

    Example: fedrelief schema > case.schema.json
    """
    from .facts import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


@app.command("range")
def range_(
    level: int = typer.Option(..., "--level", help="Total offense level (1-43; outside is clamped per ch. 5 pt. A note 2)."),
    chc: str = typer.Option(..., "--chc", help="Criminal history category, I-VI."),
    minimum: Optional[int] = typer.Option(None, "--minimum", help="Statutory minimum, months."),
    maximum: Optional[str] = typer.Option(None, "--maximum", help="Statutory maximum, months or 'life'."),
) -> None:
    """The Sentencing Table range, then the range after U.S.S.G. § 5G1.1.

    Example: fedrelief range --level 30 --chc II --minimum 120
    """
    from .guidelines import describe_range

    chc_norm = chc.strip().upper()
    if chc_norm not in ("I", "II", "III", "IV", "V", "VI") and chc_norm not in ("1", "2", "3", "4", "5", "6"):
        _fail([f"--chc: expected a criminal history category I-VI, got {chc!r}"])
    max_value = None
    if maximum is not None:
        if maximum != "life" and not maximum.isdigit():
            _fail([f"--maximum: expected a number of months or 'life', got {maximum!r}"])
        max_value = "life" if maximum == "life" else int(maximum)
    if minimum is not None and minimum < 0:
        _fail([f"--minimum: expected a non-negative number of months, got {minimum}"])
    out.print(describe_range(level, chc_norm, minimum=minimum, maximum=max_value), highlight=False)


@app.command("eval")
def eval_(
    directory: Path = typer.Argument(..., help="A directory of case files carrying `expected:` results (e.g. tests/cases)."),
    minimum: Optional[float] = typer.Option(None, "--min", help="Exit 3 if disposition or avenue-status agreement is below this fraction."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every file, not only disagreements."),
    intake: bool = typer.Option(False, "--intake", help="Score document intake instead: precision and recall per field on a labelled set."),
) -> None:
    """Agreement with real courts: disposition, avenue status and reason codes, then every disagreement.
    With --intake: precision and recall of intake per field (DIR holds NAME.txt beside NAME.expected.yaml).

    Example: fedrelief eval tests/cases --min 0.9
    """
    if intake:
        from .intake.evaluate import evaluate_dir, format_report

        if not directory.is_dir():
            _fail([f"{directory}: not a directory"])
        report = evaluate_dir(directory)
        sys.stdout.write(format_report(report))
        floor = minimum if minimum is not None else None
        if floor is not None and (report.total.recall < floor or report.total.precision < floor):
            raise typer.Exit(EXIT_BELOW_FLOOR)
        return
    from rich.progress import Progress
    from rich.table import Table

    from . import corpus

    if not directory.exists():
        _fail([f"{directory}: no such file or directory"])
    paths = corpus.case_files(directory)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("analysing", total=len(paths))
        report = corpus.Report()
        for p in paths:
            report.rows.extend(corpus.run([p]).rows)
            progress.advance(task)
    table = Table(title=f"Agreement with {len(report.scored)} decided cases in {directory}")
    for col in ("measure", "agree", "of", "rate"):
        table.add_column(col, justify="right" if col != "measure" else "left")
    exact = report.exact_disposition
    deferred = sum(1 for r in report.scored if r.deferred and not r.comparison.disposition_ok)
    for label, (hit, tot) in (("disposition (exact)", exact),
                              (f"disposition (incl. {deferred} left to discretion)", report.disposition),
                              (f"avenue status (incl. {sum(len(r.deferred_statuses) for r in report.scored)} left to discretion)",
                               report.status), ("reason codes", report.reasons),
                              ("remaining avenue", report.remaining)):
        table.add_row(label, str(hit), str(tot), f"{hit / tot:.1%}" if tot else "–")
    out.print(table)
    total = report.disposition[1]
    for kind, words in corpus.KINDS.items():
        n = len(report.disagreements(kind))
        out.print(f"disposition disagreements, {words}: {n}" + (f" ({n / total:.1%})" if total else ""), highlight=False)
    errors = [r for r in report.rows if r.error]
    for r in errors:
        out.print(f"[yellow]not scored[/] {r.path}: {r.error}", highlight=False)
    for r in report.scored:
        dis = list(r.comparison.disagreements)
        if r.deferred:
            dis = [d for d in dis if d.what != "disposition" and d.what.removeprefix("status:") not in r.deferred_statuses]
        if dis or verbose:
            out.print(f"[bold]{r.path}[/]" + (" [dim](left to discretion)[/]" if r.deferred else "")
                      + (f" [dim]({r.kind}" + (": " + ", ".join(r.asked) if r.kind == "asked" else "") + ")[/]"
                         if r.kind else ""), highlight=False)
            for d in dis:
                out.print(f"    {d}", highlight=False)
    if minimum is not None:
        rates = [report.disposition, report.status]
        if errors or any(t and h / t < minimum for h, t in rates):
            err.print(f"agreement below --min {minimum} (or files not scored)")
            raise typer.Exit(EXIT_BELOW_FLOOR)


def _register_commands() -> None:
    from .render.cli_deadlines import register as deadlines
    from .intake_cli import register as intake
    from .render.cli_draft import register as draft

    deadlines(app)
    draft(app)
    intake(app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
