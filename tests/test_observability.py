"""Logging on the ``triage`` logger and the ``on_decision`` hook for metrics."""

from __future__ import annotations

import logging
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.tools.helpers import COMPLAINTS, DEMO
from triage import Decision, Engine
from triage.compile.conditions import engine_value


def test_the_logger_is_silent_and_unconfigured() -> None:
    """The triage logger has only a NullHandler and leaves level and propagation alone."""
    logger = logging.getLogger("triage")
    assert [type(handler) for handler in logger.handlers] == [logging.NullHandler]
    assert logger.level == logging.NOTSET
    assert logger.propagate


def test_nothing_is_printed_without_logging_configured() -> None:
    """A slow decision in a process that configured no logging writes nothing to stderr."""
    script = (
        "from triage import Engine\n"
        f"with Engine.from_paths({str(DEMO)!r}, slow_decision=0) as engine:\n"
        f"    engine.decide({COMPLAINTS[0]!r})\n"
        "import logging\n"
        "assert not logging.getLogger().handlers\n"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_building_logs_the_load_and_the_compile(caplog: pytest.LogCaptureFixture) -> None:
    """Building an engine logs the rule set loaded and compiled, at INFO on triage.engine."""
    with caplog.at_level(logging.INFO, logger="triage"), Engine.from_paths(DEMO) as engine:
        version = engine.ruleset_version
    messages = [r.getMessage() for r in caplog.records if r.name == "triage.engine"]
    assert any(m.startswith(f"rule set {version} loaded: 7 rules") for m in messages)
    assert any(m.startswith(f"rule set {version} compiled:") for m in messages)
    assert "packs demo" in messages[0]


def test_a_slow_decision_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    """A decision over the threshold logs its complaint id; none is logged under it."""
    with Engine.from_paths(DEMO, slow_decision=0) as slow, Engine.from_paths(DEMO) as usual:
        with caplog.at_level(logging.WARNING, logger="triage"):
            usual.decide(COMPLAINTS[1])
        assert caplog.records == []
        with caplog.at_level(logging.WARNING, logger="triage"):
            slow.decide(COMPLAINTS[0])
    [record] = caplog.records
    assert record.name == "triage.engine"
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("slow decision: complaint a1 took ")


def test_on_decision_sees_every_decision() -> None:
    """The hook gets each decision, as returned, with the seconds it took (a float; how
    long is the benchmarks' business, not a test's)."""
    seen: list[tuple[Decision, float]] = []

    def count(decision: Decision, seconds: float) -> None:
        seen.append((decision, seconds))

    with Engine.from_paths(DEMO, on_decision=count) as engine:
        decisions = list(engine.decide_many(COMPLAINTS))
    assert [decision for decision, _ in seen] == decisions
    assert all(type(seconds) is float for _, seconds in seen)


def test_a_failing_hook_is_not_swallowed() -> None:
    """What the hook raises reaches the caller of decide."""

    def broken(decision: Decision, seconds: float) -> None:
        raise RuntimeError(decision.complaint_id)

    with (
        Engine.from_paths(DEMO, on_decision=broken) as engine,
        pytest.raises(RuntimeError, match="a1"),
    ):
        engine.decide(COMPLAINTS[0])


def test_a_capped_number_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    """A number beyond ±1e15 is capped for the engine, with a warning on triage.compile."""
    with caplog.at_level(logging.WARNING, logger="triage"):
        assert engine_value(10**12) == 10**12
        assert caplog.records == []
        assert engine_value(float(Decimal("1e20"))) == 10**15
    [record] = caplog.records
    assert record.name == "triage.compile"
    assert "capped" in record.getMessage()


def test_a_trimmed_trace_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    """Spans left out of a firing (more than the cap for one fact) are counted in an INFO record."""
    text = "我在店里摔倒骨折了。" * 40
    with Engine.from_paths(DEMO) as engine, caplog.at_level(logging.INFO, logger="triage.engine"):
        decision = engine.decide({**COMPLAINTS[0], "text": text})
    omitted = sum(sum(firing.spans_omitted.values()) for firing in decision.trace)
    assert omitted > 0
    assert f"complaint a1: {omitted} text spans left out of the trace" in caplog.messages[-1]
