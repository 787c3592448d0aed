"""Lexicon checks: lexicons no rule reads, terms no example text contains, and exclusions
(``!word``) that exclude nothing or that no example text shows at work."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from triage.engine import Engine
from triage.records.complaint import Complaint
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import iter_tests
from triage.text.clauses import ACTOR_LEXICONS
from triage.text.lexicons import SECTOR_PREFIX, split_entries
from triage.text.normalize import Normalizer
from triage.text.numerals import word_expression
from triage.tools.linting.findings import Finding

__all__ = ["lexicon_findings"]


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _term_lines(path: Path) -> dict[str, int]:
    """Term → line in a lexicon file, read the way the loader reads it."""
    lines: dict[str, int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.lstrip().startswith("#"):
            lines.setdefault(raw.split(" #", 1)[0].strip(), number)
    return lines


def _locations(engine: Engine) -> dict[str, tuple[str, dict[str, int]]]:
    """Lexicon name → (file, term lines) of the first pack that defines it."""
    found: dict[str, tuple[str, dict[str, int]]] = {}
    for pack in engine.ruleset.packs:
        for name in pack.lexicons:
            if name in found:
                continue
            path = pack.root / "lexicons" / f"{name}.txt" if pack.root else None
            if path is not None and path.is_file():
                found[name] = (_display(path), _term_lines(path))
            else:
                found[name] = (pack.manifest.loc.file, {})
    return found


def _read_lexicons(engine: Engine) -> set[str]:
    """Lexicons an enabled rule tests, the analyser reads by name (the actor words), or a
    clause pattern takes terms from (``@name`` in its groups) for a lexicon that is read."""
    read = {
        str(value)
        for rule in engine.ruleset.rules
        if rule.enabled
        for test in iter_tests(rule.when)
        if test.fact in LEXICON_FACTS
        for value in (test.value if isinstance(test.value, tuple) else (test.value,))
    } | set(ACTOR_LEXICONS)
    sources = [
        (
            pattern.lexicon,
            {term[1:] for group in pattern.groups for term in group if term[:1] == "@"},
        )
        for pattern, _ in engine.ruleset.pattern_sources.patterns
    ]
    grown = True
    while grown:
        before = len(read)
        read.update(name for target, names in sources if target in read for name in names)
        grown = len(read) > before
    return read


def lexicon_findings(engine: Engine, texts: Iterable[str | Complaint]) -> Iterator[Finding]:
    """Lexicons no enabled rule reads (sector lexicons aside), terms no text matched, and
    exclusions that hold no term of their lexicon or that no text contains."""
    normalizer = Normalizer()
    matched: set[tuple[str, str]] = set()
    seen: list[str] = []
    for text in texts:
        matched.update((hit.lexicon, hit.term) for hit in engine.analyse(text).hits)
        seen.append(normalizer.normalize(text if isinstance(text, str) else text.text).text)
    read = _read_lexicons(engine)
    for name, (file, lines) in sorted(_locations(engine).items()):
        if name not in read and not name.startswith(SECTOR_PREFIX):
            yield Finding(
                "unused-lexicon",
                file,
                1,
                f"lexicon {name!r} is read by no rule",
                f"test it with 'mentions: {name}', or remove it",
            )
        terms, exclusions = split_entries(engine.ruleset.lexicons[name])
        yield from _exclusion_findings(name, file, lines, terms, exclusions, seen, normalizer)
        for term in terms:
            if (name, normalizer.normalize(term).text) not in matched:
                yield Finding(
                    "unused-term",
                    file,
                    lines.get(term, 1),
                    f"term {term!r} of lexicon {name!r} matched no example or case text",
                    "add a case whose text uses it, or check that jieba keeps it as one word",
                )


def _exclusion_findings(
    name: str,
    file: str,
    lines: dict[str, int],
    terms: list[str],
    exclusions: list[str],
    texts: list[str],
    normalizer: Normalizer,
) -> Iterator[Finding]:
    """Exclusions that hold no term of the lexicon, or that no case or example text holds."""
    normalized = {normalizer.normalize(term).text for term in terms}
    for word in exclusions:
        line = lines.get("!" + word, lines.get("！" + word, 1))
        form = normalizer.normalize(word).text
        if not any(term in form for term in normalized):
            yield Finding(
                "idle-exclusion",
                file,
                line,
                f"exclusion {'!' + word!r} of lexicon {name!r} holds none of its terms, "
                "so it excludes nothing",
                "an exclusion names a longer word that holds a term (!公交车 for 交车); "
                "remove it or fix the word",
            )
        elif not any(map(re.compile(word_expression(form)).search, texts)):
            yield Finding(
                "unused-exclusion",
                file,
                line,
                f"exclusion {'!' + word!r} of lexicon {name!r} occurs in no case or example text",
                "add a near-miss case whose text holds the word, where the term must not hit",
            )
