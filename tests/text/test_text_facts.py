"""The facts builder: vocabulary names and types only, structured fields first, no empty lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from triage.facts import Analyser
from triage.facts.vocabulary import BASE_FACTS, FactType
from triage.records import Complaint, HistoryEntry, Request, Respondent
from triage.testing import aware_datetimes, complaints
from triage.text import TextFeatures

VOCABULARY = {spec.name: spec for spec in BASE_FACTS}
CHINA = timezone(timedelta(hours=8))
RECEIVED = datetime(2024, 6, 1, 23, 30, tzinfo=CHINA)


def _complaint(text: str, **fields: Any) -> Complaint:
    return Complaint(id="c1", text=text, received_at=RECEIVED, **fields)


def _check_types(features: TextFeatures) -> None:
    """Every fact is in the vocabulary with the Python type of its FactSpec."""
    for name, value in features.facts.items():
        spec = VOCABULARY[name]
        if spec.type is FactType.BOOL:
            assert isinstance(value, bool), name
        elif spec.type is FactType.NUMBER:
            assert type(value) is float, name
        elif spec.type is FactType.INTEGER:
            assert type(value) is int, name
        elif spec.type is FactType.STRING:
            assert isinstance(value, str), name
            assert spec.values is None or value in spec.values, name
        else:
            assert isinstance(value, tuple), name
            assert value, name
            assert all(isinstance(item, str) for item in value), name
            assert spec.values is None or set(value) <= set(spec.values), name
    for name, spans in features.spans.items():
        assert name in features.facts
        assert spans
        assert all(span.fact == name for span in spans)


@given(complaint=complaints(), as_of=aware_datetimes())
def test_complaint_facts_follow_the_vocabulary(
    core_analyser: Analyser, complaint: Complaint, as_of: datetime
) -> None:
    """Any complaint gives only vocabulary facts, each of its declared type, lists non-empty."""
    _check_types(core_analyser.analyse(complaint, as_of=as_of))


@given(complaint=complaints())
def test_text_only_facts_follow_the_vocabulary(
    core_analyser: Analyser, complaint: Complaint
) -> None:
    """A bare text gives text facts only: no structured fact appears."""
    features = core_analyser.analyse(complaint.text, as_of=complaint.received_at)
    _check_types(features)
    structured = {"channel", "anonymous", "is_agent", "has_contact", "evidence_count", "days_open"}
    assert not structured & features.facts.keys()


def test_structured_money_wins_over_the_text(core_analyser: Analyser) -> None:
    """Price, loss and demanded sum from the record beat the text's, and carry no text span."""
    complaint = _complaint(
        "花了5000元买的手机，被多扣了300元，要求赔偿2万元",
        amount_paid=Decimal("4999"),
        loss_amount=Decimal("100"),
        requests=(Request(kind="compensation", amount=Decimal("15000")), Request(kind="apology")),
    )
    features = core_analyser.analyse(complaint)
    facts = features.facts
    assert (facts["amount_paid"], facts["loss_amount"], facts["amount_demanded"]) == (
        4999.0,
        100.0,
        15000.0,
    )
    assert facts["amount_at_stake"] == 15000.0
    assert facts["demand_paid_ratio"] == pytest.approx(15000 / 4999)
    assert facts["demand_loss_ratio"] == 150.0
    assert not {"amount_paid", "loss_amount", "amount_demanded"} & features.spans.keys()
    assert facts["request_kinds"] == ("compensation", "apology")


def test_text_money_has_spans(core_analyser: Analyser) -> None:
    """Sums read from the text point at their words."""
    text = "花了5000元买的手机，要求赔偿2万元"
    features = core_analyser.analyse(text)
    (paid,) = features.spans["amount_paid"]
    (demand,) = features.spans["amount_demanded"]
    assert (paid.surface, demand.surface) == ("5000元", "2万元")
    assert text[demand.start : demand.end] == demand.surface
    assert [s.surface for s in features.spans["demand_paid_ratio"]] == ["2万元", "5000元"]


@pytest.mark.parametrize(
    ("parameters", "demand", "over"),
    [
        (None, "1100元", False),  # 100 + max(10 × 100, 1000)
        (None, "1101元", True),
        ({"ceiling_minimum": 5000.0}, "5000元", False),
        ({"ceiling_price_multiple": 3.0, "ceiling_minimum": 500.0}, "601元", True),  # 100 + 500
    ],
)
def test_demand_over_ceiling_uses_the_pack_parameters(
    parameters: dict[str, float] | None, demand: str, over: bool
) -> None:
    """The ceiling is price + loss + the largest of the multiples and the minimum."""
    analyser = Analyser({}, parameters)
    facts = analyser.analyse(f"花了100元买的面包，要求赔偿{demand}").facts
    assert facts["demand_over_ceiling"] is over


def test_no_ceiling_without_price_or_loss(core_analyser: Analyser) -> None:
    """A demand with neither price nor loss known leaves demand_over_ceiling absent."""
    facts = core_analyser.analyse("要求赔偿5万元").facts
    assert facts["amount_demanded"] == 50000.0
    assert "demand_over_ceiling" not in facts
    assert "demand_paid_ratio" not in facts


def test_structured_sector_history_and_incident_win(core_analyser: Analyser) -> None:
    """The record's sector, same-matter history and incident date beat the text's guesses."""
    earlier = HistoryEntry(id="h1", received_at=RECEIVED - timedelta(days=30), same_matter=True)
    complaint = _complaint(
        "航班延误，这是我第五次投诉了，三年前就出过问题",
        sector="retail",
        history=(earlier, HistoryEntry(id="h2", received_at=RECEIVED)),
        incident_at=RECEIVED - timedelta(days=10),
    )
    features = core_analyser.analyse(complaint)
    facts = features.facts
    assert (facts["sector"], facts["repeat_count"], facts["history_count"]) == ("retail", 1, 2)
    assert facts["days_since_incident"] == 10
    assert not {"sector", "repeat_count", "days_since_incident"} & features.spans.keys()
    assert features.sector is not None
    assert features.sector.name == "aviation"


def test_text_guesses_fill_in_when_the_record_is_silent(core_analyser: Analyser) -> None:
    """Without structured values, the sector, repeats and incident date come from the text."""
    features = core_analyser.analyse(_complaint("航班延误，这是我第五次投诉了，三年前就出过问题"))
    facts = features.facts
    assert (facts["sector"], facts["repeat_count"]) == ("aviation", 4)
    assert (
        facts["days_since_incident"] == (RECEIVED.date() - RECEIVED.date().replace(year=2021)).days
    )
    assert features.spans["days_since_incident"][0].surface == "三年前"


def test_hotline_gives_the_sector_before_the_text(core_analyser: Analyser) -> None:
    """A 95598 complaint is in the power sector even when the text speaks of something else."""
    facts = core_analyser.analyse(_complaint("外卖送到时汤全洒了", hotline="95598")).facts
    assert facts["sector"] == "power"


def test_empty_lists_and_unknowns_are_absent() -> None:
    """No requests, evidence, hits, amounts or times: those facts are absent, not empty."""
    facts = Analyser({"injury": ["受伤"]}).analyse(_complaint("请问怎么查询")).facts
    absent = {
        "request_kinds",
        "evidence_kinds",
        "mentions",
        "mentions_conditional",
        "mentions_negated",
        "amount_demanded",
        "amount_at_stake",
        "repeat_count",
        "days_since_incident",
        "has_authorization",
        "in_scope",
        "hotline",
        "sector",
        "respondent_department",
    }
    assert not absent & facts.keys()
    assert (facts["evidence_count"], facts["history_count"], facts["has_respondent"]) == (
        0,
        0,
        False,
    )


def test_record_fields_become_facts(core_analyser: Analyser) -> None:
    """Channel, complainant, respondent and dates are copied in the complaint's own timezone."""
    complaint = _complaint(
        "没有受伤",
        channel="hotline",
        hotline="12315",
        complainant={
            "phone": " ",
            "address": "北京市",
            "is_agent": True,
            "has_authorization": False,
        },
        respondent=Respondent(department="营业厅"),
        in_scope=True,
        handled_elsewhere="mediation",
    )
    as_of = RECEIVED.astimezone(UTC) + timedelta(days=3, hours=5)
    facts = core_analyser.analyse(complaint, as_of=as_of).facts
    expected = {
        "channel": "hotline",
        "hotline": "12315",
        "anonymous": False,
        "is_agent": True,
        "has_authorization": False,
        "has_contact": True,
        "has_respondent": True,
        "respondent_department": "营业厅",
        "in_scope": True,
        "handled_elsewhere": "mediation",
        "received_date": 20240601,
        "days_open": 3,
        "text_length": 4,
        "mentions_negated": ("injury",),
    }
    assert {name: facts.get(name) for name in expected} == expected


def test_days_open_defaults_to_zero_at_receipt(core_analyser: Analyser) -> None:
    """Without ``as_of`` the decision is as of receipt: zero days open."""
    assert core_analyser.analyse(_complaint("没有受伤")).facts["days_open"] == 0


def test_plain_text_resolves_times_only_with_as_of(core_analyser: Analyser) -> None:
    """A bare text resolves 三年前 against ``as_of``, and not at all without it."""
    as_of = datetime(2024, 3, 1, tzinfo=UTC)
    assert core_analyser.analyse("三年前买的", as_of=as_of).facts["days_since_incident"] == 1096
    assert "days_since_incident" not in core_analyser.analyse("三年前买的").facts


def test_a_text_dated_after_receipt_has_no_time_facts(core_analyser: Analyser) -> None:
    """A text naming a year-dated day after received_at was written later: 11月13日 and
    去年 cannot be placed from received_at, so days_since_incident is unknown."""
    received = datetime(2020, 1, 1, tzinfo=UTC)
    stamped = "用户反映:2020-11-27,11月13日上午网络断了，去年也断过"
    assert "days_since_incident" not in core_analyser.analyse(stamped, as_of=received).facts
    plain = "11月13日上午网络断了，去年也断过"
    assert core_analyser.analyse(plain, as_of=received).facts["days_since_incident"] == 49
    # the present named (现在2025年了) and a date before receipt contradict nothing
    said = "2019年12月1日买的，现在2025年了还没修好"
    assert core_analyser.analyse(said, as_of=received).facts["days_since_incident"] == 31


def test_decades_grades_and_ages_are_no_spans(core_analyser: Analyser) -> None:
    """到了80年代, 上了三年级 and 已经3周岁 are no time back from received_at."""
    as_of = datetime(2020, 1, 1, tzinfo=UTC)
    for text in ("一进餐厅仿佛到了80年代的食堂", "孩子上了三年级", "孩子已经3周岁"):
        assert "days_since_incident" not in core_analyser.analyse(text, as_of=as_of).facts, text
    assert core_analyser.analyse("已经三年了", as_of=as_of).facts["days_since_incident"] == 1095


def test_a_time_asked_for_is_not_the_incident(core_analyser: Analyser) -> None:
    """The time the complainant asks for (要求今天给答复, 请本周内处理, 今晚之前回复,
    要求12月10日前退款) is no time the harm happened: days_since_incident comes from the
    latest past time told as when it happened."""
    as_of = datetime(2026, 12, 7, tzinfo=UTC)
    asked = {
        "11月20日停水，要求今天给我答复": 17,
        "11月20日扣了钱，请本周内处理": 17,
        "昨天买的，今晚之前给我回复": 1,
        "11月1日下单，希望本月底前发货": 36,
        "3月5日买的，要求商家12月10日前退款": 277,
        "11月1日下单，要求2027年1月1日前发货": 36,
    }
    for text, days in asked.items():
        assert core_analyser.analyse(text, as_of=as_of).facts["days_since_incident"] == days, text
    # near misses: the present told as when it happened, and a past time inside a demand
    told = {
        "11月20日停过一次水，今天又停水了": 0,
        "本周已经停了三次水": 0,
        "要求退还上个月多扣的话费": 36,
        "要求退还11月5日多扣的费用": 32,
        "我请假今天去了门店": 0,
    }
    for text, days in told.items():
        assert core_analyser.analyse(text, as_of=as_of).facts["days_since_incident"] == days, text
