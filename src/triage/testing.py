"""Hypothesis strategies for triage records, for our tests and for yours.

Requires hypothesis: ``pip install "triage[testing]"``. The strategies generate realistic
complaints: Chinese text (simplified and traditional), emoji, empty optional parts, huge
amounts and many timezones.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from triage.records.complaint import (
    Channel,
    Complainant,
    Complaint,
    Evidence,
    EvidenceKind,
    HandledElsewhere,
    HistoryEntry,
    Request,
    RequestKind,
    Respondent,
)

__all__ = [
    "aware_datetimes",
    "complaint_dicts",
    "complaint_texts",
    "complaints",
    "money",
]

_PHRASES = (
    "我在你们店买的手机用了三天就黑屏了",
    "外卖送到时汤全洒了，骑手态度还很差",
    "网贷平台暴力催收，给我通讯录里的亲戚打电话",
    "信用卡年费没经过我同意就扣了",
    "航班延误五个小时没有任何解释",
    "小区停电两天了供电公司一直没人来修",
    "新房子卫生间漏水，开发商推给施工队",
    "吃了蛋糕以后孩子上吐下泻去了医院",
    "要求退款并赔偿损失，否则我就找媒体曝光",
    "这是我第三次投诉了，一直没人处理",
    "没有受伤，但是很生气",
    "请问电费怎么查询？",
    "感謝客服小王耐心幫我解決問題",
    "保險公司拒絕理賠，說不在保障範圍內",
    "汽車剛買兩個月，高速上突然熄火，差點出事",
    "快遞員沒打電話就把包裹放在門口，丟了",
    "話費多扣了伍仟元，要求退還",
    "买了5千块的冰箱，要求赔偿3.5万",
    "商家收了¥5,000定金不发货",
    "贷款不是我本人办的，有人冒用我的身份",
)
_NOISE = st.sampled_from(
    ("😡", "🙏", "！！！", "\n", "  ", "…", "？？", "\u3000", "12315", "12345")
)


def complaint_texts() -> st.SearchStrategy[str]:
    """Complaint-like text: realistic phrases mixed with emoji, noise and random Unicode."""
    piece = st.one_of(
        st.sampled_from(_PHRASES),
        _NOISE,
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    )
    return (
        st.lists(piece, min_size=1, max_size=8)
        .map("".join)
        .filter(lambda s: any(not c.isspace() for c in s))
    )


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes between 2015 and 2030, in offsets from -12:00 to +14:00."""
    offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    return st.datetimes(
        min_value=datetime(2015, 1, 1),
        max_value=datetime(2030, 12, 31),
        timezones=st.one_of(st.just(UTC), offsets),
    )


def money() -> st.SearchStrategy[Decimal]:
    """Non-negative sums in yuan, from fen to absurdly large claims."""
    return st.one_of(
        st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False),
        st.integers(min_value=0, max_value=10**15).map(Decimal),
    )


_optional_text = st.none() | st.text(max_size=30)


def _complainants() -> st.SearchStrategy[Complainant]:
    return st.builds(
        Complainant,
        name=_optional_text,
        phone=st.none() | st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
        address=_optional_text,
        anonymous=st.booleans(),
        is_agent=st.booleans(),
        has_authorization=st.none() | st.booleans(),
    )


def _history() -> st.SearchStrategy[HistoryEntry]:
    return st.builds(
        HistoryEntry,
        id=st.text(min_size=1, max_size=12).filter(lambda s: not s.isspace()),
        received_at=aware_datetimes(),
        same_matter=st.booleans(),
        outcome=_optional_text,
    )


def complaints() -> st.SearchStrategy[Complaint]:
    """Valid [`Complaint`][triage.Complaint] records, from text-only to fully structured."""
    return st.builds(
        Complaint,
        id=st.from_regex(r"[A-Za-z0-9_-]{1,16}", fullmatch=True),
        text=complaint_texts(),
        received_at=aware_datetimes(),
        channel=st.sampled_from(Channel),
        hotline=st.none() | st.sampled_from(("12315", "12345", "95598", "12326", "10000")),
        sector=st.none()
        | st.sampled_from(("power", "aviation", "construction", "food", "telecom", "retail")),
        complainant=_complainants(),
        respondent=st.none()
        | st.builds(Respondent, name=_optional_text, department=_optional_text),
        requests=st.lists(
            st.builds(Request, kind=st.sampled_from(RequestKind), amount=st.none() | money()),
            max_size=3,
        ).map(tuple),
        amount_paid=st.none() | money(),
        loss_amount=st.none() | money(),
        incident_at=st.none() | aware_datetimes(),
        evidence=st.lists(
            st.builds(
                Evidence, kind=st.sampled_from(EvidenceKind), description=st.text(max_size=10)
            ),
            max_size=3,
        ).map(tuple),
        history=st.lists(_history(), max_size=3).map(tuple),
        handled_elsewhere=st.none() | st.sampled_from(HandledElsewhere),
        in_scope=st.none() | st.booleans(),
    )


def complaint_dicts() -> st.SearchStrategy[dict[str, Any]]:
    """JSON-shaped dicts of valid complaints, as a CRM would send them."""
    return complaints().map(lambda c: c.model_dump(mode="json", exclude_defaults=True))


_SHAPES = (
    "{{mentions: {a}}}",
    "{{all: [{{sector: {s}}}, {{mentions: {a}}}]}}",
    "{{all: [{{mentions: {a}}}, {{amount_at_stake: {{'>=': {n}}}}}]}}",
    "{{all: [{{mentions_conditional: {a}}}, {{amount_demanded: {{'>': {n}}}}}, "
    "{{not: {{mentions: {b}}}}}]}}",
    "{{any: [{{mentions: {a}}}, {{mentions: {b}}}, {{mentions: {c}}}]}}",
    "{{all: [{{channel: {ch}}}, {{hotline: {{in: ['12315', '12345']}}}}]}}",
    "{{all: [{{repeat_count: {{'>=': 1}}}}, {{not: {{mentions: {a}}}}}]}}",
    "{{all: [{{mentions: {{has_any: [{a}, {b}]}}}}, {{days_since_incident: {{'>': {n}}}}}]}}",
    "{{all: [{{mentions: {a}}}, {{not: {{any: [{{mentions_negated: {b}}}, {{sector: {s}}}]}}}}]}}",
    "{{all: [{{people_affected: {{'>=': 10}}}}, {{mentions: {a}}}]}}",
)
_EFFECTS = {
    "validity": "{{set: {v}, reason: r{i}}}",
    "nature": "{{set: malicious, reason: r{i}, weight: 0.5}}",
    "severity": "{{set: {lvl}, reason: r{i}}}",
    "responsibility": "{{set: {party}, reason: r{i}}}",
    "handling": "{{review: r{i}, actions: [verify]}}",
}

SYNTHETIC_LEXICONS: dict[str, tuple[str, ...]] = {
    f"lex{index:02d}": (f"词{index:02d}甲", f"词{index:02d}乙") for index in range(60)
}
"""Lexicons used by `synthetic_rules`: ``lex00`` … ``lex59``, two terms each."""


def synthetic_rules(count: int, *, seed: int = 0) -> str:
    """A rule set of ``count`` rules shaped like real packs, as YAML text (for load tests).

    Conditions mix lexicon mentions, sectors, money thresholds, negations and alternatives
    over the real fact vocabulary; effects cover every axis.
    """
    import random

    rng = random.Random(seed)  # noqa: S311 - a reproducible workload, not security
    sectors = ("food", "power", "telecom", "finance", "ecommerce", "automotive")
    channels = ("hotline", "web", "app", "letter")
    lines = ["name: synthetic", "version: '1'", "rules:"]
    for index in range(count):
        lexicons = rng.sample(sorted(SYNTHETIC_LEXICONS), 3)
        when = rng.choice(_SHAPES).format(
            a=lexicons[0],
            b=lexicons[1],
            c=lexicons[2],
            s=rng.choice(sectors),
            ch=rng.choice(channels),
            n=rng.choice((100, 500, 1000, 5000, 50000, 1095)),
        )
        axis = rng.choice(sorted(_EFFECTS))
        then = _EFFECTS[axis].format(
            i=index,
            v=rng.choice(("valid", "invalid")),
            lvl=rng.choice(("low", "medium", "high", "critical")),
            party=rng.choice(("respondent", "supplier", "customer", "third_party")),
        )
        lines.append(
            f"  - {{id: synthetic.rule.r{index:04d}, title: rule {index}, axis: {axis}, "
            f"priority: {rng.randint(0, 100)}, source: synthetic, when: {when}, then: {then}}}"
        )
    return "\n".join(lines) + "\n"
