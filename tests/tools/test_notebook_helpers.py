"""Notebook helpers: HTML of decisions and explanations, DataFrames, plots, missing extras."""

from __future__ import annotations

import pytest

from tests.tools.helpers import AT
from triage import Complaint, Engine, Span, explain, plot_axes, plot_rule_counts, to_frame
from triage.tools.explanation import marked_text
from triage.tools.notebook import extras
from triage.tools.notebook.html import marked_html


def _complaint(text: str, complaint_id: str = "n1") -> Complaint:
    return Complaint.model_validate({"id": complaint_id, "text": text, "received_at": AT})


def test_decision_renders_as_html_with_its_firings(demo_engine: Engine) -> None:
    """A Decision's _repr_html_ has the axes and a firing table with file:line and spans."""
    decision = demo_engine.decide(_complaint("我在店里摔倒骨折了"))
    html = decision._repr_html_()
    assert "triage-decision" in html
    assert "demo.severity.injury" in html
    assert "rules.yaml:2" in html
    assert "<mark" in html
    assert "骨折</mark>" in html


def test_explanation_highlights_the_text_and_escapes_it(demo_engine: Engine) -> None:
    """explain() marks the spans in the complaint text, and escapes HTML in it."""
    explained = explain(demo_engine, _complaint("<b>我</b>在店里骨折了"))
    html = explained._repr_html_()
    assert "&lt;b&gt;我&lt;/b&gt;在" in html
    assert "<b>我</b>" not in html
    assert 'title="mentions/injury: 骨折">骨折</mark>' in html
    assert "【骨折】" in explained.to_text()


def test_negated_and_conditional_spans_are_marked_differently() -> None:
    """Asserted, negated and conditional spans get three different marks, in HTML and text."""
    text = "没有受伤，要求退款，否则曝光"
    spans = (
        Span(
            fact="mentions_negated",
            lexicon="injury",
            term="受伤",
            surface="受伤",
            start=2,
            end=4,
            negated=True,
        ),
        Span(fact="amount_demanded", term="demand:1", surface="退款", start=7, end=9),
        Span(
            fact="mentions_conditional",
            lexicon="leverage",
            term="曝光",
            surface="曝光",
            start=12,
            end=14,
            conditional=True,
        ),
    )
    html = marked_html(text, spans)
    assert html.count("<mark") == 3
    assert "line-through" in html
    assert "font-style:italic" in html
    marked = marked_text(text, spans, brackets=True)
    assert marked.plain == "没有【受伤】，要求【退款】，否则【曝光】"
    assert len({str(span.style) for span in marked.spans}) == 3


def test_to_frame_has_ordered_severity(demo_engine: Engine) -> None:
    """to_frame gives one row per decision with categorical axes, severity ordered."""
    decisions = [
        demo_engine.decide(_complaint("我骨折了", "f1")),
        demo_engine.decide(_complaint("感谢客服", "f2")),
    ]
    frame = to_frame(decisions)
    assert list(frame.index) == ["f1", "f2"]
    assert frame.severity.cat.ordered
    assert list(frame.severity.cat.categories) == ["low", "medium", "high", "critical"]
    assert frame.severity.max() == "high"
    assert list(frame.loc[frame.severity >= "medium", "complaint_id"]) == ["f1"]
    assert frame.loc["f1", "rules"] == ("demo.validity.ground", "demo.severity.injury")


def test_plots_return_figures(demo_engine: Engine) -> None:
    """plot_axes draws one panel per axis; plot_rule_counts one bar per rule that fired."""
    decisions = [
        demo_engine.decide(_complaint(t, str(i))) for i, t in enumerate(["我骨折了", "感谢"])
    ]
    axes = plot_axes(decisions)
    counts = plot_rule_counts(decisions, top=2)
    assert [panel.get_title() for panel in axes.axes] == [
        "validity",
        "nature",
        "severity",
        "responsibility",
    ]
    assert len(axes.axes[2].patches) == 4
    assert len(counts.axes[0].patches) == 2


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, demo_engine: Engine) -> None:
    """Without pandas, to_frame raises an ImportError that says which extra to install."""
    monkeypatch.setattr(extras, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match=r"pip install 'triage\[pandas\]'"):
        to_frame([demo_engine.decide(_complaint("我骨折了"))])
    with pytest.raises(ImportError, match=r"triage\[plot\]"):
        plot_axes([])
