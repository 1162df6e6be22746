"""Benchmark: turning decoded ``flow`` resources into `Flow` models.

The page is ``--flows`` copies of the docs' example flow (tests/fixtures/flows/get.json:
a two-step graph, four relationships), each with its own id, decoded once per run by
``Document.parse`` outside the timed region (so every run structures resources whose
relationships were never read, as a list does).

Rows, each the best of ``--repeat`` runs, interleaved so that a noisy neighbour hits them
alike:

* ``floor``: plain dict access of the same fields: every attribute, each graph node's and
  edge's members, the four relationship ids, gathered into a dict per flow.
* ``Flow``: `structure` (the path every list and get takes), per flow.

Prints µs per flow and the ratio to the floor; the target is ≤ 10 µs per flow.

Usage::

    nox -s bench -- models
    python bench/models.py --flows 2000 --repeat 7

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from elasticio.jsonapi import Document
from elasticio.models import Flow
from elasticio.models._declare import structure

FIXTURE = Path(__file__).parent.parent / "tests" / "fixtures" / "flows" / "get.json"
TARGET_US = 10.0


def page(flows: int) -> bytes:
    """A list document of ``flows`` copies of the example flow."""
    example = json.loads(FIXTURE.read_text())["data"]
    data = []
    for number in range(flows):
        resource = copy.deepcopy(example)
        resource["id"] = f"{number:024x}"
        data.append(resource)
    return orjson.dumps({"data": data})


def floor(document: Document) -> list[dict[str, Any]]:
    """The same fields read by hand, nothing checked or converted."""
    out = []
    for resource in document.primary:
        raw = resource._raw
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
        out.append(values)
    return out


def models(document: Document) -> list[Flow]:
    """Every flow as the SDK builds it."""
    return [structure(Flow, document, resource) for resource in document.primary]


def timed(body: bytes, work: Callable[[Document], list[Any]]) -> float:
    """µs per flow of one run of ``work`` on a freshly decoded ``body``."""
    document = Document.parse(body)
    gc.collect()
    start = time.perf_counter()
    built = work(document)
    elapsed = time.perf_counter() - start
    assert len(built) == len(document.primary)
    return elapsed / len(built) * 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--flows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    body = page(args.flows)
    timed(body, floor), timed(body, models)  # warm-up: plans, caches, imports
    best = {"floor": float("inf"), "Flow": float("inf")}
    for _ in range(args.repeat):
        best["floor"] = min(best["floor"], timed(body, floor))
        best["Flow"] = min(best["Flow"], timed(body, models))
    ratio = best["Flow"] / best["floor"]
    verdict = "PASS" if best["Flow"] <= TARGET_US else "FAIL"
    print(f"python {platform.python_version()} on {platform.machine()}, {args.flows} flows,")
    print(f"best of {args.repeat}; command: {' '.join(['python', *sys.argv])}")
    print(f"{'row':<8}{'µs/flow':>10}{'ratio':>8}")
    print(f"{'floor':<8}{best['floor']:>10.2f}{1.0:>8.2f}")
    print(f"{'Flow':<8}{best['Flow']:>10.2f}{ratio:>8.2f}   target ≤ {TARGET_US:g} µs: {verdict}")


if __name__ == "__main__":
    main()
