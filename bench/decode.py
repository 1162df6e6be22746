"""Benchmark: decode a large JSON:API compound document and follow every relationship.

The document is a list of ``flow`` resources as the elastic.io API would return it with
``include=user,components,components.latest_version``. Each flow links one ``user``
(shared: one user per ten flows) and three ``component`` resources (unique to the flow),
and each component links its ``latest_version``. Every library does the same work on the
same bytes: parse them, then read the user's email, each component's name and each latest
version's ``version_number``, summed into a checksum that must agree across libraries.

Rows:

* ``json.loads``: the standard library parsing the bytes and nothing else (the floor).
* ``orjson.loads``: the parser ``Document.parse`` uses, for context; not a target.
* ``orjson, gc paused``: the same with the collector paused, as ``Document.parse`` does
  for large bodies: the share of the ``elasticio`` row that is parsing. Context only.
* ``elasticio``: ``Document.parse`` plus ``Document.related`` for every relationship.
* ``json-api-doc``: ``json.loads`` then ``json_api_doc.deserialize``, then dict lookups.
* ``jsonapi-client``: ``json.loads`` then ``Session.read`` (offline: every target is in
  ``included``, so no request is made), then ``relationships[...].resource(s)``.

Timing: ``time.perf_counter`` around one run, best of ``--repeat`` runs (the two
packages: ``--competitor-repeat``, default 3, as one run of theirs takes a minute or two
at 100,000 flows), after one untimed warm-up of every row on a 1,000-flow document. The
garbage collector is left at its default for every row except the context row above
(``Document.parse`` pauses it by itself for bodies of 256 KiB and more); a full
collection runs between runs, outside the timed region. The decoded objects are kept
alive until the clock has stopped, so no row pays for freeing them.

Untimed but reported (``full gc after s``, the median): one full collection right after
each run, its result still alive. A program holding the decoded data pays that whenever
the collector next makes a full pass; it is not part of the targets.

Usage::

    nox -s bench -- decode                  # the defaults: --sizes 10000 100000 --repeat 5
    nox -s bench -- decode --sizes 10000 --repeat 3
    python bench/decode.py --libraries json.loads elasticio

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import orjson

from elasticio.jsonapi import Document, Resource

BASE_URL = "https://api.elastic.io/v2"
USERS_PER_FLOW = 0.1
COMPONENTS_PER_FLOW = 3

# Targets from the issue.
MAX_RATIO_TO_JSON_LOADS = 1.5
MIN_SPEEDUP_OVER_COMPETITORS = 5.0
MAX_GROWTH_SLACK = 1.1  # 10x the flows may take at most 11x the time

FIRST_NAMES = ("Ada", "Bo", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo")
LAST_NAMES = ("Ng", "Olsen", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Umar", "Vogel")
REPOS = (
    ("http-component", ("httpRequestAction", "httpReplyAction")),
    ("rest-api-component-v2", ("httpRequestAction", "httpRequestTrigger")),
    ("mapper", ("map",)),
    ("timer", ("timer",)),
    ("email", ("send",)),
    ("salesforce-component", ("lookupObject", "upsertObject", "getUpdatedObjects")),
    ("sftp-component", ("upload", "download", "poll")),
    ("jsonata", ("transform",)),
    ("splitter", ("split",)),
    ("csv-component", ("read", "write")),
)
STATUSES = ("active", "inactive", "starting", "stopping")


# --- the document ------------------------------------------------------------------------


def _object_id(rng: random.Random) -> str:
    """A 24-hex-digit id, the shape of the platform's ids."""
    return f"{rng.getrandbits(96):024x}"


def _revision(rng: random.Random) -> str:
    """A 40-hex-digit git revision, the id of a component version."""
    return f"{rng.getrandbits(160):040x}"


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _user(rng: random.Random, number: int, epoch: datetime) -> dict[str, Any]:
    user_id = _object_id(rng)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    registered = epoch + timedelta(minutes=rng.randrange(500_000))
    return {
        "type": "user",
        "id": user_id,
        "links": {"self": f"/v2/users/{user_id}"},
        "attributes": {
            "first_name": first,
            "last_name": last,
            "email": f"{first.lower()}.{last.lower()}.{number}@example.com",
            "company": f"Company {number % 97}",
            "registered": _iso(registered),
            "last_login": _iso(registered + timedelta(minutes=rng.randrange(100_000))),
        },
    }


def _component_and_version(
    rng: random.Random, repo: str, team: str, epoch: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    component_id = _object_id(rng)
    revision = _revision(rng)
    built = epoch + timedelta(seconds=rng.randrange(30_000_000))
    version = {
        "type": "version",
        "id": revision,
        "links": {"self": f"/v2/components/{component_id}/versions/{revision}"},
        "attributes": {
            "date": int(built.timestamp() * 1000),
            "version_number": rng.randrange(1, 400),
        },
        "relationships": {
            "descriptor": {
                "links": {
                    "related": f"/v2/components/{component_id}/versions/{revision}/descriptor"
                }
            }
        },
    }
    component = {
        "type": "component",
        "id": component_id,
        "links": {"self": f"/v2/components/{component_id}"},
        "attributes": {
            "name": repo,
            "team_name": team,
            "access": rng.choice(("team", "tenant", "global")),
            "docker_repo_name": f"{team}/{repo}",
            "docker_target_tag": "latest",
        },
        "relationships": {
            "team": {"data": {"type": "team", "id": team}},
            "versions": {"links": {"related": f"/v2/components/{component_id}/versions"}},
            "latest_version": {"data": {"type": "version", "id": revision}},
        },
    }
    return component, version


def _flow(
    rng: random.Random,
    number: int,
    user_id: str,
    steps: list[tuple[str, str, str]],
    epoch: datetime,
) -> dict[str, Any]:
    flow_id = _object_id(rng)
    created = epoch + timedelta(minutes=rng.randrange(500_000))
    updated = created + timedelta(minutes=rng.randrange(50_000))
    nodes = [
        {
            "id": f"step_{position}",
            "command": f"elasticio/{repo}:{action}",
            "name": "",
            "description": "",
            "fields": {},
        }
        for position, (_, repo, action) in enumerate(steps, start=1)
    ]
    edges = [
        {
            "source": f"step_{position}",
            "target": f"step_{position + 1}",
            "config": {"mapper_type": "jsonata", "mapper": {}, "condition": None},
        }
        for position in range(1, len(steps))
    ]
    realtime = rng.random() < 0.2
    return {
        "type": "flow",
        "id": flow_id,
        "links": {"self": f"/v2/flows/{flow_id}"},
        "attributes": {
            "name": f"Flow {number}: {steps[0][1]} to {steps[-1][1]}",
            "description": None,
            "type": "long_running" if realtime else "ordinary",
            "status": rng.choice(("active", "inactive")),
            "current_status": rng.choice(STATUSES),
            "cron": None if realtime else f"*/{rng.choice((3, 5, 15, 60))} * * * *",
            "default_mapper_type": "jsonata",
            "created_at": _iso(created),
            "updated_at": _iso(updated),
            "last_modified": _iso(updated),
            "graph": {"nodes": nodes, "edges": edges},
        },
        "relationships": {
            "user": {
                "data": {"type": "user", "id": user_id},
                "links": {"self": f"/v2/users/{user_id}"},
            },
            "components": {
                "data": [{"type": "component", "id": component_id} for component_id, _, _ in steps]
            },
        },
    }


def generate(flows: int, *, seed: int) -> dict[str, Any]:
    """A compound document of ``flows`` flows with their users, components and versions.

    The same ``flows`` and ``seed`` always give the same document.
    """
    rng = random.Random(f"{seed}:{flows}")
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    users = [_user(rng, number, epoch) for number in range(max(1, int(flows * USERS_PER_FLOW)))]
    included: list[dict[str, Any]] = list(users)
    data = []
    for number in range(flows):
        team = f"team-{rng.randrange(50)}"
        steps = []
        for _ in range(COMPONENTS_PER_FLOW):
            repo, actions = rng.choice(REPOS)
            component, version = _component_and_version(rng, repo, team, epoch)
            included += (component, version)
            steps.append((component["id"], repo, rng.choice(actions)))
        user_id = users[number % len(users)]["id"]
        data.append(_flow(rng, number, user_id, steps, epoch))
    return {
        "data": data,
        "included": included,
        "links": {"self": f"/v2/flows?page[size]={flows}", "next": None},
        "meta": {"page": 1, "per_page": flows, "total": flows, "total_pages": 1},
    }


def expected_checksum(document: dict[str, Any]) -> int:
    """The checksum computed straight from the generator's output, for cross-checking."""
    index = {(r["type"], r["id"]): r for r in document["included"]}
    total = 0
    for flow in document["data"]:
        user = flow["relationships"]["user"]["data"]
        total += len(index[user["type"], user["id"]]["attributes"]["email"])
        for linkage in flow["relationships"]["components"]["data"]:
            component = index[linkage["type"], linkage["id"]]
            total += len(component["attributes"]["name"])
            latest = component["relationships"]["latest_version"]["data"]
            total += index[latest["type"], latest["id"]]["attributes"]["version_number"]
    return total


# --- the work each library does ------------------------------------------------------------
# Each returns (checksum or None, the decoded objects); the caller keeps the objects alive
# until the clock has stopped.


def run_json_loads(body: bytes) -> tuple[int | None, Any]:
    return None, json.loads(body)


def run_orjson_loads(body: bytes) -> tuple[int | None, Any]:
    return None, orjson.loads(body)


def run_orjson_loads_gc_paused(body: bytes) -> tuple[int | None, Any]:
    # What Document.parse does before it wraps the resources: for context only.
    gc.disable()
    try:
        return None, orjson.loads(body)
    finally:
        gc.enable()


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

    flows = json_api_doc.deserialize(json.loads(body))
    total = 0
    for flow in flows:
        total += len(flow["user"]["email"])
        for component in flow["components"]:
            total += len(component["name"])
            total += component["latest_version"]["version_number"]
    return total, flows


def run_jsonapi_client(body: bytes) -> tuple[int | None, Any]:
    import jsonapi_client

    # A synchronous session never opens a connection by itself; related resources are
    # looked up in the session's cache, which Session.read fills from 'included'.
    session = jsonapi_client.Session(BASE_URL)
    doc = session.read(json.loads(body))
    total = 0
    for flow in doc.resources:
        relationships = flow.relationships
        total += len(relationships["user"].resource.attributes["email"])
        for component in relationships["components"].resources:
            total += len(component.attributes["name"])
            latest = component.relationships["latest_version"].resource
            total += latest.attributes["version_number"]
    return total, (session, doc)


FLOOR = "json.loads"
OURS = "elasticio"
COMPETITORS = ("json-api-doc", "jsonapi-client")
LIBRARIES: dict[str, Callable[[bytes], tuple[int | None, Any]]] = {
    FLOOR: run_json_loads,
    "orjson.loads": run_orjson_loads,
    "orjson, gc paused": run_orjson_loads_gc_paused,
    OURS: run_elasticio,
    "json-api-doc": run_json_api_doc,
    "jsonapi-client": run_jsonapi_client,
}


# --- measuring -----------------------------------------------------------------------------


def available(name: str) -> str | None:
    """None when the library can run here, else why not."""
    module = {"json-api-doc": "json_api_doc", "jsonapi-client": "jsonapi_client"}.get(name)
    if module is None:
        return None
    try:
        __import__(module)
    except ImportError as exc:
        return f"not installed ({exc}); install the 'bench' extra"
    return None


class Row(NamedTuple):
    """The measurements of one library at one size."""

    name: str
    flows: int
    times: list[float]
    collections: list[float]

    @property
    def best(self) -> float:
        return min(self.times)


def time_once(
    work: Callable[[bytes], tuple[int | None, Any]], body: bytes
) -> tuple[float, float, int | None]:
    """One timed run; also the time of a full collection while its result is still alive.

    The collection is not part of the run's time. It is reported because the collector's
    work on the decoded objects does not all happen inside the run: a row that kept the
    collector busy during the run (json.loads) has less of it left, and a row that paused
    it (elasticio) has more.
    """
    gc.collect()
    started = time.perf_counter()
    checksum, decoded = work(body)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    gc.collect()
    collection = time.perf_counter() - started
    del decoded
    gc.collect()
    return elapsed, collection, checksum


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Decode a generated JSON:API compound document with several libraries."
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        metavar="FLOWS",
        help="numbers of primary resources (default: 10000 100000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed runs per row; the best counts (default: 5)"
    )
    parser.add_argument(
        "--competitor-repeat",
        type=int,
        default=3,
        metavar="N",
        help="timed runs for json-api-doc and jsonapi-client (default: 3)",
    )
    parser.add_argument(
        "--libraries",
        nargs="+",
        choices=list(LIBRARIES),
        default=list(LIBRARIES),
        help="rows to run (default: all)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="generator seed (default: 2026)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.competitor_repeat < 1:
        parser.error("repeats must be at least 1")
    if any(size < 10 for size in args.sizes):
        parser.error("sizes must be at least 10 flows")
    args.sizes = sorted(set(args.sizes))
    return args


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [name for name in LIBRARIES if name in args.libraries]

    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"platform: {platform.platform()}, {_cpu_count()} cores")
    print(f"gc thresholds: {gc.get_threshold()}, enabled: {gc.isenabled()}")
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print()

    skipped = {name: reason for name in names if (reason := available(name)) is not None}
    for name, reason in skipped.items():
        print(f"{name}: skipped, {reason}")
    names = [name for name in names if name not in skipped]

    # One untimed run of every library on a small document warms imports and caches.
    warm = orjson.dumps(generate(1_000, seed=args.seed))
    for name in names:
        LIBRARIES[name](warm)
    del warm

    wrong: list[str] = []
    rows: list[Row] = []
    for size in args.sizes:
        document = generate(size, seed=args.seed)
        expected = expected_checksum(document)
        body = orjson.dumps(document)
        included = len(document["included"])
        del document
        gc.collect()
        print(
            f"{size:,} flows: {len(body) / 1e6:.1f} MB, {size:,} primary + {included:,}"
            f" included resources, checksum {expected}"
        )
        for name in names:
            runs = args.competitor_repeat if name in COMPETITORS else args.repeat
            row = Row(name, size, [], [])
            for _ in range(runs):
                elapsed, collection, checksum = time_once(LIBRARIES[name], body)
                row.times.append(elapsed)
                row.collections.append(collection)
                if checksum is not None and checksum != expected:
                    wrong.append(f"{name} at {size:,} flows gave {checksum}, expected {expected}")
            rows.append(row)
            print(f"  {name:<17} best {row.best:8.3f} s of {runs}", flush=True)
        del body
        gc.collect()

    print()
    best = {(row.name, row.flows): row.best for row in rows}
    print(_table(rows, best))
    print()
    print("Targets")
    for line in _targets(args.sizes, best):
        print(f"  {line}")
    if wrong:
        for line in wrong:
            print(f"  [FAIL] checksum: {line}")
    else:
        print("  [PASS] checksum: every library that ran read the same values")
    return 0


def _cpu_count() -> int | str:
    import os

    return os.cpu_count() or "?"


def _table(rows: list[Row], best: dict[tuple[str, int], float]) -> str:
    columns = [
        ("library", 17),
        ("flows", 7),
        ("runs", 4),
        ("best s", 8),
        ("median s", 8),
        ("x json.loads", 12),
        ("full gc after s", 15),
    ]
    # A Markdown table: the first column left-aligned, the figures right-aligned.
    rule = ["-" * (columns[0][1] + 2)] + ["-" * (width + 1) + ":" for _, width in columns[1:]]
    lines = [
        "| " + " | ".join(f"{title:<{width}}" for title, width in columns) + " |",
        "|" + "|".join(rule) + "|",
    ]
    for row in rows:
        floor = best.get((FLOOR, row.flows))
        ratio = f"{row.best / floor:.2f}" if floor else "n/a"
        cells = [
            f"{row.name:<17}",
            f"{row.flows:>7,}",
            f"{len(row.times):>4}",
            f"{row.best:>8.3f}",
            f"{statistics.median(row.times):>8.3f}",
            f"{ratio:>12}",
            f"{statistics.median(row.collections):>15.3f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _targets(sizes: list[int], best: dict[tuple[str, int], float]) -> list[str]:
    lines = []
    for size in sizes:
        ours, floor = best.get((OURS, size)), best.get((FLOOR, size))
        if ours is None or floor is None:
            lines.append(f"[n/a ] {size:,} flows: elasticio <= 1.5 x json.loads (row not run)")
            continue
        ratio = ours / floor
        lines.append(
            f"[{verdict(ratio <= MAX_RATIO_TO_JSON_LOADS)}] {size:,} flows: elasticio is"
            f" {ratio:.2f} x json.loads (target <= {MAX_RATIO_TO_JSON_LOADS})"
        )
    for size in sizes:
        ours = best.get((OURS, size))
        rivals = {name: best[name, size] for name in COMPETITORS if (name, size) in best}
        if ours is None or not rivals:
            lines.append(f"[n/a ] {size:,} flows: >= 5 x faster than the fastest package")
            continue
        fastest = min(rivals, key=rivals.__getitem__)
        speedup = rivals[fastest] / ours
        lines.append(
            f"[{verdict(speedup >= MIN_SPEEDUP_OVER_COMPETITORS)}] {size:,} flows: elasticio is"
            f" {speedup:.1f} x faster than the fastest package, {fastest}"
            f" (target >= {MIN_SPEEDUP_OVER_COMPETITORS:.0f})"
        )
    small, large = sizes[0], sizes[-1]
    if small == large or (OURS, small) not in best or (OURS, large) not in best:
        lines.append("[n/a ] linear growth: needs elasticio at two sizes")
    else:
        growth = best[OURS, large] / best[OURS, small]
        limit = MAX_GROWTH_SLACK * large / small
        lines.append(
            f"[{verdict(growth <= limit)}] linear growth: {large:,} flows take {growth:.2f} x"
            f" the time of {small:,} (target <= {limit:.1f})"
        )
    return lines


if __name__ == "__main__":
    sys.exit(main())
