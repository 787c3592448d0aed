"""What the rule lint reports: findings with a code, a level, a location and a hint."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rich.console import Group
from rich.text import Text

__all__ = ["CODES", "Finding", "Level", "LintReport"]


class Level(StrEnum):
    """How much a finding matters: errors and warnings fail ``triage lint``, info does not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: the order findings are listed in."""
        return list(Level).index(self)


CODES: dict[str, Level] = {
    "never-fires": Level.ERROR,
    "shadowed": Level.WARNING,
    "duplicate-condition": Level.WARNING,
    "repeated-test": Level.WARNING,
    "untested": Level.WARNING,
    "no-source": Level.WARNING,
    "citation-form": Level.WARNING,
    "unshipped-reference": Level.WARNING,
    "unlabelled-reason": Level.WARNING,
    "pattern-example": Level.ERROR,
    "pattern-shadowed": Level.WARNING,
    "unused-lexicon": Level.INFO,
    "unused-term": Level.INFO,
    "idle-exclusion": Level.WARNING,
    "unused-exclusion": Level.WARNING,
}
"""Every lint code and its level (documented in docs/lint.md)."""


@dataclass(frozen=True)
class Finding:
    """One lint finding: what (``code``), where (``file:line``), about which rule, and a hint."""

    code: str
    file: str
    line: int
    message: str
    hint: str
    rule_id: str | None = None

    @property
    def level(self) -> Level:
        """The level of the finding's code."""
        return CODES[self.code]

    @property
    def location(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"

    def __str__(self) -> str:
        rule = f"rule {self.rule_id}: " if self.rule_id else ""
        return f"{self.location}: {self.level} [{self.code}] {rule}{self.message} ({self.hint})"

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-able data."""
        return {
            "code": self.code,
            "level": self.level.value,
            "location": self.location,
            "file": self.file,
            "line": self.line,
            "rule_id": self.rule_id,
            "message": self.message,
            "hint": self.hint,
        }


_STYLES = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.INFO: "dim"}


@dataclass(frozen=True)
class LintReport:
    """The findings of one lint run, most serious first, and the rule set they are about."""

    findings: tuple[Finding, ...]
    ruleset_version: str

    @property
    def failed(self) -> bool:
        """Whether any finding is an error or a warning."""
        return any(finding.level is not Level.INFO for finding in self.findings)

    def counts(self) -> dict[Level, int]:
        """How many findings there are of each level."""
        counted = Counter(finding.level for finding in self.findings)
        return {level: counted[level] for level in Level}

    def shown(self, min_level: Level = Level.INFO) -> tuple[Finding, ...]:
        """The findings of ``min_level`` and above."""
        return tuple(f for f in self.findings if f.level.rank <= min_level.rank)

    def to_dict(self, min_level: Level = Level.INFO) -> dict[str, Any]:
        """The report as JSON-able data: all counts, the findings of ``min_level`` and above."""
        return {
            "ruleset_version": self.ruleset_version,
            "counts": {level.value: count for level, count in self.counts().items()},
            "findings": [finding.to_dict() for finding in self.shown(min_level)],
        }

    def renderable(self, min_level: Level = Level.INFO) -> Group:
        """One line per finding of ``min_level`` and above, its hint below it, then the counts."""
        lines = []
        shown = self.shown(min_level)
        for finding in shown:
            rule = f" {finding.rule_id}:" if finding.rule_id else ""
            lines.append(
                Text.assemble(
                    (finding.location, "cyan"),
                    ": ",
                    (finding.level.value, _STYLES[finding.level]),
                    f" [{finding.code}]",
                    (rule, "bold"),
                    f" {finding.message}",
                    ("\n    hint: " + finding.hint, "dim"),
                )
            )
        counts = ", ".join(f"{count} {level.value}" for level, count in self.counts().items())
        hidden = len(self.findings) - len(shown)
        note = f" ({hidden} below {min_level.value} not shown)" if hidden else ""
        lines.append(Text(f"{len(self.findings)} findings: {counts}{note}", style="bold"))
        return Group(*lines)

    def __rich__(self) -> Group:
        return self.renderable()
