"""fedrelief: which doors to relief from a U.S. federal criminal judgment are open, and why.

The verbs: `load_case` (a case file in), `analyze` (the Analysis out). More verbs (render,
intake, screen) come with their issues.
"""
from .engine import analyze
from .facts import load_case

__all__ = ["analyze", "load_case"]
__version__ = "0.1.0"
