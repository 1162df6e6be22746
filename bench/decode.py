"""Benchmark: decode a large JSON:API compound document and follow every relationship.

The document (bench/_compound.py) lists ``flow`` resources with their users, components
and the components' latest versions. Every row does the same work on the same bytes:
parse them, then read each flow's user's ``email``, each component's ``name`` and each
latest version's ``version_number``, summed into a checksum that must agree across rows.

Rows:

* ``json.loads``: the standard library parsing the bytes, collector running, nothing
  else. Context: what a plain program pays.
* ``orjson, gc paused``: orjson parsing the bytes with the collector paused. Context: the
  parsing share of every row below.
* ``floor``: the fair floor the targets use: orjson with the collector paused, one dict
  index of ``(type, id)`` over ``data`` and ``included``, and the same reads as plain
  dict lookups.
* ``elasticio``: ``Document.parse`` plus ``Document.related`` for every relationship, the
  collector as the SDK leaves it (``Document.parse`` pauses it by itself for bodies of
  256 KiB and more).
* ``json-api-doc``: orjson, ``json_api_doc.deserialize``, then dict lookups.
* ``jsonapi-client``: orjson, ``Session.read`` (offline: every target is in
  ``included``, so no request is made), then ``relationships[...].resource(s)``.

The floor and the two packages run with the collector paused from start to end; it is
enabled again once the clock has stopped, so none of them pays a collection inside it.

Timing: CPU time of this process (``time.process_time``, so other jobs on a shared
machine do not count) around one run; the best of ``--repeat`` runs (the packages:
``--competitor-repeat``), after one untimed warm-up of every row on a 1,000-flow document,
rows interleaved run by run. A full collection runs before each run, outside the clock,
and the decoded objects stay alive until the clock has stopped, so no row pays for
freeing them. ``full gc after s`` (the median, not timed into the row): one full
collection right after each run with its result still alive, what a program holding the
data pays when the collector next makes a full pass. ``of best: system s`` and ``minor
faults``: what the kernel spent on the best run (its part of the CPU time, mostly the
faults that map fresh memory in), from ``getrusage``: a machine whose faults cost more at
a larger heap shows it here, in every row alike.

Targets (the issue's, recorded for the summary table): elasticio at most 1.3 x the floor
at each size; elasticio at the largest size at most 1.05 x (largest / smallest) its time
at the smallest (10.5 x for 10,000 and 100,000 flows); each package at least 5 x
elasticio's time at each size.

Usage::

    nox -s bench -- decode                  # --sizes 10000 100000 --repeat 5
    python bench/decode.py --sizes 10000 --repeat 3
    python bench/decode.py --libraries floor elasticio

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import orjson
from _compound import expected_checksum, generate
from _report import Figure, record

from elasticio.jsonapi import Document, Resource

BASE_URL = "https://api.elastic.io/v2"

MAX_RATIO_TO_FLOOR = 1.3
MIN_SPEEDUP_OVER_PACKAGES = 5.0
MAX_GROWTH_SLACK = 1.05  # 10x the flows may take at most 10.5x the time

Work = Callable[[bytes], tuple[int | None, Any]]

# --- the work of each row -------------------------------------------------------------------
# Each returns (checksum or None, the decoded objects); the caller keeps the objects alive
# until the clock has stopped, and enables the collector again after that.


def run_json_loads(body: bytes) -> tuple[int | None, Any]:
    return None, json.loads(body)


def run_orjson_gc_paused(body: bytes) -> tuple[int | None, Any]:
    gc.disable()
    return None, orjson.loads(body)


def run_floor(body: bytes) -> tuple[int | None, Any]:
    gc.disable()
    document = orjson.loads(body)
    index = {}
    for resource in document["data"]:
        index[resource["type"], resource["id"]] = resource
    for resource in document["included"]:
        index[resource["type"], resource["id"]] = resource
    total = 0
    for flow in document["data"]:
        relationships = flow["relationships"]
        user = relationships["user"]["data"]
        total += len(index[user["type"], user["id"]]["attributes"]["email"])
        for linkage in relationships["components"]["data"]:
            component = index[linkage["type"], linkage["id"]]
            total += len(component["attributes"]["name"])
            latest = component["relationships"]["latest_version"]["data"]
            total += index[latest["type"], latest["id"]]["attributes"]["version_number"]
    return total, (document, index)


def run_elasticio(body: bytes) -> tuple[int | None, Any]:
    doc = Document.parse(body)
    related = doc.related
    total = 0
    flows = doc.data
    assert isinstance(flows, tuple)
    for flow in flows:
        user = related(flow, "user")
        assert isinstance(user, Resource)
        total += len(user.attributes["email"])
        components = related(flow, "components")
        assert isinstance(components, list)
        for component in components:
            total += len(component.attributes["name"])
            latest = related(component, "latest_version")
            assert isinstance(latest, Resource)
            total += latest.attributes["version_number"]
    return total, doc


def run_json_api_doc(body: bytes) -> tuple[int | None, Any]:
    import json_api_doc

    gc.disable()
    flows = json_api_doc.deserialize(orjson.loads(body))
    total = 0
    for flow in flows:
        total += len(flow["user"]["email"])
        for component in flow["components"]:
            total += len(component["name"])
            total += component["latest_version"]["version_number"]
    return total, flows


def run_jsonapi_client(body: bytes) -> tuple[int | None, Any]:
    import jsonapi_client

    gc.disable()
    # A synchronous session never opens a connection by itself; related resources are
    # looked up in the session's cache, which Session.read fills from 'included'.
    session = jsonapi_client.Session(BASE_URL)
    doc = session.read(orjson.loads(body))
    total = 0
    for flow in doc.resources:
        relationships = flow.relationships
        total += len(relationships["user"].resource.attributes["email"])
        for component in relationships["components"].resources:
            total += len(component.attributes["name"])
            latest = component.relationships["latest_version"].resource
            total += latest.attributes["version_number"]
    return total, (session, doc)


FLOOR = "floor"
OURS = "elasticio"
PACKAGES = {"json-api-doc": "json_api_doc", "jsonapi-client": "jsonapi_client"}
ROWS: dict[str, Work] = {
    "json.loads": run_json_loads,
    "orjson, gc paused": run_orjson_gc_paused,
    FLOOR: run_floor,
    OURS: run_elasticio,
    "json-api-doc": run_json_api_doc,
    "jsonapi-client": run_jsonapi_client,
}
FLOOR_NAME = "floor: orjson, gc paused, dict index, same reads"

# --- measuring ------------------------------------------------------------------------------


class Row(NamedTuple):
    """The measurements of one row at one size."""

    name: str
    flows: int
    times: list[float]
    collections: list[float]
    kernel: list[tuple[float, int]]  # per run: system CPU seconds, minor page faults

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def best_kernel(self) -> tuple[float, int]:
        """The system CPU and minor faults of the best run."""
        return self.kernel[self.times.index(self.best)]


def time_once(work: Work, body: bytes) -> tuple[float, float, int | None, tuple[float, int]]:
    """CPU seconds of one run, then of a full collection with its result still alive; and
    what the kernel spent on the run (system CPU seconds, minor page faults)."""
    gc.collect()
    before = _kernel()
    started = time.process_time()
    checksum, decoded = work(body)
    elapsed = time.process_time() - started
    after = _kernel()
    kernel = (after[0] - before[0], after[1] - before[1])
    gc.enable()
    started = time.process_time()
    gc.collect()
    collection = time.process_time() - started
    del decoded
    gc.collect()
    return elapsed, collection, checksum, kernel


def _kernel() -> tuple[float, int]:
    """This process's system CPU seconds and minor page faults so far (zeros where the
    platform does not tell)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0, 0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_stime, usage.ru_minflt


def missing(name: str) -> str | None:
    """Why row ``name`` cannot run here, or None."""
    module = PACKAGES.get(name)
    if module is None:
        return None
    try:
        __import__(module)
    except ImportError as exc:
        return f"not installed ({exc}); install the 'bench' extra"
    return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        metavar="FLOWS",
        help="numbers of primary resources (default: 10000 100000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per row (default: 5)")
    parser.add_argument(
        "--competitor-repeat",
        type=int,
        default=3,
        metavar="N",
        help="runs for json-api-doc and jsonapi-client (default: 3)",
    )
    parser.add_argument(
        "--libraries", nargs="+", choices=list(ROWS), default=list(ROWS), help="rows to run"
    )
    parser.add_argument("--seed", type=int, default=2026, help="generator seed (default: 2026)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.competitor_repeat < 1:
        parser.error("repeats must be at least 1")
    if any(size < 10 for size in args.sizes):
        parser.error("sizes must be at least 10 flows")
    args.sizes = sorted(set(args.sizes))
    return args


def measure(size: int, names: list[str], args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    """Every row at one size, runs interleaved; also any checksum that disagrees."""
    document = generate(size, seed=args.seed)
    expected = expected_checksum(document)
    body = orjson.dumps(document)
    included = len(document["included"])
    del document
    gc.collect()
    print(
        f"{size:,} flows: {len(body) / 1e6:.1f} MB, {size:,} primary + {included:,}"
        f" included resources, checksum {expected}",
        flush=True,
    )
    rows = {name: Row(name, size, [], [], []) for name in names}
    wrong = []
    for turn in range(max(args.repeat, args.competitor_repeat)):
        for name in names:
            if turn >= (args.competitor_repeat if name in PACKAGES else args.repeat):
                continue
            elapsed, collection, checksum, kernel = time_once(ROWS[name], body)
            rows[name].times.append(elapsed)
            rows[name].collections.append(collection)
            rows[name].kernel.append(kernel)
            if checksum is not None and checksum != expected:
                wrong.append(f"{name} at {size:,} flows gave {checksum}, expected {expected}")
    for row in rows.values():
        print(f"  {row.name:<17} best {row.best:8.3f} s of {len(row.times)}", flush=True)
    return list(rows.values()), wrong


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"platform: {platform.platform()}, {os.cpu_count()} cores")
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print()
    names = [name for name in ROWS if name in args.libraries]
    for name in list(names):
        reason = missing(name)
        if reason is not None:
            print(f"{name}: skipped, {reason}")
            names.remove(name)

    warm = orjson.dumps(generate(1_000, seed=args.seed))
    for name in names:
        time_once(ROWS[name], warm)
    del warm

    rows: list[Row] = []
    wrong: list[str] = []
    for size in args.sizes:
        measured, disagreeing = measure(size, names, args)
        rows += measured
        wrong += disagreeing
    print()
    print(table(rows))
    print()
    best = {(row.name, row.flows): row.best for row in rows}
    for figure in figures(args.sizes, best):
        record(figure)
    for line in wrong:
        print(f"[FAIL] checksum: {line}")
    if not wrong:
        print("[PASS] checksum: every row that ran read the same values")
    return 0


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, with each row's ratio to the floor."""
    best = {(row.name, row.flows): row.best for row in rows}
    lines = [
        "| row               |   flows | runs |   best s | median s | x floor | full gc after s "
        "| of best: system s | minor faults |",
        "|-------------------|--------:|-----:|---------:|---------:|--------:|----------------:"
        "|------------------:|-------------:|",
    ]
    for row in rows:
        floor = best.get((FLOOR, row.flows))
        ratio = f"{row.best / floor:.2f}" if floor else "n/a"
        system, faults = row.best_kernel
        lines.append(
            f"| {row.name:<17} | {row.flows:>7,} | {len(row.times):>4} | {row.best:>8.3f} | "
            f"{statistics.median(row.times):>8.3f} | {ratio:>7} | "
            f"{statistics.median(row.collections):>15.3f} | {system:>17.3f} | {faults:>12,} |"
        )
    return "\n".join(lines)


def figures(sizes: list[int], best: dict[tuple[str, int], float]) -> list[Figure]:
    """The issue's targets, from the best times of the rows that ran."""
    result = []
    for size in sizes:
        ours = best.get((OURS, size))
        floor = best.get((FLOOR, size))
        if ours is not None and floor is not None:
            result.append(
                Figure(
                    "decode",
                    f"Document.parse + reads, {size:,} flows",
                    ours,
                    floor,
                    FLOOR_NAME,
                    "s CPU",
                    MAX_RATIO_TO_FLOOR,
                )
            )
    small, large = sizes[0], sizes[-1]
    if small != large and (OURS, small) in best and (OURS, large) in best:
        result.append(
            Figure(
                "decode",
                f"growth, {large:,} flows against {small:,}",
                best[OURS, large],
                best[OURS, small],
                f"elasticio at {small:,} flows",
                "s CPU",
                round(MAX_GROWTH_SLACK * large / small, 2),
            )
        )
    for size in sizes:
        for name in PACKAGES:
            if (OURS, size) in best and (name, size) in best:
                result.append(
                    Figure(
                        "decode",
                        f"speed-up over {name} (orjson, gc paused), {size:,} flows",
                        best[name, size],
                        best[OURS, size],
                        "elasticio",
                        "s CPU",
                        MIN_SPEEDUP_OVER_PACKAGES,
                        at_most=False,
                    )
                )
    return result


if __name__ == "__main__":
    sys.exit(main())
