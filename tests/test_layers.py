"""Modules import only their own layer or the layers below it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import triage

PACKAGE = Path(triage.__file__).parent
LAYERS = (
    "errors",
    "records",
    "text",
    "facts",
    "rulepack",
    "compile",
    "resolution",
    "engine",
    "tools",
    "cli",
)
"""Bottom to top; ``errors`` is the one base every layer may raise from. Resolution sits
below the engine because the engine runs every stage, resolution included."""
TOP = {"__init__", "__main__", "testing", "pytest_plugin", "spark", "logs"}
"""Modules outside the layers, on top of them all (``logs`` is a leaf every layer uses)."""


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name.startswith("triage.")]


def _upward() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] in TOP:
            continue
        here = LAYERS.index(parts[0])
        for line, name in _imports(path):
            target = _layer(name)
            if target == "logs":
                continue
            if target in TOP or LAYERS.index(target) > here:
                problems.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    return problems


def test_layers_import_only_downward() -> None:
    """No module imports a layer above its own (records → … → tools → cli)."""
    assert _upward() == []


def test_every_module_has_a_layer() -> None:
    """Each top-level module or package of triage is a known layer or top module."""
    names = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir()}
    names = {name for name in names if not name.startswith((".", "_")) or name in TOP}
    names -= {"py", "schema", "data", "__pycache__"}
    assert names <= set(LAYERS) | TOP, names - set(LAYERS) - TOP


def test_import_triage_is_light() -> None:
    """``import triage`` loads neither the tools layer nor rich, click or pandas."""
    code = (
        "import sys, triage\n"
        "heavy = ('rich', 'click', 'pandas', 'matplotlib', 'triage.tools', 'triage.cli')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or "
        "m.startswith(('triage.tools', 'triage.cli'))))\n"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_tool_names_load_on_first_use() -> None:
    """Names of the tools layer are still reachable as attributes of triage."""
    code = "import triage, sys\nprint(triage.compare.__module__, 'rich' in sys.modules)\n"
    result = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["triage.tools.comparison", "True"]
