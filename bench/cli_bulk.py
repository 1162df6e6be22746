"""Benchmark: ``elasticio flows start --match`` on 1,000 flows through a rate limit.

The issue's acceptance run for the command: start 1,000 flows against the emulator on a
loopback socket with a rate limit (``--rate``, default 50 requests a second, as client and
server share one process here); every flow must be started exactly once and none missed,
and the command prints its summary.

The emulator is served from a thread of this process, the flows added through its Python
API before it listens (untimed). The command runs as a user would run it, its
credentials from the ``ELASTICIO_API_*`` variables; the request log of the emulator is
then checked: one accepted ``POST .../start`` per flow, no other.

    python bench/cli_bulk.py --flows 1000 --rate 50 --concurrency 32
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

from _report import Figure, record

from elasticio._cli import main
from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator


def run(flows: int, rate: float, concurrency: int) -> int:
    # The check reads every request back from the log: keep them all.
    emulator = Emulator(settings=EmulatorSettings(rate_limit=rate, request_log_size=10_000_000))
    seed = emulator.seed
    graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []}
    ids = {
        emulator.platform.flows.create(
            workspace_id=seed.private_workspace_id,
            user_id=seed.owner.id,
            name=f"Bench {number:05d}",
            graph=graph,
        ).id
        for number in range(flows)
    }
    with ServedEmulator.start_in_thread(emulator) as served:
        os.environ.update(served.environment)
        time.sleep(1.5)  # a full token bucket, as a fresh platform would have
        began = time.monotonic()
        status = main(
            [
                "flows",
                "start",
                "-w",
                seed.private_workspace_id,
                "--match",
                "bench *",
                "--concurrency",
                str(concurrency),
            ]
        )
        elapsed = time.monotonic() - began
    starts = Counter(
        r.path.split("/")[3]
        for r in emulator.requests
        if r.method == "POST" and r.path.endswith("/start") and r.status == 202
    )
    missed = ids - set(starts)
    twice = [flow_id for flow_id, count in starts.items() if count > 1]
    print(
        f"\ncli_bulk: {flows} flows, rate {rate:g}/s, concurrency {concurrency}: status {status}, "
        f"{elapsed:.1f} s (ideal {flows / rate:.1f} s), started {len(starts)}, "
        f"missed {len(missed)}, started twice {len(twice)}"
    )
    once = sum(1 for count in starts.values() if count == 1)
    work = f"elasticio flows start, {flows:,} flows at {rate:g} req/s"
    record(Figure("cli_bulk", f"{work}, started once", once, flows, "flows", "flows", 1, False))
    record(Figure("cli_bulk", f"{work}, time", elapsed, flows / rate, "ideal", "s", None))
    return 0 if status == 0 and not missed and not twice else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--concurrency", type=int, default=32)
    options = parser.parse_args()
    sys.exit(run(options.flows, options.rate, options.concurrency))
