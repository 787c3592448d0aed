"""An audit hook that turns file, socket and process events into failures while armed."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_FORBIDDEN = ("open", "os.", "socket.", "subprocess.", "shutil.", "urllib.", "http.", "ctypes.")
_ALLOWED = ("os.listdir",)  # no entry point of ours lists folders; kept narrow on purpose
_armed = threading.local()
_installed: list[bool] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    if getattr(_armed, "events", None) is None:
        return
    if event.startswith(_FORBIDDEN) and not event.startswith(_ALLOWED):
        _armed.events.append(event)


@contextmanager
def no_io() -> Iterator[list[str]]:
    """Record I/O audit events of this thread inside the block; the caller asserts none."""
    if not _installed:
        sys.addaudithook(_hook)
        _installed.append(True)
    _armed.events = []
    try:
        yield _armed.events
    finally:
        events = _armed.events
        _armed.events = None
        del events
