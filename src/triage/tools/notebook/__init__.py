"""Notebook helpers: HTML renderings, pandas DataFrames and matplotlib plots.

pandas and matplotlib are optional (``pip install 'triage[pandas,plot]'``); they are
imported when a helper needs them, and a missing one raises an ImportError saying how to
install it.
"""

from triage.tools.notebook.frames import to_frame
from triage.tools.notebook.html import comparison_html, decision_html
from triage.tools.notebook.plots import plot_axes, plot_rule_counts

__all__ = ["comparison_html", "decision_html", "plot_axes", "plot_rule_counts", "to_frame"]
