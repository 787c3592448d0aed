"""A FastAPI service that triages complaints: a ``Complaint`` in, a ``Decision`` out.

    pip install triage fastapi uvicorn
    uvicorn fastapi_app:app            # from examples/; POST /decide, GET /metrics

The engine is built once, when the application starts (lifespan), and closed when it
stops. Deciding is CPU work: it runs in the thread pool, never on the event loop, so
other requests are served meanwhile. One engine decides one complaint at a time; run
several worker processes (``uvicorn --workers 4``) for throughput, each builds its own.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

from triage import Complaint, Decision, Engine


class DecisionCounts:
    """Counts decisions by severity: an ``on_decision`` hook, safe across threads.

    Replace it by your metrics client (a Prometheus counter, statsd), keeping its signature.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._severity: Counter[str] = Counter()
        self._seconds = 0.0

    def __call__(self, decision: Decision, seconds: float) -> None:
        with self._lock:
            self._severity[decision.severity.value] += 1
            self._seconds += seconds

    def snapshot(self) -> dict[str, object]:
        """Decisions made, by severity, and the seconds spent deciding."""
        with self._lock:
            return {
                "decisions": sum(self._severity.values()),
                "by_severity": dict(self._severity),
                "seconds": round(self._seconds, 6),
            }


def create_app(rules: str | Path | None = None) -> FastAPI:
    """The service, deciding with the packs in ``rules`` (default: the bundled packs)."""
    counts = DecisionCounts()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Loading rules, compiling them and preparing jieba take seconds: do it once.
        engine = await run_in_threadpool(_build, rules, counts)
        app.state.engine = engine
        try:
            yield
        finally:
            engine.close()

    app = FastAPI(title="triage", lifespan=lifespan)

    @app.post("/decide")
    async def decide(complaint: Complaint, request: Request) -> Decision:
        """Triage one complaint; an invalid one is answered 422 with the field at fault."""
        engine: Engine = request.app.state.engine
        return await run_in_threadpool(engine.decide, complaint)

    @app.get("/metrics")
    async def metrics() -> dict[str, object]:
        """How many decisions were made, by severity."""
        return counts.snapshot()

    return app


def _build(rules: str | Path | None, counts: DecisionCounts) -> Engine:
    if rules is None:
        return Engine.default(on_decision=counts)
    return Engine.from_paths(rules, on_decision=counts)


app = create_app()
