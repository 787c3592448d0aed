"""Per-word memos (`triage.text.memo.WordMemo`) answer as the functions they keep.

The condition scope and the actor walk classify every token through a memo instead of an
``lru_cache``: each memo must give its function's answer for every word and stay within
its limit.
"""

from __future__ import annotations

import json
from pathlib import Path

from triage.facts import Analyser
from triage.text import clauses, scope
from triage.text.memo import WordMemo

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"


def _example_words(analyser: Analyser) -> list[str]:
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    words: list[str] = []
    for line in lines:
        if line.strip():
            words.extend(analyser.analyse(json.loads(line)["text"]).segmentation.words)
    assert len(words) > 5_000
    return words


def test_a_memo_answers_as_its_function_and_keeps_what_it_computed() -> None:
    """A memo answers as its function and computes each word once."""
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = WordMemo(length)
    assert list(map(memo.__getitem__, ["退款", "我", "退款", "不给"])) == [2, 1, 2, 2]
    assert calls == ["退款", "我", "不给"]  # each word computed once
    assert dict(memo) == {"退款": 2, "我": 1, "不给": 2}


def test_a_full_memo_starts_again_and_still_answers() -> None:
    """A memo at its limit starts again, still answers every word and never holds more than its
    limit."""
    memo = WordMemo(str.upper, limit=3)
    words = [f"w{number}" for number in range(10)]
    for word in words:
        assert memo[word] == word.upper()
        assert len(memo) <= 3
    assert [memo[word] for word in reversed(words)] == [word.upper() for word in reversed(words)]
    assert len(memo) <= 3


def test_the_scope_and_reading_memos_answer_as_their_functions(core_analyser: Analyser) -> None:
    """Every word of the examples is classified through the memos as by the functions."""
    words = _example_words(core_analyser)
    assert [scope._CONDITION_CUES[word] for word in words] == list(map(scope._condition_cue, words))
    assert [clauses._TURNS[word] for word in words] == list(map(clauses._turns, words))
    assert any(map(scope._condition_cue, words))
    assert any(map(clauses._turns, words))
