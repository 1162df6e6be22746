"""Benchmark: rate limits without waste. 1,000 flow starts under 100 requests/s, paced.

The issue's words: under a rate limit the client learns the allowed rate and paces new
requests so that they rarely hit it: 1,000 starts under a 100 req/s limit finish in
<= 1.05 x the ideal with <= 3 % of requests answered 429, none lost and none started
twice; show the figures for 64 and 256 in flight. A user can also set a rate.

Each run is `bench/bulk.py`'s (its `one_run`, reused as it is): a fresh emulator served in
a process of its own with ``--rate-limit``, the flows added before it listens, one warm-up
request and 1.5 s for its token bucket (a burst of ``ceil(rate)``) to be full, then
``run_bounded(client.flows.start, ids, concurrency=N)`` timed, with the client's
``max_concurrency`` also N, and the server's request log checked afterwards (every flow
accepted once, no 409, all active). Two ways of pacing by default, each at every
``--concurrency``, and a third on request:

* ``learned``: ``AsyncClient()`` as shipped, ``RatePolicy()``: nothing known at the start,
  so the slow start ramps attempts up until the first 429 teaches the client;
* ``set``: ``RatePolicy(rate=--rate)``, the user tells the client the limit;
* ``unramped`` (not run by default): ``RatePolicy(slow_start=False)``, learning as before
  the slow start, everything in flight sent at once until the first 429.

Recorded per way and in-flight count (the worst of ``--runs``): the time against the
ideal ``flows / rate`` (target <= 1.05 x) and the 429s, counted by the server, against all
requests (target <= 0.03). The ideal counts the limit alone; as the bucket starts full,
``ceil(rate)`` starts go at once, so the floor is ``(flows - ceil(rate)) / rate``.

Usage::

    nox -s bench -- rate
    python bench/rate.py --flows 300 --rate 30 --concurrency 64 --runs 1   # a smoke run
    python bench/rate.py --rate 40 --flows 400 --pacing learned unramped   # the ramp's worth

The exit status is 0 whatever the figures: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import math
import sys

import bulk
from _report import Figure, record

from elasticio import RatePolicy, RetryPolicy

MAX_RATIO = 1.05  # total time <= 1.05 x flows / rate
MAX_429_SHARE = 0.03  # 429s <= 3 % of all requests
PACINGS = {
    "learned": lambda rate: RatePolicy(),
    "set": lambda rate: RatePolicy(rate=rate),
    "unramped": lambda rate: RatePolicy(slow_start=False),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Start many flows through a rate limit, paced.")
    bulk.add_workload(parser)
    parser.add_argument(
        "--concurrency",
        type=int,
        nargs="+",
        default=[64, 256],
        help="starts in flight at most, one set of runs each (default: 64 256)",
    )
    parser.add_argument(
        "--pacing",
        choices=sorted(PACINGS),
        nargs="+",
        default=["learned", "set"],
        help="learned: RatePolicy(); set: RatePolicy(rate=--rate); unramped:"
        " RatePolicy(slow_start=False) (default: learned set)",
    )
    parser.add_argument("--runs", type=int, default=2, help="runs of each (default: 2)")
    args = parser.parse_args(argv)
    if min(args.flows, args.runs, *args.concurrency) < 1 or args.rate <= 0:
        parser.error("flows, runs and concurrency must be at least 1, rate more than 0")
    return args


def server_429s(run: bulk.Run) -> int:
    """The 429s the server's own log holds for the run."""
    by_route: dict[str, int] = run.server.get("by_route", {})
    return sum(count for name, count in by_route.items() if name.endswith("-> 429"))


def server_requests(run: bulk.Run) -> int:
    by_route: dict[str, int] = run.server.get("by_route", {})
    return sum(by_route.values()) - 1  # less the warm-up request


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ideal = args.flows / args.rate
    burst = max(1, math.ceil(args.rate))
    floor = max(0, args.flows - burst) / args.rate
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(
        f"server: the emulator in a process of its own, {args.rate:g} requests/s per user"
        f" (a token bucket, burst {burst}); {args.flows:,} flows; ideal {ideal:.2f} s,"
        f" floor with the full bucket {floor:.2f} s"
    )
    for way in args.pacing:
        pacing = PACINGS[way](args.rate)
        for concurrency in args.concurrency:
            settings = argparse.Namespace(
                flows=args.flows,
                rate=args.rate,
                concurrency=concurrency,
                max_retries=RetryPolicy().max_retries,
                pacing=pacing,
            )
            print()
            print(f"{way}: {pacing!r}, {concurrency} in flight")
            runs = []
            for number in range(1, args.runs + 1):
                run = bulk.one_run(settings)
                runs.append(run)
                print(
                    f"  run {number}: {run.elapsed:.3f} s, {server_429s(run)} 429s of"
                    f" {server_requests(run)} requests; starts in each second:"
                    f" {bulk._per_second(run.done_at)}"
                )
                for error in run.errors:
                    print(f"    client error: {error}")
            print(bulk._table(runs, ideal, floor))
            good = sum(1 for run in runs if bulk.exactly_once(run, args.flows))
            print(
                f"  [{bulk.verdict(good == len(runs))}] exactly once: {good} of {len(runs)}"
                " runs started every flow once (none lost, none twice, no 409)"
            )
            slowest = max(runs, key=lambda run: run.elapsed)
            wasteful = max(runs, key=lambda run: server_429s(run) / max(1, server_requests(run)))
            work = f"{args.flows:,} starts at {args.rate:g}/s, {concurrency} in flight, rate {way}"
            record(
                Figure(
                    benchmark="rate",
                    work=f"{work}: time",
                    value=slowest.elapsed,
                    floor=ideal,
                    floor_name="ideal (flows / rate)",
                    unit="s",
                    target=MAX_RATIO,
                )
            )
            record(
                Figure(
                    benchmark="rate",
                    work=f"{work}: 429s",
                    value=server_429s(wasteful),
                    floor=server_requests(wasteful),
                    floor_name="all requests",
                    unit="requests",
                    target=MAX_429_SHARE,
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
