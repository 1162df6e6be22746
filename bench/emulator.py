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
* ``--served`` measures the issue's way instead: each app served by uvicorn (its default
  HTTP implementation) in a process of its own on loopback, driven by one keep-alive
  httpx client here, one request at a time; the figure is the server process's CPU
  (user + system from ``/proc/<pid>/stat``, 10 ms ticks) per request, uvicorn's own
  parsing and writing included on both sides. Linux only.
* Each measurement runs ``--requests`` calls after ``--warmup`` untimed ones with the GC
  collected beforehand; ``--rounds`` rounds alternate which side goes first, the best CPU
  time of each side counts.

Usage::

    nox -s bench -- emulator
    python bench/emulator.py --requests 2000 --rounds 3
    python bench/emulator.py --requests 200 --rounds 1 --sizes 300   # a smoke run
    python bench/emulator.py --served --requests 3000

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
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
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


def serve(side: str, flows: int) -> None:
    """Serve the emulator or its floor on a free loopback port until killed; print the
    port, the Authorization header and the paths to ask for."""
    import uvicorn

    emulator, authorization, ids = emulator_with(flows)
    workspace = emulator.seed.workspace_id
    one = f"/v2/flows/{ids[0]}"
    pages = [
        f"/v2/flows?workspace_id={workspace}&page[number]={n}"
        for n in range(1, min(PAGES, len(ids) // 50) + 1)
    ]
    app: Any = emulator.app
    if side == "starlette":
        loop = asyncio.new_event_loop()
        _, one_body = loop.run_until_complete(call(app, scope(one, "", authorization)))
        path, _, query = pages[0].partition("?")
        _, page_body = loop.run_until_complete(call(app, scope(path, query, authorization)))
        loop.close()
        app = trivial_app(one_body, page_body)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], authorization, " ".join(f"/v2/flows/{i}" for i in ids[:500]))
    print(" ".join(pages), flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def measure_served(flows: int, args: argparse.Namespace) -> list[tuple[str, float, float, int]]:
    """As `measure`, with each app served by uvicorn in its own process."""
    import httpx

    tick = 1e6 / os.sysconf("SC_CLK_TCK")
    per: dict[tuple[str, str], float] = {}
    sizes: dict[str, int] = {}
    for side in ("emulator", "starlette"):
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, __file__, "--serve", side, "--sizes", str(flows)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            port, authorization_scheme, credentials, *ones = server.stdout.readline().split()
            pages = server.stdout.readline().split()
            headers = {"authorization": f"{authorization_scheme} {credentials}"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
                for work, paths in (("GET one flow", ones), ("GET a page of 50", pages)):
                    cycle = itertools.cycle(paths)
                    for _ in range(args.warmup):
                        assert client.get(next(cycle)).status_code == 200
                    best = float("inf")
                    for _ in range(args.rounds):
                        before = _cpu_ticks(server.pid)
                        for _ in range(args.requests):
                            response = client.get(next(cycle))
                        best = min(best, (_cpu_ticks(server.pid) - before) * tick)
                    per[work, side] = best / args.requests
                    sizes[work] = len(response.content)
        finally:
            server.terminate()
            server.wait()
    return [
        (work, per[work, "emulator"], per[work, "starlette"], sizes[work])
        for work in ("GET one flow", "GET a page of 50")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="timed calls per run")
    parser.add_argument("--warmup", type=int, default=200, help="untimed calls first")
    parser.add_argument("--rounds", type=int, default=3, help="runs per side; best counts")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[300, 50_000], help="flows in all (>= 300)"
    )
    parser.add_argument("--served", action="store_true", help="over loopback, uvicorn")
    parser.add_argument("--serve", choices=("emulator", "starlette"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, max(args.sizes[0], 300))
        return
    if min(args.requests, args.rounds, *args.sizes) < 1 or args.warmup < 0:
        parser.error("--requests, --rounds and --sizes must be positive, --warmup >= 0")
    how = "served by uvicorn on loopback" if args.served else "in process (ASGI calls)"
    print(
        f"emulator server CPU per request, {how}, {args.requests:,} calls "
        f"per run, best of {args.rounds}; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {sys.platform}"
    )
    header = f"{'flows':>7} | {'work':<17} | {'emulator':>10} | {'starlette':>10} | "
    print(header + f"{'ratio':>6} | {'bytes':>6} | target")
    failed = False
    for flows in args.sizes:
        run = measure_served if args.served else measure
        for work, ours, floor, size in run(max(flows, 300), args):
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
