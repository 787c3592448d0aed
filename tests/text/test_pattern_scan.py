"""The one-scan search for patterns' first terms finds exactly what each regex finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from triage import Engine
from triage.records.parsing import parse_complaint
from triage.text.normalize import Normalizer
from triage.text.patterns import PatternMatcher, PatternSpec, _leftmost

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"
OVERLAPPING = (("扣", "扣款", "款项", "未经", "未", "经过"), ("我", "我的", "的钱"), ("款",))


def _regex_spans(matcher: PatternMatcher, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in c.groups[0].finditer(text)] for c in matcher._patterns]


def _scan_spans(matcher: PatternMatcher, text: str) -> list[list[tuple[int, int]]]:
    found = matcher.first_terms(text)
    return [_leftmost(c.first, found) for c in matcher._patterns]


def test_bundled_patterns_on_the_examples() -> None:
    """For every shipped pattern and example text, the scan gives the regex's matches."""
    with Engine.default() as engine:
        analyser = engine._analyser
        matcher = analyser._patterns
        normalizer = analyser._normalizer
        with EXAMPLES.open(encoding="utf-8") as file:
            texts = [parse_complaint(line).text for line in file if line.strip()]
    assert len(matcher._patterns) >= 10
    assert len(texts) >= 100
    matched = 0
    for text in texts:
        normalized = normalizer.normalize(text).text
        expected = _regex_spans(matcher, normalized)
        assert _scan_spans(matcher, normalized) == expected
        matched += sum(map(len, expected))
    assert matched > 0


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*OVERLAPPING[0], *OVERLAPPING[1], "了", "，", "x"]), max_size=30))
def test_overlapping_terms_match_leftmost_longest(pieces: list[str]) -> None:
    """Terms that overlap or nest are matched leftmost, longest first, without overlap."""
    specs = [
        PatternSpec(id=f"t.p{n}", lexicon="x", groups=(terms, ("钱",)))
        for n, terms in enumerate(OVERLAPPING)
    ]
    matcher = PatternMatcher(specs, (), Normalizer())
    text = "".join(pieces)
    assert _scan_spans(matcher, text) == _regex_spans(matcher, text)
