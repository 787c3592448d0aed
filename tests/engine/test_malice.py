"""The structure of a malicious decision: demand, measure, leverage and link, with spans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from triage import Decision, Engine
from triage.records.decision import (
    DemandPurpose,
    LeverageKind,
    LeverageLink,
    MeasureBasis,
    Nature,
    Span,
)
from triage.records.malice_display import malice_rows
from triage.resolution.malice import malice_of
from triage.rulepack.spec import Rule

DEV = Path(__file__).resolve().parents[2] / "eval" / "malicious" / "dev.jsonl"
CONDUCT_REASONS = {
    "professional_claimant_pattern",
    "competitor_or_insider",
    "harassment",
    "fake_identity",
    "fabricated_evidence",
    "templated_report_letter",
}
"""Malice by conduct alone, with no demand, leverage or purchase to name."""


def _hit(lexicon: str, term: str, start: int, *, conditional: bool = False) -> Span:
    fact = "mentions_conditional" if conditional else "mentions"
    return Span(
        fact=fact,
        lexicon=lexicon,
        term=term,
        surface=term,
        start=start,
        end=start + len(term),
        conditional=conditional,
    )


def _rule(engine: Engine, rule_id: str) -> Rule:
    return next(rule for rule in engine.ruleset.rules if rule.id == rule_id)


def _amount(fact: str, role: str, value: float, start: int) -> Span:
    surface = f"{value:g}元"
    return Span(fact=fact, term=f"{role}:{value:g}", surface=surface, start=start, end=start + 5)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine with the bundled packs."""
    with Engine.default() as built:
        yield built


def test_price_measure_and_conditional_media_threat(engine: Engine) -> None:
    """A demand against a stated price is measured by ten times the price, and a threat
    inside a condition is a conditional link."""
    demand, price = _amount("amount_demanded", "demand", 50000, 20), _amount("x", "paid", 200, 2)
    facts = {
        "amount_demanded": 50000.0,
        "amount_paid": 200.0,
        "demand_ceiling_ratio": 50000.0 / 2200.0,
        "money_demand": True,
    }
    media = _hit("leverage_media", "媒体", 30, conditional=True)
    spans = {
        "amount_demanded": (demand,),
        "demand_ceiling_ratio": (demand, price.model_copy(update={"fact": "ratio"})),
        "mentions_conditional": (media,),
        "mentions": (_hit("request_compensation", "赔偿", 18),),
    }
    malice = malice_of(facts, spans, [_rule(engine, "core.nature.far_beyond_measure")])
    assert malice.measure.needed
    assert malice.demand.money
    assert malice.demand.amount == Decimal("50000.00")
    assert malice.demand.purposes == (DemandPurpose.COMPENSATION,)
    assert malice.measure.basis is MeasureBasis.PRICE
    assert (malice.measure.base, malice.measure.ceiling) == (Decimal("200.00"), Decimal("2200.00"))
    assert malice.measure.ratio == 22.73
    assert malice.measure.law is not None
    assert "第一百四十八条" in malice.measure.law
    assert [span.term for span in malice.measure.spans] == ["paid:200"]
    assert malice.leverage.kinds == (LeverageKind.MEDIA,)
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    assert malice.leverage.spans == (media,)


def test_loss_measure_and_parallel_review_threat() -> None:
    """A stated loss whose triple exceeds the minimum is the measure; a threat outside any
    condition is parallel."""
    facts = {"amount_demanded": 40000.0, "loss_amount": 2000.0, "demand_ceiling_ratio": 5.0}
    malice = malice_of(facts, {"mentions": (_hit("leverage_review", "差评", 4),)})
    assert malice.measure.basis is MeasureBasis.LOSS
    assert malice.measure.ceiling == Decimal("8000.00")
    assert malice.leverage.link is LeverageLink.PARALLEL


def test_statutory_minimum_when_neither_price_nor_loss() -> None:
    """With no price or loss, the statutory minimum is the ceiling and its law is named."""
    malice = malice_of({"amount_demanded": 50000.0, "demand_ceiling_ratio": 50.0}, {})
    assert malice.measure.basis is MeasureBasis.STATUTORY_MINIMUM
    assert malice.measure.ceiling == Decimal("1000.00")
    assert malice.measure.law is not None
    assert "最低一千元" in malice.measure.law
    assert malice.leverage.link is LeverageLink.NONE
    assert not malice.leverage.kinds


def test_pay_to_drop_needs_no_measure(engine: Engine) -> None:
    """Pay-to-drop wording is the demand's purpose, the leverage and a conditional link, and
    the structure says no ceiling is needed: the decisive rule reads no measure."""
    drop = _hit("pay_to_drop", "给钱我就撤诉", 0)
    fired = [_rule(engine, "core.nature.extortion"), _rule(engine, "core.nature.excessive_demand")]
    malice = malice_of({"money_demand": True}, {"mentions": (drop,)}, fired)
    assert malice.demand.purposes == (DemandPurpose.WITHDRAWAL,)
    assert not malice.measure.needed
    assert malice.measure.basis is MeasureBasis.UNMEASURED
    assert malice.leverage.kinds == (LeverageKind.WITHDRAWAL,)
    assert malice.leverage.link is LeverageLink.CONDITIONAL


def test_a_purchase_split_at_the_checkout_is_a_split_purchase(engine: Engine) -> None:
    """Each bottle paid apart (每瓶单独刷卡) or a purchase split at the checkout (分6次刷卡) with
    a punitive claim is one purchase made many: the purchase says split, with the span of the
    split."""
    split = {
        "我在你们店买了同一款茅台酒，共计12瓶，每瓶单独刷卡，": "单独刷卡",
        "我分6次刷卡在你们店买了同一款茅台酒，共计12瓶，": "分6次刷卡",
    }
    for bought, surface in split.items():
        text = f"{bought}经鉴定是假酒，要求退一赔十。"
        record = {"id": "s", "text": text, "received_at": "2026-06-01T10:00:00+08:00"}
        decision = engine.decide(record)
        assert decision.nature is Nature.MALICIOUS, text
        assert decision.malice is not None
        assert decision.malice.purchase is not None
        assert decision.malice.purchase.split, text
        assert any(span.surface == surface for span in decision.malice.purchase.spans), text
    fridge = "我分三期付款买了一台冰箱，压缩机坏了，要求退货并三倍赔偿。"
    whole = engine.decide({"id": "w", "text": fridge, "received_at": "2026-06-01T10:00:00+08:00"})
    assert whole.nature is Nature.NORMAL
    assert whole.malice is None


def test_a_lawsuit_is_leverage_only_as_a_threat() -> None:
    """Going to court is a lawful channel: it is leverage only inside a condition."""
    sued = malice_of({}, {"mentions": (_hit("legal_action", "起诉", 0),)})
    threatened = malice_of(
        {}, {"mentions_conditional": (_hit("legal_action", "起诉", 0, conditional=True),)}
    )
    assert not sued.leverage.kinds
    assert threatened.leverage.kinds == (LeverageKind.LAWSUIT,)


def test_a_plain_complaint_is_leverage_only_as_a_threat(engine: Engine) -> None:
    """投诉 named with the plain verb is a report only inside a condition (不赔偿就投诉); told,
    it is none. The engine names it with its span as a conditional report."""
    told = malice_of({}, {"mentions": (_hit("leverage_complaint", "投诉", 0),)})
    threatened = malice_of(
        {}, {"mentions_conditional": (_hit("leverage_complaint", "投诉", 0, conditional=True),)}
    )
    assert not told.leverage.kinds
    assert threatened.leverage.kinds == (LeverageKind.REPORT,)
    assert threatened.leverage.link is LeverageLink.CONDITIONAL
    text = "20元的外卖里吃出了异物，赔我3000元，不赔偿就投诉。"
    decision = engine.decide({"id": "c", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})
    assert decision.nature is Nature.MALICIOUS
    assert decision.needs_review
    assert decision.malice is not None
    assert decision.malice.leverage.kinds == (LeverageKind.REPORT,)
    assert [span.surface for span in decision.malice.leverage.spans] == ["就投诉"]
    assert decision.malice.demand.amount == Decimal("3000.00")
    assert decision.malice.measure.ratio is not None


def test_the_other_way_out_of_paying_is_a_threat(engine: Engine) -> None:
    """投诉 as the second 要么 after a payment (要么转钱，要么投诉) is tied to the money
    (until_paid), not a complaint told; the engine names the sum read from the first
    alternative and the conditional report."""
    hits = (_hit("until_paid", "要么转2000，要么", 0), _hit("leverage_complaint", "要么投诉", 11))
    malice = malice_of({}, {"mentions": hits})
    assert malice.leverage.kinds == (LeverageKind.REPORT,)
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    text = "蛋糕里有根头发，要么转3000块，要么投诉到底。"
    decision = engine.decide({"id": "c", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})
    assert decision.nature is Nature.MALICIOUS
    assert decision.malice is not None
    assert decision.malice.demand.amount == Decimal("3000.00")
    assert LeverageKind.REPORT in decision.malice.leverage.kinds


def test_not_money_when_nothing_is_demanded() -> None:
    """A malicious complaint that asks for no money says so."""
    malice = malice_of({}, {"mentions": (_hit("leverage_business", "搞臭", 0),)})
    assert not malice.demand.money
    assert malice.demand.amount is None
    assert malice.leverage.kinds == (LeverageKind.BUSINESS_HARM,)


def test_engine_fills_the_structure_for_malicious_only(engine: Engine) -> None:
    """A malicious decision carries its structure, needs review, and survives JSON; a
    normal one has none."""
    text = "我在店里买的饼干过期了，花了30元，要求赔偿5万元，不赔就找媒体曝光！"
    decision = engine.decide({"id": "m", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})
    assert decision.nature is Nature.MALICIOUS
    assert decision.needs_review
    assert "malicious_needs_review" in decision.review_reasons
    malice = decision.malice
    assert malice is not None
    assert malice.demand.amount == Decimal("50000.00")
    assert malice.measure.ratio is not None
    assert malice.measure.ratio > 10
    assert set(malice.leverage.kinds) == {LeverageKind.MEDIA, LeverageKind.EXPOSURE}
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    assert Decision.model_validate(json.loads(decision.model_dump_json())) == decision
    assert hash(decision) == hash(Decision.model_validate_json(decision.model_dump_json()))
    normal = engine.decide(
        {"id": "n", "text": "饼干过期了，要求退款30元", "received_at": "2026-06-01T10:00:00+08:00"}
    )
    assert normal.nature is Nature.NORMAL
    assert normal.malice is None


def test_rows_in_chinese_name_each_part_and_its_text(engine: Engine) -> None:
    """The explanation's rows are labelled in Chinese and quote the spans in 「」."""
    text = "我在店里买的饼干过期了，花了30元，要求赔偿5万元，不赔就找媒体曝光！"
    decision = engine.decide({"id": "m", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})
    assert decision.malice is not None
    rows = malice_rows(decision.malice, "zh")
    assert [part for part, *_ in rows] == ["诉求", "衡量标准", "要挟"]
    assert "50000元" in rows[0][1]
    assert "「5万元」" in rows[0][2]
    assert "法定上限" in rows[1][1]
    assert "「30元」" in rows[1][2]
    assert "条件式" in rows[2][1]
    assert "「曝光」" in rows[2][2]


def test_a_multiple_beyond_the_law_names_its_measure(engine: Engine) -> None:
    """A multiple beyond every statutory one (五十倍) is its own measure: the demand quotes it
    as punitive, and the measure row says why no sum is needed."""
    text = "在你们店消费了300元，菜里有苍蝇，要求按消费金额的50倍赔偿，否则我去市场监管局举报。"
    decision = engine.decide({"id": "m", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})
    assert decision.nature is Nature.MALICIOUS
    assert decision.malice is not None
    assert DemandPurpose.PUNITIVE in decision.malice.demand.purposes
    assert any(span.lexicon == "punitive_excess" for span in decision.malice.demand.spans)
    rows = malice_rows(decision.malice, "zh")
    assert "超出任何法定倍数" in rows[1][1]
    assert "50倍" in rows[0][2]


def _dev_decisions(engine: Engine) -> list[tuple[str, Decision]]:
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [(case["complaint"]["text"], engine.decide(case["complaint"])) for case in cases]


def test_every_malicious_dev_decision_names_demand_measure_and_leverage(engine: Engine) -> None:
    """On the published-case dev set, each malicious decision needs review and names its
    demand, measure and leverage (or why none is needed), with spans that quote the text."""
    malicious = [(text, d) for text, d in _dev_decisions(engine) if d.nature is Nature.MALICIOUS]
    assert len(malicious) >= 10
    for text, decision in malicious:
        malice = decision.malice
        assert decision.needs_review, decision.complaint_id
        assert malice is not None, decision.complaint_id
        demand, measure, leverage = malice.demand, malice.measure, malice.leverage
        if demand.amount is not None:
            assert any(span.fact == "amount_demanded" for span in demand.spans)
        if measure.basis is not MeasureBasis.UNMEASURED:
            assert measure.ceiling is not None
            assert measure.ratio is not None
            assert measure.law
        if measure.base is not None:
            assert measure.spans, decision.complaint_id
        if leverage.kinds:
            assert leverage.spans
            assert leverage.link is not LeverageLink.NONE
        if measure.needed:
            assert measure.basis is not MeasureBasis.UNMEASURED, decision.complaint_id
        named = (
            leverage.kinds
            or malice.purchase is not None
            or DemandPurpose.WITHDRAWAL in demand.purposes
            or set(decision.reasons.nature) & CONDUCT_REASONS
        )
        assert named, decision.complaint_id
        for span in (*demand.spans, *measure.spans, *leverage.spans):
            assert text[span.start : span.end] == span.surface, decision.complaint_id


def _decided(engine: Engine, text: str) -> Decision:
    return engine.decide({"id": "k", "text": text, "received_at": "2026-06-01T10:00:00+08:00"})


def test_protection_money_is_harm_to_the_business_not_a_withdrawal(engine: Engine) -> None:
    """Money asked for "protection" (看场子, 保护费) is extortion whose leverage is the harm to
    the business it implies: nothing is offered to be dropped, so no withdrawal is named."""
    decision = _decided(engine, "以后每个月交两千块保护费，我们来给你看场子，保你店里平安无事。")
    assert decision.nature is Nature.MALICIOUS
    malice = decision.malice
    assert malice is not None
    assert LeverageKind.BUSINESS_HARM in malice.leverage.kinds
    assert LeverageKind.WITHDRAWAL not in malice.leverage.kinds
    assert DemandPurpose.WITHDRAWAL not in malice.demand.purposes
    assert malice.demand.money
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    assert any(span.lexicon == "protection_racket" for span in malice.demand.spans)


def test_trouble_at_the_door_is_harassment_and_tied_to_the_money(engine: Engine) -> None:
    """Coming back to make trouble until paid (不拿钱出来…隔三差五就来闹) is harassment, not
    violence, and its link is conditional even though the threat has no 就 of its own clause:
    the refusal to pay is its condition."""
    text = "孩子在你们诊所打完针就发烧住院。你们不拿钱出来，这事不算完，我隔三差五就来诊所找你们。"
    malice = _decided(engine, text).malice
    assert malice is not None
    assert LeverageKind.HARASSMENT in malice.leverage.kinds
    assert LeverageKind.VIOLENCE not in malice.leverage.kinds
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    for threat in ("我就叫上亲戚把你们的店砸了", "我会叫上亲戚到你们门店去砸"):
        smashed = _decided(engine, f"菜里有头发，不赔两万，{threat}。").malice
        assert smashed is not None, threat
        assert LeverageKind.VIOLENCE in smashed.leverage.kinds, threat
        assert LeverageKind.HARASSMENT not in smashed.leverage.kinds, threat


def test_refusal_to_pay_ties_a_threat_in_another_clause() -> None:
    """A refusal to pay (不给钱) named beside a threat asserted in its own clause makes the
    link conditional; the same threat with no refusal named stays parallel."""
    refusal = _hit("demand_unless_paid", "不给钱", 0)
    visits = _hit("leverage_harassment", "天天来闹", 8)
    tied = malice_of({"money_demand": True}, {"mentions": (refusal, visits)})
    alone = malice_of({"money_demand": True}, {"mentions": (visits,)})
    assert tied.leverage.kinds == (LeverageKind.HARASSMENT,)
    assert tied.leverage.link is LeverageLink.CONDITIONAL
    assert alone.leverage.link is LeverageLink.PARALLEL


def test_a_threat_naming_no_step_is_no_report(engine: Engine) -> None:
    """后果自负, 这事没完 press without naming a step: the leverage is unnamed, not a report;
    a regulator named beside it is the report."""
    text = "我在你们超市买的饼干过期了，花了8元，赔我两万块，否则后果自负，这事没完。"
    malice = _decided(engine, text).malice
    assert malice is not None
    assert malice.leverage.kinds == (LeverageKind.UNNAMED,)
    assert malice.leverage.link is LeverageLink.CONDITIONAL
    reported = _decided(engine, text.replace("这事没完", "我去市场监管局举报")).malice
    assert reported is not None
    assert set(reported.leverage.kinds) == {LeverageKind.UNNAMED, LeverageKind.REPORT}


def test_a_punitive_claim_is_a_money_demand() -> None:
    """退一赔十 asks a sum the law fixes: the demand is money even when no sum is written."""
    malice = malice_of({}, {"mentions": (_hit("punitive_claim", "退一赔十", 0),)})
    assert malice.demand.money
    assert malice.demand.purposes == (DemandPurpose.PUNITIVE,)


def test_police_forbidden_is_no_report(engine: Engine) -> None:
    """别想报警 belongs to a threat of violence: the leverage is violence, not a report."""
    text = "你卖的烟是假的，今天不赔钱，就把你这店砸了，别想报警。"
    malice = _decided(engine, text).malice
    assert malice is not None
    assert LeverageKind.VIOLENCE in malice.leverage.kinds
    assert LeverageKind.REPORT not in malice.leverage.kinds


def test_a_fee_for_silence_is_a_withdrawal_bought(engine: Engine) -> None:
    """A fee by another name (顾问费, 合作费) beside what it buys (稿件下线, 保证不去举报) is money
    demanded for a withdrawal, tied to it: the decision names both with their spans; the same
    fee with nothing bought names no withdrawal."""
    fee = _hit("business_fee", "合作费", 0)
    takedown = _hit("silence_act", "稿件下线", 6)
    bought = malice_of({}, {"mentions": (fee, takedown)})
    assert bought.demand.money
    assert bought.demand.purposes == (DemandPurpose.WITHDRAWAL,)
    assert bought.leverage.kinds == (LeverageKind.WITHDRAWAL,)
    assert bought.leverage.link is LeverageLink.CONDITIONAL
    assert fee in bought.demand.spans
    assert takedown in bought.leverage.spans
    alone = malice_of({}, {"mentions": (fee,)})
    assert alone.leverage.kinds == ()
    text = "你们的问题我都拍了，签个顾问协议，按期交顾问费，我保证不去举报。"
    decision = _decided(engine, text)
    assert decision.nature is Nature.MALICIOUS
    assert decision.needs_review
    malice = decision.malice
    assert malice is not None
    assert any(span.lexicon == "business_fee" for span in malice.demand.spans)
    assert any(span.lexicon == "silence_act" for span in malice.leverage.spans)
