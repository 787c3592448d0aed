"""The FastAPI example (examples/fastapi_app.py), run with its TestClient."""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.tools.helpers import COMPLAINTS, DEMO, EXAMPLES
from triage import Decision, Engine


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fastapi_app", EXAMPLES / "fastapi_app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example() -> ModuleType:
    """The example module, loaded from its file."""
    return _example()


@pytest.fixture
def client(example: ModuleType) -> Iterator[TestClient]:
    """A TestClient of the example app over the demo pack, started and stopped."""
    with TestClient(example.create_app(DEMO)) as client:
        yield client


def test_a_complaint_in_a_decision_out(client: TestClient) -> None:
    """POST /decide answers with the Decision the engine makes for the same complaint."""
    response = client.post("/decide", json=COMPLAINTS[0])
    assert response.status_code == 200, response.text
    with Engine.from_paths(DEMO) as engine:
        expected = engine.decide(COMPLAINTS[0])
    assert Decision.model_validate(response.json()) == expected


def test_an_invalid_complaint_is_a_422_naming_the_field(client: TestClient) -> None:
    """A naive received_at is refused before any decision, with the field's location."""
    response = client.post("/decide", json={**COMPLAINTS[0], "received_at": "2026-03-01T10:00"})
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "received_at"]]


def test_the_engine_is_built_once_and_closed_at_shutdown(example: ModuleType) -> None:
    """Every request uses the engine built at start-up; stopping the app closes it."""
    with TestClient(example.create_app(DEMO)) as client:
        engine = client.app.state.engine
        for complaint in COMPLAINTS:
            assert client.post("/decide", json=complaint).status_code == 200
            assert client.app.state.engine is engine
        assert not engine.closed
    assert engine.closed


def test_decisions_run_off_the_event_loop(client: TestClient) -> None:
    """engine.decide runs in a worker thread, where no event loop is running."""
    engine = client.app.state.engine
    loops: list[bool] = []
    decide = engine.decide

    def spy(complaint: Any) -> Decision:
        try:
            asyncio.get_running_loop()
            loops.append(True)
        except RuntimeError:
            loops.append(False)
        return decide(complaint)

    engine.decide = spy
    assert client.post("/decide", json=COMPLAINTS[1]).status_code == 200
    assert loops == [False]


def test_metrics_count_decisions(client: TestClient) -> None:
    """The on_decision hook counts each decision by severity; /metrics reports them."""
    for complaint in COMPLAINTS:
        client.post("/decide", json=complaint)
    metrics = client.get("/metrics").json()
    assert metrics["decisions"] == len(COMPLAINTS)
    assert sum(metrics["by_severity"].values()) == len(COMPLAINTS)
    assert metrics["seconds"] > 0


def test_the_openapi_document_names_complaint_and_decision(client: TestClient) -> None:
    """/openapi.json describes the request body as a Complaint and the answer as a Decision."""
    document = client.get("/openapi.json").json()
    operation = document["paths"]["/decide"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Complaint")
    assert answer["$ref"].endswith("/Decision")
