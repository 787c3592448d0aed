"""A decision shown to people: display rows and HTML, in Chinese or English.

These read only the decision (and, when given, the complaint text and the packs' reason
labels), so a decision renders itself in a notebook without the tools layer. Without the
packs' labels, a reason code is shown in Chinese by the title of the rule that gave it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from itertools import pairwise

from triage.records.decision import Decision, EffectKind, Firing, Span
from triage.records.labels import Lang, label, reason_label

__all__ = [
    "FIRING_COLUMNS",
    "axis_rows",
    "decision_html",
    "decision_spans",
    "firing_row",
    "html_table",
    "marked_html",
    "reason_labels",
    "segments",
]

FIRING_COLUMNS = ("rule", "axis", "effect", "location", "source", "facts", "spans")
"""The keys of `firing_row`, in order."""
_FIRING_HEADERS_ZH = ("规则", "维度", "作用", "位置", "依据", "事实", "原文")
_EFFECT_ZH = {"set": "设为", "raise": "提高一级", "review": "需复核", "action": "建议"}


def decision_spans(decision: Decision) -> tuple[Span, ...]:
    """Every distinct span of the decision's trace, in text order."""
    spans = {span: None for firing in decision.trace for span in firing.spans}
    return tuple(sorted(spans, key=lambda span: (span.start, span.end, span.fact)))


def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, tuple[Span, ...]]]:
    """``text`` cut at every span boundary; each piece with the spans that cover it.

    Spans that do not fit the text (a decision shown beside another complaint) are ignored.
    """
    usable = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = tuple(span for span in usable if span.start <= start and end <= span.end)
        pieces.append((text[start:end], covering))
    return pieces


def reason_labels(decision: Decision, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """Chinese labels of the decision's reason codes: ``labels`` first, else the title of
    the first rule in the trace that gave the code."""
    found: dict[str, str] = {}
    for firing in decision.trace:
        for effect in firing.effects:
            if effect.reason is not None:
                found.setdefault(effect.reason, firing.title)
    return {**found, **(labels or {})}


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _effect(firing: Firing, lang: Lang, labels: Mapping[str, str]) -> str:
    parts = []
    for effect in firing.effects:
        reason = reason_label(effect.reason, lang, labels) if effect.reason else None
        kind = _EFFECT_ZH.get(effect.kind.value, effect.kind.value) if lang == "zh" else None
        if effect.kind is EffectKind.DERIVE:
            parts.append(f"derive {effect.fact}={_plain(effect.value)}")
        elif effect.kind is EffectKind.SET:
            weight = f" ×{effect.weight:g}" if effect.weight not in (None, 1.0) else ""
            decisive = " decisive" if effect.decisive else ""
            value = label(str(effect.value), lang)
            parts.append(f"{kind or 'set'} {value}{weight}{decisive} ({reason})")
        elif effect.kind is EffectKind.ACTION:
            parts.append(f"{kind or 'action'} {label(str(effect.value), lang)}")
        else:
            parts.append(f"{kind or effect.kind.value} ({reason})")
    return "; ".join(parts)


def firing_row(
    firing: Firing, *, lang: Lang = "en", labels: Mapping[str, str] | None = None
) -> dict[str, str]:
    """One firing of a trace as display texts (see `FIRING_COLUMNS`)."""
    return {
        "rule": f"{firing.rule_id} {firing.title}",
        "axis": label(firing.axis.value, lang),
        "effect": _effect(firing, lang, labels or {}),
        "location": f"{firing.file}:{firing.line}",
        "source": firing.source,
        "facts": ", ".join(f"{name}={_plain(value)}" for name, value in firing.facts.items()),
        "spans": " ".join(f"「{span.surface}」" for span in firing.spans),
    }


def axis_rows(
    decision: Decision, *, lang: Lang = "en", labels: Mapping[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(what, value, reasons) display rows: the four axes, review, then each action.

    In Chinese the reasons are labels (``labels``, else the rules' titles), one per line.
    """
    reasons = decision.reasons
    zh = lang == "zh"
    known = reason_labels(decision, labels) if zh else {}
    department = decision.responsibility.department
    score = f"{label('score', lang)} {decision.nature_score:g}"
    review = label("yes" if decision.needs_review else "no", lang)
    rows = [
        ("validity", label(decision.validity.value, lang), reasons.validity),
        ("nature", f"{label(decision.nature.value, lang)} ({score})", reasons.nature),
        ("severity", label(decision.severity.value, lang), reasons.severity),
        (
            "responsibility",
            label(decision.responsibility.party.value, lang)
            + (f" / {department}" if department else ""),
            reasons.responsibility,
        ),
        ("needs review", review, decision.review_reasons),
    ]
    joiner = "\n" if zh else ", "
    default = f" ({label('default', lang)})"
    shown = [
        (
            label(axis, lang),
            value + (default if axis in decision.defaults else ""),
            joiner.join(reason_label(code, lang, known) for code in codes),
        )
        for axis, value, codes in rows
    ]
    for action in decision.actions:
        if action.deadline_days is None:
            deadline = ""
        elif zh:
            deadline = f"{action.deadline_days}{'个工作日' if action.working_days else '日'}内 "
        else:
            working = " working" if action.working_days else ""
            deadline = f"within {action.deadline_days}{working} days "
        shown.append(
            (label("action", lang), label(action.code, lang), f"{deadline}({action.rule_id})")
        )
    return shown


_MARK = {
    "asserted": "background:#ffe58f",
    "negated": "background:#f3d9fa;text-decoration:line-through",
    "conditional": "background:#c5f6fa;font-style:italic",
}


def _mark_style(spans: tuple[Span, ...]) -> str:
    if all(span.negated for span in spans):
        return _MARK["negated"]
    if all(span.conditional for span in spans):
        return _MARK["conditional"]
    return _MARK["asserted"]


def marked_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, each span in a ``<mark>`` whose title names its fact and term."""
    pieces = []
    for piece, covering in segments(text, spans):
        if not covering:
            pieces.append(escape(piece))
            continue
        title = "; ".join(
            f"{span.fact}{'/' + span.lexicon if span.lexicon else ''}: {span.term}"
            for span in covering
        )
        pieces.append(
            f'<mark style="{_mark_style(covering)}" title="{escape(title)}">{escape(piece)}</mark>'
        )
    return f'<p style="white-space:pre-wrap;line-height:1.7">{"".join(pieces)}</p>'


def html_table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    """An HTML table; cells are escaped unless ``raw`` (then they are HTML already)."""
    head = "".join(f'<th style="text-align:left">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            '<td style="text-align:left;vertical-align:top;white-space:pre-line">'
            f"{c if raw else escape(c)}</td>"
            for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _chip(span: Span) -> str:
    style = _mark_style((span,))
    return f'<mark style="{style}" title="{span.start}–{span.end}">{escape(span.surface)}</mark>'


def decision_html(
    decision: Decision,
    text: str | None = None,
    *,
    lang: Lang = "en",
    labels: Mapping[str, str] | None = None,
) -> str:
    """A decision as HTML: the axes, the text with its spans marked (when given), the firings.

    ``lang="zh"`` shows it in Chinese, reasons by ``labels`` (the packs' reason labels) or
    else by the titles of the rules that gave them.
    """
    known = reason_labels(decision, labels)
    firings = [
        [
            *(
                escape(value)
                for name, value in firing_row(firing, lang=lang, labels=known).items()
                if name != "spans"
            ),
            " ".join(_chip(span) for span in firing.spans),
        ]
        for firing in decision.trace
    ]
    headers = ("axis", "value", "reasons")
    parts = [
        f"<h4>{label('complaint', lang)} {escape(decision.complaint_id)}</h4>",
        html_table(
            [label(h, lang) for h in headers], axis_rows(decision, lang=lang, labels=labels)
        ),
    ]
    if text is not None:
        parts.append(marked_html(text, decision_spans(decision)))
    parts.append(
        html_table(_FIRING_HEADERS_ZH if lang == "zh" else FIRING_COLUMNS, firings, raw=True)
    )
    parts.append(
        f"<small>ruleset {escape(decision.ruleset_version)}, "
        f"as of {escape(decision.as_of.isoformat() if decision.as_of else 'unknown')}</small>"
    )
    return f'<div class="triage-decision">{"".join(parts)}</div>'
