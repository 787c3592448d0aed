"""An actor word the writer addresses or goes to is no subject (§8.1 who did it counts): after
a verb of contact or a preposition of address, with an aspect between at most (找了客服,
联系过商家, 问了一下客服, 打了客服电话, 致电银行), or after a word of going (到银行, 去过营业厅),
the respondent's word is the object or the place, so its clause and the subject-dropped
clauses after it stay the writer's. The respondent asked replies: a speech verb in the next
clause, its subject dropped, is the respondent's (问了客服，说要等三天). The respondent
opening a clause is still its subject (客服说…, 客服给我打电话)."""

from __future__ import annotations

from tests.text.readings import clause_reading

from triage.facts import Analyser
from triage.text.clauses import Actor

ACTORS = {
    "actor_complainant": ["我", "我们"],
    "actor_respondent": ["客服", "经理", "商家", "银行", "营业厅"],
    "actor_third_party": ["骗子"],
}


def _read(text: str, word: str) -> tuple[Actor, Actor | None]:
    """The actor of the clause holding the last ``word`` of ``text``, and its speaker."""
    reading, normalized = clause_reading(Analyser(ACTORS), text, ACTORS)
    token = reading.token_at(normalized.rindex(word))
    return reading.actor(token), reading.speaker(token)


def test_an_actor_word_after_a_verb_and_its_aspect_is_the_object() -> None:
    """找了客服, 联系过商家, 问了一下客服, 打了客服电话: the writer acts."""
    assert _read("我找了客服，一直没处理", "没处理")[0] is Actor.COMPLAINANT
    assert _read("我联系过商家，还是没解决", "没解决")[0] is Actor.COMPLAINANT
    assert _read("我问了一下客服，还是不懂", "不懂")[0] is Actor.COMPLAINANT
    assert _read("我打了客服电话，等了半小时", "等了")[0] is Actor.COMPLAINANT
    assert _read("我找到经理，要求退房", "要求")[0] is Actor.COMPLAINANT


def test_a_verb_of_contact_takes_the_respondent_as_its_object() -> None:
    """咨询, 致电, 拨打: the writer calls or asks the respondent."""
    assert _read("我咨询客服，排队了一个小时", "排队")[0] is Actor.COMPLAINANT
    assert _read("我致电银行，要求冻结", "冻结")[0] is Actor.COMPLAINANT


def test_the_respondent_gone_to_is_a_place() -> None:
    """到银行, 去过营业厅: the writer goes there."""
    assert _read("我到银行查询，发现多扣了钱", "发现")[0] is Actor.COMPLAINANT
    assert _read("我去过营业厅，还是没信号", "没信号")[0] is Actor.COMPLAINANT


def test_the_respondent_asked_replies() -> None:
    """问了客服，说要等三天: the speech in the next clause, its subject dropped, is the
    respondent's; with no subject before (联系了商家，说没货了) too."""
    assert _read("我问了客服，说要等三天", "等三天") == (Actor.RESPONDENT, Actor.RESPONDENT)
    assert _read("联系了商家，说没货了", "没货") == (Actor.RESPONDENT, Actor.RESPONDENT)


def test_near_misses_the_respondent_as_subject() -> None:
    """The respondent opening its clause is the subject: 客服说…, 客服给我打电话; the writer
    named after 到 (到我退房那天) and the writer told something (告诉我…，说…) stay as before."""
    assert _read("客服说要等三天", "等三天") == (Actor.RESPONDENT, Actor.RESPONDENT)
    assert _read("客服给我打电话，说要补差价", "补差价")[1] is Actor.RESPONDENT
    assert _read("客服给我打电话", "打电话")[0] is Actor.RESPONDENT
    assert _read("经理一直拖，到我退房那天还没修", "还没修")[0] is Actor.COMPLAINANT
    assert _read("我跟商家说了，一直不退", "不退")[0] is Actor.COMPLAINANT


def test_the_respondent_asked_acts_on_the_writer() -> None:
    """联系了客服，叫我重启: the writer's word as the object in the next clause, its subject
    dropped, makes that clause the respondent's; 咨询客服客服却说: the word repeated, its comma
    dropped, is the subject of the next clause."""
    assert _read("联系了客服，叫我重启一下", "重启")[0] is Actor.RESPONDENT
    assert _read("我咨询客服客服却说不能退", "不能退")[0] is Actor.RESPONDENT
