"""Benchmark: the client CPU the SDK spends per request, against plain httpx.

The issue's words: 5,000 GET /v2/flows/{id} at 32 in flight against one loopback server,
SDK versus plain httpx.AsyncClient + json.loads, client process CPU time.
Target: <= 1.25 x.

* The server is the emulator in a process of its own (``bench/_served.py``, no rate
  limit), so ``time.process_time()`` of this process is the client's CPU alone.
* Both sides GET the same sequence of ids, the 300 seeded flows in turn, from one worker
  pool of ``--in-flight`` tasks pulling from a shared iterator (the same driver for both).
* ``plain``: ``httpx.AsyncClient(base_url=..., auth=(email, key), limits=the SDK's
  pool_limits(in_flight))``, then ``response.raise_for_status()`` and
  ``json.loads(response.content)``.
* ``sdk``: ``AsyncClient(max_concurrency=in_flight)`` with its default retry policy, then
  ``client.flows.get(id)``: request building, retries, error mapping, JSON:API decoding and
  the ``Flow`` model.
* Each run makes a new client, warms it with ``--warmup`` untimed requests (its
  connections are then open), collects garbage, and times ``--requests`` requests:
  ``time.process_time()`` (CPU, user + system) and ``time.perf_counter()`` (wall).
  ``--rounds`` rounds alternate which side goes first; the best CPU time of each side
  counts.

``--profile`` adds a cProfile run of each side (CPU-time timer, outside the table) and
prints where the CPU goes, by package and by function, per request.

Usage::

    nox -s bench -- overhead
    python bench/overhead.py --requests 5000 --in-flight 32 --rounds 3
    python bench/overhead.py --requests 500 --rounds 1   # a smoke run
    python bench/overhead.py --profile

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import itertools
import json
import os
import platform
import pstats
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, NamedTuple

import httpcore
import httpx
from _served import ServedProcess

from elasticio import AsyncClient
from elasticio._client import pool_limits

MAX_RATIO = 1.25  # the target: SDK CPU <= 1.25 x plain httpx + json.loads

Get = Callable[[str], Awaitable[object]]


class Run(NamedTuple):
    side: str
    cpu: float
    wall: float


async def drive(get: Get, ids: Iterator[str], in_flight: int) -> None:
    """Call ``get`` for every id, ``in_flight`` at a time."""

    async def worker() -> None:
        for flow_id in ids:
            await get(flow_id)

    await asyncio.gather(*(worker() for _ in range(in_flight)))


def id_sequence(flow_ids: list[str], count: int) -> Iterator[str]:
    return itertools.islice(itertools.cycle(flow_ids), count)


class Plain:
    """httpx and json.loads, nothing else."""

    name = "plain"

    def __init__(self, served: ServedProcess, in_flight: int) -> None:
        self.http = httpx.AsyncClient(
            base_url=served.base_url,
            auth=httpx.BasicAuth(served.email, served.api_key),
            limits=pool_limits(in_flight),
        )

    async def get(self, flow_id: str) -> object:
        response = await self.http.get(f"/v2/flows/{flow_id}")
        response.raise_for_status()
        body = json.loads(response.content)
        if body["data"]["id"] != flow_id:
            raise AssertionError(f"asked for {flow_id}, got {body['data']['id']}")
        return body

    async def aclose(self) -> None:
        await self.http.aclose()


class SDK:
    """elasticio's client.flows.get."""

    name = "sdk"

    def __init__(self, served: ServedProcess, in_flight: int) -> None:
        self.client = AsyncClient(
            email=served.email,
            api_key=served.api_key,
            base_url=served.base_url,
            max_concurrency=in_flight,
        )

    async def get(self, flow_id: str) -> object:
        flow = await self.client.flows.get(flow_id)
        if flow.id != flow_id:
            raise AssertionError(f"asked for {flow_id}, got {flow.id}")
        return flow

    async def aclose(self) -> None:
        await self.client.aclose()


SIDES: dict[str, Callable[[ServedProcess, int], Plain | SDK]] = {"plain": Plain, "sdk": SDK}


async def measure(
    side: str, served: ServedProcess, args: argparse.Namespace, profile: cProfile.Profile | None
) -> Run:
    client = SIDES[side](served, args.in_flight)
    try:
        await drive(client.get, id_sequence(served.flow_ids, args.warmup), args.in_flight)
        ids = id_sequence(served.flow_ids, args.requests)
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        if profile is not None:
            profile.enable()
        await drive(client.get, ids, args.in_flight)
        if profile is not None:
            profile.disable()
        return Run(side, time.process_time() - cpu, time.perf_counter() - wall)
    finally:
        await client.aclose()


async def benchmark(served: ServedProcess, args: argparse.Namespace) -> list[Run]:
    runs = []
    for number in range(args.rounds):
        order = ["plain", "sdk"] if number % 2 == 0 else ["sdk", "plain"]
        for side in order:
            run = await measure(side, served, args, None)
            runs.append(run)
            print(
                f"  round {number + 1}, {side:<5}: cpu {run.cpu:.3f} s, wall {run.wall:.3f} s",
                flush=True,
            )
    return runs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Client CPU per request: SDK versus httpx.")
    parser.add_argument(
        "--requests", type=int, default=5000, help="timed GETs per run (default: 5000)"
    )
    parser.add_argument(
        "--in-flight", type=int, default=32, help="requests in flight (default: 32)"
    )
    parser.add_argument(
        "--warmup", type=int, default=500, help="untimed GETs before each run (default: 500)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs of each side; the best counts (default: 3)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile each side and show where CPU goes"
    )
    args = parser.parse_args(argv)
    if min(args.requests, args.in_flight, args.rounds) < 1 or args.warmup < 0:
        parser.error("requests, in-flight and rounds must be at least 1")
    return args


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"platform: {platform.platform()}, {os.cpu_count()} cores, load {_load()}")
    print(f"httpx {httpx.__version__}, httpcore {httpcore.__version__}, sniffio: {_sniffio()}")
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(
        f"{args.requests:,} GET /v2/flows/{{id}} per run, {args.in_flight} in flight, "
        f"{args.warmup:,} warm-up requests, {args.rounds} rounds; server in a separate process"
    )
    print()

    with ServedProcess() as served:
        runs = asyncio.run(benchmark(served, args))
        profiles: dict[str, cProfile.Profile] = {}
        if args.profile:
            for side in SIDES:
                profiles[side] = cProfile.Profile(time.process_time)
                asyncio.run(measure(side, served, args, profiles[side]))
    print(f"  server: {served.summary.get('by_route')}")
    print()

    best = {side: min(run.cpu for run in runs if run.side == side) for side in SIDES}
    n = args.requests
    print("| client      | best CPU s | median CPU s | CPU us/request | best wall s | requests/s |")
    print("|-------------|-----------:|-------------:|---------------:|------------:|-----------:|")
    for side in SIDES:
        mine = sorted(run for run in runs if run.side == side)
        cpus = sorted(run.cpu for run in mine)
        wall = min(run.wall for run in mine)
        print(
            f"| {side:<11} | {best[side]:>10.3f} | {cpus[len(cpus) // 2]:>12.3f} |"
            f" {best[side] / n * 1e6:>14.0f} | {wall:>11.3f} | {n / wall:>10.0f} |"
        )
    ratio = best["sdk"] / best["plain"]
    extra = (best["sdk"] - best["plain"]) / n * 1e6
    print()
    print("Targets")
    print(
        f"  [{verdict(ratio <= MAX_RATIO)}] SDK client CPU is {ratio:.3f} x plain httpx +"
        f" json.loads ({extra:+.0f} us per request; target <= {MAX_RATIO})"
    )
    for side, profile in profiles.items():
        print()
        print(f"Profile of {side} (CPU time; cProfile inflates every figure, compare shares):")
        print(_breakdown(profile, n))
    return 0


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
    ("elasticio/", "elasticio, other"),
    ("tenacity", "tenacity"),
    ("cattrs", "cattrs"),
    ("attr", "attrs"),
    ("httpx", "httpx"),
    ("httpcore", "httpcore"),
    ("h11", "h11"),
    ("anyio", "anyio"),
    ("importlib", "importlib (failed imports)"),
    ("asyncio", "asyncio"),
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
