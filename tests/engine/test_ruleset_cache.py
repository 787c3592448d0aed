"""Rule sets are reused by content: the same rules load once, a changed file loads anew."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.engine.test_engine import LEXICONS, RULES
from tests.tools.helpers import DEMO
from triage import Engine
from triage.engine.cache import RuleSetCache
from triage.errors import RuleError


def test_same_text_shares_one_rule_set() -> None:
    """Two engines from the same text, lexicons and parameters share the loaded rule set."""
    with (
        Engine.from_text(RULES, lexicons=LEXICONS) as first,
        Engine.from_text(RULES, lexicons={k: iter(v) for k, v in LEXICONS.items()}) as second,
    ):
        assert second.ruleset is first.ruleset
    with Engine.from_text(RULES, lexicons=LEXICONS, parameters={"big": 5}) as other:
        assert other.ruleset is not first.ruleset
        assert other.ruleset.parameters["big"] == 5


def test_a_changed_file_is_loaded_again(tmp_path: Path) -> None:
    """Editing a rule file between two builds gives the new rules, never the kept ones."""
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    with Engine.from_paths(pack) as before, Engine.from_paths(pack) as again:
        assert again.ruleset is before.ruleset
    rules = pack / "rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("title: ", "title: 改·", 1), encoding="utf-8"
    )
    with Engine.from_paths(pack) as after:
        assert after.ruleset is not before.ruleset
        assert after.ruleset_version != before.ruleset_version
        assert after.rules[0].title == "改·" + before.rules[0].title


def test_failed_loads_are_not_kept() -> None:
    """A load that fails raises each time: nothing is kept for its key."""
    cache = RuleSetCache()
    calls: list[int] = []

    def failing() -> Engine:
        calls.append(1)
        raise RuleError("bad rules")

    for _ in range(2):
        with pytest.raises(RuleError):
            cache.get("k", failing)  # type: ignore[arg-type]
    assert len(calls) == 2


def test_least_recently_used_is_dropped() -> None:
    """Past its capacity the cache forgets the rule set used least recently."""
    cache = RuleSetCache(capacity=2)
    with Engine.from_text(RULES, lexicons=LEXICONS) as engine:
        ruleset = engine.ruleset
    loads: list[str] = []

    def load(name: str):  # type: ignore[no-untyped-def]
        return lambda: loads.append(name) or ruleset

    cache.get("a", load("a"))
    cache.get("b", load("b"))
    cache.get("a", load("a"))
    cache.get("c", load("c"))  # drops b, the least recently used
    cache.get("a", load("a"))
    cache.get("b", load("b"))
    assert loads == ["a", "b", "c", "b"]
