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


@app.command()
def analyze(
    case_file: Path = typer.Argument(..., help="A case file (YAML or JSON, format 1 of SPEC.md)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Apply the law in force on this date (default: the file's as_of, else today)."),
    as_json: bool = typer.Option(False, "--json", help="Print the Analysis (format 1) as JSON."),
) -> None:
    """Analyse one case: disposition, every avenue with its reasons and citations, deadlines, questions.

    Example: fedrelief analyze examples/seed_001_palacios_becerril.yaml --json
    """
    from .engine import analyze as run
    from .law.courts import UnknownCourt

    case = _load(case_file)
    when = _parse_date(as_of, "--as-of") or case.as_of or date.today()
    try:
        analysis = run(case, when)
    except UnknownCourt as exc:
        _fail([f"{case_file}: court: {exc}"])
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
