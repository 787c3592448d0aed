"""Rule loading that cannot be abused: YAML limits, `extends` by name only, engine refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.tools.helpers import DEMO, invoke, write_jsonl
from triage import Engine
from triage.engine.durable import DurableRuleset
from triage.errors import CapacityError, PackError, RuleFileLimitError, RulesetRefusedError
from triage.rulepack import yamlsource
from triage.rulepack.loader import load_packs, load_text
from triage.rulepack.yamlsource import MAX_DEPTH, load_yaml

RULE = """  - id: t.severity.r{i}
    title: 规则
    axis: severity
    source: test
    when: {{text_length: {{'>': {i}}}}}
    then: {{set: high, reason: r{i}}}
"""


def _laughs(levels: int = 9) -> str:
    """A "billion laughs": each anchor repeats the previous one nine times."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _nested(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("a: &a [*a]\n", 1, 4, "an alias refers to a value that contains it"),
        ("x: 1\nb: &b {c: [*b]}\n", 2, 4, "an alias refers to a value that contains it"),
        (_nested(400), 1, 3 + MAX_DEPTH, f"nesting deeper than {MAX_DEPTH} levels"),
        (_laughs(), 5, 5, "more than 200,000 values once aliases are expanded"),
    ],
    ids=["self-alias", "alias-in-own-mapping", "400-levels", "billion-laughs"],
)
def test_hostile_yaml_is_a_located_file_limit_error(
    text: str, line: int, column: int | None, fragment: str
) -> None:
    """Alias cycles, deep nesting and alias bombs raise RuleFileLimitError at file:line."""
    with pytest.raises(RuleFileLimitError, match=fragment) as caught:
        load_yaml(text, "hostile.yaml")
    assert caught.value.file == "hostile.yaml"
    assert caught.value.line == line
    if column is not None:
        assert caught.value.column == column
    assert str(caught.value).startswith(f"hostile.yaml:{line}:")


def test_nesting_up_to_the_limit_loads() -> None:
    """Nesting of exactly MAX_DEPTH levels is still read (the limit is not off by one)."""
    assert load_yaml(_nested(MAX_DEPTH - 1), "deep.yaml")["a"] is not None


def test_shared_aliases_without_a_cycle_still_load() -> None:
    """An anchor used twice side by side is plain data, read as two equal values."""
    assert load_yaml("x: &x [1, 2]\ny: [*x, *x]\n", "f.yaml")["y"] == [[1, 2], [1, 2]]


def test_pure_python_yaml_nesting_is_a_file_limit_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml, the recursive composer's RecursionError becomes RuleFileLimitError."""
    monkeypatch.setattr(yamlsource, "_LOADER", yaml.SafeLoader)
    with pytest.raises(RuleFileLimitError, match="nesting deeper"):
        load_yaml(_nested(990), "deep.yaml")


@pytest.mark.parametrize(
    "text", ["a: &a [*a]\n", _nested(400), _laughs()], ids=["cycle", "nesting", "laughs"]
)
def test_cli_exits_3_on_a_hostile_rule_file(tmp_path: Path, text: str) -> None:
    """`triage run --rules hostile.yaml` exits with 3 and a located message, no traceback."""
    rules = tmp_path / "hostile.yaml"
    rules.write_text(text, encoding="utf-8")
    complaints = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "a", "text": "投诉", "received_at": "2026-03-01T10:00:00Z"}]
    )
    result = invoke("run", complaints, "--rules", rules)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{rules}:")
    assert "[file-limit]" in result.stderr
    assert "Traceback" not in result.stderr


def _evil_pack(folder: Path) -> Path:
    """A pack outside every rule root that would force every severity to critical."""
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("name: evil\n", encoding="utf-8")
    (folder / "evil.yaml").write_text(
        "rules:\n"
        "  - id: evil.severity.all\n"
        "    title: 一律严重\n"
        "    axis: severity\n"
        "    source: test\n"
        "    when: {text_length: {'>': 0}}\n"
        "    then: {set: critical, reason: evil}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("how", ["traversal", "absolute", "nested"])
def test_extends_refuses_paths_in_text_rule_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """`extends` in Engine.from_text takes pack names only: paths and `..` are refused."""
    evil = _evil_pack(tmp_path / "elsewhere" / "evil")
    monkeypatch.chdir(tmp_path)
    target = {
        "traversal": "../" * 12 + str(evil).lstrip("/"),
        "absolute": str(evil),
        "nested": "elsewhere/evil",
    }[how]
    with pytest.raises(PackError, match="which is not a pack name") as caught:
        load_text(f"name: mine\nextends: [{target!r}]\nrules: []\n", file="mine.yaml")
    assert caught.value.file == "mine.yaml"
    assert "paths are refused" in str(caught.value)


def test_extends_refuses_traversal_from_a_pack_folder(tmp_path: Path) -> None:
    """A pack folder's manifest cannot reach a sibling tree through `../`."""
    _evil_pack(tmp_path / "outside" / "evil")
    mine = tmp_path / "roots" / "mine"
    mine.mkdir(parents=True)
    (mine / "pack.yaml").write_text("name: mine\nextends: [../outside/evil]\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"'\.\./outside/evil', which is not a pack name"):
        load_packs(mine)


def test_extends_by_name_still_finds_a_sibling_pack(tmp_path: Path) -> None:
    """A plain pack name is still resolved in the folder holding the given pack."""
    _evil_pack(tmp_path / "roots" / "evil")
    mine = tmp_path / "roots" / "mine"
    mine.mkdir()
    (mine / "pack.yaml").write_text("name: mine\nextends: [evil]\n", encoding="utf-8")
    assert [pack.name for pack in load_packs(mine).packs] == ["evil", "mine"]


def test_more_rules_than_durable_rules_holds_is_a_capacity_error(tmp_path: Path) -> None:
    """4,100 rules in one pass (durable_rules error 106) exit with 3 and a hint, not 4."""
    rules = tmp_path / "many.yaml"
    rules.write_text(
        "name: t\nrules:\n" + "".join(RULE.format(i=i) for i in range(4100)), encoding="utf-8"
    )
    complaints = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "a", "text": "投诉", "received_at": "2026-03-01T10:00:00Z"}]
    )
    result = invoke("run", complaints, "--rules", rules)
    assert result.exit_code == 3
    assert "[capacity]" in result.stderr
    assert "(error 106)" in result.stderr
    assert "more than 4,096 rules" in result.stderr
    assert "remove or merge rules" in result.stderr


def test_an_unknown_durable_rules_refusal_is_a_rule_error() -> None:
    """A refusal that is no known limit is a RulesetRefusedError naming durable_rules' code."""
    with pytest.raises(RulesetRefusedError, match=r"\(error 501\)") as caught:
        DurableRuleset({"r": {"all": [{"m": {"$mt": {"a": "["}}}]}})
    assert caught.value.hint is not None
    assert not isinstance(caught.value, CapacityError)


def test_demo_pack_still_loads() -> None:
    """The limits leave an ordinary pack alone."""
    with Engine.from_paths(DEMO) as engine:
        assert engine.rules
