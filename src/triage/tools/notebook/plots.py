"""Plots of decisions: the distribution of each axis, and how often each rule fired.

matplotlib is the ``plot`` extra. The functions build a ``Figure`` without pyplot (no
global figure state) and return it; Jupyter shows a returned figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from triage.records.decision import Decision
from triage.rulepack.format import DECIDED_AXES
from triage.tools.notebook.extras import require
from triage.tools.rows import axis_counts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_axes", "plot_rule_counts"]


def plot_axes(decisions: Iterable[Decision]) -> Figure:
    """Bar charts of the values decided on each axis, every value shown (zero included)."""
    require("matplotlib", "plot", "triage.plot_axes")
    from matplotlib.figure import Figure

    chosen = list(decisions)
    counts = axis_counts(chosen)
    axes = tuple(str(axis) for axis in DECIDED_AXES)
    figure = Figure(figsize=(14, 3.6), layout="constrained")
    for panel, axis in zip(figure.subplots(1, len(axes)), axes, strict=True):
        panel.bar(list(counts[axis]), list(counts[axis].values()), color="#4c6ef5")
        panel.set_title(axis)
        panel.tick_params(axis="x", labelrotation=45 if len(counts[axis]) > 4 else 0)
    figure.suptitle(f"{len(chosen)} decisions")
    return figure


def plot_rule_counts(decisions: Iterable[Decision], *, top: int = 20) -> Figure:
    """A horizontal bar chart of the ``top`` rules by the number of decisions they fired in."""
    require("matplotlib", "plot", "triage.plot_rule_counts")
    from matplotlib.figure import Figure

    counted = Counter(
        rule for decision in decisions for rule in {f.rule_id for f in decision.trace}
    )
    ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:top]
    figure = Figure(figsize=(8, 0.3 * max(len(ranked), 3) + 1), layout="constrained")
    panel = figure.subplots()
    panel.barh([rule for rule, _ in reversed(ranked)], [n for _, n in reversed(ranked)])
    panel.set_xlabel("decisions in which the rule fired")
    panel.set_title(f"top {len(ranked)} rules")
    return figure
