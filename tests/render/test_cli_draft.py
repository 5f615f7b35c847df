"""`fedrelief draft`: writes the file, one-line errors with exit status 2, help ends with an example."""
from __future__ import annotations

import typer
from typer.testing import CliRunner

from fedrelief.render.cli_draft import register

from .helpers import SEEDS

SEED_000 = next(p for p in SEEDS if p.stem.startswith("seed_000"))


def _app() -> typer.Typer:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """fedrelief (test app)"""

    register(app)
    return app


def run(*args: str):
    result = CliRunner().invoke(_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_draft_writes_a_markdown_order(tmp_path):
    out = tmp_path / "order.md"
    code, stdout, _ = run("draft", str(SEED_000), "--kind", "order", "-o", str(out))
    assert code == 0, stdout
    assert "disposition deny" in stdout
    text = out.read_text(encoding="utf-8")
    assert "# ORDER" in text and "Letter Regarding Sentence Classification (Doc. 56)" in text


def test_draft_format_follows_the_file_suffix(tmp_path):
    out = tmp_path / "memo.docx"
    code, _, _ = run("draft", str(SEED_000), "--kind", "memo", "-o", str(out))
    assert code == 0
    assert out.read_bytes()[:2] == b"PK", "a DOCX is a zip file"


def test_draft_to_stdout_and_as_of():
    code, stdout, _ = run("draft", str(SEED_000), "--kind", "memo", "--format", "md", "-o", "-",
                          "--as-of", "2023-01-15")
    assert code == 0
    assert "**Law applied as of:** January 15, 2023" in stdout


def test_errors_are_one_line_with_exit_status_2(tmp_path):
    cases = [
        ("--kind", "brief"), ("--format", "rtf"), ("--as-of", "2022-13-01"), ("--form", "ao999"),
    ]
    for option, value in cases:
        code, stdout, stderr = run("draft", str(SEED_000), option, value, "-o", str(tmp_path / "x.md"))
        assert code == 2, (option, stdout, stderr)
        assert len(stderr.strip().splitlines()) == 1 and option in stderr
    code, _, stderr = run("draft", str(SEED_000), "--format", "pdf", "-o", "-")
    assert code == 2 and len(stderr.strip().splitlines()) == 1
    code, _, stderr = run("draft", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "x.md"))
    assert code == 2 and "missing.yaml" in stderr


def test_help_ends_with_an_example():
    code, stdout, _ = run("draft", "--help")
    assert code == 0
    command = typer.main.get_command(_app()).commands["draft"]
    assert command.help.strip().splitlines()[-1].startswith("Example: fedrelief draft ")
