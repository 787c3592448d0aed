"""A threat is reported speech of whoever utters it (§8.1 who did it counts): 威胁, 恐吓 and
警告 open the speech of their subject as 说 and 扬言 do, so the shop's threat to call the
police (老板威胁我再闹就报警) is not the complainant's leverage, while the complainant's own
threat stays theirs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from triage import Engine


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine, shared by the module's tests."""
    with Engine.default() as default:
        yield default


def _leverage(engine: Engine, text: str) -> bool:
    facts = engine.analyse(text).facts
    return "leverage" in facts.get("mentions", ()) + facts.get("mentions_conditional", ())


@pytest.mark.parametrize(
    "text",
    ["老板威胁我再闹就报警", "客服恐吓我说再来闹就报警", "商家警告我再闹就报警抓我"],
)
def test_the_respondents_threat_is_not_the_complainants_leverage(engine: Engine, text: str) -> None:
    """A threat the respondent utters (老板威胁我再闹就报警) is not the complainant's leverage."""
    assert not _leverage(engine, text)


@pytest.mark.parametrize("text", ["老板不给退，我威胁他不退钱就报警", "我跟老板说再不退钱我就报警"])
def test_the_complainants_own_threat_stays_theirs(engine: Engine, text: str) -> None:
    """The complainant's own threat (我威胁他不退钱就报警) stays their leverage."""
    assert _leverage(engine, text)
