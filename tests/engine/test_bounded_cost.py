"""Bounded cost on any text: a length cap that is never silent, and a trace capped per fact."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.engine.test_engine import LEXICONS, RULES
from triage import Complaint, Engine
from triage.engine.engine import MAX_TEXT_LENGTH, TEXT_TRUNCATED
from triage.resolution import trace
from triage.resolution.trace import MAX_SPANS_PER_FACT
from triage.text.features import SpanRow, TextMatch
from triage.text.scope import SUSPICION_MARKERS, Scope
from triage.text.segment import Segmentation

AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The engine of test_engine's rules and lexicons, shared by the module's tests."""
    with Engine.from_text(RULES, lexicons=LEXICONS) as built:
        yield built


def _complaint(text: str) -> Complaint:
    return Complaint(id="c1", text=text, received_at=AT)


def test_long_text_is_decided_on_its_prefix_and_needs_review(engine: Engine) -> None:
    """Past the cap the prefix is decided, nothing beyond it is read, and review is asked."""
    head = "我在门店摔倒骨折了。" + "等" * (MAX_TEXT_LENGTH - 20)
    text = head + "厂家" * 5000  # the maker is only named past the cap
    decision = engine.decide(_complaint(text))
    on_prefix = engine.decide(_complaint(text[:MAX_TEXT_LENGTH]))
    assert decision.needs_review
    assert decision.review_reasons == (*on_prefix.review_reasons, TEXT_TRUNCATED)
    assert decision.responsibility.party == on_prefix.responsibility.party == "respondent"
    assert decision.trace == on_prefix.trace
    assert all(span.end <= MAX_TEXT_LENGTH for f in decision.trace for span in f.spans)


def test_text_at_the_cap_is_whole(engine: Engine) -> None:
    """A text of exactly the cap is read whole: no truncation reason."""
    decision = engine.decide(_complaint("骨折" + "等" * (MAX_TEXT_LENGTH - 2)))
    assert TEXT_TRUNCATED not in decision.review_reasons


def test_spans_are_capped_per_fact_and_the_rest_counted(engine: Engine) -> None:
    """A term written 100 times keeps the first spans of the fact and counts the others."""
    decision = engine.decide(_complaint("骨折，" * 100))
    (injury,) = [f for f in decision.trace if f.rule_id == "demo.severity.injury"]
    assert [span.start for span in injury.spans] == [3 * i for i in range(MAX_SPANS_PER_FACT)]
    assert injury.spans_omitted == {"mentions": 100 - MAX_SPANS_PER_FACT}
    dumped = json.loads(decision.model_dump_json())
    firing = next(f for f in dumped["trace"] if f["rule_id"] == "demo.severity.injury")
    assert firing["spans_omitted"] == {"mentions": 100 - MAX_SPANS_PER_FACT}


def test_spans_left_out_are_logged_with_their_count(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """The log names the complaint and counts every span left out, over all firings; a
    decision that left nothing out logs nothing."""
    with caplog.at_level(logging.INFO, logger="triage.engine"):
        decision = engine.decide(_complaint("骨折，" * 100))
        engine.decide(_complaint("我骨折了"))
    left = sum(sum(firing.spans_omitted.values()) for firing in decision.trace)
    assert left >= 100 - MAX_SPANS_PER_FACT
    messages = [
        record.getMessage() for record in caplog.records if "left out" in record.getMessage()
    ]
    assert messages == [
        f"complaint c1: {left} text spans left out of the trace (Firing.spans_omitted)"
    ]


def test_uncapped_firings_keep_their_json(engine: Engine) -> None:
    """Nothing left out: the firing's JSON has no ``spans_omitted`` key."""
    dumped = json.loads(engine.decide(_complaint("我骨折了")).model_dump_json())
    assert dumped["trace"]
    assert all("spans_omitted" not in firing for firing in dumped["trace"])


def test_spans_built_do_not_grow_with_hits(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 hits of one fact build no more spans than the cap (memory flat in hits)."""
    built: list[str] = []
    real = trace.span_row

    def counting(fact: str, item: TextMatch) -> SpanRow:
        built.append(fact)
        return real(fact, item)

    monkeypatch.setattr(trace, "span_row", counting)
    engine.decide(_complaint("骨折，" * 10_000))
    assert 0 < len(built) <= 3 * MAX_SPANS_PER_FACT


_WORDS = st.sampled_from([*sorted(SUSPICION_MARKERS), "他", "扣", "钱", "，", "。", "假货"])


@given(st.lists(_WORDS, max_size=60))
def test_suspicion_scope_is_the_plain_definition(words: list[str]) -> None:
    """Tokens after a suspicion marker to the end of its clause, computed in one pass."""
    starts = [sum(map(len, words[:i])) for i in range(len(words))]
    ends = [start + len(word) for start, word in zip(starts, words, strict=True)]
    scope = Scope("".join(words), Segmentation(tuple(words), tuple(starts), tuple(ends)))
    expected: set[int] = set()
    for marker, word in enumerate(words):
        if word in SUSPICION_MARKERS:
            for index in range(marker + 1, len(words)):
                if words[index] in "，。":
                    break
                expected.add(index)
    assert all(scope.conditional(index) for index in expected)
    assert scope._suspected_tokens == frozenset(expected)
