"""Benchmark: the emulator's server CPU per request, against a trivial Starlette app.

The issue's words: the emulator's server CPU per request is <= 2x a trivial Starlette app
returning bytes of the same size, for one flow and for a page of 50, at 300 and at 50,000
flows.

* ``emulator``: `elasticio.testing.Emulator` with its seed (300 flows) or with flows added
  to the shared workspace up to 50,000, through its Python API. ``GET /v2/flows/{id}``
  cycles over 500 flows of that workspace; ``GET /v2/flows?workspace_id=...`` over its
  full pages 1 to 20 (50 flows a page, the default), signed in as the seeded owner.
* ``starlette``: a `starlette.applications.Starlette` with the same two routes, each
  answering the bytes the emulator gave for the first request of that kind (the same
  size), from a module constant.
* By default each app is served the issue's way: by uvicorn in a process of its own on
  loopback, both with the emulator's own server configuration (the one
  ``serve_emulator`` and ``elasticio emulator serve`` use: uvicorn picks httptools when it
  is installed, else h11; ``--http`` forces one for both), driven by one keep-alive httpx
  client here, one request at a time. The figure is the server process's CPU (the
  scheduler's run time of its threads, ``/proc/<pid>/task/*/schedstat``, nanoseconds)
  per request, uvicorn's own parsing and writing included on both sides. Linux only.
* ``--in-process`` calls both apps in this process as plain ASGI applications instead
  (no socket, no server): a ready-made ``scope``, a ``receive`` that hands over an empty
  body and a ``send`` that keeps the answer; ``time.process_time()`` around a batch of
  calls is then the app's own CPU. For profiling: ``--profile DIR`` writes a cProfile of
  the served emulator's process (or of the in-process calls) to ``DIR``.
* Each measurement runs ``--requests`` calls after ``--warmup`` untimed ones;
  ``--rounds`` rounds alternate which side goes first, the best CPU time of each counts.

Usage::

    nox -s bench -- emulator
    python bench/emulator.py                                          # the issue's workload
    python bench/emulator.py --requests 200 --rounds 1 --sizes 300    # a smoke run
    python bench/emulator.py --in-process --profile /tmp/prof --sizes 50000

The machine may be shared: figures are noisy, best-of-rounds damps that. The exit status
is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import cProfile
import gc
import glob
import itertools
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from _report import Figure, record
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from elasticio.testing import Emulator

MAX_RATIO = 2.0  # the target: emulator CPU <= 2 x a trivial Starlette app
PAGES = 20
ONES = 500
WORKS = ("GET one flow", "GET a page of 50")
# Adding flows takes about 0.2 ms each on an idle machine; a watchdog ends a server that
# has not announced itself within this.
STARTUP_TIMEOUT = 60.0
STARTUP_PER_FLOW = 0.005

App = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


# ---------------------------------------------------------------------------------------
# The two apps


def trivial_app(one: bytes, page: bytes) -> Starlette:
    """Two routes answering fixed bytes: the floor for a Python ASGI app."""

    async def get_flow(request: Request) -> Response:
        return Response(one, media_type="application/json")

    async def list_flows(request: Request) -> Response:
        return Response(page, media_type="application/json")

    return Starlette(
        routes=[Route("/v2/flows/{flow_id}", get_flow), Route("/v2/flows", list_flows)]
    )


def emulator_with(flows: int) -> tuple[Emulator, str, list[str], list[str]]:
    """An emulator with ``flows`` flows in all (the seed's 300, then more in the shared
    workspace); its owner's Authorization header and the paths of the two kinds of
    request (up to `ONES` flows, the full pages up to `PAGES`)."""
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
    ones = [f"/v2/flows/{flow_id}" for flow_id in ids[:ONES]]
    pages = [
        f"/v2/flows?workspace_id={seed.workspace_id}&page[number]={n}"
        for n in range(1, min(PAGES, len(ids) // 50) + 1)  # full pages only
    ]
    return emulator, authorization, ones, pages


# ---------------------------------------------------------------------------------------
# Served: a server process per app


def serve(args: argparse.Namespace) -> None:
    """The server process: serve one app on a free loopback port until SIGTERM, after
    printing one JSON line (port, protocol, and for the emulator what to ask for)."""
    from elasticio.testing._serve import _bind, _Server, _uvicorn_config

    announcement: dict[str, Any] = {}
    app: Any
    if args.serve == "emulator":
        emulator, authorization, ones, pages = emulator_with(max(args.sizes[0], 300))
        app = emulator.app
        announcement.update(authorization=authorization, ones=ones, pages=pages)
    else:
        bodies = Path(args.bodies)
        app = trivial_app((bodies / "one").read_bytes(), (bodies / "page").read_bytes())
    config = _uvicorn_config(app, "warning")
    if args.http != "auto":
        config.http = args.http
    config.load()
    server = _Server(config, on_started=lambda: None)
    sock = _bind("127.0.0.1", 0, allow_remote=False)
    announcement.update(port=sock.getsockname()[1], http=config.http_protocol_class.__name__)
    # CPU time, not wall time: the server waits for the client between requests.
    profiler = cProfile.Profile(time.process_time) if args.profile else None

    async def run() -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, lambda: setattr(server, "should_exit", True))
        announcement["loop"] = type(loop).__module__
        print(json.dumps(announcement), flush=True)
        if profiler is not None:
            profiler.enable()
        await server.serve(sockets=[sock])

    asyncio.run(run())
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(os.path.join(args.profile, f"{args.serve}-{args.sizes[0]}.prof"))


class ServerProcess:
    """This script run with ``--serve SIDE``; its announcement; stopped on exit."""

    def __init__(self, side: str, flows: int, args: argparse.Namespace, bodies: str) -> None:
        command = [sys.executable, __file__, "--serve", side, "--sizes", str(flows)]
        command += ["--bodies", bodies, "--http", args.http]
        if args.profile:
            command += ["--profile", args.profile]
        # This very script, run by this very interpreter: no outside input in the command.
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
        assert self.process.stdout is not None
        # readline() cannot time out; a timer kills a server that never gets going.
        watchdog = threading.Timer(STARTUP_TIMEOUT + flows * STARTUP_PER_FLOW, self.process.kill)
        watchdog.start()
        try:
            line = self.process.stdout.readline()
        finally:
            watchdog.cancel()
        if not line:
            self.stop()
            raise RuntimeError(f"the {side} server ended before it was listening")
        self.announcement: dict[str, Any] = json.loads(line)
        self.base_url = f"http://127.0.0.1:{self.announcement['port']}"

    def cpu_ns(self) -> int:
        """The process's CPU time so far: its threads' run time, in nanoseconds."""
        total = 0
        for path in glob.glob(f"/proc/{self.process.pid}/task/*/schedstat"):
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # thread ended
                total += int(Path(path).read_text().split()[0])
        return total

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def measure_served(flows: int, args: argparse.Namespace) -> list[tuple[str, float, float, int]]:
    """(work, emulator µs, starlette µs, answer bytes) for one flow and for a page, each
    app served by uvicorn in its own process, both running, measured in turn."""
    import httpx

    with tempfile.TemporaryDirectory() as bodies:
        emulator = ServerProcess("emulator", flows, args, bodies)
        starlette: ServerProcess | None = None
        try:
            said = emulator.announcement
            headers = {"authorization": said["authorization"]}
            paths = dict(zip(WORKS, (said["ones"], said["pages"]), strict=True))
            clients = {"emulator": httpx.Client(base_url=emulator.base_url, headers=headers)}
            for work, name in zip(WORKS, ("one", "page"), strict=True):
                answer = clients["emulator"].get(paths[work][0])
                answer.raise_for_status()
                Path(bodies, name).write_bytes(answer.content)
            starlette = ServerProcess("starlette", flows, args, bodies)
            clients["starlette"] = httpx.Client(base_url=starlette.base_url, headers=headers)
            servers = {"emulator": emulator, "starlette": starlette}
            print(
                f"{flows:,} flows: uvicorn with {said['http']} on {said['loop']} (emulator), "
                f"{starlette.announcement['http']} on {starlette.announcement['loop']} (floor)"
            )
            rows = []
            for work in WORKS:
                best = dict.fromkeys(servers, float("inf"))
                sizes = set()
                for side in servers:
                    cycle = itertools.cycle(paths[work])
                    for _ in range(args.warmup):
                        response = clients[side].get(next(cycle))
                        assert response.status_code == 200, response.status_code
                        sizes.add(len(response.content))
                for round_ in range(args.rounds):
                    order = list(servers) if round_ % 2 == 0 else list(reversed(servers))
                    for side in order:
                        client, cycle = clients[side], itertools.cycle(paths[work])
                        before = servers[side].cpu_ns()
                        for _ in range(args.requests):
                            client.get(next(cycle))
                        best[side] = min(best[side], servers[side].cpu_ns() - before)
                per = {side: best[side] / args.requests / 1e3 for side in best}
                rows.append((work, per["emulator"], per["starlette"], max(sizes)))
            for client in clients.values():
                client.close()
        finally:
            emulator.stop()
            if starlette is not None:
                starlette.stop()
    return rows


# ---------------------------------------------------------------------------------------
# In process: the apps called as ASGI applications


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
    """(work, emulator µs, starlette µs, answer bytes) for one flow and for a page, both
    apps called in this process."""
    emulator, authorization, ones, pages = emulator_with(flows)
    kinds = {
        work: [scope(*path.partition("?")[::2], authorization) for path in paths]
        for work, paths in zip(WORKS, (ones, pages), strict=True)
    }
    profiler = cProfile.Profile() if args.profile else None
    loop = asyncio.new_event_loop()
    try:
        bodies = {w: loop.run_until_complete(call(emulator.app, s[0]))[1] for w, s in kinds.items()}
        floor = trivial_app(*bodies.values())
        rows = []
        for work, scopes in kinds.items():
            best = {"emulator": float("inf"), "starlette": float("inf")}
            apps: dict[str, App] = {"emulator": emulator.app, "starlette": floor}
            for round_ in range(args.rounds):
                order = list(apps) if round_ % 2 == 0 else list(reversed(apps))
                for side in order:
                    if profiler is not None and side == "emulator":
                        profiler.enable()
                    cpu = loop.run_until_complete(
                        timed(apps[side], itertools.cycle(scopes), args.requests, args.warmup)
                    )
                    if profiler is not None:
                        profiler.disable()
                    best[side] = min(best[side], cpu)
            per = {side: best[side] / args.requests * 1e6 for side in best}
            rows.append((work, per["emulator"], per["starlette"], len(bodies[work])))
    finally:
        loop.close()
    if profiler is not None:
        profiler.dump_stats(os.path.join(args.profile, f"in-process-{flows}.prof"))
    return rows


# ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="timed calls per run")
    parser.add_argument("--warmup", type=int, default=200, help="untimed calls first")
    parser.add_argument("--rounds", type=int, default=3, help="runs per side; best counts")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[300, 50_000], help="flows in all (>= 300)"
    )
    parser.add_argument(
        "--in-process", action="store_true", help="call the apps in process, no server"
    )
    parser.add_argument(
        "--http",
        choices=("auto", "h11", "httptools"),
        default="auto",
        help="uvicorn's HTTP parser for both servers (auto: httptools when installed)",
    )
    parser.add_argument("--profile", metavar="DIR", help="write cProfile stats of the emulator")
    parser.add_argument("--serve", choices=("emulator", "starlette"), help=argparse.SUPPRESS)
    parser.add_argument("--bodies", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args)
        return
    if min(args.requests, args.rounds, *args.sizes) < 1 or args.warmup < 0:
        parser.error("--requests, --rounds and --sizes must be positive, --warmup >= 0")
    if args.profile:
        os.makedirs(args.profile, exist_ok=True)
    how = "in process (ASGI calls)" if args.in_process else "served by uvicorn on loopback"
    print(
        f"emulator server CPU per request, {how}, {args.requests:,} calls "
        f"per run, best of {args.rounds}; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {sys.platform}"
    )
    rows = []
    for flows in args.sizes:
        run = measure if args.in_process else measure_served
        rows += [(flows, *row) for row in run(max(flows, 300), args)]
    header = f"{'flows':>7} | {'work':<17} | {'emulator':>10} | {'starlette':>10} | "
    print(header + f"{'ratio':>6} | {'bytes':>6} | target")
    for flows, work, ours, floor, size in rows:
        ratio = ours / floor
        verdict = "PASS" if ratio <= MAX_RATIO else "FAIL"
        print(
            f"{flows:>7,} | {work:<17} | {ours:>8.0f}µs | {floor:>8.0f}µs | "
            f"{ratio:>5.2f}x | {size:>6,} | <= {MAX_RATIO}x {verdict}"
        )
    where = "in process" if args.in_process else "served"
    for flows, work, ours, floor, _size in rows:
        record(
            Figure(
                benchmark="emulator",
                work=f"server CPU, {work}, {flows:,} flows ({where})",
                value=ours,
                floor=floor,
                floor_name="trivial Starlette",
                unit="µs",
                target=MAX_RATIO,
            )
        )


if __name__ == "__main__":
    main()
