"""The tooling part of the public API: exported, importable, and sorted."""

from __future__ import annotations

import triage

TOOLS = {
    "Comparison",
    "EvaluationReport",
    "Explanation",
    "LabelledComplaint",
    "LintReport",
    "compare",
    "evaluate",
    "explain",
    "lint",
    "load_labelled",
    "plot_axes",
    "plot_rule_counts",
    "to_frame",
}


def test_tool_names_are_exported_and_import() -> None:
    """Every tool name is in triage.__all__ and is an attribute of the package."""
    assert set(triage.__all__) >= TOOLS
    for name in triage.__all__:
        assert getattr(triage, name) is not None
        assert not name.startswith("_")


def test_all_is_sorted_without_duplicates() -> None:
    """triage.__all__ is sorted (classes before functions, as ruff sorts it) and unique."""
    names = list(triage.__all__)
    assert names == sorted(names)
    assert len(names) == len(set(names))


def test_submodules_are_not_shadowed() -> None:
    """The modules behind lint and compare keep names of their own (no attribute clash)."""
    import triage.tools.comparison
    import triage.tools.linting

    assert callable(triage.lint)
    assert callable(triage.compare)
    assert triage.tools.linting.lint is triage.lint
    assert triage.tools.comparison.compare is triage.compare
