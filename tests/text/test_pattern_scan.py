"""The one-scan search for patterns' first terms finds exactly what each regex finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from triage import Engine
from triage.records.parsing import parse_complaint
from triage.text.clauses import ClauseReading
from triage.text.features import Hit
from triage.text.normalize import Normalized, Normalizer
from triage.text.patterns import PatternMatcher, PatternSpec, _allowed, _leftmost, _spans
from triage.text.scope import Scope

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"
OVERLAPPING = (("扣", "扣款", "款项", "未经", "未", "经过"), ("我", "我的", "的钱"), ("款",))


def _regex_spans(matcher: PatternMatcher, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in c.groups[0].finditer(text)] for c in matcher._patterns]


def _scan_spans(matcher: PatternMatcher, text: str) -> list[list[tuple[int, int]]]:
    found = matcher.first_terms(text)
    return [_leftmost(c.first, found) for c in matcher._patterns]


def test_bundled_patterns_on_the_examples() -> None:
    """For every shipped pattern and example text, the scan gives the regex's matches."""
    with Engine.default() as engine:
        analyser = engine._analyser
        matcher = analyser._patterns
        normalizer = analyser._normalizer
        with EXAMPLES.open(encoding="utf-8") as file:
            texts = [parse_complaint(line).text for line in file if line.strip()]
    assert len(matcher._patterns) >= 10
    assert len(texts) >= 100
    matched = 0
    for text in texts:
        normalized = normalizer.normalize(text).text
        expected = _regex_spans(matcher, normalized)
        assert _scan_spans(matcher, normalized) == expected
        matched += sum(map(len, expected))
    assert matched > 0


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([*OVERLAPPING[0], *OVERLAPPING[1], "了", "，", "x", "😀", "𠀀", "é"]),
        max_size=30,
    )
)
def test_overlapping_terms_match_leftmost_longest(pieces: list[str]) -> None:
    """Terms that overlap or nest are matched leftmost, longest first, without overlap;
    offsets count characters, also beside characters outside the basic plane (😀, 𠀀)."""
    specs = [
        PatternSpec(id=f"t.p{n}", lexicon="x", groups=(terms, ("钱",)))
        for n, terms in enumerate(OVERLAPPING)
    ]
    matcher = PatternMatcher(specs, (), Normalizer())
    text = "".join(pieces)
    assert _scan_spans(matcher, text) == _regex_spans(matcher, text)


def _plain_find(
    matcher: PatternMatcher, text: Normalized, scope: Scope, reading: ClauseReading
) -> list[Hit]:
    """Pattern hits the plain way: every pattern, its first group by regex, then the rest."""
    normalized = text.text
    hits: list[Hit] = []
    for compiled in matcher._patterns:
        spec = compiled.spec
        bounds = getattr(scope, spec.within)  # clause, sentence or two_sentences
        seen: set[tuple[int, int]] = set()
        for match in compiled.groups[0].finditer(normalized):
            start = match.start()
            region = bounds(start)
            if region in seen:
                continue
            spans = _spans(compiled, normalized, start, match.end(), region[1])
            if spans is None:
                continue
            found = spans[-1][1]
            token = reading.token_at(start)
            if spec.not_said_by and reading.speaker(token) in spec.not_said_by:
                continue
            if not _allowed(reading, token, start, found, spec.actors, spec.modes):
                continue
            if spec.told and reading.asks_whether(token, start, found):
                continue
            # unless terms from the start of the match's clause to its end (or the match's
            # end when later) drop it
            unless = compiled.unless
            clause_start, clause_end = scope.clause(start)
            if unless is not None and unless.search(
                normalized[clause_start : max(found, clause_end)]
            ):
                continue
            seen.add(region)
            begin, finish = text.to_original(start, found)
            # Negation at the first token or right before any term inside one clause; at
            # the first and the last token when the match leaves the clause it starts in.
            if found <= scope.clause(start)[1]:
                negated = token in scope.negated_tokens or scope.negated_at(spans)
            else:
                last = reading.token_at(found - 1)
                negated = token in scope.negated_tokens and last in scope.negated_tokens
            conditional = scope.conditional(token)
            hits.append(
                Hit(
                    spec.lexicon,
                    spec.id,
                    text.original[begin:finish],
                    begin,
                    finish,
                    negated,
                    conditional,
                )
            )
    return hits


def test_pattern_hits_are_the_plain_search_on_the_examples() -> None:
    """find, which skips the patterns whose first terms or later groups do not occur, gives
    the hits of trying every pattern at every regex match of its first group."""
    with Engine.default() as engine:
        analyser = engine._analyser
        with EXAMPLES.open(encoding="utf-8") as file:
            texts = [parse_complaint(line).text for line in file if line.strip()]
    found = 0
    for text in texts:
        normalized = analyser._normalizer.normalize(text)
        segmentation = analyser._segmenter.segment(normalized.text)
        scope = Scope(normalized.text, segmentation)
        reading = ClauseReading(normalized.text, segmentation, scope, analyser._actors)
        hits = analyser._patterns.find(normalized, segmentation, scope, reading)
        assert list(hits) == _plain_find(analyser._patterns, normalized, scope, reading)
        found += len(hits)
    assert found > 0


LATER = (("扣", "未经"), ("我", "我的", "的钱", "钱"), ("钱", "款"), ("了",))
"""First groups, then later groups that share and nest terms (钱 is in two groups)."""
_LATER_SPECS = (
    PatternSpec(id="t.a", lexicon="x", groups=(LATER[0], LATER[1], LATER[3])),
    PatternSpec(id="t.b", lexicon="x", groups=(LATER[1], LATER[2]), gap=3),
    PatternSpec(id="t.c", lexicon="y", groups=(LATER[0], LATER[2], LATER[1]), within="sentence"),
    PatternSpec(id="t.d", lexicon="y", groups=(("了",), ("了",)), gap=0),
)
_LATER_READER: list[tuple[PatternMatcher, Normalizer, Engine]] = []


def _later_reader() -> tuple[PatternMatcher, Normalizer, Engine]:
    if not _LATER_READER:
        normalizer = Normalizer()
        _LATER_READER.append(
            (PatternMatcher(_LATER_SPECS, (), normalizer), normalizer, Engine.default())
        )
    return _LATER_READER[0]


LATER_PIECES = st.lists(
    st.sampled_from(
        [*{term for group in LATER for term in group}, "款项", "x", "，", "。", "吗？", "不"]
    ),
    max_size=30,
)
"""Texts of the later-group terms, with punctuation, a question and a negation between them."""


@settings(max_examples=300, deadline=None)
@given(LATER_PIECES)
def test_later_groups_found_by_the_scan_are_the_plain_search(pieces: list[str]) -> None:
    """The one scan that tells where each later group last occurs drops exactly the
    patterns the plain search finds nothing for: same hits on texts where later groups
    share terms, nest, repeat or come before the first group."""
    matcher, normalizer, engine = _later_reader()
    analyser = engine._analyser
    text = normalizer.normalize("".join(pieces))
    segmentation = analyser._segmenter.segment(text.text)
    scope = Scope(text.text, segmentation)
    reading = ClauseReading(text.text, segmentation, scope, analyser._actors)
    hits = matcher.find(text, segmentation, scope, reading)
    assert list(hits) == _plain_find(matcher, text, scope, reading)


def _plain_candidates(matcher: PatternMatcher, text: str) -> list[tuple[int, int]]:
    """Each pattern whose first group occurs and whose every later group occurs at or after
    the first group's leftmost match, with that match's start: by regular expressions."""
    candidates = []
    for number, compiled in enumerate(matcher._patterns):
        first = compiled.groups[0].search(text) if compiled.first else None
        if first is None:
            continue
        later = [group for group in compiled.groups[1:] if group.pattern]
        if all(group.search(text, first.start()) for group in later):
            candidates.append((number, first.start()))
    return candidates


@settings(max_examples=300, deadline=None)
@given(LATER_PIECES)
def test_candidates_are_the_plain_search(pieces: list[str]) -> None:
    """The patterns read further after the one scan are exactly those whose first group
    occurs and whose later groups each occur after its leftmost match, when terms share
    groups, nest, repeat or come before the first group."""
    matcher, normalizer, _ = _later_reader()
    text = normalizer.normalize("".join(pieces)).text
    matches = matcher._matches(text)
    found = matcher._candidates(matches) if matches else []
    assert found == _plain_candidates(matcher, text)


def test_candidates_on_the_examples() -> None:
    """The same for every shipped pattern on the example texts."""
    with Engine.default() as engine:
        analyser = engine._analyser
        with EXAMPLES.open(encoding="utf-8") as file:
            texts = [parse_complaint(line).text for line in file if line.strip()]
    matcher = analyser._patterns
    survivors = 0
    for text in texts:
        normalized = analyser._normalizer.normalize(text).text
        matches = matcher._matches(normalized)
        found = matcher._candidates(matches) if matches else []
        assert found == _plain_candidates(matcher, normalized)
        survivors += len(found)
    assert survivors > 0
