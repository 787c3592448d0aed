"""Optional dependencies: a clear error when one is missing."""

from __future__ import annotations

from importlib.util import find_spec

__all__ = ["require"]


def require(module: str, extra: str, purpose: str) -> None:
    """Raise an ImportError naming the extra to install when ``module`` is missing."""
    if find_spec(module) is None:
        raise ImportError(f"{purpose} needs {module}: pip install 'triage[{extra}]'", name=module)
