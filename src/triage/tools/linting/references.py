"""Pack files that cite a file that does not ship with the pack.

A rule's ``source`` is checked by ``citation-form``; the descriptions of rule files and
packs, and the comments of rules, lexicons, patterns and cases, are read by people who have
the pack and nothing else, so a ground named there must be one they can look up too: a
law and article, a regulation, a standard, a published document, or a plain statement of
the criterion — never a project note (``domain.md``) or a seed file (``seeds/…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from triage.rulepack.spec import Pack
from triage.tools.linting.findings import Finding

__all__ = ["reference_findings"]

_UNSHIPPED = re.compile(r"domain\.md|(?<![\w/])seeds/")
"""Project files that do not ship with a pack."""
_SUFFIXES = frozenset({".yaml", ".yml", ".txt"})


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it lies under it, as rule locations are."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def reference_findings(packs: Iterable[Pack]) -> list[Finding]:
    """An ``unshipped-reference`` finding for every line of a pack file citing ``domain.md``
    or ``seeds/`` (in a description, a comment or a title alike)."""
    findings: list[Finding] = []
    for pack in packs:
        if pack.root is None:
            continue
        for path in sorted(pack.root.rglob("*")):
            if path.suffix not in _SUFFIXES or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            if _UNSHIPPED.search(text) is None:
                continue
            for number, line in enumerate(text.splitlines(), 1):
                found = _UNSHIPPED.search(line)
                if found is not None:
                    findings.append(
                        Finding(
                            "unshipped-reference",
                            _shown(path),
                            number,
                            f"cites {found.group()!r}, a file that does not ship with the pack",
                            "name the ground itself: a law and article, a regulation, a "
                            "standard or a published document, 行业惯例（非法定）for a "
                            "convention, or say the criterion in plain words",
                        )
                    )
    return findings
