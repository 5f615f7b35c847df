"""YAML reading with libyaml's C parser when PyYAML has it (5-10x faster on the knowledge base,
which dominates the CLI's cold start), the pure-Python safe loader otherwise. Same safe subset."""
from __future__ import annotations

from typing import IO, Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(stream: str | bytes | IO[str]) -> Any:
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader, C or Python
