"""The ``triage`` logger: what the library reports, silent unless the application listens.

triage never configures logging. Its logger has a ``NullHandler``, so nothing is printed
until the application configures logging (``logging.basicConfig``, Django's ``LOGGING``,
uvicorn's log config). Records, by logger:

- ``triage.engine`` INFO: a rule set loaded (packs, rules, lexicons, version) and compiled
  (passes, and milliseconds until the engine is ready), once per engine built.
- ``triage.engine`` INFO: a decision whose trace left text spans out (more than a fact's
  cap; each firing's ``spans_omitted`` says how many).
- ``triage.engine`` WARNING: a slow decision (complaint id, milliseconds, the threshold).
- ``triage.compile`` WARNING: a number beyond ±1e15 capped before the engine compares it.
"""

from __future__ import annotations

import logging

__all__ = ["LOGGER", "get_logger"]

LOGGER = logging.getLogger("triage")
"""The parent of every triage logger."""
LOGGER.addHandler(logging.NullHandler())


def get_logger(part: str) -> logging.Logger:
    """The logger of one part of triage: ``triage.<part>``."""
    return LOGGER.getChild(part)
