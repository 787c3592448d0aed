"""The Engine: deciding, explaining, isolation, determinism, threads, I/O and lifecycle."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings

from tests.io_guard import no_io
from triage import Complaint, Engine, Severity
from triage.errors import EngineError, RecordError
from triage.testing import complaints

RULES = """
name: demo
parameters:
  big: 1000
rules:
  - id: demo.severity.injury
    title: 人身伤害
    axis: severity
    source: 消法 第49条
    when: {mentions: injury}
    then: {set: high, reason: injury, review: injury_unverified}
  - id: demo.severity.money
    title: 金额较大
    axis: severity
    source: domain.md 8
    when: {amount_at_stake: {">=": {param: big}}}
    then: {set: medium, reason: money}
  - id: demo.severity.repeat
    title: 重复投诉
    axis: severity
    source: domain.md 8
    when: {repeat_count: {">=": 1}}
    then: {raise: true, reason: repeat}
  - id: demo.derive.threat
    title: 以曝光相威胁
    axis: derive
    source: domain.md 2
    when: {mentions_conditional: leverage}
    then: {derive: {threat: true}}
  - id: demo.derive.pressure
    title: 威胁加索赔
    axis: derive
    source: domain.md 2
    when: {all: [{threat: true}, {amount_demanded: {">": 0}}]}
    then: {derive: {pressure: true}}
  - id: demo.nature.pressure
    title: 以威胁索要钱财
    axis: nature
    source: domain.md 8
    when: {pressure: true}
    then: {set: malicious, reason: leverage, actions: [{code: refer_police, deadline_days: 1}]}
  - id: demo.validity.ground
    title: 有依据
    axis: validity
    source: domain.md 1
    when: {not: {mentions: praise}}
    then: {set: valid, reason: ground}
  - id: demo.responsibility.shop
    title: 商家负责
    axis: responsibility
    source: 消法 第40条
    priority: 10
    when: {mentions: shop}
    then: {set: respondent, reason: seller_first, department: 门店}
  - id: demo.responsibility.maker
    title: 厂家负责
    axis: responsibility
    source: 产品质量法 第41条
    priority: 5
    when: {mentions: maker}
    then: {set: supplier, reason: producer}
"""
LEXICONS = {
    "injury": ["受伤", "骨折"],
    "leverage": ["曝光", "媒体"],
    "praise": ["表扬", "感谢"],
    "shop": ["店里", "门店"],
    "maker": ["厂家"],
}
AT = "2026-03-01T10:00:00+08:00"


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine over the demo rules, shared by read-only tests."""
    return Engine.from_text(RULES, lexicons=LEXICONS)


def _complaint(text: str, **fields: object) -> Complaint:
    return Complaint.model_validate({"id": "c1", "text": text, "received_at": AT, **fields})


def test_decision_explains_itself(engine: Engine) -> None:
    """A decision names each firing with its file, line, facts and the text it relied on."""
    text = "我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！"
    decision = engine.decide(_complaint(text))
    assert decision.severity is Severity.HIGH
    assert decision.nature == "malicious"
    assert decision.validity == "valid"
    assert decision.responsibility.party == "respondent"
    assert decision.responsibility.department == "门店"
    assert decision.needs_review is True
    assert decision.review_reasons == ("injury_unverified", "malicious_needs_review")
    assert [a.code for a in decision.actions] == ["refer_police"]
    assert decision.actions[0].deadline_days == 1
    fired = [f.rule_id for f in decision.trace]
    assert fired[:3] == ["demo.derive.pressure", "demo.derive.threat", "demo.validity.ground"] or (
        "demo.derive.threat" in fired and "demo.nature.pressure" in fired
    )
    injury = next(f for f in decision.trace if f.rule_id == "demo.severity.injury")
    assert injury.line == 6
    assert injury.file == "<text>"
    assert injury.facts == {"mentions": ("injury", "shop")}
    assert [(s.surface, text[s.start : s.end]) for s in injury.spans] == [("骨折", "骨折")]
    assert decision.ruleset_version == engine.ruleset_version


def test_forward_chaining_through_two_derived_facts(engine: Engine) -> None:
    """A derived fact feeds a second derive rule, whose fact feeds an axis rule."""
    decision = engine.decide(_complaint("要求退款5000元，否则我就找媒体曝光"))
    fired = {f.rule_id for f in decision.trace}
    assert {"demo.derive.threat", "demo.derive.pressure", "demo.nature.pressure"} <= fired
    plain = engine.decide(_complaint("我已经找媒体曝光了，要求退款5000元"))
    assert "demo.derive.threat" not in {f.rule_id for f in plain.trace}
    assert plain.nature == "normal"


def test_defaults_are_reported(engine: Engine) -> None:
    """Axes on which nothing fired take the policy default, are listed and need review.

    Validity defaults to valid (no named reason, no rejection); nature's default is a
    finding, so it asks for no review.
    """
    decision = engine.decide(_complaint("感谢客服小王，表扬一下"))
    assert decision.validity == "valid"
    assert decision.severity == "low"
    assert set(decision.defaults) == {"validity", "nature", "severity", "responsibility"}
    assert decision.needs_review
    assert decision.review_reasons == (
        "unresolved_validity",
        "unresolved_severity",
        "unresolved_responsibility",
    )


def test_one_raise_only(engine: Engine) -> None:
    """A repeat raises the base level by one step."""
    base = engine.decide(_complaint("店里多收了我2000元"))
    raised = engine.decide(_complaint("这是第三次投诉了，店里多收了我2000元"))
    assert base.severity == "medium"
    assert raised.severity == "high"


def test_responsibility_goes_to_the_highest_priority(engine: Engine) -> None:
    """With shop and maker both named, the higher-priority rule decides the party."""
    decision = engine.decide(_complaint("门店说是厂家的问题"))
    assert decision.responsibility.party == "respondent"
    assert decision.reasons.responsibility == ("seller_first",)


def test_same_input_same_decision(engine: Engine) -> None:
    """Deciding twice gives identical decisions, trace order included."""
    complaint = _complaint("我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！")
    assert engine.decide(complaint) == engine.decide(complaint)


def test_threads_agree_with_sequential(engine: Engine) -> None:
    """8 threads deciding the same complaints give exactly the sequential decisions."""
    texts = [
        "我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！",
        "这是第三次投诉了，店里多收了我2000元",
        "感谢客服小王，表扬一下",
        "厂家的产品有问题，要求退款",
    ]
    batch = [_complaint(texts[i % len(texts)] + "!" * (i % 7), id=f"c{i}") for i in range(1000)]
    sequential = [engine.decide(c) for c in batch]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(engine.decide, batch))
    assert parallel == sequential


def test_two_engines_do_not_share_rules() -> None:
    """Engines built from different rules in one process never see each other's rules."""
    other_rules = RULES.replace("set: high, reason: injury", "set: critical, reason: injury")
    with (
        Engine.from_text(RULES, lexicons=LEXICONS) as first,
        Engine.from_text(other_rules, lexicons=LEXICONS) as second,
    ):
        complaint = _complaint("我骨折了")
        assert first.decide(complaint).severity == "high"
        assert second.decide(complaint).severity == "critical"
        assert first.ruleset_version != second.ruleset_version
        assert first.decide(complaint).severity == "high"


def test_deciding_does_no_io(engine: Engine) -> None:
    """No file, socket or process event happens while deciding."""
    complaint = _complaint("我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！")
    engine.decide(complaint)
    with no_io() as events:
        engine.decide(complaint)
        engine.analyse("这是第三次投诉了")
    assert events == []


def test_closed_engine_refuses_to_decide() -> None:
    """After close(), deciding raises EngineError; close() twice is harmless."""
    engine = Engine.from_text(RULES, lexicons=LEXICONS)
    engine.close()
    engine.close()
    assert engine.closed
    with pytest.raises(EngineError, match="closed"):
        engine.decide(_complaint("我骨折了"))


def test_many_engines_leave_no_threads() -> None:
    """Building and closing 300 engines starts no thread and frees every ruleset."""
    before = threading.active_count()
    for _ in range(300):
        with Engine.from_text(RULES, lexicons=LEXICONS) as engine:
            engine.decide(_complaint("我骨折了"))
    assert threading.active_count() == before


def test_more_decisions_than_durable_sessions(engine: Engine) -> None:
    """2,000 decisions on one engine stay within durable_rules' 1,024 live sessions."""
    for index in range(2000):
        engine.decide(_complaint("店里多收了我2000元", id=f"s{index}"))


def test_as_of_must_be_aware(engine: Engine) -> None:
    """A naive as_of is refused with an error naming it."""
    with pytest.raises(RecordError, match="as_of"):
        engine.decide(_complaint("我骨折了"), as_of=datetime(2026, 1, 1))
    decision = engine.decide(_complaint("我骨折了"), as_of=datetime(2026, 1, 1, tzinfo=UTC))
    assert decision.as_of.year == 2026


def test_dicts_are_validated(engine: Engine) -> None:
    """A dict is validated as a Complaint before deciding."""
    with pytest.raises(RecordError, match="received_at"):
        engine.decide({"id": "x", "text": "我骨折了"})


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(complaints())
def test_every_valid_complaint_gets_a_decision(engine: Engine, complaint: Complaint) -> None:
    """Any valid complaint is decided without an exception, and the decision names it."""
    decision = engine.decide(complaint)
    assert decision.complaint_id == complaint.id
    assert all(
        complaint.text[span.start : span.end] == span.surface
        for firing in decision.trace
        for span in firing.spans
    )
