"""Where a lexicon term hits: the definition of docs/text-analysis.md ("Lexicons"), held
against the matcher by a brute-force reading of the same segmentation (hypothesis)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.text.lexicons import split_entries
from triage.text.normalize import Normalizer
from triage.text.numerals import word_expression
from triage.text.segment import Segmentation

EXTRA = {
    "test_service_numbers": ["12315", "app"],
    "test_compounds": ["管道漏水", "故障频发", "故障地址", "计划停电通知"],
    "test_inflected": ["过期的", "停水了", "没有投诉过", "违约金了"],
}
"""Terms edged by a letter or digit (the alphanumeric-run rule), and longer terms that
segment whole with shorter terms inside them, as terms of other packs do (故障地址 is also
an exclusion of the core grievance lexicon), and terms with a suffix particle, so that
tokens such as 过期的 or 停水了 hold a shorter term of another lexicon before the particle."""

SUFFIX_PARTICLES = "的了过着啦吗呢吧啊呀嘛哦"
"""The particles of docs/text-analysis.md that inflect a term without making another word."""

FILLERS = (
    *"的了过着我是在车水电大小公交地下金不没号8a",
    *EXTRA["test_compounds"],
    *EXTRA["test_inflected"],
)
"""Single characters that glue onto terms (making compounds jieba may keep whole), and
the compound test terms."""


@pytest.fixture(scope="module")
def lexicons(core_lexicons: dict[str, list[str]]) -> dict[str, list[str]]:
    """The core lexicons and a few terms edged by letters or digits."""
    return {**core_lexicons, **EXTRA}


@pytest.fixture(scope="module")
def analyser(lexicons: dict[str, list[str]]) -> Analyser:
    """An analyser over those lexicons, without patterns or conditions."""
    return Analyser(lexicons)


def test_compounds_are_single_tokens(analyser: Analyser) -> None:
    """The longer test terms segment whole, so the terms inside them are nested in a token."""
    for compound in EXTRA["test_compounds"]:
        assert compound in analyser.analyse(compound).segmentation.words


@pytest.fixture(scope="module")
def term_table(lexicons: dict[str, list[str]]) -> dict[str, set[str]]:
    """Normalised term → the lexicons holding it (exclusions aside)."""
    normalizer = Normalizer()
    table: dict[str, set[str]] = {}
    for name, entries in lexicons.items():
        for term in split_entries(entries)[0]:
            table.setdefault(normalizer.normalize(term).text, set()).add(name)
    return table


@pytest.fixture(scope="module")
def exclusions(lexicons: dict[str, list[str]]) -> dict[str, list[str]]:
    """Lexicon → its normalised exclusion words (entries ``!word``)."""
    normalizer = Normalizer()
    return {
        name: [normalizer.normalize(word).text for word in split_entries(entries)[1]]
        for name, entries in lexicons.items()
    }


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where the exclusion ``word`` occurs in ``text``, as the docs define it."""
    return [match.span() for match in re.finditer(word_expression(word), text)]


def documented_hits(
    text: str,
    segmentation: Segmentation,
    terms: Mapping[str, set[str]],
    exclusions: Mapping[str, list[str]] | None = None,
) -> Counter[tuple[str, int, int]]:
    """The hits the docs define, by trying every substring of ``text``.

    A term hits where it starts at a token start and ends at a token end (over one or more
    tokens), or where it lies inside one token of three or more characters, is at least two
    characters long, and does not leave exactly one character of that token after it unless
    the term starts the token and that character is a suffix particle. A term edged by a
    letter or digit never hits inside a longer run of letters and digits.
    A lexicon's term never hits inside an occurrence of one of its exclusion words (one
    ending in ``#`` occurs only where a number follows, and without its mark).
    """
    starts, ends = set(segmentation.starts), set(segmentation.ends)
    tokens: Sequence[tuple[int, int]] = list(
        zip(segmentation.starts, segmentation.ends, strict=True)
    )
    found: Counter[tuple[str, int, int]] = Counter()
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            term = text[start:end]
            if term not in terms:
                continue
            on_boundaries = start in starts and end in ends
            inside = any(
                first <= start
                and end <= last
                and last - first >= 3
                and 2 <= end - start < last - first
                and (last - end != 1 or (start == first and text[end] in SUFFIX_PARTICLES))
                for first, last in tokens
            )
            if not (on_boundaries or inside):
                continue
            glued = (start > 0 and _alnum(text[start - 1]) and _alnum(text[start])) or (
                end < len(text) and _alnum(text[end]) and _alnum(text[end - 1])
            )
            if glued and (_alnum(term[0]) or _alnum(term[-1])):
                continue
            found.update(
                (name, start, end)
                for name in terms[term]
                if not any(
                    first <= start and end <= last
                    for word in (exclusions or {}).get(name, ())
                    for first, last in _occurrences(text, word)
                )
            )
    return found


@st.composite
def glued_terms(draw: st.DrawFn, terms: Sequence[str]) -> str:
    """Terms and single characters run together, as compounds form in real text."""
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(terms), st.sampled_from(FILLERS)), max_size=12)
    )
    return "".join(pieces)


@given(data=st.data())
def test_hits_are_exactly_the_documented_ones(
    analyser: Analyser,
    term_table: dict[str, set[str]],
    exclusions: dict[str, list[str]],
    data: st.DataObject,
) -> None:
    """The matcher finds every documented hit and no other, whatever jieba makes of the text."""
    terms = sorted(term for term in term_table if not any(char.isspace() for char in term))
    text = data.draw(glued_terms(terms))
    features = analyser.analyse(text)
    assume(features.normalized_text == text)
    got = Counter((hit.lexicon, hit.start, hit.end) for hit in features.hits)
    assert got == documented_hits(text, features.segmentation, term_table, exclusions)


@pytest.mark.parametrize("text", ["不满10000", "不满四分之一盒", "我很不满"])
def test_number_marked_exclusions_in_the_definition(
    analyser: Analyser,
    term_table: dict[str, set[str]],
    exclusions: dict[str, list[str]],
    text: str,
) -> None:
    """``!不满#`` blocks 不满 before a number only, in the definition as in the matcher."""
    features = analyser.analyse(text)
    documented = documented_hits(text, features.segmentation, term_table, exclusions)
    assert (("grievance_emotion", text.index("不满"), text.index("不满") + 2) in documented) is (
        text == "我很不满"
    )
    assert Counter((hit.lexicon, hit.start, hit.end) for hit in features.hits) == documented


@pytest.mark.parametrize(
    ("text", "lexicon", "term", "hits"),
    [
        ("小区管道漏水", "grievance", "漏水", True),  # the end of a token kept whole
        ("电梯故障频发", "grievance", "故障", True),  # the start of one
        ("故障地址在三楼", "grievance", "故障", False),  # grievance excludes 故障地址
        ("明天计划停电通知", "sector_power", "停电", True),  # the middle of one
        ("明天计划停电通知", "grievance", "停电", False),  # grievance excludes 计划停电
        ("房东不退违约金", "breach", "违约", False),  # one character after it: another word
        ("牛奶过期的", "quality_problem", "过期", True),  # the token is the term and 的
        ("小区停水了", "grievance", "停水", True),  # the term and 了
        ("我没有投诉过", "grievance", "投诉", False),  # 过 after it, but not its start
        ("我打了123156789", "test_service_numbers", "12315", False),  # inside a longer number
        ("我打了12315投诉", "test_service_numbers", "12315", True),
    ],
)
def test_term_inside_a_token(
    analyser: Analyser, text: str, lexicon: str, term: str, hits: bool
) -> None:
    """Examples of the docs: a term inside a compound hits, unless one character follows it
    that is not a suffix particle after the whole term."""
    found = {(hit.lexicon, hit.term) for hit in analyser.analyse(text).hits}
    assert ((lexicon, term) in found) is hits, found
