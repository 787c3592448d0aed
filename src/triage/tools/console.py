"""Rendering rich renderables as plain text, for ``to_text()`` methods and logs."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

__all__ = ["render_text"]


def render_text(renderable: RenderableType, *, width: int = 100) -> str:
    """``renderable`` as plain text, ``width`` cells wide (CJK characters take two cells)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        markup=False,
        highlight=False,
    )
    console.print(renderable)
    return buffer.getvalue()
