"""``--lang``: Chinese (the default) or English output for people."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from triage.cli.output import Display
from triage.engine import Engine
from triage.records.labels import LANGS, Lang
from triage.rulepack.labels import pack_labels

__all__ = ["display_for", "lang_option"]

_F = TypeVar("_F", bound=Callable[..., Any])


def lang_option(function: _F) -> _F:
    """The ``--lang`` option: zh (default) or en."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default="zh",
        show_default=True,
        help="Language of tables and explanations: zh shows axes, values and reasons in "
        "Chinese (reasons by the packs' labels), en the English names and reason codes.",
    )(function)


def display_for(engine: Engine, lang: Lang) -> Display:
    """How to show the engine's decisions in ``lang``, with its packs' reason labels."""
    return Display(lang=lang, labels=pack_labels(engine.ruleset.packs))
