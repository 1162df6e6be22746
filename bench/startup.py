"""Benchmark: the time ``import elasticio`` takes, against importing its dependencies.

The issue's words: ``import elasticio`` costs <= 1.2x importing its own dependencies
(httpx, attrs, cattrs, tenacity, orjson).

* Each measurement is a fresh interpreter (``sys.executable -X importtime -c "import ..."``),
  so nothing is cached in ``sys.modules``; the figure is the sum of the cumulative times
  of the top-level imports that ``-X importtime`` reports (the modules the statement itself
  imported, each with everything it pulled in), which leaves out the interpreter's start.
* ``from elasticio import AsyncClient`` is shown too, with no target: the names of the
  package load on first use, so that is what a program making a client pays.
* ``--runs`` runs alternate the sides; the median of each side counts. The files are
  then in the OS cache for both alike.
* ``--modules`` lists the heaviest modules ``import elasticio`` loaded in its last run that
  the dependencies alone do not load, to see what is left to make lazy.

Usage::

    nox -s bench -- startup
    python bench/startup.py --runs 11

The machine may be shared: figures are noisy, the median damps that. The exit status is 0
whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys

from _report import Figure, record

MAX_RATIO = 1.2  # the target: import elasticio <= 1.2 x its dependencies
DEPENDENCIES = ("httpx", "attrs", "cattrs", "tenacity", "orjson")
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)$")


def import_times(statement: str) -> dict[str, tuple[int, int]]:
    """Module -> (self µs, indentation) of every module a fresh interpreter imports for
    ``statement``, and the total under ``""``: the top-level cumulative times."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed statement
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    times: dict[str, tuple[int, int]] = {}
    total = 0
    for line in result.stderr.splitlines():
        found = LINE.match(line)
        if found is None:
            continue
        own, cumulative, indent, name = found.groups()
        times[name] = (int(own), len(indent))
        if not indent:
            total += int(cumulative)
    times[""] = (total, 0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per side; median counts")
    parser.add_argument("--modules", type=int, default=15, help="heaviest extra modules shown")
    args = parser.parse_args()
    if args.runs < 1 or args.modules < 0:
        parser.error("--runs must be positive, --modules >= 0")
    ours: list[int] = []
    client: list[int] = []
    floor: list[int] = []
    last: dict[str, tuple[int, int]] = {}
    deps: dict[str, tuple[int, int]] = {}
    for _ in range(args.runs):
        last = import_times("import elasticio")
        ours.append(last[""][0])
        # What a program that makes a client pays: the names load on first use.
        client.append(import_times("from elasticio import AsyncClient")[""][0])
        deps = import_times("import " + ", ".join(DEPENDENCIES))
        floor.append(deps[""][0])
    mine, theirs = statistics.median(ours), statistics.median(floor)
    ratio = mine / theirs
    verdict = "PASS" if ratio <= MAX_RATIO else "FAIL"
    print(
        f"import time, fresh interpreter, -X importtime, median of {args.runs}; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {sys.platform}"
    )
    print(f"{'statement':<50} | {'median':>8} | {'min':>8} | {'max':>8}")
    for label, runs in (
        ("import elasticio", ours),
        ("from elasticio import AsyncClient (no target)", client),
        ("import " + ", ".join(DEPENDENCIES), floor),
    ):
        print(
            f"{label:<50} | {statistics.median(runs) / 1000:>6.1f}ms | "
            f"{min(runs) / 1000:>6.1f}ms | {max(runs) / 1000:>6.1f}ms"
        )
    print(f"ratio {ratio:.2f}x, target <= {MAX_RATIO}x: {verdict}")
    deps_name = "import " + ", ".join(DEPENDENCIES)
    ms = 1000
    record(
        Figure("startup", "import elasticio", mine / ms, theirs / ms, deps_name, "ms", MAX_RATIO)
    )
    made = statistics.median(client) / ms
    record(
        Figure(
            "startup", "from elasticio import AsyncClient", made, theirs / ms, deps_name, "ms", None
        )
    )
    extra = sorted(
        ((own, name) for name, (own, _) in last.items() if name and name not in deps),
        reverse=True,
    )
    if args.modules and extra:
        print(f"heaviest modules only elasticio loads (self time, last run; {len(extra)} in all):")
        for own, name in extra[: args.modules]:
            print(f"  {own / 1000:>6.1f}ms  {name}")


if __name__ == "__main__":
    main()
