"""The emulator served from a process of its own, for the benchmarks that talk HTTP.

A benchmark measures its own process (wall time with the server on another core, or the
client's CPU time), so the server must not share the process, its event loop or its GIL.
This file is both halves:

* run as a script, it serves a fresh emulator on a free loopback port until SIGTERM or
  SIGINT. Before serving it may add ``--add-flows`` inactive flows to a workspace of their
  own through the emulator's Python API (no HTTP, so no rate limit spent on setting up);
  it prints ``BENCH_FLOW_IDS`` (those flows, or every seeded flow when none are added) and,
  once listening, the three ``ELASTICIO_API_*`` lines. On the way out it prints
  ``BENCH_SUMMARY``: a JSON digest of the emulator's request log and of those flows, for the
  benchmark to verify what the server saw, plus the server's own CPU seconds;
* imported, :class:`ServedProcess` starts that script with :data:`sys.executable`, reads
  those lines and stops it.

Example::

    with ServedProcess(rate_limit=100, add_flows=1000) as served:
        ...  # talk to served.base_url as served.email / served.api_key
    summary = served.summary
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from types import TracebackType
from typing import IO, Any

ENV_BASE_URL = "ELASTICIO_API_URI"
ENV_EMAIL = "ELASTICIO_API_USERNAME"
ENV_API_KEY = "ELASTICIO_API_KEY"
FLOW_IDS = "BENCH_FLOW_IDS"
SUMMARY = "BENCH_SUMMARY"
START_ROUTE = "POST /v2/flows/{flow_id}/start"

# Bounds on waiting for the server: it listens within a second or two and stops within
# uvicorn's graceful-shutdown period (5 s); these only stop a hung run.
STARTUP_TIMEOUT = 60.0
# Adding flows takes about 1 ms each on an idle machine (50,000: 40 s); several on a busy one.
STARTUP_PER_FLOW = 0.005
SHUTDOWN_TIMEOUT = 30.0


# ---------------------------------------------------------------------------------------
# The server process


def _add_flows(emulator: Any, count: int) -> list[str]:
    """``count`` inactive flows in a new workspace of the owner, shaped like a seeded one."""
    platform, seed = emulator.platform, emulator.seed
    workspace = platform.add_workspace(
        contract_id=seed.contract_id, name="Benchmark", owner_ids=[seed.owner.id]
    )
    graph = platform.flows[seed.flow_id].graph
    return [
        platform.add_flow(
            workspace_id=workspace.id,
            user_id=seed.owner.id,
            name=f"Benchmark flow {number:05d}",
            description="Added by bench/_served.py",
            graph=graph,
        ).id
        for number in range(1, count + 1)
    ]


def _summary(emulator: Any, flow_ids: list[str]) -> dict[str, Any]:
    """What the server saw: requests by route and status, and each flow's starts."""
    by_route: collections.Counter[str] = collections.Counter()
    accepted: collections.Counter[str] = collections.Counter()  # 2xx starts per flow
    limited: collections.Counter[str] = collections.Counter()  # 429s per flow's start
    conflicts = 0
    for request in emulator.requests:
        by_route[f"{request.route or request.method + ' ?'} -> {request.status}"] += 1
        if request.route != START_ROUTE:
            continue
        flow_id = request.path.rstrip("/").split("/")[-2]
        if request.status is not None and 200 <= request.status < 300:
            accepted[flow_id] += 1
        elif request.status == 429:
            limited[flow_id] += 1
        elif request.status == 409:
            conflicts += 1
    wanted = set(flow_ids)
    now = emulator.clock.now()
    statuses = collections.Counter(
        emulator.platform.flows[flow_id].current_status(now) for flow_id in flow_ids
    )
    return {
        "requests": len(emulator.requests),
        "by_route": dict(sorted(by_route.items())),
        "flows": len(flow_ids),
        "current_status": dict(statuses),
        "started_once": sum(1 for flow_id in flow_ids if accepted[flow_id] == 1),
        "started_twice_or_more": sorted(f for f in flow_ids if accepted[f] > 1),
        "never_started": sorted(f for f in flow_ids if accepted[f] == 0),
        "started_outside_set": sorted(f for f in accepted if f not in wanted),
        "start_conflicts_409": conflicts,
        "most_429_for_one_flow": max(limited.values(), default=0),
        "flows_by_429_count": _counts(limited[f] for f in flow_ids),
        "server_cpu_s": time.process_time(),
    }


def _counts(values: Iterable[int]) -> dict[int, int]:
    return dict(sorted(collections.Counter(values).items()))


async def _serve(args: argparse.Namespace) -> None:
    from elasticio.testing import Emulator, EmulatorSettings, serve_emulator

    # The summary reads every request back from the log: keep them all.
    settings = EmulatorSettings(
        rate_limit=args.rate_limit, transition_delay=0.0, request_log_size=10_000_000
    )
    emulator = Emulator(settings=settings)
    if args.add_flows:
        flow_ids = _add_flows(emulator, args.add_flows)
    else:
        flow_ids = list(emulator.platform.flows)
    print(f"{FLOW_IDS}={','.join(flow_ids)}", flush=True)

    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    async with serve_emulator(emulator, host="127.0.0.1", port=0) as served:
        for name, value in served.environment.items():
            print(f"{name}={shlex.quote(value)}", flush=True)
        await stopping.wait()
    print(f"{SUMMARY}={json.dumps(_summary(emulator, flow_ids))}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the emulator for a benchmark.")
    parser.add_argument("--rate-limit", type=float, default=None, metavar="N")
    parser.add_argument("--add-flows", type=int, default=0, metavar="N")
    asyncio.run(_serve(parser.parse_args(argv)))
    return 0


# ---------------------------------------------------------------------------------------
# The benchmark's side


class ServedProcess:
    """This file run as a server process; a context manager that stops it on exit.

    Attributes:
        base_url, email, api_key: where and as whom to connect (the seeded owner).
        flow_ids: the flows added with ``add_flows``, or every seeded flow.
        summary: after the block, the server's ``BENCH_SUMMARY`` (see ``_summary``).
    """

    def __init__(self, *, rate_limit: float | None = None, add_flows: int = 0) -> None:
        command = [sys.executable, __file__, "--add-flows", str(add_flows)]
        if rate_limit is not None:
            command += ["--rate-limit", str(rate_limit)]
        self.summary: dict[str, Any] = {}
        # This very file, run by this very interpreter: no outside input in the command.
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
        # readline() cannot time out; a timer kills a server that never gets going.
        watchdog = threading.Timer(
            STARTUP_TIMEOUT + add_flows * STARTUP_PER_FLOW, self._process.kill
        )
        watchdog.start()
        try:
            values = self._read_announcement(self._stdout)
        except BaseException:
            self._process.kill()
            self._process.wait(SHUTDOWN_TIMEOUT)
            raise
        finally:
            watchdog.cancel()
        self.base_url = values[ENV_BASE_URL]
        self.email = values[ENV_EMAIL]
        self.api_key = values[ENV_API_KEY]
        self.flow_ids = [flow_id for flow_id in values[FLOW_IDS].split(",") if flow_id]

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def _stdout(self) -> IO[str]:
        assert self._process.stdout is not None  # opened with PIPE
        return self._process.stdout

    @staticmethod
    def _read_announcement(stdout: IO[str]) -> dict[str, str]:
        wanted = {FLOW_IDS, ENV_BASE_URL, ENV_EMAIL, ENV_API_KEY}
        values: dict[str, str] = {}
        while not wanted <= values.keys():
            line = stdout.readline()
            if not line:
                raise RuntimeError("the emulator process ended before it was listening")
            name, _, value = line.rstrip("\n").partition("=")
            if name in wanted:
                values[name] = " ".join(shlex.split(value)) if value else ""
        return values

    def stop(self) -> dict[str, Any]:
        """Stop the server (SIGTERM) and return its summary; idempotent."""
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
        try:
            rest, _ = self._process.communicate(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            rest, _ = self._process.communicate()
        for line in (rest or "").splitlines():
            name, _, value = line.partition("=")
            if name == SUMMARY:
                self.summary = json.loads(value)
        return self.summary

    def __enter__(self) -> ServedProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


if __name__ == "__main__":
    sys.exit(main())
