"""Lexicon exclusions (``!word``): no term of the lexicon hits inside ``word``
(docs/text-analysis.md, "Lexicons"); refused and linted entries name their file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from triage.cli import main
from triage.errors import LexiconError
from triage.facts import Analyser
from triage.rulepack.loader import load_packs
from triage.text.lexicons import split_entries

TERMS = ["交车", "下水", "儿童", "来电", "故障"]
EXCLUSIONS = ["!公交车", "!地下水", "!儿童医院", "!来电反映", "!故障地址"]
LEXICONS = {"guarded": [*TERMS, *EXCLUSIONS], "plain": TERMS}
"""The same terms in two lexicons; only ``guarded`` excludes the longer words."""


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the guarded and the plain lexicon."""
    return Analyser(LEXICONS)


@pytest.fixture(scope="module")
def unguarded() -> Analyser:
    """The same terms with no exclusion at all."""
    return Analyser({"guarded": TERMS, "plain": TERMS})


def _hits(analyser: Analyser, text: str) -> set[tuple[str, str, int]]:
    return {(hit.lexicon, hit.term, hit.start) for hit in analyser.analyse(text).hits}


@pytest.mark.parametrize(
    ("text", "term", "start"),
    [
        ("我坐公交车去4S店", "交车", 3),  # inside 公交车
        ("喝的是地下水", "下水", 4),
        ("带孩子去儿童医院看病", "儿童", 4),
        ("张先生来电反映：小区停水", "来电", 3),  # 来电 and 反映 may be two tokens
        ("故障地址:拱康路61号", "故障", 0),  # a ticket's field label
    ],
)
def test_excluded_word_drops_only_its_lexicons_hit(
    analyser: Analyser, unguarded: Analyser, text: str, term: str, start: int
) -> None:
    """Inside an excluded word the guarded lexicon's term does not hit; the plain one does."""
    assert ("guarded", term, start) in _hits(unguarded, text)
    hits = _hits(analyser, text)
    assert ("guarded", term, start) not in hits
    assert ("plain", term, start) in hits


@pytest.mark.parametrize(
    ("text", "term", "start"),
    [
        ("4S店交车时发现划痕", "交车", 3),
        ("厨房下水堵了", "下水", 2),
        ("儿童座椅有异味", "儿童", 0),
        ("停电一天了还没来电", "来电", 7),
        ("手机上网故障", "故障", 4),
        ("坐公交车去4S店，交车时发现划痕", "交车", 9),  # outside the excluded word
    ],
)
def test_term_outside_the_excluded_word_still_hits(
    analyser: Analyser, text: str, term: str, start: int
) -> None:
    """An exclusion drops nothing outside its own word."""
    assert ("guarded", term, start) in _hits(analyser, text)


def test_full_width_mark(unguarded: Analyser) -> None:
    """``！公交车`` excludes like ``!公交车`` (the mark may be typed full-width)."""
    analyser = Analyser({"guarded": ["交车", "！公交车"]})
    assert ("guarded", "交车", 2) in _hits(unguarded, "坐公交车")
    assert not analyser.analyse("坐公交车").hits


def test_split_entries() -> None:
    """Entries split into terms and exclusion words, each in order, without the mark."""
    assert split_entries(["交车", "!公交车", "下水", "！地下水"]) == (
        ["交车", "下水"],
        ["公交车", "地下水"],
    )


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (["交车", "!"], "exclusion '' is blank"),
        (["交车", "!公 交车"], "holds whitespace"),
        (["交车", "!交车"], "is one of its terms"),
    ],
)
def test_bad_exclusions_are_refused(entries: list[str], message: str) -> None:
    """A blank or spaced exclusion, or one that is a term of its lexicon, raises LexiconError."""
    with pytest.raises(LexiconError, match=message):
        Analyser({"guarded": entries})


_PIECES = (*TERMS, *(word[1:] for word in EXCLUSIONS), *"公地医院反映址车水的了我在")


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_exclusion_drops_exactly_the_hits_inside_the_word(text: str) -> None:
    """With exclusions the hits are the hits without them, less those of the guarded lexicon
    that lie inside an occurrence of one of its excluded words, wherever jieba cuts."""
    plain = Analyser({"guarded": TERMS, "plain": TERMS}).analyse(text).hits
    guarded = Analyser(LEXICONS).analyse(text).hits
    words = [word[1:] for word in EXCLUSIONS]
    spans = [
        (at, at + len(word))
        for word in words
        for at in range(len(text))
        if text.startswith(word, at)
    ]

    def inside(start: int, end: int) -> bool:
        return any(first <= start and end <= last for first, last in spans)

    expected = [h for h in plain if not (h.lexicon == "guarded" and inside(h.start, h.end))]
    assert sorted(guarded) == sorted(expected)


def _pack(root: Path, lexicon: str, cases: str = "") -> Path:
    folder = root / "p"
    (folder / "lexicons").mkdir(parents=True)
    (folder / "cases").mkdir()
    (folder / "pack.yaml").write_text("name: p\n", encoding="utf-8")
    (folder / "lexicons" / "auto.txt").write_text(lexicon, encoding="utf-8")
    if cases:
        (folder / "cases" / "cases.yaml").write_text(cases, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("交车\n# comment\n!\n", 3, "exclusion '!' is blank"),
        ("交车\n!交车\n", 2, "is one of the lexicon's terms"),
        ("!公交车\n", 1, "lexicon has no terms"),
    ],
)
def test_lexicon_file_errors_name_the_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    """A bad exclusion line is reported at its file and line when the pack loads."""
    with pytest.raises(LexiconError, match=message) as caught:
        load_packs(_pack(tmp_path, body))
    assert caught.value.line == line
    assert f"auto.txt:{line}:1:" in str(caught.value)


def test_lint_finds_idle_and_unused_exclusions(tmp_path: Path) -> None:
    """An exclusion holding no term excludes nothing (idle-exclusion); one that no case text
    holds is shown at work by nothing (unused-exclusion); a case holding it clears that."""

    def findings(folder: Path) -> set[tuple[str, int]]:
        result = CliRunner().invoke(main, ["lint", str(folder), "--format", "json"])
        return {
            (f["code"], int(f["location"].rsplit(":", 1)[1]))
            for f in json.loads(result.stdout)["findings"]
            if f["code"].endswith("-exclusion")
        }

    body = "交车\n!公交车\n!地铁站\n"
    assert findings(_pack(tmp_path / "a", body)) == {
        ("unused-exclusion", 2),
        ("idle-exclusion", 3),
    }
    case = "cases:\n  - id: bus\n    text: 坐公交车去店里\n    expect: {validity: valid}\n"
    assert findings(_pack(tmp_path / "b", body, case)) == {("idle-exclusion", 3)}


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("米饭不满四分之一盒", False),  # "less than" a quantity
        ("孩子不满18周岁", False),
        ("不满三个月就坏了", False),
        ("对此不满，要求退款", True),  # discontent, no number after it
        ("很不满，等了3天", True),  # a number later in the text, not right after
        ("不满意2次了", True),  # a longer term, not the excluded one
    ],
)
def test_an_exclusion_with_a_number_mark_holds_only_before_a_number(
    text: str, *, hits: bool
) -> None:
    """``!不满#`` drops 不满 only where a number follows it (不满18周岁 is "less than")."""
    analyser = Analyser({"feeling": ["不满", "不满意", "!不满#"]})
    assert any(hit.term.startswith("不满") for hit in analyser.analyse(text).hits) is hits


def test_lint_sees_an_exclusion_with_a_number_mark_at_work(tmp_path: Path) -> None:
    """A case holding 不满 before a number shows ``!不满#`` at work; 不满 alone does not."""

    def unused(folder: Path) -> bool:
        result = CliRunner().invoke(main, ["lint", str(folder), "--format", "json"])
        codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
        return "unused-exclusion" in codes

    body = "不满\n!不满#\n"
    case = "cases:\n  - id: c\n    text: {}\n    expect: {{validity: valid}}\n"
    assert unused(_pack(tmp_path / "a", body, case.format("商家态度差，很不满")))
    assert not unused(_pack(tmp_path / "b", body, case.format("米饭不满四分之一盒")))
