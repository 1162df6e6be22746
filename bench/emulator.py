"""Benchmark: the emulator's server CPU per request, against a trivial Starlette app.

The issue's words: the emulator's server CPU per request is <= 2x a trivial Starlette app
returning bytes of the same size, for one flow and for a page of 50, at 300 and at 50,000
flows.

* Both apps are called in this process as plain ASGI applications (no socket, no server):
  a ready-made ``scope``, a ``receive`` that hands over an empty body and a ``send`` that
  keeps the answer. ``time.process_time()`` around a batch of calls is then the app's own
  CPU, with none of a server's or a client's; both sides pay the same tiny driver.
* ``emulator``: `elasticio.testing.Emulator` with its seed (300 flows) or with flows added
  to the shared workspace up to 50,000, through its Python API. ``GET /v2/flows/{id}``
  cycles over flows of that workspace; ``GET /v2/flows?workspace_id=...`` asks for the
  full pages among 1 to 20 in turn (50 flows a page, the default), signed in as the seeded owner.
* ``starlette``: a `starlette.applications.Starlette` with the same two routes, each
  answering the bytes the emulator gave for the first request of that kind (the same
  size), from a module constant.
* Each measurement runs ``--requests`` calls after ``--warmup`` untimed ones with the GC
  collected beforehand; ``--rounds`` rounds alternate which side goes first, the best CPU
  time of each side counts.

Usage::

    nox -s bench -- emulator
    python bench/emulator.py --requests 2000 --rounds 3
    python bench/emulator.py --requests 200 --rounds 1 --sizes 300   # a smoke run

The machine may be shared: figures are noisy, best-of-rounds damps that. The exit status
is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import itertools
import os
import platform
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from elasticio.testing import Emulator

MAX_RATIO = 2.0  # the target: emulator CPU <= 2 x a trivial Starlette app
PAGES = 20

App = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def scope(path: str, query: str, authorization: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"accept", b"application/json"),
            (b"authorization", authorization.encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }


async def _receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def call(app: App, request_scope: dict[str, Any]) -> tuple[int, bytes]:
    """One request through ``app``: its status and body."""
    status, chunks = 0, []

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            chunks.append(message.get("body", b""))

    await app(request_scope, _receive, send)
    return status, b"".join(chunks)


def trivial_app(one: bytes, page: bytes) -> Starlette:
    """Two routes answering fixed bytes: the floor for a Python ASGI app."""

    async def get_flow(request: Request) -> Response:
        return Response(one, media_type="application/json")

    async def list_flows(request: Request) -> Response:
        return Response(page, media_type="application/json")

    return Starlette(
        routes=[Route("/v2/flows/{flow_id}", get_flow), Route("/v2/flows", list_flows)]
    )


def emulator_with(flows: int) -> tuple[Emulator, str, list[str]]:
    """An emulator with ``flows`` flows in all (the seed's 300, then more in the shared
    workspace); its owner's Authorization header and that workspace's flow ids."""
    emulator = Emulator()
    platform, seed = emulator.platform, emulator.seed
    graph = platform.flows[seed.flow_id].graph
    for number in range(flows - len(platform.flows)):
        platform.add_flow(
            workspace_id=seed.workspace_id,
            user_id=seed.owner.id,
            name=f"Benchmark flow {number:05d}",
            description="Added by bench/emulator.py",
            graph=graph,
        )
    email, key = emulator.credentials
    authorization = "Basic " + base64.b64encode(f"{email}:{key}".encode()).decode()
    ids = [f.id for f in platform.flows.values() if f.workspace_id == seed.workspace_id]
    return emulator, authorization, ids


async def timed(app: App, scopes: Iterator[dict[str, Any]], n: int, warmup: int) -> float:
    """CPU seconds for ``n`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        status, _body = await call(app, next(scopes))
        assert status == 200, status
    gc.collect()
    started = time.process_time()
    for _ in range(n):
        await call(app, next(scopes))
    return time.process_time() - started


def measure(flows: int, args: argparse.Namespace) -> list[tuple[str, float, float, int]]:
    """(work, emulator µs, starlette µs, answer bytes) for one flow and for a page."""
    emulator, authorization, ids = emulator_with(flows)
    workspace = emulator.seed.workspace_id
    one_scopes = [scope(f"/v2/flows/{i}", "", authorization) for i in ids[: args.requests]]
    page_scopes = [
        scope("/v2/flows", f"workspace_id={workspace}&page[number]={n}", authorization)
        for n in range(1, min(PAGES, len(ids) // 50) + 1)  # full pages only
    ]
    loop = asyncio.new_event_loop()
    try:
        _, one = loop.run_until_complete(call(emulator.app, one_scopes[0]))
        _, page = loop.run_until_complete(call(emulator.app, page_scopes[0]))
        floor = trivial_app(one, page)
        rows = []
        for work, scopes, size in (
            ("GET one flow", one_scopes, len(one)),
            ("GET a page of 50", page_scopes, len(page)),
        ):
            best = {"emulator": float("inf"), "starlette": float("inf")}
            apps: dict[str, App] = {"emulator": emulator.app, "starlette": floor}
            for round_ in range(args.rounds):
                order = list(apps) if round_ % 2 == 0 else list(reversed(apps))
                for side in order:
                    cpu = loop.run_until_complete(
                        timed(apps[side], itertools.cycle(scopes), args.requests, args.warmup)
                    )
                    best[side] = min(best[side], cpu)
            per = {side: best[side] / args.requests * 1e6 for side in best}
            rows.append((work, per["emulator"], per["starlette"], size))
    finally:
        loop.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="timed calls per run")
    parser.add_argument("--warmup", type=int, default=200, help="untimed calls first")
    parser.add_argument("--rounds", type=int, default=3, help="runs per side; best counts")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[300, 50_000], help="flows in all (>= 300)"
    )
    args = parser.parse_args()
    if min(args.requests, args.rounds, *args.sizes) < 1 or args.warmup < 0:
        parser.error("--requests, --rounds and --sizes must be positive, --warmup >= 0")
    print(
        f"emulator server CPU per request, in process (ASGI calls), {args.requests:,} calls "
        f"per run, best of {args.rounds}; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {sys.platform}"
    )
    header = f"{'flows':>7} | {'work':<17} | {'emulator':>10} | {'starlette':>10} | "
    print(header + f"{'ratio':>6} | {'bytes':>6} | target")
    failed = False
    for flows in args.sizes:
        for work, ours, floor, size in measure(max(flows, 300), args):
            ratio = ours / floor
            verdict = "PASS" if ratio <= MAX_RATIO else "FAIL"
            failed |= verdict == "FAIL"
            print(
                f"{flows:>7,} | {work:<17} | {ours:>8.0f}µs | {floor:>8.0f}µs | "
                f"{ratio:>5.2f}x | {size:>6,} | <= {MAX_RATIO}x {verdict}"
            )
    print("overall:", "FAIL" if failed else "PASS")


if __name__ == "__main__":
    main()
