"""rjieba, loaded with jieba's table and total, cuts exactly as jieba does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.rulepack.loader import bundled_rules_dir, load_packs
from triage.text.lexicons import LexiconMatcher
from triage.text.normalize import Normalizer
from triage.text.segment import Segmenter

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (ROOT / "examples" / "complaints.jsonl", ROOT / "eval" / "corpus" / "texts.jsonl")

_NORMALIZER = Normalizer()
_TERMS = LexiconMatcher(load_packs(bundled_rules_dir()).lexicons, _NORMALIZER).terms
FAST, JIEBA = Segmenter(_TERMS), Segmenter(_TERMS, fast=False)


def _texts() -> list[str]:
    texts = []
    for path in CORPORA:
        if path.exists():
            with path.open(encoding="utf-8") as file:
                texts += [json.loads(line)["text"] for line in file if line.strip()]
    return texts


def test_same_tokens_on_the_corpora() -> None:
    """Every example and corpus text, normalised, gets the same tokens from both cutters."""
    texts = _texts()
    assert len(texts) >= 100
    for text in texts:
        normalized = _NORMALIZER.normalize(text).text
        assert FAST.segment(normalized) == JIEBA.segment(normalized)


@pytest.mark.parametrize(
    "text",
    [
        "我㐀你",
        "我鿖你好",
        "豈有此理",
        "𠀀字",
        "笑😀死",
        "abc123.5%的",
        "a-b c+d#e&f",
        "今天\n明天",
    ],
)
def test_same_tokens_on_rare_characters(text: str) -> None:
    """Rare CJK blocks, emoji, ASCII runs, spaces and line breaks cut alike."""
    assert FAST.segment(text) == JIEBA.segment(text)


_PIECES = st.sampled_from(
    [
        *"我你他的了不没就是在买退钱元块一二三四五六七八九十百千万",
        "投诉",
        "客服",
        "曝光",
        "骨折",
        "12315",
        "abc",
        "，",
        "。",
        " ",
        "\n",
        "！",
        "5000元",
        "發抖音",
        "不满意",
        "未经同意",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_same_tokens_on_random_text(text: str) -> None:
    """Random mixes of domain words, characters and punctuation cut alike once normalised."""
    normalized = _NORMALIZER.normalize(text).text
    assert FAST.segment(normalized) == JIEBA.segment(normalized)
