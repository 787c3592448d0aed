"""Conditions in more of their shapes (docs/text-analysis.md, "Conditions"): a marker cut
with its pronoun (如果你们…), a list inside the consequence (就发到抖音、快手、小红书), money
not arriving (钱不到位，…), a consequence told as the complainant's next step without 就
(你们不赔，我会…), and a deadline passed (…之前打给我，过了周五…)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import conditional

from triage.facts import Analyser

CHANNELS = ("抖音", "快手", "小红书", "微博", "朋友圈", "业主群", "大众点评", "12315", "12345")
LEXICONS = {
    "leverage": [*CHANNELS, "曝光", "媒体", "记者", "电视台", "举报", "工商", "税务", "消防"],
    "addressee": ["如果你", "要是你"],
    "refund": ["退款"],
    "fault": ["坏了"],
}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the module's lexicons."""
    return Analyser(LEXICONS)


@pytest.mark.parametrize(
    "text",
    [
        "如果你们不赔三万，我就发抖音",
        "要是你们不同意，我会把视频发到抖音",
        "我要求赔偿5000元。如果你们不同意，我会把视频发到抖音。",
    ],
)
def test_a_marker_cut_with_its_pronoun_opens_a_condition(analyser: Analyser, text: str) -> None:
    """A condition marker cut with its pronoun (如果你们, 要是你们) still makes the step after it
    conditional."""
    assert conditional(analyser, text, "抖音")


def test_the_address_cut_with_a_marker_stays_what_it_is(analyser: Analyser) -> None:
    """如果你想买… addresses the reader: the word itself is not made hypothetical."""
    assert not conditional(analyser, "如果你想买这款，先看看抖音上的评测", "如果你")


@given(
    items=st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=6),
    mark=st.sampled_from(("、", "和", "或者")),
    lead=st.sampled_from(("不赔我就发到", "不给钱就在", "再不处理我就去")),
)
def test_a_list_in_the_consequence_counts_once(
    analyser: Analyser, items: list[str], mark: str, lead: str
) -> None:
    """However long the list after 就, its last item is as conditional as its first."""
    text = lead + mark.join(items) + "上曝光"
    assert conditional(analyser, text, items[-1]), text
    assert conditional(analyser, text, "曝光"), text


def test_the_consequence_still_ends_in_an_unpunctuated_text(analyser: Analyser) -> None:
    """A list counts once, but the reach is still bounded: an unpunctuated text does not
    become a threat to its end."""
    text = "不给钱就曝光我那台手机用了三个月屏幕就坏了找了客服也没用最后去了12315"
    assert not conditional(analyser, text, "12315")


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("赔我五千块。钱不到位，我就向媒体曝光。", "媒体", True),
        ("赔偿款不到账我就去举报", "举报", True),
        ("服务不到位，我就给了他们抖音差评", "抖音", False),
        ("整改不到位就被12345通报了", "12345", False),
    ],
)
def test_money_not_arriving_is_an_antecedent(
    analyser: Analyser, text: str, term: str, expected: bool
) -> None:
    """不到位/不到账 of money named just before is the payment not made; of anything else
    it is a verdict."""
    assert conditional(analyser, text, term) is expected


@given(
    refusal=st.sampled_from(("你们不赔", "不给钱", "再不处理", "钱不到位", "不退钱")),
    step=st.sampled_from(("我会", "我们将", "我马上去", "我天天", "我直接", "等着")),
    channel=st.sampled_from(CHANNELS),
)
def test_the_next_step_after_a_refusal_is_its_consequence(
    analyser: Analyser, refusal: str, step: str, channel: str
) -> None:
    """你们不赔，我会发到抖音: the consequence, with or without 就."""
    text = f"{refusal}，{step}{channel}曝光"
    assert conditional(analyser, text, channel), text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("客服不给退款，我只能去12315投诉了", "12315"),
        ("你们不赔，我要求退款", "退款"),
        ("口感不好，我会在抖音上说的", "抖音"),
        ("你们不赔，我会发到抖音。手机第二天就坏了", "坏了"),
        ("你们不赔，我会发到抖音，手机第二天就坏了", "坏了"),
    ],
)
def test_what_is_no_next_step_stays_asserted(analyser: Analyser, text: str, term: str) -> None:
    """Resignation (我只能), a demand (我要求), a step after a verdict, and what follows the
    consequence's clause are told, not threatened."""
    assert not conditional(analyser, text, term)


@given(
    deadline=st.sampled_from(("周五之前", "三天内", "月底前", "明天中午12点前", "24小时以内")),
    past=st.sampled_from(("过了周五", "超过时间", "逾期", "到时候", "届时")),
    channel=st.sampled_from(CHANNELS),
)
def test_a_deadline_passed_is_a_condition(
    analyser: Analyser, deadline: str, past: str, channel: str
) -> None:
    """A deadline set (周五之前…) and then passed (过了周五, 逾期, 到时候) makes the step after it
    conditional."""
    text = f"{deadline}把三万块打给我，{past}我就发{channel}。"
    assert conditional(analyser, text, channel), text


@pytest.mark.parametrize(
    "text",
    [
        "买回来放了两天，过了两天就坏了，我发了抖音",
        "我是周五之前买的。过了周五我发了抖音",
        "保养之前抖音上说有异响，过了一段时间，抖音上又说不响了",
    ],
)
def test_time_passing_without_a_deadline_set_is_told(analyser: Analyser, text: str) -> None:
    """过了 without a deadline set in the clause before (or only in another sentence), or
    with no consequence after it (之前…，过了一段时间，…不响了), tells what happened."""
    assert not conditional(analyser, text, "抖音")


@pytest.mark.parametrize(
    "text",
    [
        "赔我五千块，不赔我就叫朋友们都来给你们打抖音差评，看谁还敢来",
        "周五之前把钱打给我，过了周五，我就发抖音。",
    ],
)
def test_a_consequence_reaches_the_end_of_a_short_clause(analyser: Analyser, text: str) -> None:
    """The 就 window reaches the end of its clause when that is near (at most twice the
    window); the consequence past a deadline may follow in the next clause."""
    assert conditional(analyser, text, "抖音")


@pytest.mark.parametrize(
    "text",
    [
        "要是当初没买就好了，用了三天就坏了",
        "如果能早点发货就更好了，结果收到的时候已经坏了",
        "假如包装再结实一点就好，打开一看坏了",
        "要是早知道就好了，第二天就坏了",
    ],
)
def test_a_wish_put_as_a_condition_ends_with_its_clause(analyser: Analyser, text: str) -> None:
    """要是/如果 … 就好了 is a wish complete in its clause: what the next clause tells happened."""
    assert not conditional(analyser, text, "坏了"), text


@pytest.mark.parametrize(
    "text",
    [
        "如果你们不退款，坏了我就发抖音",
        "如果质量好就好了，但要是坏了就退款",
        "要是坏了就好办了，可以直接退款",
        "如果收到就好了的话那也行，坏了就退款",
    ],
)
def test_a_condition_without_a_wish_still_reaches_on(analyser: Analyser, text: str) -> None:
    """A condition that is no wish ending in its clause (or a new one after it) still makes the
    clause after it conditional."""
    assert conditional(analyser, text, "坏了"), text
