"""Lexicon checks: lexicons no rule reads, and terms no example text contains."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from triage.engine import Engine
from triage.records.complaint import Complaint
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import iter_tests
from triage.text.lexicons import SECTOR_PREFIX
from triage.text.normalize import Normalizer
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
    return {
        str(value)
        for rule in engine.ruleset.rules
        if rule.enabled
        for test in iter_tests(rule.when)
        if test.fact in LEXICON_FACTS
        for value in (test.value if isinstance(test.value, tuple) else (test.value,))
    }


def lexicon_findings(engine: Engine, texts: Iterable[str | Complaint]) -> Iterator[Finding]:
    """Lexicons no enabled rule reads (sector lexicons aside), and terms no text matched."""
    matched = {(hit.lexicon, hit.term) for text in texts for hit in engine.analyse(text).hits}
    read = _read_lexicons(engine)
    normalizer = Normalizer()
    for name, (file, lines) in sorted(_locations(engine).items()):
        if name not in read and not name.startswith(SECTOR_PREFIX):
            yield Finding(
                "unused-lexicon",
                file,
                1,
                f"lexicon {name!r} is read by no rule",
                f"test it with 'mentions: {name}', or remove it",
            )
        for term in engine.ruleset.lexicons[name]:
            if (name, normalizer.normalize(term).text) not in matched:
                yield Finding(
                    "unused-term",
                    file,
                    lines.get(term, 1),
                    f"term {term!r} of lexicon {name!r} matched no example or case text",
                    "add a case whose text uses it, or check that jieba keeps it as one word",
                )
