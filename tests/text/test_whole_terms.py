"""Terms the segmenter keeps whole are not looked for across tokens, and nothing is lost.

`triage.text.segment.whole_terms` names the lexicon terms jieba never cuts into several tokens
running from the term's start to its end; the analyser's lexicon matcher looks for the
others only (issue 12: the scan of every term found nothing on real complaints).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.rulepack.loader import bundled_rules_dir, load_packs
from triage.text.lexicons import LexiconMatcher
from triage.text.normalize import Normalized, Normalizer
from triage.text.scope import Scope
from triage.text.segment import Segmentation, Segmenter, _dictionary_with, whole_terms

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (ROOT / "examples" / "complaints.jsonl", ROOT / "eval" / "corpus" / "texts.jsonl")

_NORMALIZER = Normalizer()
_LEXICONS = load_packs(bundled_rules_dir()).lexicons
_EVERY_CUT = LexiconMatcher(_LEXICONS, _NORMALIZER)
_TERMS = frozenset(_EVERY_CUT.terms)
_WHOLE = whole_terms(_TERMS)
_MATCHER = LexiconMatcher(_LEXICONS, _NORMALIZER, whole=whole_terms)
_SEGMENTER = Segmenter(_TERMS)


def _best_cut(term: str, frequencies: dict[str, int], total: int) -> float:
    """The log probability of the likeliest cut of ``term`` into two or more dictionary words
    or single characters, as jieba weighs a route (a superset of the cuts jieba tries)."""
    log_total = math.log(total)
    best = [0.0] * (len(term) + 1)
    for start in range(len(term) - 1, -1, -1):
        best[start] = max(
            math.log(frequencies.get(term[start:end]) or 1) - log_total + best[end]
            for end in range(start + 1, len(term) + 1)
            if (start, end) != (0, len(term))
            and (end == start + 1 or frequencies.get(term[start:end]))
        )
    return best[0]


def test_whole_terms_beat_every_cut_of_their_characters() -> None:
    """Each bundled term counted whole of two or more characters is likelier as one word than
    cut any way, so no route through both its ends cuts it; almost every term is whole."""
    dictionary = _dictionary_with(_TERMS)
    frequencies, total = dictionary.frequencies, dictionary.total
    for term in _WHOLE:
        if len(term) > 1:
            whole = math.log(frequencies[term]) - math.log(total)
            assert _best_cut(term, frequencies, total) < whole - 1, term
    assert len(_WHOLE) > 0.95 * len(_TERMS)
    assert {"12315", "4s店", "app", "60岁"}.isdisjoint(_WHOLE)


def test_a_term_declared_whole_is_not_looked_for_across_tokens() -> None:
    """A matcher told a term is kept whole finds it as a token, not over two tokens (what the
    analyser's segmenter never makes); without ``whole`` it finds it over any cut."""
    lexicons = {"refund": ["退款"]}
    told = LexiconMatcher(lexicons, _NORMALIZER, whole=lambda terms: terms)
    cut = Segmentation(("我", "要", "退", "款"), (0, 1, 2, 3), (1, 2, 3, 4))
    text = Normalized("我要退款", "我要退款", None, None)
    every_cut = LexiconMatcher(lexicons, _NORMALIZER)
    assert [hit.term for hit in every_cut.find(text, cut, Scope(text.text, cut))] == ["退款"]
    assert told.find(text, cut, Scope(text.text, cut)) == ()
    whole = Segmentation(("我", "要", "退款"), (0, 1, 2), (1, 2, 4))
    assert [hit.term for hit in told.find(text, whole, Scope(text.text, whole))] == ["退款"]


def test_the_analyser_uses_the_whole_terms_of_its_segmenter() -> None:
    """The analyser's matcher is built with the whole terms of the same term set as its
    segmenter: its hits on a text cut by that segmenter are those of a matcher of any cut."""
    analyser = Analyser(_LEXICONS)
    text = _NORMALIZER.normalize("我在4s店买的车，12315投诉了，要求退款。")
    features = analyser.analyse(text.original)
    segmentation = _SEGMENTER.segment(text.text)
    assert features.hits == _EVERY_CUT.find(text, segmentation, Scope(text.text, segmentation))


def _same_hits(raw: str) -> None:
    text = _NORMALIZER.normalize(raw)
    segmentation = _SEGMENTER.segment(text.text)
    scope = Scope(text.text, segmentation)
    assert _MATCHER.find(text, segmentation, scope) == _EVERY_CUT.find(text, segmentation, scope)


def test_same_hits_on_the_corpora() -> None:
    """On every example and corpus text, the matcher that skips whole terms across tokens
    finds exactly the hits of the one that looks at every cut."""
    texts = []
    for path in CORPORA:
        if path.exists():
            with path.open(encoding="utf-8") as file:
                texts += [json.loads(line)["text"] for line in file if line.strip()]
    assert len(texts) >= 100
    for text in texts:
        _same_hits(text)


_PIECES = sorted(_TERMS)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.text(alphabet="的了我不是在有一个退款钱没投诉后就都", min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_same_hits_on_texts_made_of_terms(pieces: list[str]) -> None:
    """Texts run together from bundled terms and common characters (where a term's ends meet
    other words) give the same hits with and without the whole terms skipped."""
    _same_hits("".join(pieces))
