"""The worked notebook in docs/notebooks runs top to bottom and is stored without outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "docs" / "notebooks"
WHAT_IF = NOTEBOOKS / "what-if.ipynb"


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A Jupyter kernel spec that runs this interpreter, so the notebook sees this install."""
    spec = tmp_path / "kernels" / "triage-tests"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "triage tests", "language": "python"}),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "agg")
    return "triage-tests"


def test_what_if_notebook_runs(kernel: str) -> None:
    """Every cell of what-if.ipynb runs without an error, and the comparison finds changes."""
    notebook = nbformat.read(WHAT_IF, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [output for output in outputs if output.output_type == "error"]
    html = "".join(str(output.get("data", {}).get("text/html", "")) for output in outputs)
    assert "triage-comparison" in html
    assert "decisions change" in html


def test_notebooks_are_stored_without_outputs() -> None:
    """No notebook in docs/ keeps outputs or execution counts (they are made in CI)."""
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert WHAT_IF in notebooks
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{path.name}: a cell keeps its outputs"
                assert cell.execution_count is None, f"{path.name}: execution count kept"
