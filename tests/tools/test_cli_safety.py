"""``triage run`` never loses data: its output, interruptions, malformed and empty inputs."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas
import pytest

from tests.tools.helpers import AT, COMPLAINTS, DEMO, invoke, write_jsonl
from triage import Decision, Engine
from triage.cli import output
from triage.tools import inputs
from triage.tools.rows import DECISION_COLUMNS

OLD = "the previous decisions\n"


def _leftovers(folder: Path) -> list[str]:
    """Temporary files triage may have left in ``folder``."""
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def _ids(stdout: str) -> list[str]:
    return [json.loads(line)["complaint_id"] for line in stdout.splitlines()]


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An output file left by an earlier run."""
    target = tmp_path / "out" / "decisions.jsonl"
    target.parent.mkdir()
    target.write_text(OLD, encoding="utf-8")
    return target


# --- the output file ------------------------------------------------------------------


def test_output_that_is_the_input_is_refused(complaints_file: Path) -> None:
    """-o naming the complaints file exits with 2 and leaves the complaints as they were."""
    before = complaints_file.read_bytes()
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", complaints_file)
    assert result.exit_code == 2
    assert "is the complaints file itself" in result.stderr
    assert complaints_file.read_bytes() == before


def test_output_that_is_the_input_by_another_path_is_refused(complaints_file: Path) -> None:
    """The same file through `..` or a symbolic link is recognised too."""
    before = complaints_file.read_bytes()
    roundabout = complaints_file.parent / "sub" / ".." / complaints_file.name
    (complaints_file.parent / "sub").mkdir()
    link = complaints_file.parent / "link.jsonl"
    link.symlink_to(complaints_file)
    for target in (roundabout, link):
        result = invoke("run", complaints_file, "--rules", DEMO, "-o", target)
        assert result.exit_code == 2, target
    assert complaints_file.read_bytes() == before


def test_rules_that_fail_to_load_leave_the_old_output(
    complaints_file: Path, previous: Path, tmp_path: Path
) -> None:
    """When the rules cannot be loaded (exit 3), the previous output file is untouched."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nrules: [{id: x}]\n", encoding="utf-8")
    result = invoke("run", complaints_file, "--rules", broken, "-o", previous)
    assert result.exit_code == 3
    assert previous.read_text(encoding="utf-8") == OLD
    assert _leftovers(previous.parent) == []


def test_on_error_fail_leaves_the_old_output(bad_complaints_file: Path, previous: Path) -> None:
    """--on-error fail stops at a bad line (exit 1) without a partial file in place."""
    result = invoke(
        "run", bad_complaints_file, "--rules", DEMO, "-o", previous, "--on-error", "fail"
    )
    assert result.exit_code == 1
    assert previous.read_text(encoding="utf-8") == OLD
    assert _leftovers(previous.parent) == []


def _interrupt_after_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make deciding raise KeyboardInterrupt (Ctrl-C) after the first decision."""
    decide_many = Engine.decide_many

    def interrupted(self: Engine, complaints: object, **options: object) -> Iterator[Decision]:
        for decision in decide_many(self, complaints, **options):  # type: ignore[arg-type]
            yield decision
            raise KeyboardInterrupt

    monkeypatch.setattr(Engine, "decide_many", interrupted)


def test_ctrl_c_exits_130_and_leaves_the_old_output(
    complaints_file: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a run exits with 130 (not 1) and keeps the previous file whole."""
    _interrupt_after_one(monkeypatch)
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", previous)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert previous.read_text(encoding="utf-8") == OLD
    assert _leftovers(previous.parent) == []


def test_ctrl_c_without_an_output_file_exits_130(
    complaints_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while writing to stdout also exits with 130, without a traceback."""
    _interrupt_after_one(monkeypatch)
    result = invoke("run", complaints_file, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr


def test_a_successful_run_replaces_the_file_and_keeps_its_mode(
    complaints_file: Path, previous: Path
) -> None:
    """On success the output is replaced whole, with the old file's permissions."""
    previous.chmod(0o640)
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", previous)
    assert result.exit_code == 0, result.stderr
    assert _ids(previous.read_text(encoding="utf-8")) == ["a1", "a2", "a3"]
    assert previous.stat().st_mode & 0o777 == 0o640
    assert _leftovers(previous.parent) == []


def test_a_new_output_file_gets_ordinary_permissions(complaints_file: Path, tmp_path: Path) -> None:
    """A new output file is not left with the private mode of a temporary file."""
    target = tmp_path / "new.jsonl"
    mask = os.umask(0o022)
    try:
        result = invoke("run", complaints_file, "--rules", DEMO, "-o", target)
    finally:
        os.umask(mask)
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_mode & 0o777 == 0o644


# --- empty and unreadable inputs --------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [[], [""], ['{"id": "x"', "not json"]],
    ids=["empty", "blank", "all-bad"],
)
def test_no_complaint_read_is_an_error(
    tmp_path: Path, previous: Path, lines: list[dict[str, object] | str]
) -> None:
    """An empty file, or one where every line is bad, exits with 1 and writes nothing."""
    source = tmp_path / "in.jsonl"
    if lines:
        write_jsonl(source, lines)
    else:
        source.write_bytes(b"")
    table = invoke("run", source, "--rules", DEMO)
    to_file = invoke("run", source, "--rules", DEMO, "-o", previous)
    assert table.exit_code == 1
    assert "no complaint could be read" in table.stderr
    assert "complaints triaged" not in table.stdout
    assert to_file.exit_code == 1
    assert previous.read_text(encoding="utf-8") == OLD


# --- formats --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["in.txt", "in", "in.xlsx"])
def test_unknown_input_suffix_is_refused(tmp_path: Path, name: str) -> None:
    """An input whose suffix names no format exits with 2 instead of being read as JSONL."""
    source = write_jsonl(tmp_path / name, list(COMPLAINTS))
    result = invoke("run", source, "--rules", DEMO)
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr


@pytest.mark.parametrize("name", ["out.txt", "out", "out.xlsx"])
def test_unknown_output_suffix_is_refused(complaints_file: Path, tmp_path: Path, name: str) -> None:
    """-o with a suffix that names no format exits with 2 and creates no file."""
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr
    assert not (tmp_path / name).exists()


def test_an_explicit_format_allows_any_output_name(complaints_file: Path, tmp_path: Path) -> None:
    """--format jsonl writes JSON Lines to a file whose suffix says nothing."""
    target = tmp_path / "out.txt"
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", target, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert _ids(target.read_text(encoding="utf-8")) == ["a1", "a2", "a3"]


def test_tsv_input_and_output(tmp_path: Path) -> None:
    """A .tsv file is read with tabs (commas stay in the text) and -o .tsv writes tabs."""
    source = tmp_path / "in.tsv"
    source.write_text(
        f"id\ttext\treceived_at\nt1\t店里多收了我钱，还不退\t{AT}\nt2\t感谢客服\t{AT}\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.tsv"
    result = invoke("run", source, "--rules", DEMO, "-o", target)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8")), delimiter="\t"))
    assert tuple(rows[0]) == DECISION_COLUMNS
    assert [row[0] for row in rows[1:]] == ["t1", "t2"]


def test_parquet_without_an_engine_is_a_clear_error(
    complaints_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas and pyarrow, .parquet in or out exits with 2 and says what to install."""
    monkeypatch.setattr(inputs, "find_spec", lambda name: None)
    parquet = tmp_path / "in.parquet"
    parquet.write_bytes(b"PAR1")
    reading = invoke("run", parquet, "--rules", DEMO)
    writing = invoke("run", complaints_file, "--rules", DEMO, "-o", tmp_path / "out.parquet")
    for result in (reading, writing):
        assert result.exit_code == 2
        assert "Parquet files need pandas and pyarrow" in result.stderr
    assert not (tmp_path / "out.parquet").exists()


def test_parquet_is_never_written_to_stdout(complaints_file: Path) -> None:
    """--format parquet without -o is refused: Parquet is binary."""
    result = invoke("run", complaints_file, "--rules", DEMO, "--format", "parquet")
    assert result.exit_code == 2
    assert "Parquet is binary" in result.stderr


def test_parquet_rows_become_complaints(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Parquet rows are read like CSV rows: timestamps, lists and missing cells included."""
    frame = pandas.DataFrame(
        {
            "id": ["p1", "p2"],
            "text": ["店里多收了我钱", "感谢客服"],
            "received_at": [pandas.Timestamp(AT), None],
            "requests": [[{"kind": "refund", "amount": "2000"}], None],
            "amount_paid": [float("nan"), 12.5],
        }
    )
    monkeypatch.setattr(inputs, "parquet_support", lambda: None)
    monkeypatch.setattr(pandas, "read_parquet", lambda path: frame)
    items = list(inputs.read_complaints(tmp_path / "in.parquet"))
    first, second = items
    assert isinstance(first, inputs.Numbered)
    assert first.record.requests[0].amount == 2000
    assert first.record.amount_paid is None
    assert isinstance(second, inputs.BadLine)
    assert str(second).startswith(f"{tmp_path / 'in.parquet'}:2: invalid Complaint: received_at")


# --- robust CSV -----------------------------------------------------------------------


def _csv(path: Path, *rows: str) -> Path:
    path.write_text("id,text,received_at\n" + "".join(rows), encoding="utf-8")
    return path


def test_a_csv_cell_over_the_csv_module_default_is_read(tmp_path: Path) -> None:
    """A 200,000-character text cell (over csv's 131,072 default) is decided, as are later rows."""
    source = _csv(tmp_path / "big.csv", f"c1,{'字' * 200_000},{AT}\n", f"c2,感谢,{AT}\n")
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert _ids(result.stdout) == ["c1", "c2"]


def test_a_cell_over_the_limit_is_a_located_bad_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell over MAX_CELL is reported with its line and skipped; no later row is lost."""
    monkeypatch.setattr(inputs, "MAX_CELL", 1000)
    source = _csv(
        tmp_path / "big.csv", f"c1,感谢,{AT}\n", f"c2,{'字' * 2000},{AT}\n", f"c3,感谢,{AT}\n"
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert _ids(result.stdout) == ["c1", "c3"]
    assert f"{source}:3: malformed CSV: field larger than field limit" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unclosed_quote_is_reported_and_the_next_rows_kept(tmp_path: Path) -> None:
    """A row with an unclosed quote is reported at its line; the rows it swallowed survive."""
    source = _csv(
        tmp_path / "quote.csv",
        f"c1,感谢,{AT}\n",
        f'c2,"店里多收了我钱,{AT}\n',
        f"c3,感谢,{AT}\n",
        f"c4,感谢,{AT}\n",
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert _ids(result.stdout) == ["c1", "c3", "c4"]
    assert f"{source}:3: malformed CSV: a quoted cell is never closed" in result.stderr
    assert "received_at: Field required" not in result.stderr
    assert "skipped 1 bad line (3 records read)" in result.stderr


def test_an_unclosed_quote_with_on_error_fail_stops_there(tmp_path: Path) -> None:
    """With --on-error fail, the unclosed quote stops the run with exit 1 at its line."""
    source = _csv(tmp_path / "quote.csv", f'c1,"多收,{AT}\n', f"c2,感谢,{AT}\n")
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl", "--on-error", "fail")
    assert result.exit_code == 1
    assert f"{source}:2: malformed CSV" in result.stderr


def test_a_stray_quote_and_a_short_row_are_located(tmp_path: Path) -> None:
    """A quote followed by text, and a row with too few cells, are reported at their lines."""
    source = _csv(
        tmp_path / "stray.csv",
        f'c1,"多收"了,{AT}\n',
        "c2,感谢\n",
        f'c3,"多行\n的文本",{AT}\n',
        f"c4,感谢,{AT}\n",
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert _ids(result.stdout) == ["c3", "c4"]
    assert f"{source}:2: malformed CSV" in result.stderr
    assert f"{source}:3: fewer cells than header columns" in result.stderr


# --- the same bytes from any working directory ------------------------------------------


def test_output_is_identical_from_any_working_directory(
    complaints_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trace.file is relative to the pack folder, so two working directories give one output."""
    outputs = []
    for folder in (DEMO.parent.parent, tmp_path):
        monkeypatch.chdir(folder)
        result = invoke("run", complaints_file, "--rules", DEMO, "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    files = {firing.file for line in outputs[0].splitlines() for firing in _trace(line)}
    assert files == {"demo/rules.yaml"}


def _trace(line: str) -> tuple[object, ...]:
    return Decision.model_validate_json(line).trace


def test_a_quote_closed_in_an_invalid_row_gives_back_the_rows_it_swallowed(
    tmp_path: Path,
) -> None:
    """A stray quote closed lines later makes an invalid row; the good rows inside are read."""
    source = _csv(
        tmp_path / "late.csv",
        f'c1,"多收,{AT}\n',
        f"c2,感谢,{AT}\n",
        'c3,了",yesterday\n',
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert _ids(result.stdout) == ["c2"]
    assert f"{source}:2: invalid Complaint: received_at" in result.stderr
    assert f"{source}:4: invalid Complaint: received_at" in result.stderr


def test_a_named_pipe_is_written_directly(complaints_file: Path, tmp_path: Path) -> None:
    """-o naming a FIFO (like /dev/stdout) streams into it: no temporary file, no rename."""
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert _ids(received[0]) == ["a1", "a2", "a3"]
    assert _leftovers(tmp_path) == []


def test_parquet_output_goes_through_pandas(
    complaints_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o FILE.parquet writes one row per decision with pandas, replacing the file whole.

    pyarrow is not installed here, so DataFrame.to_parquet is stood in for by a CSV writer.
    """
    written: list[tuple[Path, list[str], bool]] = []

    def to_parquet(frame: Any, path: Path, index: bool) -> None:
        written.append((path, list(frame["complaint_id"]), frame["needs_review"].dtype == bool))
        Path(path).write_text("parquet stand-in", encoding="utf-8")

    monkeypatch.setattr(output, "parquet_support", lambda: None)
    monkeypatch.setattr(pandas.DataFrame, "to_parquet", to_parquet)
    target = tmp_path / "out.parquet"
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", target)
    assert result.exit_code == 0, result.stderr
    ((path, ids, typed),) = written
    assert ids == ["a1", "a2", "a3"]
    assert typed
    assert path != target
    assert target.read_text(encoding="utf-8") == "parquet stand-in"
    assert _leftovers(tmp_path) == []


def test_an_output_link_stays_a_link(complaints_file: Path, previous: Path) -> None:
    """-o through a symbolic link replaces the file it points to and keeps the link."""
    link = previous.parent / "latest.jsonl"
    link.symlink_to(previous)
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert _ids(previous.read_text(encoding="utf-8")) == ["a1", "a2", "a3"]
    assert _leftovers(previous.parent) == []
