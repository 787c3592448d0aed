"""What-if comparison: two rule sets over the same complaints, and what changes.

    from triage import Engine, compare

    with Engine.default() as before, Engine.default(parameters={"money_high": 5000}) as after:
        comparison = compare(before, after, complaints)
    comparison.summary     # (Transition(axis='severity', before='medium', after='high', count=3),)
    comparison.changes[0]  # the complaint, both decisions, the axes and the rules that differ

The Python form of ``triage diff``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from triage.engine import Engine
from triage.records.complaint import Complaint
from triage.records.decision import Decision
from triage.records.parsing import parse_complaint
from triage.rulepack.format import DECIDED_AXES
from triage.tools.console import render_text
from triage.tools.rows import axis_values

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARED", "AxisChange", "Change", "Comparison", "Transition", "compare"]

COMPARED = (*(str(axis) for axis in DECIDED_AXES), "department", "needs_review")
"""What a comparison looks at, in this order."""


@dataclass(frozen=True)
class AxisChange:
    """One compared value that differs: on which axis, from what, to what."""

    axis: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.axis}: {self.before or '-'} → {self.after or '-'}"


@dataclass(frozen=True)
class Change:
    """A complaint decided differently, with the rules behind the difference.

    ``rules_gone`` fired before and not after, ``rules_new`` fired after and not before,
    ``rules_changed`` fired in both with different effects.
    """

    complaint: Complaint
    before: Decision
    after: Decision
    axes: tuple[AxisChange, ...]
    rules_gone: tuple[str, ...]
    rules_new: tuple[str, ...]
    rules_changed: tuple[str, ...]

    @property
    def complaint_id(self) -> str:
        """The id of the complaint."""
        return self.complaint.id

    def causes(self) -> str:
        """The rules behind the change, as ``-gone +new ~changed``."""
        parts = [
            *(f"-{rule}" for rule in self.rules_gone),
            *(f"+{rule}" for rule in self.rules_new),
            *(f"~{rule}" for rule in self.rules_changed),
        ]
        return " ".join(parts) or "(same rules, same effects)"

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-able data."""
        return {
            "complaint_id": self.complaint_id,
            "changes": [{"axis": c.axis, "before": c.before, "after": c.after} for c in self.axes],
            "rules_gone": list(self.rules_gone),
            "rules_new": list(self.rules_new),
            "rules_changed": list(self.rules_changed),
        }


@dataclass(frozen=True)
class Transition:
    """How many changed decisions went from ``before`` to ``after`` on one axis."""

    axis: str
    before: str
    after: str
    count: int


def _differences(complaint: Complaint, before: Decision, after: Decision) -> Change | None:
    old, new = axis_values(before), axis_values(after)
    axes = tuple(
        AxisChange(axis, old[axis], new[axis]) for axis in COMPARED if old[axis] != new[axis]
    )
    if not axes:
        return None
    fired_before = {firing.rule_id: firing.effects for firing in before.trace}
    fired_after = {firing.rule_id: firing.effects for firing in after.trace}
    return Change(
        complaint=complaint,
        before=before,
        after=after,
        axes=axes,
        rules_gone=tuple(rule for rule in fired_before if rule not in fired_after),
        rules_new=tuple(rule for rule in fired_after if rule not in fired_before),
        rules_changed=tuple(
            rule
            for rule, effects in fired_before.items()
            if rule in fired_after and fired_after[rule] != effects
        ),
    )


@dataclass(frozen=True)
class Comparison:
    """The decisions of two rule sets over the same complaints, and those that differ."""

    version_before: str
    version_after: str
    total: int
    changes: tuple[Change, ...]

    @property
    def summary(self) -> tuple[Transition, ...]:
        """Counts of each change of value, axis by axis, the most frequent first."""
        counted = Counter(
            (c.axis, c.before, c.after) for change in self.changes for c in change.axes
        )
        order = {axis: index for index, axis in enumerate(COMPARED)}
        return tuple(
            Transition(axis, before, after, count)
            for (axis, before, after), count in sorted(
                counted.items(), key=lambda item: (order[item[0][0]], -item[1], item[0])
            )
        )

    def axis_counts(self) -> dict[str, int]:
        """How many decisions changed on each compared axis."""
        counted = Counter(c.axis for change in self.changes for c in change.axes)
        return {axis: counted[axis] for axis in COMPARED}

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-able data."""
        return {
            "version_before": self.version_before,
            "version_after": self.version_after,
            "total": self.total,
            "changed": len(self.changes),
            "axis_counts": self.axis_counts(),
            "summary": [
                {"axis": t.axis, "before": t.before, "after": t.after, "count": t.count}
                for t in self.summary
            ],
            "changes": [change.to_dict() for change in self.changes],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per changed complaint: each compared value before and after, and the rules."""
        from triage.tools.notebook.frames import comparison_frame

        return comparison_frame(self)

    def headline(self) -> str:
        """``N of M decisions change (ruleset a → b)``."""
        return (
            f"{len(self.changes)} of {self.total} decisions change "
            f"(ruleset {self.version_before} → {self.version_after})"
        )

    def __rich__(self) -> Group:
        changes = Table(title="changed decisions", show_lines=True)
        for column in ("complaint", "what changes", "rules (-gone +new ~changed)"):
            changes.add_column(column, overflow="fold")
        for change in self.changes:
            changes.add_row(
                Text(change.complaint_id),
                Text("\n".join(map(str, change.axes))),
                Text(change.causes()),
            )
        summary = Table(title="summary")
        for column in ("axis", "before", "after", "count"):
            summary.add_column(column, justify="right" if column == "count" else "left")
        for transition in self.summary:
            summary.add_row(
                transition.axis,
                Text(transition.before),
                Text(transition.after),
                str(transition.count),
            )
        parts: list[Table | Text] = [changes, summary] if self.changes else []
        return Group(*parts, Text(self.headline(), style="bold"))

    def _repr_html_(self) -> str:
        from triage.tools.notebook.html import comparison_html

        return comparison_html(self)

    def to_text(self, width: int = 100) -> str:
        """The comparison as plain text."""
        return render_text(self, width=width)


def compare(
    before: Engine,
    after: Engine,
    complaints: Iterable[Complaint | Mapping[str, Any]],
    *,
    as_of: datetime | None = None,
) -> Comparison:
    """Decide every complaint with both engines and keep the decisions that differ."""
    total = 0
    changes = []
    for item in complaints:
        complaint = item if isinstance(item, Complaint) else parse_complaint(item)
        total += 1
        change = _differences(
            complaint, before.decide(complaint, as_of=as_of), after.decide(complaint, as_of=as_of)
        )
        if change is not None:
            changes.append(change)
    return Comparison(before.ruleset_version, after.ruleset_version, total, tuple(changes))
