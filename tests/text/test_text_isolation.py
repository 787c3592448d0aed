"""The analyser keeps to itself: no I/O while analysing, a private jieba tokenizer, no
logging configuration, no cache files, safe use from many threads, early errors."""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import jieba
import pytest

import triage.text
from triage.errors import LexiconError, PackError, TriageError
from triage.facts import Analyser
from triage.records import Complaint

_FORBIDDEN = ("open", "os.", "socket.", "subprocess.", "shutil.", "tempfile.", "ctypes.")
_guard: dict[str, list[str] | None] = {"events": None}


def _audit(event: str, args: tuple[object, ...]) -> None:
    events = _guard["events"]
    if events is not None and event.startswith(_FORBIDDEN):
        events.append(event)
        raise RuntimeError(f"I/O during analysis: {event} {args!r}")


@pytest.fixture(scope="module")
def no_io() -> Iterator[list[str]]:
    """An audit hook (installed once per process) that records and fails forbidden events."""
    if not getattr(sys, "_triage_text_audit_installed", False):
        sys.addaudithook(_audit)
        sys._triage_text_audit_installed = True  # type: ignore[attr-defined]
    yield []
    _guard["events"] = None


def test_public_names_import_and_are_sorted() -> None:
    """Every name in ``triage.text.__all__`` imports, the list is sorted, nothing private leaks."""
    assert triage.text.__all__ == sorted(triage.text.__all__)
    for name in triage.text.__all__:
        assert not name.startswith("_")
        assert getattr(triage.text, name) is not None


def test_the_guard_catches_io(no_io: list[str]) -> None:
    """The audit guard itself fails an ``open`` while it is on (so the next test can fail)."""
    _guard["events"] = no_io
    try:
        with pytest.raises(RuntimeError, match="I/O during analysis: open"):
            Path(__file__).read_text("utf-8")
    finally:
        _guard["events"] = None
    assert no_io == ["open"]
    no_io.clear()


def test_analysis_does_no_io(core_lexicons: dict[str, list[str]], no_io: list[str]) -> None:
    """A fresh analyser's first analyses, spans included, open no file, socket or process."""
    analyser = Analyser(core_lexicons, {"ceiling_minimum": 500.0})
    complaint = Complaint(
        id="c1",
        text="三年前买的热水器漏电，孩子受伤了。要求赔偿5万元，否则就找媒体曝光",
        received_at=datetime(2024, 6, 1, 9, tzinfo=timezone(timedelta(hours=8))),
        amount_paid=3000,
    )
    _guard["events"] = no_io
    try:
        for subject in (complaint, "如果不處理就曝光，一直沒人處理", "😡\x00" * 50):
            features = analyser.analyse(subject, as_of=datetime(2024, 6, 3, tzinfo=UTC))
            spans = dict(features.spans)
            assert features.tokens
            assert features.sector is None or features.sector.spans
    finally:
        _guard["events"] = None
    assert no_io == []
    assert spans is not None


def test_global_jieba_tokenizer_is_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two analysers with different lexicons change nothing in ``jieba.dt`` and write no cache."""
    before = (
        jieba.dt.initialized,
        len(jieba.dt.FREQ),
        jieba.dt.total,
        dict(jieba.dt.user_word_tag_tab),
    )
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    plain = Analyser({})
    lending = Analyser({"lending": ["停息挂账", "暴力催收"]})
    market = Analyser({"market": ["缺斤短两", "三聚氰胺", "12315"]})
    after = (
        jieba.dt.initialized,
        len(jieba.dt.FREQ),
        jieba.dt.total,
        dict(jieba.dt.user_word_tag_tab),
    )
    assert after == before
    assert list(tmp_path.iterdir()) == []

    text = "要求停息挂账，暴力催收，缺斤短两，三聚氰胺，打12315"

    def tokens(analyser: Analyser) -> set[str]:
        return {token.text for token in analyser.analyse(text).tokens}

    assert {"停息挂账", "暴力催收"} <= tokens(lending)
    assert not {"停息挂账", "暴力催收"} & tokens(plain)
    assert not {"停息挂账", "暴力催收"} & tokens(market)
    assert {"缺斤短两", "三聚氰胺", "12315"} <= tokens(market)
    assert {hit.term for hit in market.analyse(text).hits} == {"缺斤短两", "三聚氰胺", "12315"}


def test_no_logging_is_configured(core_lexicons: dict[str, list[str]]) -> None:
    """Building and using an analyser adds no handler and changes no level of the root logger."""
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    Analyser(core_lexicons).analyse("没有受伤")
    assert (list(root.handlers), root.level) == before


def test_threads_get_the_same_results(core_analyser: Analyser) -> None:
    """Eight threads analysing concurrently get exactly the sequential results."""
    texts = [
        f"这是我第{n}次投诉了，花了{n}000元买的手机，如果不处理就曝光。孩子没有受伤。"
        for n in range(2, 60)
    ]
    expected = [(f.hits, f.amounts, dict(f.facts)) for f in map(core_analyser.analyse, texts)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(core_analyser.analyse, texts * 4))
    assert [(f.hits, f.amounts, dict(f.facts)) for f in results] == expected * 4


@pytest.mark.parametrize(
    ("lexicons", "message"),
    [
        ({"injury": ["受伤", "  "]}, "blank"),
        ({"injury": ["受 伤"]}, "whitespace"),
        ({"sector_Food": ["蛋糕"]}, "sector_<name>"),
        ({"": ["蛋糕"]}, "non-empty"),
    ],
)
def test_bad_lexicons_fail_at_construction(lexicons: dict[str, list[str]], message: str) -> None:
    """A blank or spaced term or a badly named lexicon raises LexiconError naming the problem."""
    with pytest.raises(LexiconError, match=message):
        Analyser(lexicons)


@pytest.mark.parametrize(
    "parameters",
    [
        {"ceiling_minimum": -1.0},
        {"ceiling_price_multiple": float("nan")},
        {"ceiling_loss_multiple": "3"},
    ],
)
def test_bad_ceiling_parameters_fail_at_construction(parameters: dict[str, float]) -> None:
    """A negative, non-finite or non-numeric ceiling parameter raises PackError."""
    with pytest.raises(PackError, match="ceiling_"):
        Analyser({}, parameters)


def test_naive_as_of_is_refused() -> None:
    """``as_of`` without a timezone raises a TriageError rather than guessing one."""
    with pytest.raises(TriageError, match="timezone"):
        Analyser({}).analyse("没有受伤", as_of=datetime(2024, 6, 1))
