"""Reported speech ends where the writer takes the sentence back (§8.1 who did it counts: what
the business said is its statement, and what the writer did or judged is the writer's): a
clause opening with the writer or another actor as its subject (…说没有房间了，我们只好…), with
the writer's step or judgement (只好, 于是, 真是, 简直, 太…了, a work order's 认为…), with 结果, or
after the speaker's quote closes (说“…”，…). A clause with its subject dropped goes on with the
speech (客服说，要等三天，没办法), and so does the speaker's own first person after a colon."""

from __future__ import annotations

from tests.text.readings import clause_reading

from triage.facts import Analyser
from triage.text.clauses import Actor

ACTORS = {
    "actor_complainant": ["我", "我们"],
    "actor_respondent": ["客服", "服务员", "经理", "商家", "工作人员"],
    "actor_third_party": ["骗子"],
}


def _said(text: str, word: str) -> tuple[Actor | None, Actor]:
    """Who says the last ``word`` of ``text`` (None: no one, it is not reported), and the
    actor of its clause."""
    reading, normalized = clause_reading(Analyser(ACTORS), text, ACTORS)
    token = reading.token_at(normalized.rindex(word))
    return reading.speaker(token), reading.actor(token)


def test_the_writer_as_subject_ends_the_speech() -> None:
    """The writer's own later clauses are no longer the staff's words."""
    text = "前台服务员说没有房间了，我们只好去别的酒店，结果那边也很差"
    assert _said(text, "只好") == (None, Actor.COMPLAINANT)
    assert _said(text, "很差")[0] is None
    assert _said("客服说要等三天，后来我又打了一次", "又打")[0] is None


def test_a_word_of_the_writer_ends_the_speech() -> None:
    """只好, 于是, 真是, 简直, 太…了 and a work order's 认为 are the writer's; 结果 ends it too."""
    assert _said("客服说查不到订单，太欺负人了", "欺负")[0] is None
    assert _said("服务员说管道老化了，于是搬了房间", "搬了") == (None, Actor.COMPLAINANT)
    assert _said("经理说没办法，真是无语", "无语") == (None, Actor.COMPLAINANT)
    assert _said("工作人员告知需自费维修，认为不合理", "不合理") == (None, Actor.COMPLAINANT)
    assert _said("客服说马上处理，结果一直没人管", "没人管")[0] is None


def test_a_closing_quote_ends_the_speech() -> None:
    """The writer's words after the quote are their own."""
    assert _said("经理说“本来就是这样的”，在这里吵架是常事", "常事")[0] is None


def test_speech_resumes_after_the_writer_with_no_subject_of_its_own() -> None:
    """前台说没房，我问为什么，又说…: the one who spoke before speaks again."""
    assert _said("客服说要等三天，我问为什么，又说是系统问题", "系统")[0] is Actor.RESPONDENT


def test_speech_across_commas_stays_speech() -> None:
    """Near misses: a dropped subject, the speaker's own side, the first clause after the verb,
    the speaker's 我 after a colon or inside its quote, and a 太 in its first clause."""
    assert _said("客服说，要等三天，没办法", "没办法")[0] is Actor.RESPONDENT
    assert _said("客服说要等三天，商家会联系", "联系")[0] is Actor.RESPONDENT
    assert _said("客服说，我的订单已经取消了", "取消")[0] is Actor.RESPONDENT
    assert _said("经理跟我说：这个服务员就是这样，我代她道歉", "道歉")[0] is Actor.RESPONDENT
    assert _said("经理说“没有办法，我们也很忙”，", "很忙")[0] is Actor.RESPONDENT
    assert _said("客服说太晚了，明天再来", "明天")[0] is Actor.RESPONDENT
    assert _said("客服说，骗子盗用了账户", "盗用")[0] is Actor.RESPONDENT
