"""Benchmark: turning decoded ``flow`` resources into `Flow` models.

A page is ``--page-size`` copies of the docs' example flow (tests/fixtures/flows/get.json:
a two-step graph, four relationships), each with its own id. ``--pages`` such pages are
decoded by ``Document.parse`` before anything is timed, so that every page structures
resources whose relationships were never read, as a list does.

Rows, each timed page by page, the rows interleaved on every page so that a noisy
neighbour hits them alike; the figure is the best page (the median is printed too):

* ``floor``: plain dict access of the same fields: every attribute, each graph node's and
  edge's members, the four relationship ids, gathered into a dict per flow.
* ``Flow``: `structure` (the path every list and get takes), per flow.
* ``page floor``: ``orjson.loads`` of a page's bytes, then the floor's reads.
* ``page``: ``Document.parse`` of a page's bytes, then a `Flow` per item: what the models
  and decoding layers cost a list page.

Records the issue's target, at most 10 µs per `Flow`, as an absolute budget, and for
information the ratio to the floor and the cost of a whole page.

Usage::

    nox -s bench -- models
    python bench/models.py --pages 400 --page-size 50

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from _report import Figure, record

from elasticio.jsonapi import Document
from elasticio.models import Flow
from elasticio.models._declare import structure

FIXTURE = Path(__file__).parent.parent / "tests" / "fixtures" / "flows" / "get.json"
BUDGET_US = 10.0


def page(flows: int) -> bytes:
    """A list document of ``flows`` copies of the example flow."""
    example = json.loads(FIXTURE.read_text())["data"]
    data = []
    for number in range(flows):
        resource = copy.deepcopy(example)
        resource["id"] = f"{number:024x}"
        data.append(resource)
    return orjson.dumps({"data": data})


def reads(raw: dict[str, Any]) -> dict[str, Any]:
    """The floor's work on one raw flow: its fields read by hand, nothing checked."""
    values = dict(raw["attributes"])
    graph = values["graph"]
    values["graph"] = (
        [dict(node) for node in graph["nodes"]],
        [dict(edge) for edge in graph["edges"]],
    )
    relationships = raw["relationships"]
    for name in ("user", "workspace", "latest_version", "draft"):
        linked = relationships.get(name, {}).get("data")
        values[name] = None if linked is None else linked["id"]
    values["id"] = raw["id"]
    return values


def floor(document: Document) -> list[dict[str, Any]]:
    """The same fields read by hand from a decoded document."""
    return [reads(resource._raw) for resource in document.primary]


def models(document: Document) -> list[Flow]:
    """Every flow as the SDK builds it."""
    return [structure(Flow, document, resource) for resource in document.primary]


def page_floor(body: bytes) -> list[dict[str, Any]]:
    """A page as a user could read it without the SDK."""
    return [reads(raw) for raw in orjson.loads(body)["data"]]


def page_models(body: bytes) -> list[Flow]:
    """A page as the SDK decodes and builds it."""
    return models(Document.parse(body))


def timed(work: Callable[[Any], list[Any]], given: Any) -> float:
    """Seconds of one run of ``work`` on ``given``; what it built stays alive until the
    clock has stopped, so no row pays for freeing it."""
    start = time.perf_counter()
    built = work(given)
    elapsed = time.perf_counter() - start
    assert built
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--page-size", type=int, default=50)
    args = parser.parse_args(argv)
    size = args.page_size
    body = page(size)
    documents = [Document.parse(body) for _ in range(args.pages)]
    for work, given in ((floor, documents[0]), (models, documents[0])):
        timed(work, given)  # warm-up: plans, generated builders, imports
    timed(page_floor, body), timed(page_models, body)
    runs: dict[str, list[float]] = {"floor": [], "Flow": [], "page floor": [], "page": []}
    gc.collect()
    for document in documents:
        runs["floor"].append(timed(floor, document) / size * 1e6)
        runs["Flow"].append(timed(models, document) / size * 1e6)
        runs["page floor"].append(timed(page_floor, body) * 1e6)
        runs["page"].append(timed(page_models, body) * 1e6)
    best = {row: min(values) for row, values in runs.items()}
    median = {row: statistics.median(values) for row, values in runs.items()}
    print(f"python {platform.python_version()} on {platform.machine()}, pages of {size} flows,")
    print(f"{args.pages} pages, best and median page; command: {' '.join(['python', *sys.argv])}")
    print(f"{'row':<12}{'unit':>10}{'best':>10}{'median':>10}{'ratio':>8}")
    for row, unit, base in (
        ("floor", "µs/flow", "floor"),
        ("Flow", "µs/flow", "floor"),
        ("page floor", "µs/page", "page floor"),
        ("page", "µs/page", "page floor"),
    ):
        ratio = best[row] / best[base]
        print(f"{row:<12}{unit:>10}{best[row]:>10.2f}{median[row]:>10.2f}{ratio:>8.2f}")
    record(
        Figure(
            "models",
            "one Flow from a decoded document (µs per flow)",
            value=best["Flow"],
            floor=BUDGET_US,
            floor_name="budget",
            unit="µs",
            target=1.0,
        )
    )
    record(
        Figure(
            "models",
            "one Flow against reading its fields into a dict",
            value=best["Flow"],
            floor=best["floor"],
            floor_name="dict reads",
            unit="µs",
            target=None,
        )
    )
    record(
        Figure(
            "models",
            f"a page of {size} flows: decode and build",
            value=best["page"],
            floor=best["page floor"],
            floor_name="orjson + dict reads",
            unit="µs",
            target=None,
        )
    )


if __name__ == "__main__":
    main()
