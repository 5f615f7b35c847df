import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
# The seed orders, as copied into the repository (tests/intake_docs) so the suite does not depend on
# anything outside it; test_seed_copies_match_shared checks the copies against ../shared/seeds.
SEED_TEXT = {
    "000_9c388626d8568ab1.txt": ROOT / "tests" / "intake_docs" / "seed_000_lugo_marin.txt",
    "001_844dd6030281671e.txt": ROOT / "tests" / "intake_docs" / "seed_001_palacios_becerril.txt",
    "002_2ee87289c45b419a.txt": ROOT / "tests" / "intake_docs" / "seed_002_alcaraz.txt",
}


@pytest.fixture(scope="session")
def kb():
    from fedrelief.law.kb import load_kb

    return load_kb()


def run_cli(*args: str):
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from fedrelief.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr
