"""A business's reply quoted in a review (宾馆反馈2008年1月22日：…, 酒店回复：…, 商家回复:…) is the
business's speech to the end of its paragraph, not only its first sentence (§8.1 who did it
counts: what the business said is its statement), so its thanks are no praise of the writer's;
a new paragraph, or the label of someone else speaking (来电人再次来电反映：), ends it."""

from __future__ import annotations

from tests.text.readings import clause_reading

from triage.facts import Analyser
from triage.text.clauses import Actor

ACTORS = {
    "actor_complainant": ["我"],
    "actor_respondent": ["客服", "商家"],
    "actor_third_party": ["骗子"],
}


def _speaker(text: str, word: str) -> Actor | None:
    """Who says the last ``word`` of ``text`` (None: the writer, not reported)."""
    reading, normalized = clause_reading(Analyser(ACTORS), text, ACTORS)
    return reading.speaker(reading.token_at(normalized.rindex(word)))


def test_a_reply_label_opens_the_business_speech_past_its_first_sentence() -> None:
    """The reply's later sentences are the business's too, with a date after the label."""
    text = "房间很吵，我一夜没睡好。宾馆反馈2008年1月22日：感谢您的意见。非常感谢您的入住。"
    assert _speaker(text, "非常感谢") is Actor.RESPONDENT
    spaced = "房间很吵。 宾馆反馈 2008年1月22日 ： 谢谢您。我们对此表示歉意。"
    assert _speaker(spaced, "歉意") is Actor.RESPONDENT
    assert _speaker("菜很咸。商家回复:亲，抱歉。下次少放盐，感谢支持", "感谢") is Actor.RESPONDENT


def test_the_writer_before_the_label_and_after_the_reply_is_no_speech() -> None:
    """Near misses: the review before the label, a new paragraph, another speaker's label."""
    assert _speaker("前台非常热情，感谢。酒店回复：谢谢您的好评。", "感谢") is None
    assert _speaker("房间很吵。酒店回复：抱歉。\n后来换了房间，非常感谢", "感谢") is None
    text = "水压低。水务集团回复：经落实，压力正常。张先生再次来电反映：水压仍然很低，感谢"
    assert _speaker(text, "感谢") is not Actor.RESPONDENT
    assert _speaker("我去前台反馈了三次。后来前台很热情，感谢", "感谢") is None


def test_a_utility_or_office_reply_in_a_work_order_is_the_respondent_speech() -> None:
    """A work order quotes the utility's or the office's reply (…公司热线办理回复：, …局回复：):
    its later sentences are the respondent's, until the caller's next label."""
    text = (
        "来电人反映：家中停水两天。\n某某供水有限公司热线办理回复：经核实，系管道抢修。"
        "已恢复供水，感谢理解。\n来电人再次来电反映：仍然停水，感谢"
    )
    assert _speaker(text[: text.rindex("来电人再次")], "感谢") is Actor.RESPONDENT
    assert _speaker("水压低。区水务局回复：经现场查看。压力正常，不属实。", "不属实") is (
        Actor.RESPONDENT
    )
    assert _speaker(text, "感谢") is not Actor.RESPONDENT


def test_an_office_named_without_a_reply_label_is_no_speech() -> None:
    """Near misses: the caller telling what the office did, or asking it to reply."""
    assert _speaker("我找过水务局。后来没人处理，不属实的说法太多", "不属实") is None
    assert _speaker("公司回复慢。后来一直停水，感谢", "感谢") is None
