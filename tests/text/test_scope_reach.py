"""How far a 不…就 condition and a negation reach (docs/text-analysis.md, "Scope rules"):
a 不…就 condition needs its 不-word in 就's clause or the one before, starts at that 不-word
and runs at most CONSEQUENCE_WINDOW tokens past 就 in its clause; a negation before a
clause pattern does not reach the clauses the match runs on into."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.text.patterns import PatternSpec
from triage.text.scope import CONSEQUENCE_WINDOW

LEXICONS = {
    "leverage": ["曝光", "媒体", "记者", "抖音", "12315"],
    "leak": ["漏水"],
    "works": ["施工", "护坡"],
    "fault": ["坏了", "黑屏"],
}
CARRIER = PatternSpec(
    "t.pattern.carrier_failed",
    "carrier_failed",
    (("ems", "顺丰", "快递"), ("发错地方", "丢件", "摔坏")),
    gap=16,
    within="sentence",
)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """Small lexicons and one clause pattern running over clauses."""
    return Analyser(LEXICONS, patterns=(CARRIER,))


def _flags(analyser: Analyser, text: str) -> dict[str, tuple[bool, bool]]:
    """Term (or pattern id) → (negated, conditional) of its first hit."""
    flags: dict[str, tuple[bool, bool]] = {}
    for hit in analyser.analyse(text).hits:
        flags.setdefault(hit.term, (hit.negated, hit.conditional))
    return flags


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("不给钱就曝光", "曝光"),
        ("不退钱我就找媒体曝光", "媒体"),
        ("再不处理，我就发抖音", "抖音"),  # the 不-word in the clause before 就's
        ("不赔钱我就发抖音，再天天打12315", "12315"),  # the consequence goes on after 再
        ("水管漏水不给修我就找记者", "记者"),
    ],
)
def test_threats_stay_conditional(analyser: Analyser, text: str, term: str) -> None:
    """不给钱就曝光-type conditions are conditions."""
    assert _flags(analyser, text)[term] == (False, True)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # 不按 two clauses before 就: a narrative, not a condition
        ("施工单位不按图纸施工，基础没有挖到设计要求，就开始切护坡", "护坡"),
        # before the 不-word in its own clause: the leak is told, not supposed
        ("水管漏水不给修我就找记者", "漏水"),
        # an unpunctuated text: the consequence does not take the rest of it
        ("不给钱就曝光你们手机用了三天屏幕就一直闪最后彻底黑屏", "黑屏"),
    ],
)
def test_narratives_are_asserted(analyser: Analyser, text: str, term: str) -> None:
    """What lies outside a 不…就 condition's reach is asserted."""
    assert _flags(analyser, text)[term] == (False, False)


def test_negation_does_not_reach_a_later_clause_of_a_pattern(analyser: Analyser) -> None:
    """A request not to use a carrier does not negate its failure told in later clauses;
    a failure itself negated in the last clause is still negated; one clause as before."""
    told = "以后不要用EMS发货了，慢超慢，还给我发错地方了"
    assert _flags(analyser, told)["t.pattern.carrier_failed"] == (False, False)
    denied = "不要用EMS发货，上次没有发错地方"
    assert _flags(analyser, denied)["t.pattern.carrier_failed"] == (True, False)
    assert _flags(analyser, "不是快递摔坏的")["t.pattern.carrier_failed"] == (True, False)


_PLAIN = ("东西收到了", "用了三天", "屏幕坏了", "客服说等通知", "我很生气", "下午去了店里")
_NOT = ("商家不发货", "信号不稳定", "施工不按图纸")
_THREATS = ("不给钱就曝光", "不退款我就找记者", "不处理我就打12315")


@given(
    before=st.lists(st.sampled_from(_PLAIN), max_size=3),
    not_clause=st.sampled_from(_NOT),
    between=st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=3),
    after=st.lists(st.sampled_from(_PLAIN), max_size=3),
)
def test_a_far_not_word_sets_up_no_condition(
    analyser: Analyser,
    before: list[str],
    not_clause: str,
    between: list[str],
    after: list[str],
) -> None:
    """A 不-clause, at least one plain clause, then 就 starting a clause: nothing is
    conditional, whatever plain clauses come before and after."""
    text = "，".join([*before, not_clause, *between, "就坏了", *after])
    features = analyser.analyse(text)
    assert not any(hit.conditional for hit in features.hits), features.hits


@given(
    before=st.lists(st.sampled_from(_PLAIN), max_size=3),
    threat=st.sampled_from(_THREATS),
    after=st.lists(st.sampled_from(_PLAIN), max_size=3),
    mark=st.sampled_from(("，", "。", "！")),
)
def test_a_threat_among_plain_clauses(
    analyser: Analyser, before: list[str], threat: str, after: list[str], mark: str
) -> None:
    """A 不X就Y threat is conditional wherever it stands; the plain clauses around it (the
    fault 坏了 among them) are asserted."""
    text = mark.join([*before, threat, *after])
    features = analyser.analyse(text)
    leverage = [hit for hit in features.hits if hit.lexicon == "leverage"]
    assert leverage, text
    assert all(hit.conditional for hit in leverage), text
    faults = [hit for hit in features.hits if hit.lexicon == "fault"]
    assert not any(hit.conditional or hit.negated for hit in faults), text


def test_consequence_window() -> None:
    """The consequence reaches CONSEQUENCE_WINDOW tokens past 就 within a long clause, and
    the end of a clause at most twice that far."""
    analyser = Analyser({"x": ["曝光"], "y": ["黑屏"]})
    rest = "去" * (2 * CONSEQUENCE_WINDOW)  # the clause runs on: only the window counts
    near = "不给钱就" + "去" * (CONSEQUENCE_WINDOW - 1) + "曝光" + rest
    far = "不给钱就" + "去" * CONSEQUENCE_WINDOW + "黑屏" + rest
    short = "不给钱就" + "去" * CONSEQUENCE_WINDOW + "黑屏。"
    assert analyser.analyse(near).hits[0].conditional, analyser.analyse(near).segmentation
    assert not analyser.analyse(far).hits[0].conditional, analyser.analyse(far).segmentation
    assert analyser.analyse(short).hits[0].conditional, analyser.analyse(short).segmentation


def test_counterfactual_is_no_assertion() -> None:
    """要不是…就…: what would have happened did not (no child was hurt)."""
    analyser = Analyser({"injury": ["受伤"], "leverage": ["曝光"]})
    hurt = analyser.analyse("要不是保安及时赶到，孩子就受伤了").hits
    assert [(hit.term, hit.conditional) for hit in hurt] == [("受伤", True)]
    told = analyser.analyse("要不是保安及时赶到，孩子就受伤了。后来孩子还是受伤了").hits
    assert [(hit.term, hit.conditional) for hit in told] == [("受伤", True), ("受伤", False)]
