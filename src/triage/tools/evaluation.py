"""Evaluating a rule set against labelled complaints: accuracy, confusion and misses.

Labelled data is JSON Lines, one object per line (the public format, see
``docs/labelled-data.md``)::

    {"complaint": {"id": "c1", "text": "...", "received_at": "2026-03-01T10:00:00+08:00"},
     "expected": {"validity": "valid", "nature": "normal", "severity": "medium",
                  "responsibility": "respondent"},
     "note": "why these answers (optional)"}

Each expected axis is optional; an axis left out is not scored for that complaint.
``annotations`` may hold each annotator's own labels (``{"a": {...}, "b": {...}}``): the
report then gives agreement with each annotator beside the annotators' agreement with each
other. A ``source`` key (a name, or an object with a ``name``) groups the per-source table.
Other top-level keys are kept as metadata and not scored.

    from triage import Engine, evaluate

    with Engine.default() as engine:
        report = evaluate(engine, "examples/labelled.jsonl")
    print(report.to_text())

The Python form of ``triage evaluate``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from triage.engine import Engine
from triage.errors import FieldProblem, RecordError
from triage.records.complaint import Complaint
from triage.records.decision import Decision, Nature, Party, Severity, Validity
from triage.records.parsing import parse_record
from triage.rulepack.format import DECIDED_AXES
from triage.tools.agreement import Agreement, agreement, cohen_kappa
from triage.tools.console import render_text
from triage.tools.inputs import BadLine, read_jsonl
from triage.tools.rows import AXIS_VALUES, axis_values

__all__ = [
    "AXES",
    "AnnotatorAgreement",
    "AxisScore",
    "EvaluationReport",
    "Expected",
    "LabelledComplaint",
    "Miss",
    "evaluate",
    "load_labelled",
]

AXES = tuple(str(axis) for axis in DECIDED_AXES)
"""The axes an evaluation scores, in this order."""


class Expected(BaseModel):
    """The answers a labeller expects; ``responsibility`` is the responsible party."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    validity: Validity | None = None
    nature: Nature | None = None
    severity: Severity | None = None
    responsibility: Party | None = None

    def values(self) -> dict[str, str]:
        """The axes given, as texts."""
        return {axis: str(getattr(self, axis)) for axis in AXES if getattr(self, axis) is not None}


class LabelledComplaint(BaseModel):
    """One line of labelled data: a complaint, the expected answers and an optional note.

    ``expected`` is the answer scored (the adjudicated one where annotators disagreed);
    ``annotations`` holds each annotator's own answers, by annotator name. Other top-level
    keys (``sector``, ``source``, ...) are metadata: kept in ``model_extra``, never scored.
    Keys inside ``expected`` and ``annotations`` must be known axes.
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    complaint: Complaint
    expected: Expected
    annotations: dict[str, Expected] = {}
    note: str | None = None

    @property
    def source(self) -> str:
        """The name of the source this complaint came from (``-`` when not given)."""
        value = (self.model_extra or {}).get("source")
        if isinstance(value, dict):
            value = value.get("name") or value.get("repo")
        return str(value) if value else "-"


def load_labelled(path: str | Path) -> tuple[LabelledComplaint, ...]:
    """Read labelled data.

    Raises one [`RecordError`][triage.errors.RecordError] naming every bad line.
    """
    path = Path(path)
    good: list[LabelledComplaint] = []
    bad: list[BadLine] = []
    with path.open("rb") as stream:
        for item in read_jsonl(stream, LabelledComplaint, str(path)):
            if isinstance(item, BadLine):
                bad.append(item)
            else:
                good.append(item.record)
    if bad:
        raise RecordError(
            f"labelled data in {path}",
            [FieldProblem(f"line {b.line}", b.message, "bad_line") for b in bad],
        )
    return tuple(good)


@dataclass(frozen=True)
class AxisScore:
    """Agreement on one axis and its confusion matrix (rows expected, columns decided)."""

    axis: str
    total: int
    correct: int
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]

    @property
    def accuracy(self) -> float:
        """Share of the complaints labelled on this axis that were decided as expected."""
        return self.correct / self.total if self.total else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa of the decisions against the labels: agreement beyond chance."""
        return cohen_kappa(
            (self.labels[row], self.labels[column])
            for row, counts in enumerate(self.confusion)
            for column, count in enumerate(counts)
            for _ in range(count)
        )


@dataclass(frozen=True)
class AnnotatorAgreement:
    """On one axis: the engine against each annotator, and the annotators against each other.

    ``between`` compares the first two annotators (by name) on the items both labelled;
    it is the bar the engine is measured against.
    """

    axis: str
    engine: tuple[tuple[str, Agreement], ...]
    between: Agreement | None
    severity_within_one: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Miss:
    """A complaint decided differently from its labels, with the decision and its trace."""

    item: LabelledComplaint
    decision: Decision
    wrong: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The miss as JSON-able data, trace included."""
        decided = axis_values(self.decision)
        return {
            "complaint_id": self.item.complaint.id,
            "text": self.item.complaint.text,
            "note": self.item.note,
            "wrong": {
                axis: {"expected": self.item.expected.values()[axis], "decided": decided[axis]}
                for axis in self.wrong
            },
            "trace": [
                {
                    "rule_id": f.rule_id,
                    "title": f.title,
                    "axis": f.axis.value,
                    "location": f"{f.file}:{f.line}",
                }
                for f in self.decision.trace
            ],
        }


@dataclass(frozen=True)
class EvaluationReport:
    """What ``triage evaluate`` prints: agreement per axis, confusion, rule use and misses."""

    ruleset_version: str
    total: int
    scores: tuple[AxisScore, ...]
    severity_within_one: float
    rule_counts: tuple[tuple[str, int], ...]
    misses: tuple[Miss, ...]
    needs_review: int
    annotators: tuple[AnnotatorAgreement, ...] = ()
    invalid_recall: float | None = None
    malicious_rate: float = 0.0
    by_source: tuple[tuple[str, int, tuple[tuple[str, float], ...]], ...] = ()
    """Per source: its name, its complaints, and accuracy per axis labelled there."""

    def score(self, axis: str) -> AxisScore:
        """The score of one axis."""
        return next(score for score in self.scores if score.axis == axis)

    @property
    def accuracy(self) -> dict[str, float]:
        """Accuracy per axis."""
        return {score.axis: score.accuracy for score in self.scores}

    @property
    def malicious_precision(self) -> float | None:
        """Of the complaints decided malicious, the share labelled malicious."""
        nature = self.score("nature")
        column = nature.labels.index("malicious")
        decided = sum(row[column] for row in nature.confusion)
        return nature.confusion[column][column] / decided if decided else None

    @property
    def malicious_recall(self) -> float | None:
        """Of the complaints labelled malicious, the share decided malicious."""
        nature = self.score("nature")
        row = nature.labels.index("malicious")
        labelled = sum(nature.confusion[row])
        return nature.confusion[row][row] / labelled if labelled else None

    @property
    def kappa(self) -> dict[str, float]:
        """Cohen's kappa per axis, against ``expected``."""
        return {score.axis: score.kappa for score in self.scores}

    def to_dict(self, *, worst: int | None = None) -> dict[str, Any]:
        """The report as JSON-able data; ``worst`` limits the misses listed (default: all)."""
        return {
            "ruleset_version": self.ruleset_version,
            "total": self.total,
            "accuracy": self.accuracy,
            "kappa": {axis: round(value, 4) for axis, value in self.kappa.items()},
            "severity_exact": self.score("severity").accuracy,
            "severity_within_one": self.severity_within_one,
            "invalid_recall": self.invalid_recall,
            "malicious_rate": self.malicious_rate,
            "malicious_precision": self.malicious_precision,
            "malicious_recall": self.malicious_recall,
            "needs_review": self.needs_review,
            "annotators": {
                entry.axis: {
                    "engine": {name: figures.to_dict() for name, figures in entry.engine},
                    "between": entry.between.to_dict() if entry.between else None,
                    "severity_within_one": dict(entry.severity_within_one),
                }
                for entry in self.annotators
            },
            "by_source": {
                name: {"complaints": count, "accuracy": dict(scores)}
                for name, count, scores in self.by_source
            },
            "confusion": {
                s.axis: {
                    "labels": list(s.labels),
                    "rows_expected_columns_decided": [list(r) for r in s.confusion],
                }
                for s in self.scores
            },
            "rule_counts": dict(self.rule_counts),
            "misses": [miss.to_dict() for miss in self.misses[:worst]],
        }

    def renderable(self, *, worst: int = 5, rules: int = 15) -> RenderableType:
        """Rich tables: the figures, ``worst`` misses with their traces, the top ``rules``."""
        parts: list[RenderableType] = [self._accuracy_table()]
        if self.annotators:
            parts.append(self._annotator_table())
        if len(self.by_source) > 1:
            parts.append(self._source_table())
        parts.extend(_confusion_table(score) for score in self.scores)
        parts.append(self._rules_table(rules))
        parts.extend(_miss_table(miss) for miss in self.misses[:worst])
        parts.append(
            Text(
                f"{self.total} complaints, {len(self.misses)} with at least one axis wrong, "
                f"{self.needs_review} flagged for review (ruleset {self.ruleset_version})",
                style="bold",
            )
        )
        return Group(*parts)

    def __rich__(self) -> RenderableType:
        return self.renderable()

    def to_text(self, *, worst: int = 5, rules: int = 15, width: int = 100) -> str:
        """The report as plain text."""
        return render_text(self.renderable(worst=worst, rules=rules), width=width)

    def _accuracy_table(self) -> Table:
        table = Table(title="agreement with the labels")
        for column in ("axis", "correct", "labelled", "accuracy", "kappa"):
            table.add_column(column, justify="left" if column == "axis" else "right")
        for score in self.scores:
            table.add_row(
                score.axis,
                str(score.correct),
                str(score.total),
                f"{score.accuracy:.1%}",
                f"{score.kappa:.2f}",
            )
        severity = self.score("severity")
        table.add_row(
            "severity ±1 level", "", str(severity.total), f"{self.severity_within_one:.1%}", ""
        )
        if self.invalid_recall is not None:
            table.add_row("invalid recall", "", "", f"{self.invalid_recall:.1%}", "")
        table.add_row("decided malicious", "", str(self.total), f"{self.malicious_rate:.1%}", "")
        for name, value in (
            ("malicious precision", self.malicious_precision),
            ("malicious recall", self.malicious_recall),
        ):
            if value is not None:
                table.add_row(name, "", "", f"{value:.1%}", "")
        return table

    def _annotator_table(self) -> Table:
        table = Table(title="engine vs each annotator, and the annotators vs each other")
        table.add_column("axis")
        table.add_column("engine vs", justify="left")
        table.add_column("accuracy / kappa", justify="right")
        table.add_column("annotators", justify="right")
        for entry in self.annotators:
            engine = "  ".join(
                f"{figures.accuracy:.1%} / {figures.kappa:.2f}" for _, figures in entry.engine
            )
            between = entry.between
            table.add_row(
                entry.axis,
                ", ".join(name for name, _ in entry.engine),
                engine,
                f"{between.accuracy:.1%} / {between.kappa:.2f}" if between else "-",
            )
        return table

    def _source_table(self) -> Table:
        table = Table(title="accuracy per source")
        table.add_column("source")
        table.add_column("complaints", justify="right")
        for axis in AXES:
            table.add_column(axis, justify="right")
        for name, count, scores in self.by_source:
            accuracy = dict(scores)
            table.add_row(
                Text(name),
                str(count),
                *(f"{accuracy[axis]:.0%}" if axis in accuracy else "-" for axis in AXES),
            )
        return table

    def _rules_table(self, limit: int) -> Table:
        fired = [(rule, count) for rule, count in self.rule_counts if count]
        never = len(self.rule_counts) - len(fired)
        table = Table(title=f"rules fired most ({never} enabled rules never fired)")
        table.add_column("rule")
        table.add_column("complaints", justify="right")
        for rule, count in fired[:limit]:
            table.add_row(Text(rule), str(count))
        return table


def _confusion_table(score: AxisScore) -> Table:
    """Rows expected, columns decided; values that occur on neither side are left out."""
    used = [
        index
        for index in range(len(score.labels))
        if any(score.confusion[index]) or any(row[index] for row in score.confusion)
    ]
    table = Table(title=f"{score.axis}: expected ↓ decided →")
    table.add_column("")
    for index in used:
        table.add_column(score.labels[index], justify="right")
    for index in used:
        row = score.confusion[index]
        table.add_row(
            score.labels[index], *(str(row[column]) if row[column] else "·" for column in used)
        )
    return table


def _miss_table(miss: Miss) -> Table:
    complaint = miss.item.complaint
    decided = axis_values(miss.decision)
    expected = miss.item.expected.values()
    table = Table(title=Text(f"miss: {complaint.id}"), show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("detail", overflow="fold")
    table.add_row("text", Text(complaint.text))
    if miss.item.note:
        table.add_row("note", Text(miss.item.note))
    for axis in miss.wrong:
        table.add_row(axis, f"expected {expected[axis]}, decided {decided[axis]}")
    table.add_row(
        "trace",
        Text(
            "\n".join(f"{f.rule_id} {f.title} ({f.file}:{f.line})" for f in miss.decision.trace)
            or "(no rule fired)"
        ),
    )
    return table


def _as_item(item: LabelledComplaint | tuple[Complaint, Mapping[str, Any]]) -> LabelledComplaint:
    if isinstance(item, LabelledComplaint):
        return item
    complaint, expected = item
    return parse_record(LabelledComplaint, {"complaint": complaint, "expected": dict(expected)})


def _distance(first: str, second: str) -> int:
    return abs(Severity(first).rank - Severity(second).rank)


def evaluate(
    engine: Engine,
    labelled: Iterable[LabelledComplaint | tuple[Complaint, Mapping[str, Any]]] | str | Path,
    *,
    as_of: datetime | None = None,
) -> EvaluationReport:
    """Decide every labelled complaint with ``engine`` and compare with the labels.

    ``labelled`` is a path to labelled JSON Lines, or items:
    [`LabelledComplaint`][triage.LabelledComplaint]
    or ``(complaint, {"validity": ..., ...})`` pairs.
    """
    items = load_labelled(labelled) if isinstance(labelled, str | Path) else labelled
    confusion = {axis: Counter[tuple[str, str]]() for axis in AXES}
    fired: Counter[str] = Counter()
    misses: list[tuple[tuple[int, int, str], Miss]] = []
    total = within_one = severity_total = review = malicious = 0
    annotated: list[tuple[LabelledComplaint, dict[str, str]]] = []
    sources: dict[str, Counter[tuple[str, bool]]] = {}
    for raw in items:
        item = _as_item(raw)
        decision = engine.decide(item.complaint, as_of=as_of)
        total += 1
        review += decision.needs_review
        malicious += decision.nature is Nature.MALICIOUS
        fired.update({firing.rule_id for firing in decision.trace})
        expected, decided = item.expected.values(), axis_values(decision)
        if item.annotations:
            annotated.append((item, decided))
        per_source = sources.setdefault(item.source, Counter())
        per_source[("", True)] += 1
        for axis, value in expected.items():
            confusion[axis][(value, decided[axis])] += 1
            per_source[(axis, value == decided[axis])] += 1
        if "severity" in expected:
            severity_total += 1
            within_one += _distance(expected["severity"], decided["severity"]) <= 1
        wrong = tuple(axis for axis in expected if expected[axis] != decided[axis])
        if wrong:
            distance = (
                _distance(expected["severity"], decided["severity"]) if "severity" in wrong else 0
            )
            misses.append(
                ((-len(wrong), -distance, item.complaint.id), Miss(item, decision, wrong))
            )
    scores = tuple(_score(axis, confusion[axis]) for axis in AXES)
    counts = {rule.id: fired[rule.id] for rule in engine.rules if rule.enabled}
    invalid = confusion["validity"]
    labelled_invalid = sum(n for (expected, _), n in invalid.items() if expected == "invalid")
    return EvaluationReport(
        ruleset_version=engine.ruleset_version,
        total=total,
        scores=scores,
        severity_within_one=within_one / severity_total if severity_total else 0.0,
        rule_counts=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        misses=tuple(miss for _, miss in sorted(misses, key=lambda pair: pair[0])),
        needs_review=review,
        annotators=_annotator_agreement(annotated),
        invalid_recall=(
            invalid[("invalid", "invalid")] / labelled_invalid if labelled_invalid else None
        ),
        malicious_rate=malicious / total if total else 0.0,
        by_source=tuple(
            (
                name,
                counted[("", True)],
                tuple(
                    (axis, right / (right + counted[(axis, False)]))
                    for axis in AXES
                    if (right := counted[(axis, True)]) + counted[(axis, False)]
                ),
            )
            for name, counted in sorted(sources.items())
        ),
    )


def _annotator_agreement(
    annotated: list[tuple[LabelledComplaint, dict[str, str]]],
) -> tuple[AnnotatorAgreement, ...]:
    """Per axis: engine vs each annotator, and the first two annotators vs each other."""
    names = sorted({name for item, _ in annotated for name in item.annotations})
    result: list[AnnotatorAgreement] = []
    for axis in AXES:
        given: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
        between: list[tuple[str, str]] = []
        for item, decided in annotated:
            labels = {
                name: value
                for name, answers in item.annotations.items()
                if (value := answers.values().get(axis)) is not None
            }
            for name, value in labels.items():
                given[name].append((value, decided[axis]))
            if len(names) >= 2 and names[0] in labels and names[1] in labels:
                between.append((labels[names[0]], labels[names[1]]))
        engine = tuple((name, agreement(pairs)) for name, pairs in given.items() if pairs)
        if not engine:
            continue
        within = tuple(
            (name, sum(_distance(a, b) <= 1 for a, b in pairs) / len(pairs))
            for name, pairs in given.items()
            if pairs and axis == "severity"
        )
        result.append(
            AnnotatorAgreement(axis, engine, agreement(between) if between else None, within)
        )
    return tuple(result)


def _score(axis: str, counted: Counter[tuple[str, str]]) -> AxisScore:
    labels = AXIS_VALUES[axis]
    return AxisScore(
        axis=axis,
        total=sum(counted.values()),
        correct=sum(count for (expected, decided), count in counted.items() if expected == decided),
        labels=labels,
        confusion=tuple(tuple(counted[(row, column)] for column in labels) for row in labels),
    )
