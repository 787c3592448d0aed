"""``triage run``: formats, bad input lines, rule errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.tools.helpers import DEMO, EXAMPLES, invoke
from triage import Decision
from triage.tools.rows import DECISION_COLUMNS


def test_table_lists_each_complaint_and_counts(complaints_file: Path) -> None:
    """The default output is a table with one row per complaint and counts per axis value."""
    result = invoke("run", complaints_file, "--rules", DEMO, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "3 complaints triaged" in result.stdout
    for complaint_id in ("a1", "a2", "a3"):
        assert f"│ {complaint_id} " in result.stdout
    assert "counts per axis value" in result.stdout
    assert "malicious" in result.stdout
    assert "respondent / 门店" in result.stdout


def test_jsonl_output_is_one_decision_per_line(complaints_file: Path) -> None:
    """--format jsonl writes one valid Decision per complaint, in input order."""
    result = invoke("run", complaints_file, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    decisions = [Decision.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [d.complaint_id for d in decisions] == ["a1", "a2", "a3"]
    assert decisions[0].severity == "high"
    assert decisions[0].trace


def test_csv_output_has_the_documented_columns(complaints_file: Path) -> None:
    """--format csv writes the header DECISION_COLUMNS and one row per complaint."""
    result = invoke("run", complaints_file, "--rules", DEMO, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == DECISION_COLUMNS
    assert [row[0] for row in rows[1:]] == ["a1", "a2", "a3"]
    first = dict(zip(DECISION_COLUMNS, rows[1], strict=True))
    assert first["department"] == "门店"
    assert "demo.severity.injury" in first["rules"].split(";")


def test_output_file_suffix_chooses_the_format(complaints_file: Path, tmp_path: Path) -> None:
    """-o decisions.jsonl writes JSON Lines to that file and nothing to stdout."""
    target = tmp_path / "decisions.jsonl"
    result = invoke("run", complaints_file, "--rules", DEMO, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["complaint_id"] for line in lines] == ["a1", "a2", "a3"]


def test_bad_lines_are_reported_and_skipped(bad_complaints_file: Path) -> None:
    """Bad lines are reported with their line numbers, skipped, and counted at the end."""
    result = invoke("run", bad_complaints_file, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0
    ids = [json.loads(line)["complaint_id"] for line in result.stdout.splitlines()]
    assert ids == ["a1", "a2", "a3"]
    assert f"{bad_complaints_file}:3: invalid Complaint" in result.stderr
    assert "Invalid JSON" in result.stderr
    assert f"{bad_complaints_file}:5: invalid Complaint: received_at" in result.stderr
    assert "skipped 2 bad lines (3 records read)" in result.stderr


def test_on_error_fail_stops_at_the_first_bad_line(bad_complaints_file: Path) -> None:
    """--on-error fail reports the first bad line and exits with 1."""
    result = invoke(
        "run", bad_complaints_file, "--rules", DEMO, "--format", "jsonl", "--on-error", "fail"
    )
    assert result.exit_code == 1
    assert f"{bad_complaints_file}:3:" in result.stderr
    assert ":5:" not in result.stderr
    assert "--on-error fail" in result.stderr


def test_csv_input_with_nested_columns(tmp_path: Path) -> None:
    """CSV input fills nested objects from dotted columns and lists from JSON cells."""
    source = tmp_path / "complaints.csv"
    source.write_text(
        "id,text,received_at,channel,respondent.name,requests\n"
        'c1,店里多收了我钱,2026-03-01T10:00:00+08:00,web,某店,"[{""kind"": ""refund"", '
        '""amount"": ""2000""}]"\n'
        "c2,感谢客服小王,2026-03-01T10:00:00+08:00,,,\n",
        encoding="utf-8",
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    decisions = [Decision.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [d.complaint_id for d in decisions] == ["c1", "c2"]
    assert decisions[0].severity == "medium"


def test_bad_csv_cell_is_reported_with_its_line(tmp_path: Path) -> None:
    """A CSV row whose list column is not JSON is reported with its line and skipped."""
    source = tmp_path / "complaints.csv"
    source.write_text(
        "id,text,received_at,requests\n"
        "c1,店里多收了我钱,2026-03-01T10:00:00+08:00,not json\n"
        "c2,感谢客服小王,2026-03-01T10:00:00+08:00,\n",
        encoding="utf-8",
    )
    result = invoke("run", source, "--rules", DEMO, "--format", "jsonl")
    assert result.exit_code == 0
    assert f"{source}:2: column 'requests' must hold a JSON array" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_missing_input_file_is_a_usage_error() -> None:
    """A complaints file that does not exist gives exit code 2 and names it."""
    result = invoke("run", "no/such/file.jsonl", "--rules", DEMO)
    assert result.exit_code == 2
    assert "no/such/file.jsonl" in result.stderr


def test_bad_rule_file_is_located_without_traceback(complaints_file: Path, tmp_path: Path) -> None:
    """A rule with an unknown fact stops the run with exit 3 and file:line:column."""
    pack = tmp_path / "bad"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: bad\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(
        "rules:\n"
        "  - id: bad.severity.money\n"
        "    title: 金额\n"
        "    axis: severity\n"
        "    source: test\n"
        "    when: {amout: {'>': 5}}\n"
        "    then: {set: high, reason: money}\n",
        encoding="utf-8",
    )
    result = invoke("run", complaints_file, "--rules", pack)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{pack / 'rules.yaml'}:6:")
    assert "[unknown-fact] rule bad.severity.money: unknown fact 'amout'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_whole_pack_in_one_yaml_file(complaints_file: Path, tmp_path: Path) -> None:
    """--rules FILE.yaml loads a pack held in one document, with the file in its locations."""
    rules = tmp_path / "whatif.yaml"
    rules.write_text(
        "name: whatif\n"
        "rules:\n"
        "  - id: whatif.severity.all\n"
        "    title: 一律中等\n"
        "    axis: severity\n"
        "    source: test\n"
        "    when: {text_length: {'>': 0}}\n"
        "    then: {set: medium, reason: everything}\n",
        encoding="utf-8",
    )
    result = invoke("run", complaints_file, "--rules", rules, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    decisions = [Decision.model_validate_json(line) for line in result.stdout.splitlines()]
    assert {d.severity for d in decisions} == {"medium"}
    assert decisions[0].trace[0].file == str(rules)


def test_a_rule_file_must_be_the_only_rules(complaints_file: Path, tmp_path: Path) -> None:
    """A single-document rule file mixed with pack folders is a usage error."""
    rules = tmp_path / "whatif.yaml"
    rules.write_text("name: whatif\nrules: []\n", encoding="utf-8")
    result = invoke("run", complaints_file, "--rules", rules, "--rules", DEMO)
    assert result.exit_code == 2
    assert "must be the only --rules" in result.stderr


def test_parameter_override_changes_decisions(complaints_file: Path) -> None:
    """--param big=100000 lifts the money threshold, so 2,000 yuan is no longer medium."""
    base = invoke("run", complaints_file, "--rules", DEMO, "--format", "jsonl")
    raised = invoke(
        "run", complaints_file, "--rules", DEMO, "--format", "jsonl", "--param", "big=100000"
    )
    severity = [json.loads(line)["severity"] for line in raised.stdout.splitlines()]
    assert [json.loads(line)["severity"] for line in base.stdout.splitlines()][2] == "medium"
    assert severity[2] == "low"


def test_malformed_and_unknown_parameters(complaints_file: Path) -> None:
    """A --param that is not NAME=NUMBER is a usage error; an unknown name a pack error."""
    malformed = invoke("run", complaints_file, "--rules", DEMO, "--param", "big")
    unknown = invoke("run", complaints_file, "--rules", DEMO, "--param", "bigg=5")
    assert malformed.exit_code == 2
    assert "NAME=NUMBER" in malformed.stderr
    assert unknown.exit_code == 3
    assert "did you mean 'big'?" in unknown.stderr


def test_bundled_examples_with_the_default_packs() -> None:
    """The README command triages all 110 bundled complaints into a summary table."""
    result = invoke("run", EXAMPLES / "complaints.jsonl")
    assert result.exit_code == 0, result.stderr
    assert "已分诊 110 件投诉" in result.stdout
    assert "│ ex-001 " in result.stdout
    assert "│ ex-110 " in result.stdout
    assert result.stderr == ""
