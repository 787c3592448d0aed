"""Resolution depends on which rules fired, not on the order they are given in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage import Engine
from triage.resolution.resolve import resolve
from triage.rulepack.spec import Policy, Rule


@pytest.fixture(scope="module")
def bundled() -> tuple[list[Rule], Policy]:
    """The bundled rules and policy of the default engine."""
    with Engine.default() as engine:
        return list(engine._ruleset.rules), engine._ruleset.policy


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_order_of_the_fired_rules_resolves_alike(
    bundled: tuple[list[Rule], Policy], data: st.DataObject
) -> None:
    """Axes, reasons, review reasons and actions come out the same for every order of the
    same fired rules (rules setting each axis, raising, reviewing and advising actions)."""
    rules, policy = bundled
    fired = data.draw(st.lists(st.sampled_from(rules), min_size=1, max_size=25, unique_by=id))
    shuffled = data.draw(st.permutations(fired))
    assert resolve(shuffled, policy) == resolve(fired, policy)
    assert resolve(list(reversed(fired)), policy) == resolve(fired, policy)
