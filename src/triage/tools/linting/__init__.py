"""Rule lint: static analysis of a loaded rule set, beyond what loading already refuses.

    from triage import Engine, lint

    with Engine.default() as engine:
        report = lint(engine, examples=complaints)
        for finding in report.findings:
            print(finding)   # rules/core/severity.yaml:12: warning [shadowed] rule ...

Codes (``error`` and ``warning`` fail ``triage lint``, ``info`` does not):

- ``never-fires`` (error): the condition contradicts itself (``amount_paid > 5`` and
  ``amount_paid < 3``, ``sector == food`` and ``sector == power``, a test and its negation,
  a derived fact compared with a value no rule derives).
- ``shadowed`` (warning): whenever the rule fires, another rule with the same or a wider
  condition fires too and wins on the same axis (higher responsibility priority,
  ``invalid`` over ``valid``, a higher severity level).
- ``duplicate-condition`` (warning): two rules of one axis with the same condition.
- ``repeated-test`` (warning): the same test twice in one ``all`` (or one ``any``).
- ``untested`` (warning): no case makes the rule fire, or no near miss.
- ``no-source`` (warning): the rule's ``source`` is a placeholder.
- ``citation-form`` (warning): the rule's ``source`` is not in the citation form, or cites
  a file that does not ship (the form is described in ``triage.tools.linting.citations``).
- ``unshipped-reference`` (warning): a description or comment in a pack file cites a file
  that does not ship with the pack (``domain.md``, ``seeds/…``).
- ``unlabelled-reason`` (warning): a reason or review code no pack labels in Chinese
  (``labels:`` in ``pack.yaml``), so Chinese output shows the rule's title instead.
- ``pattern-example`` (error): a clause pattern or condition disagrees with its own
  ``match``/``miss`` examples.
- ``pattern-shadowed`` (warning): a pattern's lexicon terms already find all its matches.
- ``unused-lexicon`` / ``unused-term`` (info): a lexicon nothing reads (no rule, no clause
  pattern of a read lexicon, not the analyser); a term that no case or example text matched.
- ``idle-exclusion`` (warning): a lexicon exclusion (``!word``) that holds none of the
  lexicon's terms, so excludes nothing.
- ``unused-exclusion`` (warning): a lexicon exclusion no case or example text holds, so no
  near miss shows it at work.
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.engine import Engine
from triage.errors import RecordError
from triage.records.complaint import Complaint
from triage.records.parsing import parse_complaint
from triage.rulepack.labels import unlabelled
from triage.tools.casetests import coverage_gaps
from triage.tools.linting.findings import CODES, Finding, Level, LintReport
from triage.tools.linting.lexicons import lexicon_findings
from triage.tools.linting.patterns import pattern_findings
from triage.tools.linting.references import reference_findings
from triage.tools.linting.rules import rule_findings

__all__ = ["CODES", "Finding", "Level", "LintReport", "lint"]


def _untested(engine: Engine) -> list[Finding]:
    return [
        Finding(
            "untested",
            gap.rule.loc.file,
            gap.rule.loc.line,
            f"has no {' and no '.join(gap.missing)}",
            f"add the missing case to the pack's cases/: 'fires: [{gap.rule.id}]' for a case "
            f"that makes it fire, 'not_fires: [{gap.rule.id}]' for a near miss",
            gap.rule.id,
        )
        for gap in coverage_gaps(engine)
    ]


def _unlabelled(engine: Engine) -> list[Finding]:
    return [
        Finding(
            "unlabelled-reason",
            rule.loc.file,
            rule.loc.line,
            f"reason code {code!r} has no Chinese label",
            f"add it to 'labels:' in the pack's pack.yaml, e.g. {code}: <中文>",
            rule.id,
        )
        for code, rule in unlabelled(engine.ruleset.packs).items()
    ]


def _case_complaints(engine: Engine) -> list[Complaint]:
    complaints = []
    for case in engine.ruleset.cases:
        try:
            complaints.append(parse_complaint(case.complaint))
        except RecordError:
            continue  # `triage test` reports invalid cases; here they only lack text hits
    return complaints


def lint(engine: Engine, *, examples: Iterable[Complaint | str] = ()) -> LintReport:
    """Lint the rules of ``engine``; ``examples`` join the packs' cases for the lexicon check."""
    ruleset = engine.ruleset
    findings = [
        *rule_findings(ruleset.rules, ruleset.vocabulary, tuple(ruleset.lexicons)),
        *_untested(engine),
        *_unlabelled(engine),
        *lexicon_findings(engine, [*_case_complaints(engine), *examples]),
        *pattern_findings(engine),
        *reference_findings(ruleset.packs),
    ]
    findings.sort(key=lambda f: (f.level.rank, f.file, f.line, f.code, f.rule_id or ""))
    return LintReport(tuple(findings), engine.ruleset_version)
