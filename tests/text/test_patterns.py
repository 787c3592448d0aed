"""Clause patterns, hit conditions and the clause reading they rest on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.text.readings import clause_reading, mode_of

from triage import Engine, RuleError
from triage.facts import Analyser
from triage.rulepack.patterns import ConditionDocument, PatternDocument
from triage.text.clauses import Actor, ClauseReading, Mode
from triage.text.patterns import HitCondition, PatternSpec

ACTORS = {
    "actor_complainant": ["我", "本人"],
    "actor_respondent": ["客服", "催收", "平台"],
    "actor_third_party": ["骗子"],
}


@pytest.fixture(scope="module")
def default_engine() -> Iterator[Engine]:
    """The bundled packs, with their patterns."""
    with Engine.default() as engine:
        yield engine


def _examples() -> list[tuple[str, str, str, bool]]:
    """(kind, name, text, should match) for every bundled pattern and condition example."""
    with Engine.default() as engine:
        found = engine.ruleset.pattern_sources
    items: list[tuple[str, str, str, bool]] = []
    for pattern, _ in found.patterns:
        items += [("pattern", pattern.id, text, True) for text in pattern.examples.match]
        items += [("pattern", pattern.id, text, False) for text in pattern.examples.miss]
    for condition, _ in found.conditions:
        name = condition.lexicon
        items += [("condition", name, text, True) for text in condition.examples.match]
        items += [("condition", name, text, False) for text in condition.examples.miss]
    assert items, "the bundled packs hold no pattern examples"
    return items


@pytest.mark.parametrize(("kind", "name", "text", "matches"), _examples())
def test_bundled_pattern_examples(
    default_engine: Engine, kind: str, name: str, text: str, matches: bool
) -> None:
    """Every bundled pattern asserts its match examples and none of its near misses."""
    hits = [hit for hit in default_engine.analyse(text).hits if hit.asserted]
    key = (lambda hit: hit.term) if kind == "pattern" else (lambda hit: hit.lexicon)
    assert any(key(hit) == name for hit in hits) is matches, [(h.lexicon, h.term) for h in hits]


def _analyser(
    patterns: tuple[PatternSpec, ...] = (), conditions: tuple[HitCondition, ...] = ()
) -> Analyser:
    lexicons = {**ACTORS, "harass": ["骚扰"]}
    return Analyser(lexicons, patterns=patterns, conditions=conditions)


def test_a_pattern_finds_ordered_groups_with_gaps_in_one_clause() -> None:
    """Groups in order, each within the gap, in one clause, give a hit of the lexicon."""
    spec = PatternSpec("t.pattern.consent", "deduct", (("未经",), ("同意",), ("扣", "划")), gap=4)
    analyser = _analyser((spec,))
    hit = next(
        h for h in analyser.analyse("未经本人同意就扣了我300元").hits if h.lexicon == "deduct"
    )
    assert (hit.term, hit.surface) == ("t.pattern.consent", "未经本人同意就扣")
    assert hit.asserted
    assert "deduct" in analyser.analyse("未经本人同意就扣了我300元").facts["mentions"]
    assert not [h for h in analyser.analyse("同意未经扣款").hits if h.lexicon == "deduct"]
    assert not [h for h in analyser.analyse("未经本人同意，后来扣了").hits if h.lexicon == "deduct"]
    far = "未经本人的任何口头或书面同意就扣了"
    assert not [h for h in analyser.analyse(far).hits if h.lexicon == "deduct"]


def test_a_shorter_term_leaves_the_next_group_what_it_needs() -> None:
    """A group takes its longest term at a place, and a shorter one there when the longest
    swallows what the next group needs (汤里 of a food lexicon before a group 里), in the
    first group as in a later one; the gap and the clause still bind the shorter choice."""
    food = ("汤", "汤里", "米饭")
    first = PatternSpec("t.pattern.in_food", "foreign", (food, ("里",), ("头发", "虫")), gap=4)
    later = PatternSpec(
        "t.pattern.found_in_food", "found", (("发现",), food, ("里",), ("头发",)), gap=4
    )
    analyser = _analyser((first, later))

    def surfaces(text: str, lexicon: str) -> list[str]:
        return [h.surface for h in analyser.analyse(text).hits if h.lexicon == lexicon]

    assert surfaces("汤里有头发", "foreign") == ["汤里有头发"]
    assert surfaces("米饭里有虫", "foreign") == ["米饭里有虫"]
    assert surfaces("发现汤里有头发", "found") == ["发现汤里有头发"]
    # Near misses: nothing after the term, the next group's text absent, or too far.
    assert surfaces("汤里很咸", "foreign") == []
    assert surfaces("汤有头发", "foreign") == []
    assert surfaces("汤里的东西很多很多很多头发", "foreign") == []
    assert surfaces("发现汤里，有头发", "found") == []
    # The longest term is kept when the groups after it match with it.
    keep = PatternSpec("t.pattern.soup", "soup", (food, ("有",)), gap=2)
    hit = next(h for h in _analyser((keep,)).analyse("汤里有头发").hits if h.lexicon == "soup")
    assert hit.surface == "汤里有"


def test_a_pattern_hit_keeps_negation_and_condition_scope() -> None:
    """A pattern hit is negated or conditional like a term at the same place."""
    spec = PatternSpec("t.pattern.safety", "hazard", (("影响", "危及"), ("安全",)), gap=4)
    analyser = _analyser((spec,))
    negated = next(
        h for h in analyser.analyse("这个问题不影响行驶安全").hits if h.lexicon == "hazard"
    )
    assert negated.negated
    conditional = analyser.analyse("如果影响行驶安全怎么办").hits
    assert next(h for h in conditional if h.lexicon == "hazard").conditional


def test_a_pattern_skips_speech_reported_from_the_actors_named() -> None:
    """``not_said_by`` drops a match inside what the business is reported to have said."""
    spec = PatternSpec(
        "t.pattern.drop", "drop", (("删差评",), ("给",), ("钱", "元")), gap=6,
        not_said_by=frozenset({Actor.RESPONDENT}),
    )  # fmt: skip
    analyser = _analyser((spec,))

    def dropped(text: str) -> bool:
        return any(hit.lexicon == "drop" for hit in analyser.analyse(text).hits)

    assert dropped("要我删差评就给我五千元")
    assert not dropped("客服说删差评就给我五元")
    unrestricted = _analyser((PatternSpec("t.pattern.drop", "drop", spec.groups, gap=6),))
    assert any(h.lexicon == "drop" for h in unrestricted.analyse("客服说删差评就给我五元").hits)


def test_unless_terms_drop_a_match_from_the_start_of_its_clause() -> None:
    """``unless`` drops a match when one of its terms occurs from the start of the clause
    where the match begins to the end of that clause, and nowhere else."""
    groups = (("给我",), ("5", "五"), ("就",), ("算了",))
    spec = PatternSpec(
        "t.pattern.drop", "drop", groups, gap=8, within="sentence", unless=("退了", "商家给")
    )
    analyser = _analyser((spec,))

    def dropped(text: str) -> bool:
        return any(hit.lexicon == "drop" for hit in analyser.analyse(text).hits)

    assert dropped("给我五千块，这事就算了")
    assert not dropped("给我退了500元，这事就算了")
    assert not dropped("商家给我500元，这事就算了")
    assert dropped("商家退了货，给我五千块，这事就算了")
    assert dropped("给我五千块，这事就算了，钱退了也不行")
    # The clause is read to its end, past the match: a term after the match drops it.
    assert not dropped("给我五千块这事就算了退了")
    assert dropped("给我五千块这事就算了，退了")
    unrestricted = _analyser(
        (PatternSpec("t.pattern.drop", "drop", groups, gap=8, within="sentence"),)
    )
    assert any(h.lexicon == "drop" for h in unrestricted.analyse("给我退了500元，这事就算了").hits)


def test_unless_terms_are_read_to_the_end_of_the_clause() -> None:
    """A term after the match in its clause drops it (借呗逾期一天会有什么影响: the
    overdue day is asked about, whatever follows it in the clause); one in the next clause
    does not."""
    spec = PatternSpec("t.pattern.late", "late", (("逾期",), ("一天",)), unless=("影响",))
    analyser = _analyser((spec,))

    def late(text: str) -> bool:
        return any(hit.lexicon == "late" for hit in analyser.analyse(text).hits)

    assert late("借呗逾期一天")
    assert not late("借呗逾期一天会有什么影响")
    assert not late("影响借呗逾期一天")
    assert late("借呗逾期一天，我很担心")
    assert late("借呗逾期一天，会有什么影响")


def test_unless_terms_are_read_to_the_end_of_the_clause_where_a_match_ends() -> None:
    """A match that runs on past its first clause is dropped by a term after it in the
    clause where it ends, as a one-clause match is by a term after it in its clause; a term
    in a later clause still does not drop it."""
    spec = PatternSpec(
        "t.pattern.drop", "drop", (("给我",), ("就",), ("算了",)), within="sentence",
        unless=("退了",),
    )  # fmt: skip
    analyser = _analyser((spec,))

    def dropped(text: str) -> bool:
        return any(hit.lexicon == "drop" for hit in analyser.analyse(text).hits)

    assert dropped("给我五千块，这事就算了")
    assert not dropped("给我五千块，这事就算了退了")
    assert dropped("给我五千块，这事就算了，退了")


def test_unless_lists_inside_the_list_add_their_terms() -> None:
    """A list inside ``unless`` (a YAML alias of a named list) adds its terms, so one
    pattern can take part of what another joins."""
    document = PatternDocument.model_validate(
        {"id": "a.b", "lexicon": "x", "groups": [["a"]], "unless": [["退了", "退款"], "商家给"],
         "examples": {"match": ["a"], "miss": ["b"]}}
    )  # fmt: skip
    assert document.unless == ("退了", "退款", "商家给")


def test_actor_conditions_follow_who_did_it() -> None:
    """A condition keeps harassment by the business and drops the complainant's own calls."""
    condition = HitCondition("harass", frozenset({Actor.RESPONDENT, Actor.UNKNOWN}))
    analyser = _analyser(conditions=(condition,))

    def harassed(text: str) -> bool:
        return any(hit.lexicon == "harass" for hit in analyser.analyse(text).hits)

    assert harassed("催收天天打电话骚扰")
    assert harassed("天天被骚扰")
    assert not harassed("我天天打电话骚扰客服")
    assert not harassed("骗子天天骚扰")


def _reading(text: str) -> tuple[ClauseReading, str]:
    return clause_reading(Analyser(ACTORS), text, ACTORS)


def _actor_of(text: str, word: str) -> Actor:
    reading, normalized = _reading(text)
    return reading.actor(reading.token_at(normalized.index(word)))


def test_reported_speech_belongs_to_the_speaker() -> None:
    """What follows 客服说 is the business's statement, whatever the quote's subject."""
    assert _actor_of("客服说是我自己操作失误", "操作") is Actor.RESPONDENT
    assert _actor_of("我说是客服操作失误", "操作") is Actor.COMPLAINANT


def test_objects_passives_and_dropped_subjects() -> None:
    """An actor after 给 is an object; after 被 the agent; a clause without one goes on."""
    assert _actor_of("催收打电话给我", "打电话") is Actor.RESPONDENT
    assert _actor_of("我被催收骚扰", "骚扰") is Actor.RESPONDENT
    assert _actor_of("我的钱被扣了", "扣") is Actor.UNKNOWN
    assert _actor_of("我去了营业厅，排队两个小时", "排队") is Actor.COMPLAINANT
    assert _actor_of("平台应该退款", "退款") is Actor.COMPLAINANT
    # 在 places the business: 我在平台买的 is the complainant's purchase
    assert _actor_of("我在平台买了十瓶，每瓶都要求赔偿", "要求") is Actor.COMPLAINANT
    assert _actor_of("平台在我不知情时扣款", "扣款") is Actor.RESPONDENT
    # an actor word right after the object (or after it and 的) is the same object
    assert _actor_of("我跟平台客服说了，拿三万出来", "拿") is Actor.COMPLAINANT
    assert _actor_of("我打电话给平台的客服说，必须退款", "退款") is Actor.COMPLAINANT
    assert _actor_of("我给平台打了电话，客服说不能退", "不能") is Actor.RESPONDENT


def _mode_of(text: str, word: str) -> Mode:
    return mode_of(Analyser(ACTORS), text, word, ACTORS)


def test_sentence_and_word_modes() -> None:
    """Questions, rhetorical questions, names and closings are told from statements."""
    assert _mode_of("请问会扣费吗", "扣费") is Mode.QUESTION
    assert _mode_of("这不是坑人吗", "坑人") is Mode.RHETORICAL
    assert _mode_of("难道不该退款", "退款") is Mode.RHETORICAL
    assert _mode_of("扣了我“免盗刷”的钱", "盗刷") is Mode.NAME
    assert _mode_of("我买了养老金保险", "养老金") is Mode.NAME
    assert _mode_of("电话打不通，希望尽快处理。万分感谢", "感谢") is Mode.CLOSING
    assert _mode_of("客服很耐心，非常感谢", "感谢") is Mode.STATEMENT
    assert _mode_of("卡被盗刷了", "盗刷") is Mode.STATEMENT
    assert _mode_of("质量确实不怎么样！", "质量") is Mode.STATEMENT
    assert _mode_of("外观不咋地，内饰也一般", "外观") is Mode.STATEMENT
    assert _mode_of("衣服没怎么穿就开线了", "开线") is Mode.STATEMENT
    assert _mode_of("质量怎么这么差", "质量") is Mode.QUESTION
    assert _mode_of("这车咋老是熄火", "熄火") is Mode.QUESTION


def _pack(tmp_path: Path, patterns: str) -> Path:
    root = tmp_path / "p"
    (root / "patterns").mkdir(parents=True)
    (root / "lexicons").mkdir()
    (root / "pack.yaml").write_text("name: p\nversion: '1'\n", encoding="utf-8")
    (root / "lexicons" / "deduct.txt").write_text("乱扣费\n", encoding="utf-8")
    (root / "patterns" / "x.yaml").write_text(patterns, encoding="utf-8")
    return root


def test_pattern_file_mistakes_are_located(tmp_path: Path) -> None:
    """A bad actor value is reported at its file, line and column, naming the field."""
    text = (
        "patterns:\n"
        "  - id: p.pattern.a\n"
        "    lexicon: deduct\n"
        "    groups: [[未经], [扣]]\n"
        "    actor: [boss]\n"
        "    examples: {match: [未经扣], miss: [扣]}\n"
    )
    with pytest.raises(RuleError) as caught:
        Engine.from_paths(_pack(tmp_path, text))
    message = str(caught.value)
    assert "patterns/x.yaml:5:" in message
    assert "patterns.0.actor.0" in message


def test_unknown_lexicon_reference_and_duplicate_ids(tmp_path: Path) -> None:
    """@name must name a lexicon, and a pattern id is used once."""
    pattern = (
        "  - id: p.pattern.a\n"
        "    lexicon: deduct\n"
        "    groups: [['@nothing'], [扣]]\n"
        "    examples: {match: [未经扣], miss: [扣]}\n"
    )
    with pytest.raises(RuleError) as caught:
        Engine.from_paths(_pack(tmp_path, "patterns:\n" + pattern + pattern))
    message = str(caught.value)
    assert "'@nothing' names no lexicon" in message
    assert "used twice" in message


def test_lexicon_references_expand_and_new_lexicons_are_usable(tmp_path: Path) -> None:
    """@deduct stands for the lexicon's terms; a pattern's lexicon may be new to the pack."""
    text = (
        "patterns:\n"
        "  - id: p.pattern.again\n"
        "    lexicon: deduct_again\n"
        "    groups: [[又, 还是], ['@deduct']]\n"
        "    gap: 2\n"
        "    examples: {match: [又乱扣费], miss: [乱扣费]}\n"
    )
    root = _pack(tmp_path, text)
    (root / "rules.yaml").write_text(
        "rules:\n"
        "  - id: p.severity.again\n"
        "    title: 再次扣费\n"
        "    axis: severity\n"
        "    source: 《消费者权益保护法》第二十九条\n"
        "    when: {mentions: deduct_again}\n"
        "    then: {set: medium, reason: deducted_again}\n",
        encoding="utf-8",
    )
    with Engine.from_paths(root) as engine:
        decided = engine.decide(
            {"id": "x", "text": "这个月又乱扣费", "received_at": "2026-01-01T00:00:00+08:00"}
        )
        assert decided.severity == "medium"
        assert any(span.term == "p.pattern.again" for f in decided.trace for span in f.spans)


def test_documents_forbid_unknown_keys() -> None:
    """Pattern and condition documents reject misspelt keys."""
    with pytest.raises(ValueError, match="extra"):
        PatternDocument.model_validate(
            {"id": "a.b", "lexicon": "x", "groups": [["a"]], "gapp": 3,
             "examples": {"match": ["a"], "miss": ["b"]}}
        )  # fmt: skip
    with pytest.raises(ValueError, match="extra"):
        ConditionDocument.model_validate(
            {"lexicon": "x", "actors": ["respondent"], "examples": {"match": ["a"], "miss": ["b"]}}
        )


def test_a_form_of_address_is_no_subject() -> None:
    """客服，… calls the listener: the clauses after it go on without a subject; 客服 before
    its predicate is the subject."""
    assert _actor_of("客服，这几样都过期了", "过期") is Actor.UNKNOWN
    assert _actor_of("客服你好，这几样都过期了", "过期") is Actor.UNKNOWN
    assert _actor_of("客服，我买的这几样都过期了", "过期") is Actor.COMPLAINANT
    assert _actor_of("客服态度差，一直不回", "不回") is Actor.RESPONDENT


def test_two_sentences_pair_a_sentence_with_the_next() -> None:
    """``within: two_sentences`` lets the groups run from the sentence where the match
    starts into the next one (a promise, then its breach told next), with the gap counted
    across the sentence mark as one character; never into a third sentence, and never
    when the second group is too far into the next sentence."""
    groups = (("说下周",), ("还没",))
    pair = PatternSpec("t.pattern.unkept", "unkept", groups, gap=12, within="two_sentences")
    sentence = PatternSpec("t.pattern.unkept", "unkept", groups, gap=12, within="sentence")

    def unkept(spec: PatternSpec, text: str) -> list[bool]:
        hits = _analyser((spec,)).analyse(text).hits
        return [hit.asserted for hit in hits if hit.lexicon == "unkept"]

    told = "工作人员说下周来修。一个月了还没人来"
    assert unkept(pair, told) == [True]
    assert unkept(sentence, told) == []
    assert unkept(pair, "工作人员说下周来修。今天天气很好。一个月了还没人来") == []
    assert unkept(pair, "工作人员说下周来修。今天天气很好，我在家里等了一个月了还没人来") == []
    document = PatternDocument.model_validate(
        {"id": "a.b", "lexicon": "x", "groups": [["a"]], "within": "two_sentences",
         "examples": {"match": ["a"], "miss": ["b"]}}
    )  # fmt: skip
    assert document.within == "two_sentences"
