"""Lint of clause patterns and hit conditions, checked against their own examples.

- ``pattern-example`` (error): a pattern does not assert one of its ``match`` examples
  (a hit neither negated nor conditional) or asserts one of its ``miss`` examples (for a
  condition: its lexicon's hits) — the pattern is unreachable as written, or wider than
  its author meant.
- ``pattern-shadowed`` (warning): every ``match`` example of a pattern is already a hit of
  its lexicon's plain terms, so the pattern adds nothing the lexicon did not find.
"""

from __future__ import annotations

from triage.engine import Engine
from triage.tools.linting.findings import Finding

__all__ = ["pattern_findings"]


def pattern_findings(engine: Engine) -> list[Finding]:
    """Findings for every pattern and condition of the engine's packs."""
    sources = engine.ruleset.pattern_sources
    findings: list[Finding] = []
    for pattern, loc in sources.patterns:
        shadowed = True
        for text, wanted in _examples(pattern.examples.match, pattern.examples.miss):
            hits = [hit for hit in engine.analyse(text).hits if hit.asserted]
            found = any(hit.term == pattern.id for hit in hits)
            if found != wanted:
                findings.append(_example(loc.file, loc.line, pattern.id, text, wanted))
            if wanted and not any(
                hit.lexicon == pattern.lexicon and hit.term != pattern.id for hit in hits
            ):
                shadowed = False
        if shadowed:
            findings.append(
                Finding(
                    "pattern-shadowed",
                    loc.file,
                    loc.line,
                    f"pattern {pattern.id}: the plain terms of {pattern.lexicon} already find "
                    "every match example",
                    "drop the pattern, or add a match example only the pattern finds",
                )
            )
    for condition, loc in sources.conditions:
        for text, wanted in _examples(condition.examples.match, condition.examples.miss):
            found = any(
                hit.lexicon == condition.lexicon and hit.asserted
                for hit in engine.analyse(text).hits
            )
            if found != wanted:
                findings.append(_example(loc.file, loc.line, condition.lexicon, text, wanted))
    return findings


def _examples(match: tuple[str, ...], miss: tuple[str, ...]) -> list[tuple[str, bool]]:
    return [*((text, True) for text in match), *((text, False) for text in miss)]


def _example(file: str, line: int, name: str, text: str, wanted: bool) -> Finding:
    verb = "misses its match example" if wanted else "finds its miss example"
    return Finding(
        "pattern-example",
        file,
        line,
        f"{name} {verb} {text!r}",
        "adjust the groups, gap, actor or mode, or the example",
    )
