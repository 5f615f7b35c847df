"""Make `src/` importable when the package is not installed (src layout, no editable install)."""

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("fedrelief") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
