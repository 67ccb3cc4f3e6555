"""`GET /health` answers from memory on the event loop: a liveness check must not queue behind the
calls that hold every worker thread (under the load of 300 stations its p99 was that queue, 0.2-0.8 s)."""

from __future__ import annotations

import asyncio
import threading

import anyio.to_thread
import httpx
from starlette.concurrency import run_in_threadpool

from app.api.server import Server
from app.centre.service import Centre, make_app
from app.services.backend import Backend
from tests.store_fixtures import shared_catalog

WORKER_THREADS = 2  # anyio's 40, cut down so that the test can take them all


def test_health_answers_while_every_worker_thread_is_taken(world):
    app = make_app(Centre(Server(Backend.over(world.db, shared_catalog(), sweep=False)), b"", ["https://centre:8443"]))
    release = threading.Event()

    async def health_while_busy() -> httpx.Response:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        busy = [asyncio.ensure_future(run_in_threadpool(release.wait, 30)) for _ in range(WORKER_THREADS)]
        try:
            await asyncio.sleep(0.05)  # the calls have taken their threads
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://centre") as client:
                return await asyncio.wait_for(client.get("/health"), 5)
        finally:
            release.set()
            await asyncio.gather(*busy)

    response = asyncio.run(health_while_busy())
    assert response.status_code == 200 and response.json()["status"] == "ok"
