"""Benchmark: iterate every flow of a large workspace, page by page, over a socket.

The emulator runs in a process of its own (bench/_served.py) on loopback with
``--flows`` flows (default 50,000) added to one workspace. Each row lists them all at
``page[size]=--page-size`` (default 1,000):

* ``httpx+orjson``: the floor: ``httpx.AsyncClient`` with ``orjson.loads``, following
  ``meta.total_pages`` one page after the other, reading each flow's ``id``.
* ``sdk``: ``client.flows.list(workspace_id, page_size=...)``, one model per flow, with
  the default fetch ahead (one page).
* ``sdk prefetch=0``: the same, each page fetched only when reached (for context).

Wall time is the best of ``--repeat`` runs, rows interleaved so that a noisy neighbour
hits them alike. Peak memory (``tracemalloc``, one run each, not timed) is shown for
discarding each item once read and for keeping them all (the plain row keeps the decoded
dicts, the SDK rows the models).

Usage::

    nox -s bench -- paging
    python bench/paging.py --flows 50000 --page-size 1000 --repeat 3

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import platform
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import orjson
from _report import Figure, record
from _served import ServedProcess

from elasticio import AsyncClient

TARGET = 1.3  # sdk wall time over the floor's


async def plain(served: ServedProcess, workspace_id: str, size: int, keep: bool) -> int:
    kept: list[Any] = []
    count = 0
    async with httpx.AsyncClient(
        base_url=served.base_url, auth=httpx.BasicAuth(served.email, served.api_key)
    ) as http:
        number, total = 1, 1
        while number <= total:
            response = await http.get(
                "/v2/flows",
                params={
                    "workspace_id": workspace_id,
                    "page[size]": size,
                    "page[number]": number,
                },
            )
            response.raise_for_status()
            body = orjson.loads(response.content)
            for flow in body["data"]:
                count += flow["id"] is not None
                if keep:
                    kept.append(flow)
            total = body["meta"]["total_pages"]
            number += 1
    return count


def sdk(prefetch: int) -> Callable[[ServedProcess, str, int, bool], Awaitable[int]]:
    async def run(served: ServedProcess, workspace_id: str, size: int, keep: bool) -> int:
        kept: list[Any] = []
        count = 0
        async with AsyncClient(
            email=served.email, api_key=served.api_key, base_url=served.base_url
        ) as client:
            flows = client.flows.list(workspace_id, page_size=size, prefetch=prefetch)
            async for flow in flows:
                count += flow.id is not None
                if keep:
                    kept.append(flow)
        return count

    return run


FLOOR = "httpx+orjson"
ROWS = {FLOOR: plain, "sdk": sdk(1), "sdk prefetch=0": sdk(0)}


async def workspace_of(served: ServedProcess) -> str:
    async with AsyncClient(
        email=served.email, api_key=served.api_key, base_url=served.base_url
    ) as client:
        flow = await client.flows.get(served.flow_ids[0])
    assert flow.workspace_id is not None
    return flow.workspace_id


def wall(row: Any, served: ServedProcess, workspace_id: str, size: int, flows: int) -> float:
    gc.collect()
    start = time.perf_counter()
    count = asyncio.run(row(served, workspace_id, size, False))
    elapsed = time.perf_counter() - start
    assert count == flows, (count, flows)
    return elapsed


def peak(row: Any, served: ServedProcess, workspace_id: str, size: int, keep: bool) -> float:
    """Peak traced memory in MiB of one run."""
    gc.collect()
    tracemalloc.start()
    try:
        asyncio.run(row(served, workspace_id, size, keep))
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--flows", type=int, default=50_000)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with ServedProcess(add_flows=args.flows) as served:
        workspace_id = asyncio.run(workspace_of(served))
        best = dict.fromkeys(ROWS, float("inf"))
        for _ in range(args.repeat):
            for name, row in ROWS.items():
                seconds = wall(row, served, workspace_id, args.page_size, args.flows)
                best[name] = min(best[name], seconds)
        memory = {
            (name, keep): peak(row, served, workspace_id, args.page_size, keep)
            for name, row in ROWS.items()
            for keep in (False, True)
        }
    floor = best[FLOOR]
    print(f"python {platform.python_version()} on {platform.machine()}; {args.flows} flows,")
    print(
        f"page[size]={args.page_size}, best of {args.repeat}; command: python {' '.join(sys.argv)}"
    )
    print(f"{'row':<16}{'wall s':>8}{'ratio':>7}{'discard MiB':>13}{'keep MiB':>10}")
    for name in ROWS:
        print(
            f"{name:<16}{best[name]:>8.2f}{best[name] / floor:>7.2f}"
            f"{memory[name, False]:>13.1f}{memory[name, True]:>10.1f}"
        )
    work = f"{args.flows:,} flows, page[size]={args.page_size}"
    record(Figure("paging", f"{work}, wall", best["sdk"], floor, FLOOR, "s", TARGET))
    for keep, items in ((False, "discarding"), (True, "keeping")):
        record(
            Figure(
                "paging",
                f"{work}, peak memory {items} the items",
                memory["sdk", keep],
                memory[FLOOR, keep],
                FLOOR,
                "MiB",
                None,
            )
        )


if __name__ == "__main__":
    main()
