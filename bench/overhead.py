"""Benchmark: the client CPU per request of the SDK, against aiohttp and plain httpx.

The issue's words: ``GET /v2/flows/{id}`` against the served emulator, client process CPU
per request, at 32 requests in flight and at one; the floor is aiohttp + orjson measured
in the same run. Targets: the SDK's default client <= 1.5 x the floor at 32 in flight and
<= 2 x at one; and (the earlier target, kept) <= 1.25 x plain httpx + json.loads.

* The server is the emulator in a process of its own (``bench/_served.py``, no rate
  limit), so ``time.process_time()`` of this process is the client's CPU alone.
* Every side GETs the same sequence of ids, the seeded flows in turn, from one worker
  pool of N tasks pulling from a shared iterator (the same driver for all).
* The sides (``--sides`` picks some):

  - ``aiohttp``: ``aiohttp.ClientSession`` (Basic auth, a connector limited to N
    connections), ``raise_for_status()`` and ``orjson.loads``: the floor;
  - ``httpx``: ``httpx.AsyncClient`` (Basic auth, the SDK's pool limits) and
    ``orjson.loads``;
  - ``httpx-json``: the same with ``json.loads``, the earlier baseline;
  - ``direct``: ``elasticio.DirectTransport`` alone (an ``httpx.Request`` handed to it,
    the body read, ``orjson.loads``), no SDK: how much of the SDK's figure its default
    transport takes (shown in the table, not a target);
  - ``sdk``: ``AsyncClient()`` as a user makes it (its default transport,
    ``elasticio.DirectTransport``, ``max_concurrency`` 64) calling
    ``client.flows.get(id)``: request building, retries, error mapping, JSON:API
    decoding and the ``Flow`` model;
  - ``sdk-httpcore``: the SDK over httpx's own transport (httpcore, a pool of 64), as
    a user gets it with ``transport=httpx.AsyncHTTPTransport(...)``, and as the
    environment's proxies are reached: recorded as information;
  - ``sdk-pool-N``: the SDK with ``max_concurrency=N``, so a pool of exactly N;
  - ``sdk-nosocket``: the SDK over a transport that answers at once with the
    emulator's bytes for a flow (a ``DirectTransport`` that never opens a socket, so
    the SDK takes its default's path): what the SDK's own layer costs without
    sockets or the server (shown in the table, not a target);
  - ``sdk-core``: the SDK's essential work for ``flows.get`` alone, called piece by
    piece (request, ``DirectTransport``, body under the size cap, decoding, the model),
    without the retry engine, the time limit per attempt, pacing, the concurrency slot
    and the ``Response``: ``sdk`` minus ``sdk-core`` is what those layers cost (shown in
    the table, not a target);
  - ``sdk-ours-aiohttp``: the SDK over its own opt-in ``elasticio.AiohttpTransport``
    (``max_connections`` 64, as the default pool): recorded beside the default, as
    information (no target: an option beside the default);
  - ``sdk-aiohttp``: the SDK over ``httpx_aiohttp.AiohttpTransport`` (the route
    openai-python ships as its aiohttp client): measured, not offered, since it breaks
    the retry rules (docs/performance.md);
  - ``sdk-curl``: the SDK over ``httpx_curl_cffi.AsyncCurlTransport`` (libcurl), left
    out unless that package is installed (it is not in the ``bench`` extra): measured,
    not offered, since a dropped connection escapes the SDK untyped.

  A side whose packages are missing is left out, with a note.
* Each run makes a new client, warms it with ``--warmup`` untimed requests (its
  connections are then open), collects garbage, and times ``--requests`` requests:
  ``time.process_time()`` (CPU, user + system) and ``time.perf_counter()`` (wall).
  ``--rounds`` rounds rotate which side goes first; the best CPU time of each side counts.

``--profile`` adds a cProfile run of each side at the first ``--in-flight`` value
(CPU-time timer, outside the table) and prints where the CPU goes, by package and by
function, per request.

Usage::

    nox -s bench -- overhead
    python bench/overhead.py --requests 3000 --in-flight 32 1 --rounds 3
    python bench/overhead.py --requests 300 --rounds 1   # a smoke run
    python bench/overhead.py --profile --sides sdk httpx --in-flight 32

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import cProfile
import gc
import importlib.metadata
import importlib.util
import itertools
import json
import os
import platform
import pstats
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

import httpcore
import httpx
import orjson
from _report import Figure, record
from _served import ServedProcess

from elasticio import AsyncClient
from elasticio._catalog.v2 import FLOWS_GET
from elasticio._client import pool_limits
from elasticio._direct.transport import DirectTransport
from elasticio._http import build_request, decipher
from elasticio._receive import receive_direct
from elasticio.jsonapi import Resource
from elasticio.models import Flow
from elasticio.models._declare import structure
from elasticio.resources._base import request

BENCHMARK = "overhead"
AT_32 = 1.5  # the targets against aiohttp + orjson: at 32 in flight
AT_1 = 2.0  # ... and at one in flight
MAX_RATIO_PLAIN = 1.25  # the earlier target: SDK <= 1.25 x plain httpx + json.loads

Get = Callable[[str], Awaitable[object]]


class Run(NamedTuple):
    side: str
    in_flight: int
    cpu: float
    wall: float


class Side(Protocol):
    async def get(self, flow_id: str) -> object: ...

    async def aclose(self) -> None: ...


async def drive(get: Get, ids: Iterator[str], in_flight: int) -> None:
    """Call ``get`` for every id, ``in_flight`` at a time."""

    async def worker() -> None:
        for flow_id in ids:
            await get(flow_id)

    await asyncio.gather(*(worker() for _ in range(in_flight)))


def id_sequence(flow_ids: list[str], count: int) -> Iterator[str]:
    return itertools.islice(itertools.cycle(flow_ids), count)


def _check(flow_id: str, got: str) -> None:
    if got != flow_id:
        raise AssertionError(f"asked for {flow_id}, got {got}")


class Aiohttp:
    """aiohttp and orjson, nothing else: the floor."""

    def __init__(self, served: ServedProcess, in_flight: int) -> None:
        import aiohttp

        credentials = base64.b64encode(f"{served.email}:{served.api_key}".encode()).decode()
        self.session = aiohttp.ClientSession(
            base_url=served.base_url,
            headers={"Authorization": f"Basic {credentials}"},
            connector=aiohttp.TCPConnector(limit=in_flight),
        )

    async def get(self, flow_id: str) -> object:
        async with self.session.get(f"/v2/flows/{flow_id}") as response:
            response.raise_for_status()
            body = orjson.loads(await response.read())
        _check(flow_id, body["data"]["id"])
        return body

    async def aclose(self) -> None:
        await self.session.close()


class Httpx:
    """httpx and a JSON parser (orjson, or json.loads for the earlier baseline)."""

    def __init__(
        self, served: ServedProcess, in_flight: int, loads: Callable[[bytes], Any] = orjson.loads
    ) -> None:
        self.loads = loads
        self.http = httpx.AsyncClient(
            base_url=served.base_url,
            auth=httpx.BasicAuth(served.email, served.api_key),
            limits=pool_limits(in_flight),
        )

    async def get(self, flow_id: str) -> object:
        response = await self.http.get(f"/v2/flows/{flow_id}")
        response.raise_for_status()
        body = self.loads(response.content)
        _check(flow_id, body["data"]["id"])
        return body

    async def aclose(self) -> None:
        await self.http.aclose()


class Direct:
    """``DirectTransport`` and orjson, no SDK: the SDK's default transport alone, for how
    much of the SDK's figure is the transport and how much its own work."""

    def __init__(self, served: ServedProcess, in_flight: int) -> None:
        self.transport = DirectTransport(max_connections=64, max_keepalive_connections=64)
        self.base_url = served.base_url
        credentials = base64.b64encode(f"{served.email}:{served.api_key}".encode()).decode()
        self.headers = httpx.Headers({"Authorization": f"Basic {credentials}"})

    async def get(self, flow_id: str) -> object:
        request = httpx.Request("GET", f"{self.base_url}/v2/flows/{flow_id}", headers=self.headers)
        response = await self.transport.handle_async_request(request)
        try:
            if response.status_code != 200:
                raise AssertionError(f"GET {request.url}: {response.status_code}")
            body = orjson.loads(b"".join([part async for part in response.stream]))  # type: ignore[union-attr]
        finally:
            await response.aclose()
        _check(flow_id, body["data"]["id"])
        return body

    async def aclose(self) -> None:
        await self.transport.aclose()


class SDK:
    """elasticio's client.flows.get."""

    def __init__(self, served: ServedProcess, **options: Any) -> None:
        self.client = AsyncClient(
            email=served.email, api_key=served.api_key, base_url=served.base_url, **options
        )

    async def get(self, flow_id: str) -> object:
        flow = await self.client.flows.get(flow_id)
        _check(flow_id, flow.id)
        return flow

    async def aclose(self) -> None:
        await self.client.aclose()


class SDKCore(SDK):
    """The SDK's essential work for ``client.flows.get`` and nothing else: the request
    built from the catalog entry, handed to its ``DirectTransport``, the body read under
    the size cap, deciphered into a document, the ``Flow`` model built. No retry engine,
    no time limit per attempt, no pacing, no concurrency slot, no ``Response``: what those
    layers cost is ``sdk`` minus this."""

    async def get(self, flow_id: str) -> object:
        core = self.client._core
        assert core.direct is not None
        spec = request(FLOWS_GET, flow_id=flow_id)
        sent = build_request(core.config.base_url, spec, headers=core.headers)
        sent.extensions["timeout"] = self.client._timeout.as_dict()
        answer = await receive_direct(
            core.direct,
            sent,
            authorization=core.authorization,
            max_size=core.max_response_size,
        )
        document = decipher(
            method="GET",
            url=str(sent.url),
            status_code=answer.status_code,
            headers=answer.headers,
            content=answer.content,
            retries_taken=0,
            now=datetime.now(UTC),
            accept=frozenset(),
        )
        assert isinstance(document.data, Resource)
        flow = structure(
            Flow, document, document.data, api=self.client.flows, context={"flow_id": flow_id}
        )
        _check(flow_id, flow.id)
        return flow


class Canned(DirectTransport):
    """Answers ``GET /v2/flows/{id}`` at once, with the emulator's answer for one flow
    (its id swapped for the one asked): the SDK alone, no socket. A `DirectTransport`,
    so the client takes the path it takes over its default transport."""

    def __init__(self, served: ServedProcess) -> None:
        super().__init__()
        self.served = served
        self.template: bytes | None = None
        self.template_id = served.flow_ids[0]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.template is None:
            async with httpx.AsyncClient(auth=(self.served.email, self.served.api_key)) as http:
                url = f"{self.served.base_url}/v2/flows/{self.template_id}"
                self.template = (await http.get(url)).raise_for_status().content
        flow_id = request.url.path.rsplit("/", 1)[1]
        body = self.template.replace(self.template_id.encode(), flow_id.encode())
        return httpx.Response(200, headers={"content-type": "application/json"}, content=body)


def _sdk_aiohttp(served: ServedProcess, in_flight: int) -> SDK:
    from httpx_aiohttp import AiohttpTransport

    return SDK(served, transport=AiohttpTransport(limits=pool_limits(64)))


def _sdk_ours_aiohttp(served: ServedProcess, in_flight: int) -> SDK:
    from elasticio import AiohttpTransport

    return SDK(served, transport=AiohttpTransport(max_connections=64))


def _sdk_httpcore(served: ServedProcess, in_flight: int) -> SDK:
    return SDK(served, transport=httpx.AsyncHTTPTransport(limits=pool_limits(64)))


def _sdk_curl(served: ServedProcess, in_flight: int) -> SDK:
    from httpx_curl_cffi import AsyncCurlTransport

    return SDK(served, transport=AsyncCurlTransport(max_connections=64))


class Candidate(NamedTuple):
    make: Callable[[ServedProcess, int], Side]
    needs: tuple[str, ...] = ()


SIDES: dict[str, Candidate] = {
    "aiohttp": Candidate(Aiohttp, ("aiohttp",)),
    "httpx": Candidate(Httpx),
    "httpx-json": Candidate(lambda served, n: Httpx(served, n, json.loads)),
    "direct": Candidate(Direct),
    "sdk": Candidate(lambda served, n: SDK(served)),
    "sdk-pool-N": Candidate(lambda served, n: SDK(served, max_concurrency=n)),
    "sdk-ours-aiohttp": Candidate(_sdk_ours_aiohttp, ("aiohttp",)),
    "sdk-httpcore": Candidate(_sdk_httpcore),
    "sdk-aiohttp": Candidate(_sdk_aiohttp, ("aiohttp", "httpx_aiohttp")),
    "sdk-curl": Candidate(_sdk_curl, ("httpx_curl_cffi",)),
    "sdk-nosocket": Candidate(lambda served, n: SDK(served, transport=Canned(served))),
    "sdk-core": Candidate(lambda served, n: SDKCore(served)),
}


def available(side: str) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in SIDES[side].needs)


async def measure(
    side: str,
    in_flight: int,
    served: ServedProcess,
    args: argparse.Namespace,
    profile: cProfile.Profile | None,
) -> Run:
    client = SIDES[side].make(served, in_flight)
    try:
        await drive(client.get, id_sequence(served.flow_ids, args.warmup), in_flight)
        ids = id_sequence(served.flow_ids, args.requests)
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        if profile is not None:
            profile.enable()
        await drive(client.get, ids, in_flight)
        if profile is not None:
            profile.disable()
        return Run(side, in_flight, time.process_time() - cpu, time.perf_counter() - wall)
    finally:
        await client.aclose()


async def benchmark(served: ServedProcess, args: argparse.Namespace) -> list[Run]:
    runs = []
    for in_flight in args.in_flight:
        for number in range(args.rounds):
            shift = number % len(args.sides)
            for side in args.sides[shift:] + args.sides[:shift]:
                run = await measure(side, in_flight, served, args, None)
                runs.append(run)
                print(
                    f"  {in_flight:>3} in flight, round {number + 1}, {side:<16}: "
                    f"cpu {run.cpu:.3f} s, wall {run.wall:.3f} s",
                    flush=True,
                )
    return runs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Client CPU per request: SDK versus peers.")
    parser.add_argument(
        "--requests", type=int, default=3000, help="timed GETs per run (default: 3000)"
    )
    parser.add_argument(
        "--in-flight",
        type=int,
        nargs="+",
        default=[32, 1],
        help="requests in flight, one table each (default: 32 1)",
    )
    parser.add_argument(
        "--warmup", type=int, default=300, help="untimed GETs before each run (default: 300)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs of each side; the best counts (default: 3)"
    )
    parser.add_argument(
        "--sides",
        nargs="+",
        choices=list(SIDES),
        default=list(SIDES),
        help="which clients to run (default: all that are installed)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile each side and show where CPU goes"
    )
    args = parser.parse_args(argv)
    if min(args.requests, *args.in_flight, args.rounds) < 1 or args.warmup < 0:
        parser.error("requests, in-flight and rounds must be at least 1")
    return args


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = [side for side in args.sides if not available(side)]
    args.sides = [side for side in args.sides if side not in missing]
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"platform: {platform.platform()}, {os.cpu_count()} cores, load {_load()}")
    print(
        f"httpx {httpx.__version__}, httpcore {httpcore.__version__}, sniffio: {_sniffio()}, "
        f"aiohttp {_version('aiohttp')}, httpx-aiohttp {_version('httpx-aiohttp')}, "
        f"orjson {orjson.__version__}"
    )
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(
        f"{args.requests:,} GET /v2/flows/{{id}} per run, in flight: {args.in_flight}, "
        f"{args.warmup:,} warm-up requests, {args.rounds} rounds; server in a separate process"
    )
    if missing:
        print(f"left out, not installed (pip install elasticio[bench]): {', '.join(missing)}")
    print()

    with ServedProcess() as served:
        runs = asyncio.run(benchmark(served, args))
        profiles: dict[str, cProfile.Profile] = {}
        if args.profile:
            for side in args.sides:
                profiles[side] = cProfile.Profile(time.process_time)
                asyncio.run(measure(side, args.in_flight[0], served, args, profiles[side]))
    print(f"  server: {served.summary.get('by_route')}")

    n = args.requests
    best: dict[tuple[str, int], float] = {}
    for in_flight in args.in_flight:
        print()
        print(f"{in_flight} in flight:")
        print()
        print(
            "| client           | best CPU s | median CPU s | CPU us/request | x aiohttp "
            "| requests/s |"
        )
        print(
            "|------------------|-----------:|-------------:|---------------:|----------:"
            "|-----------:|"
        )
        mine = {
            side: [r for r in runs if r.side == side and r.in_flight == in_flight]
            for side in args.sides
        }
        for side in args.sides:
            best[side, in_flight] = min(run.cpu for run in mine[side])
        floor = best.get(("aiohttp", in_flight))
        for side in args.sides:
            cpus = sorted(run.cpu for run in mine[side])
            wall = min(run.wall for run in mine[side])
            ratio = f"{best[side, in_flight] / floor:.2f}" if floor else "-"
            print(
                f"| {side:<16} | {best[side, in_flight]:>10.3f} | {cpus[len(cpus) // 2]:>12.3f} |"
                f" {best[side, in_flight] / n * 1e6:>14.0f} | {ratio:>9} | {n / wall:>10.0f} |"
            )
    print()
    _record(best, n)
    for side, profile in profiles.items():
        print()
        print(
            f"Profile of {side} at {args.in_flight[0]} in flight "
            "(CPU time; cProfile inflates every figure, compare shares):"
        )
        print(_breakdown(profile, n))
    return 0


def _record(best: dict[tuple[str, int], float], requests: int) -> None:
    """The issue's figures, in microseconds of client CPU per request."""

    def us(side: str, in_flight: int) -> float:
        return best[side, in_flight] / requests * 1e6

    for in_flight, target in ((32, AT_32), (1, AT_1)):
        for side, work, side_target in (
            ("sdk", "client CPU per GET /v2/flows/{id}", target),
            ("direct", "DirectTransport + orjson alone, no SDK", None),
            ("sdk-core", "the SDK's essential work alone (no retries, limits, pacing)", None),
            ("sdk-httpcore", "SDK over httpx's own transport (opt-in)", None),
            ("sdk-ours-aiohttp", "SDK over AiohttpTransport (opt-in)", None),
            ("sdk-aiohttp", "SDK over httpx-aiohttp (not offered)", None),
        ):
            if (side, in_flight) in best and ("aiohttp", in_flight) in best:
                record(
                    Figure(
                        benchmark=BENCHMARK,
                        work=f"{work}, {in_flight} in flight",
                        value=us(side, in_flight),
                        floor=us("aiohttp", in_flight),
                        floor_name="aiohttp + orjson",
                        unit="us",
                        target=side_target,
                    )
                )
    if ("sdk", 32) in best and ("httpx-json", 32) in best:
        record(
            Figure(
                benchmark=BENCHMARK,
                work="client CPU per GET /v2/flows/{id}, 32 in flight",
                value=us("sdk", 32),
                floor=us("httpx-json", 32),
                floor_name="plain httpx + json.loads",
                unit="us",
                target=MAX_RATIO_PLAIN,
            )
        )


def _sniffio() -> str:
    # Without sniffio, httpcore (1.0.9) retries a failed import on every lock it makes:
    # a cost per request that both sides pay (encode/httpcore#1102).
    try:
        import sniffio
    except ImportError:
        return "absent"
    return f"installed, {sniffio.__version__}"


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


# Where a function's own time is counted: the first prefix its file path contains.
GROUPS = (
    ("elasticio/jsonapi", "elasticio.jsonapi (decode)"),
    ("elasticio/models", "elasticio.models (Flow)"),
    ("elasticio/resources", "elasticio.resources"),
    ("elasticio/_retry", "elasticio._retry"),
    ("elasticio/_http", "elasticio._http"),
    ("elasticio/_client", "elasticio._client"),
    ("elasticio/_direct", "elasticio._direct (transport)"),
    ("elasticio/", "elasticio, other"),
    ("tenacity", "tenacity"),
    ("cattrs", "cattrs"),
    ("attr", "attrs"),
    ("httpx_aiohttp", "httpx-aiohttp"),
    ("aiohttp", "aiohttp"),
    ("multidict", "aiohttp"),
    ("yarl", "aiohttp"),
    ("httpx", "httpx"),
    ("httpcore", "httpcore"),
    ("h11", "h11"),
    ("anyio", "anyio"),
    ("importlib", "importlib (failed imports)"),
    ("asyncio", "asyncio"),
    ("orjson", "orjson"),
    ("json", "json"),
    ("datetime", "datetime"),
    ("email", "email.utils"),
)


def _group(filename: str, name: str) -> str:
    for prefix, label in GROUPS:
        if prefix in filename:
            return label
    if filename == "~":  # a built-in: named after what it is
        for prefix, label in GROUPS:
            if prefix in name:
                return label
        return "built-ins"
    return "other"


def _breakdown(profile: cProfile.Profile, requests: int) -> str:
    stats: Any = pstats.Stats(profile)
    total = stats.total_tt
    groups: dict[str, float] = {}
    functions = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        label = _group(filename, name)
        groups[label] = groups.get(label, 0.0) + own
        functions.append((own, cumulative, calls, f"{_short(filename)}:{line}({name})"))
    lines = [f"total {total:.3f} s, {total / requests * 1e6:.0f} us per request", ""]
    lines.append("| own time by package          |  us/req | share |")
    lines.append("|------------------------------|--------:|------:|")
    for label, own in sorted(groups.items(), key=lambda item: -item[1]):
        lines.append(f"| {label:<28} | {own / requests * 1e6:>7.1f} | {own / total:>5.0%} |")
    lines.append("")
    lines.append(f"| {'top functions by own time':<65} | calls/req | own us/req | cum us/req |")
    lines.append(f"|{'-' * 67}|----------:|-----------:|-----------:|")
    for own, cumulative, calls, where in sorted(functions, reverse=True)[:20]:
        lines.append(
            f"| {where[-65:]:<65} | {calls / requests:>9.1f} | {own / requests * 1e6:>10.1f} |"
            f" {cumulative / requests * 1e6:>10.1f} |"
        )
    return "\n".join(lines)


def _short(filename: str) -> str:
    for marker in ("site-packages/", "src/", "lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


if __name__ == "__main__":
    sys.exit(main())
