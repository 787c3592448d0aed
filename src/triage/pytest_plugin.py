"""A pytest plugin that collects rule packs' test cases as test items.

Opt-in: it collects nothing until pack folders are named, on the command line or in the
pytest configuration (paths relative to the configuration file)::

    pytest --triage-packs rules/

    [tool.pytest.ini_options]
    triage_packs = ["rules"]

Every ``cases/*.yaml`` file of the named packs becomes a test file, each case one item
(``rules/mypack/cases/refunds.yaml::late-refund``), run against one engine built from all
named packs (and the packs they extend) — what ``triage test`` runs. When pytest is given
no paths, the pack folders are added to the ones it searches; when it is given paths, the
cases under them are collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # triage itself is imported only once packs are named: pytest starts fast
    from triage.engine import Engine
    from triage.rulepack.loader import RuleSet
    from triage.rulepack.spec import CaseSpec

__all__ = ["CaseFile", "CaseItem", "RulePacks"]

_OPTION = "triage_packs"


def pytest_addoption(parser: pytest.Parser) -> None:
    """The command-line option and the configuration key naming the pack folders."""
    parser.getgroup("triage").addoption(
        "--triage-packs",
        dest=_OPTION,
        action="append",
        default=[],
        metavar="PATH",
        help="collect the test cases of the rule packs in PATH (a pack or a folder of packs)",
    )
    parser.addini(_OPTION, "rule pack folders whose test cases pytest collects", type="paths")


def pytest_configure(config: pytest.Config) -> None:
    """Register the packs' collector when pack folders are named; otherwise do nothing."""
    named = [Path(path) for path in config.getoption(_OPTION)]
    folders = [path.resolve() for path in named or config.getini(_OPTION)]
    if not folders:
        return
    if config.args_source is not pytest.Config.ArgsSource.ARGS:
        searched = [Path(arg).resolve() for arg in config.args]
        config.args.extend(
            str(folder)
            for folder in folders
            if not any(folder.is_relative_to(path) for path in searched)
        )
    config.pluginmanager.register(RulePacks(folders), "triage-rule-packs")


class RulePacks:
    """The named pack folders: their rules and cases, loaded once, and one engine."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self._ruleset: RuleSet | None = None
        self._engine: Engine | None = None

    @property
    def ruleset(self) -> RuleSet:
        """The named packs, loaded at the first case file collected."""
        if self._ruleset is None:
            from triage.rulepack.loader import load_packs

            self._ruleset = load_packs(*self.folders)
        return self._ruleset

    @property
    def engine(self) -> Engine:
        """One engine for every case, built when the first case runs."""
        if self._engine is None:
            from triage.engine import Engine

            self._engine = Engine(self.ruleset)
        return self._engine

    def cases_in(self, path: Path) -> list[CaseSpec]:
        """The cases written in the file at ``path``, in file order."""
        return [case for case in self.ruleset.cases if Path(case.loc.file).resolve() == path]

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> CaseFile | None:
        """A case file of a named pack: ``<pack>/cases/*.yaml``."""
        if (
            file_path.suffix in {".yaml", ".yml"}
            and file_path.parent.name == "cases"
            and any(file_path.resolve().is_relative_to(folder) for folder in self.folders)
        ):
            return CaseFile.from_parent(parent, path=file_path)
        return None

    def pytest_unconfigure(self) -> None:
        """Close the engine."""
        if self._engine is not None:
            self._engine.close()


class CaseFile(pytest.File):
    """A ``cases/*.yaml`` file of a rule pack: one item per case."""

    def collect(self) -> Iterator[CaseItem]:
        """The file's cases; a pack that fails to load is a collection error."""
        packs = self.config.pluginmanager.get_plugin("triage-rule-packs")
        assert isinstance(packs, RulePacks)  # noqa: S101 - registered with this collector
        for case in packs.cases_in(self.path.resolve()):
            yield CaseItem.from_parent(self, name=case.id, case=case, packs=packs)


class CaseItem(pytest.Item):
    """One rule-pack case: decide its complaint, check fires, not_fires and expect."""

    def __init__(self, *, case: CaseSpec, packs: RulePacks, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.case = case
        self.packs = packs

    def runtest(self) -> None:
        """Run the case with the shared engine; fail with every problem, one per line."""
        from triage.tools.casetests import run_case

        result = run_case(self.packs.engine, self.case)
        if not result.passed:
            pytest.fail("\n".join(result.problems), pytrace=False)

    def reportinfo(self) -> tuple[Path, int, str]:
        """Where the case is written and its ``pack::id`` name."""
        return self.path, self.case.loc.line - 1, f"case {self.case.pack}::{self.case.id}"
