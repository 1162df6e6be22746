"""Soak: thousands of calls through one client against a hostile emulator, then the books.

The emulator is served on 127.0.0.1 (a port of the system's choosing) from a thread of its
own, with everything the issue names switched on at once: a rate limit (429 with
``Retry-After``), injected 500s and 503s, dropped connections and latency, some of it
longer than the client's time limit per attempt; and a fraction of the writes is handled
and then its answer lost (`LoseAnswers`), the one case where a resent write would land
twice. One `AsyncClient` drives ``--requests``
calls through it from twice ``--concurrency`` callers (so callers also queue for the
client's ``--concurrency`` slots), mixing reads (``flows.get``, pages of ``flows.list``,
``users.me``, ``components.get``) with writes that must never happen twice
(``flows.create`` with a unique name, ``flows.start`` of an inactive flow, each flow at
most once, ``credentials.create`` with a unique name). A seeded fraction of the calls is
cancelled at a random moment.

Every call is watched from outside: a call still running ``--deadline`` seconds (the
retry policy's limit for a whole call; for a listing, per page) plus a margin after it
began counts as a hang,
and is then cancelled. No new call starts after ``--seconds``, so the run stops by
itself; a watchdog ends the process should anything still hang.

Then it checks and prints:

* hangs: 0;
* leaks: once every call has ended, every pooled connection is idle or closed, no
  attempt is still running and the client's slots are all free again;
* duplicate writes, from the emulator's own state: each created flow and credential name
  at most once, each flow started (a 2xx start in the emulator's log) at most once, no
  start answered 409 (which a start sent twice would get); and every write the client saw
  succeed is there;
* failures: each a typed `ElasticioError` or a `CancelledError` (by class), and every
  cancellation that reached a running call ended it in `CancelledError`;
* the client still answers afterwards (faults cleared);
* at least ``--requests`` calls ran within ``--seconds``.

The exit status is 1 when any check fails. Usage::

    nox -s soak
    python bench/soak.py --requests 5000 --seconds 120 --seed 1 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import faulthandler
import random
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import httpcore
import httpx

from elasticio import AsyncClient, ElasticioError, RetryPolicy
from elasticio._shielded import _closing
from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator
from elasticio.testing._faults import ConnectionDropped

ATTEMPT_TIMEOUT = 2.0  # the client's limit per attempt; some latency exceeds it
MAX_RETRY_AFTER = 5.0  # a 429's wait the client accepts
MARGIN = MAX_RETRY_AFTER + 5.0  # past the deadline: a throttle hold, decoding, scheduling
PAGE_SIZE = 20
PREFIX = "soak"

# (operation, weight): reads first, then the writes that must never happen twice.
MIX = (
    ("flows.get", 30),
    ("flows.list", 10),
    ("users.me", 15),
    ("components.get", 15),
    ("flows.create", 12),
    ("flows.start", 10),
    ("credentials.create", 8),
)
WRITES = {"flows.create", "flows.start", "credentials.create"}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Soak the client against a hostile emulator.")
    add = parser.add_argument
    add("--requests", type=int, default=5000, help="calls to make (default: 5000)")
    add("--seconds", type=float, default=120.0, help="no call starts after this (default: 120)")
    add("--seed", type=int, default=1, help="seeds the mix, the faults and the cancels")
    add("--concurrency", type=int, default=16, help="the client's max_concurrency (default: 16)")
    add("--rate", type=float, default=150.0, help="the emulator's requests/s (default: 150)")
    add("--deadline", type=float, default=15.0, help="the retry policy's deadline per call")
    add("--cancel", type=float, default=0.1, help="fraction of calls cancelled (default: 0.1)")
    add("--drop", type=float, default=0.02, help="fraction of requests dropped")
    add("--fail", type=float, default=0.03, help="fraction answered 500, and again 503")
    add("--slow", type=float, default=0.2, help="fraction delayed 10-100 ms")
    add("--stall", type=float, default=0.003, help="fraction delayed past the attempt limit")
    add("--lose", type=float, default=0.03, help="fraction of writes handled, answer lost")
    args = parser.parse_args(argv)
    if min(args.requests, args.concurrency) < 1 or args.seconds <= 0 or args.deadline <= 0:
        parser.error("requests and concurrency must be at least 1, seconds and deadline > 0")
    return args


@attrs.define
class Books:
    """What the client side saw."""

    calls: int = 0
    ok: collections.Counter[str] = attrs.field(factory=collections.Counter)
    failures: collections.Counter[str] = attrs.field(factory=collections.Counter)
    untyped: list[str] = attrs.field(factory=list)
    hangs: list[str] = attrs.field(factory=list)
    cancels_planned: int = 0  # calls given a cancellation at a random moment
    cancels_sent: int = 0  # ... that reached the call still running
    swallowed: list[str] = attrs.field(factory=list)  # a cancel that did not end in one
    longest: float = 0.0
    created_flows: set[str] = attrs.field(factory=set)
    created_credentials: set[str] = attrs.field(factory=set)
    started: set[str] = attrs.field(factory=set)


class Soak:
    def __init__(self, args: argparse.Namespace, served: ServedEmulator, client: AsyncClient):
        self.args = args
        self.client = client
        self.rng = random.Random(args.seed)  # a seeded schedule
        self.books = Books()
        self.stats: dict[str, Any] = {}
        self.lost = 0
        emulator = served.emulator
        seed = emulator.seed
        self.read_flows = sorted(
            fid
            for fid in emulator.platform.flows
            if emulator.platform.flows[fid].workspace_id == seed.workspace_id
        )
        self.workspace_id = seed.workspace_id
        self.components = sorted(seed.component_ids.values())
        self.webhook = seed.component_ids["webhook"]
        self.graph = emulator.platform.flows[seed.flow_id].graph
        self.soak_workspace = ""
        self.to_start: list[str] = []
        self.serial = 0
        self.names, weights = zip(*MIX, strict=True)
        self.weights = list(weights)

    def prepare(self, emulator: Emulator) -> None:
        """A workspace of the soak's own with the inactive flows to start (before serving)."""
        platform, seed = emulator.platform, emulator.seed
        workspace = platform.add_workspace(
            contract_id=seed.contract_id, name="Soak", owner_ids=[seed.owner.id]
        )
        self.soak_workspace = workspace.id
        share = dict(MIX)["flows.start"] / sum(self.weights)
        count = int(self.args.requests * share * 1.5) + 50
        self.to_start = [
            platform.add_flow(
                workspace_id=workspace.id,
                user_id=seed.owner.id,
                name=f"{PREFIX}-inactive-{number:05d}",
                graph=self.graph,
            ).id
            for number in range(count)
        ]
        self.rng.shuffle(self.to_start)

    # -- the operations -------------------------------------------------------------------

    def pick(self) -> tuple[str, Callable[[], Awaitable[Any]], int]:
        """An operation: its name, the call, and how many SDK calls it makes at most."""
        name = self.rng.choices(self.names, self.weights)[0]
        if name == "flows.start" and not self.to_start:
            name = "flows.get"
        self.serial += 1
        c, rng, serial = self.client, self.rng, self.serial
        if name == "flows.get":
            flow_id = rng.choice(self.read_flows)
            return name, lambda: c.flows.get(flow_id), 1
        if name == "flows.list":
            pages = rng.randint(1, 3)
            return name, lambda: self._pages(pages), pages
        if name == "users.me":
            return name, c.users.me, 1
        if name == "components.get":
            component_id = rng.choice(self.components)
            return name, lambda: c.components.get(component_id), 1
        if name == "flows.create":
            flow_name = f"{PREFIX}-flow-{serial:06d}"
            return name, lambda: self._create_flow(flow_name), 1
        if name == "flows.start":
            flow_id = self.to_start.pop()
            return name, lambda: self._start(flow_id), 1
        credential_name = f"{PREFIX}-credential-{serial:06d}"
        return name, lambda: self._create_credential(credential_name), 1

    async def _pages(self, pages: int) -> int:
        seen = 0
        listing = self.client.flows.list(self.workspace_id, page_size=PAGE_SIZE)
        async for _page in listing.pages():
            seen += 1
            if seen == pages:
                break
        return seen

    async def _create_flow(self, name: str) -> None:
        await self.client.flows.create(self.soak_workspace, name, graph=self.graph)
        self.books.created_flows.add(name)

    async def _start(self, flow_id: str) -> None:
        await self.client.flows.start(flow_id)
        self.books.started.add(flow_id)

    async def _create_credential(self, name: str) -> None:
        await self.client.credentials.create(
            keys={"apiKey": name},
            component_id=self.webhook,
            workspace_id=self.soak_workspace,
            name=name,
        )
        self.books.created_credentials.add(name)

    # -- the callers ----------------------------------------------------------------------

    async def run(self) -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()
        stop_at = started + self.args.seconds

        async def caller() -> None:
            while self.books.calls < self.args.requests and loop.time() < stop_at:
                self.books.calls += 1
                await self.one(*self.pick())

        await asyncio.gather(*(caller() for _ in range(2 * self.args.concurrency)))
        return loop.time() - started

    async def one(self, name: str, call: Callable[[], Awaitable[Any]], calls: int) -> None:
        """Run one operation in a task of its own, maybe cancel it, and watch its end."""
        books, loop = self.books, asyncio.get_running_loop()
        task = asyncio.ensure_future(call())
        began = loop.time()
        cancelled = False

        def cancel() -> None:
            nonlocal cancelled
            cancelled = task.cancel()
            books.cancels_sent += cancelled

        timer = None
        if self.rng.random() < self.args.cancel:
            books.cancels_planned += 1
            # Mostly early (most calls take a few ms), sometimes late in a slow call.
            timer = loop.call_later(self.rng.random() ** 3 * 0.5, cancel)
        limit = calls * self.args.deadline + MARGIN
        done, _ = await asyncio.wait({task}, timeout=limit)
        if timer is not None:
            timer.cancel()
        books.longest = max(books.longest, loop.time() - began)
        if not done:
            books.hangs.append(f"{name} still running after {limit:g} s")
            task.cancel()
            await asyncio.wait({task}, timeout=MARGIN)
            return
        if task.cancelled():
            books.failures["CancelledError"] += 1
            return
        error = task.exception()
        if cancelled:
            books.swallowed.append(f"{name}: {error!r}" if error else f"{name}: returned")
        if error is None:
            books.ok[name] += 1
        elif isinstance(error, ElasticioError):
            books.failures[type(error).__name__] += 1
        else:
            books.untyped.append(f"{name}: {type(error).__name__}: {error}")


# -- after the run: the client's pool and slots ------------------------------------------


async def leaks(client: AsyncClient) -> list[str]:
    """What the client still holds once every call has ended.

    The last attempts and response closes get 2 s to finish (they run in tasks of their
    own, a few loop steps after the calls that began them have ended).
    """
    core = client._core
    transport = core.http._transport
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    pool: httpcore.AsyncConnectionPool = transport._pool
    found: list[str] = []
    for _ in range(200):
        found = [f"attempt still running: {task!r}" for task in core.exchanges]
        found += [f"response close still running: {task!r}" for task in _closing]
        if core.slots is not None and core.slots._value != core.max_concurrency:
            found.append(f"slots free: {core.slots._value} of {core.max_concurrency}")
        found += [
            f"connection in use: {c!r} ({getattr(c._connection, '_h11_state', None)!r})"
            for c in pool.connections
            if not (c.is_idle() or c.is_closed())
        ]
        found += [f"request queued in the pool: {r!r}" for r in pool._requests]
        if not found:
            break
        await asyncio.sleep(0.01)
    return found


# -- after the run: the emulator's own state ---------------------------------------------


def duplicates(emulator: Emulator, soak: Soak) -> dict[str, Any]:
    """Writes that happened twice, and writes the client saw succeed that are not there."""
    platform = emulator.platform
    flows = [platform.flows[fid] for fid in platform.flows]
    flow_names = collections.Counter(f.name for f in flows if f.name.startswith(f"{PREFIX}-flow-"))
    credentials = [platform.credentials[cid] for cid in platform.credentials]
    credential_names = collections.Counter(
        c.name for c in credentials if c.name and c.name.startswith(f"{PREFIX}-credential-")
    )
    starts: collections.Counter[str] = collections.Counter()
    conflicts = 0
    for request in emulator.requests:
        if request.entry != "flows.start":
            continue
        flow_id = request.path.rstrip("/").split("/")[-2]
        if request.status is not None and 200 <= request.status < 300:
            starts[flow_id] += 1
        elif request.status == 409:
            conflicts += 1
    return {
        "flows created": sum(flow_names.values()),
        "credentials created": sum(credential_names.values()),
        "flows started": len(starts),
        "flow names created twice or more": sorted(n for n, k in flow_names.items() if k > 1),
        "credential names created twice or more": sorted(
            n for n, k in credential_names.items() if k > 1
        ),
        "flows started twice or more": sorted(f for f, k in starts.items() if k > 1),
        "starts answered 409": conflicts,
        "acknowledged flows missing": sorted(soak.books.created_flows - set(flow_names)),
        "acknowledged credentials missing": sorted(
            soak.books.created_credentials - set(credential_names)
        ),
        "acknowledged starts missing": sorted(soak.books.started - set(starts)),
        "requests by status": dict(
            sorted(collections.Counter(str(r.status) for r in emulator.requests).items())
        ),
    }


# -- the run -----------------------------------------------------------------------------


class LoseAnswers:
    """ASGI middleware: a fraction of the POSTs is handled, then the connection is cut.

    The emulator's own faults strike before a request is handled (and a request whose
    client has gone is not handled at all), so by themselves they never make a resent
    write land twice. This is the case that can: the platform did the work and the answer
    was lost on the way. The client then must not send the request again.
    """

    def __init__(self, app: Any, probability: float, seed: int) -> None:
        self.app = app
        self.probability = probability
        self.rng = random.Random(seed)  # a seeded schedule
        self.lost = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or self.rng.random() >= self.probability
        ):
            await self.app(scope, receive, send)
            return

        async def into_the_void(message: Any) -> None:
            pass

        await self.app(scope, receive, into_the_void)
        self.lost += 1
        # As the emulator's own drop does: promise a body, then fail, and uvicorn cuts
        # the connection.
        headers = [(b"content-type", b"application/json"), (b"content-length", b"1024")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        raise ConnectionDropped("the answer was lost after the write was handled (soak)")


def hostile_emulator(args: argparse.Namespace) -> Emulator:
    emulator = Emulator(
        # The duplicate check reads every start back from the log: keep them all.
        settings=EmulatorSettings(
            rate_limit=args.rate, transition_delay=0.0, request_log_size=10_000_000
        ),
        seed=args.seed,
    )
    faults = emulator.faults
    # Latency: the first delay rule that fires wins, so the rare long one comes first.
    faults.delay(ATTEMPT_TIMEOUT * 1.5, probability=args.stall)
    faults.delay(0.05, probability=args.slow)
    faults.drop(probability=args.drop)
    faults.fail(500, probability=args.fail)
    faults.fail(503, probability=args.fail)
    emulator.app = LoseAnswers(emulator.app, args.lose, args.seed)  # type: ignore[assignment]
    return emulator


async def soak(args: argparse.Namespace) -> tuple[Soak, dict[str, Any], list[str], bool, float]:
    emulator = hostile_emulator(args)
    policy = RetryPolicy(
        attempt_timeout=ATTEMPT_TIMEOUT, deadline=args.deadline, max_retry_after=MAX_RETRY_AFTER
    )
    with ServedEmulator.start_in_thread(emulator, log_level="critical") as served:
        client = served.client(max_concurrency=args.concurrency, retry=policy)
        async with client:
            work = Soak(args, served, client)
            work.prepare(emulator)
            elapsed = await work.run()
            found = await leaks(client)
            # Only now, with nothing in flight, is the fault script changed.
            emulator.faults.clear()
            emulator.settings.rate_limit = None
            try:
                async with asyncio.timeout(args.deadline):
                    await client.users.me()
                    answers = True
            except (ElasticioError, TimeoutError):
                answers = False
            work.stats = attrs.asdict(client.stats)
    assert isinstance(emulator.app, LoseAnswers)
    work.lost = emulator.app.lost
    return work, duplicates(emulator, work), found, answers, elapsed


def report(
    args: argparse.Namespace,
    work: Soak,
    dups: dict[str, Any],
    found: list[str],
    answers: bool,
    elapsed: float,
) -> int:
    books = work.books
    stats = work.stats
    print(
        f"soak: seed {args.seed}, {args.requests} calls asked, {args.seconds:g} s cap,"
        f" max_concurrency {args.concurrency}, {2 * args.concurrency} callers;"
        f" emulator on 127.0.0.1: {args.rate:g} requests/s, {args.fail:.0%} 500 and"
        f" {args.fail:.0%} 503, {args.drop:.0%} dropped, {args.slow:.0%} +50 ms,"
        f" {args.stall:.1%} +{ATTEMPT_TIMEOUT * 1.5:g} s, {args.lose:.0%} of writes handled"
        f" and their answer lost; {args.cancel:.0%} of calls cancelled"
    )
    print()
    print(f"{'calls made':<44}{books.calls:>10}  in {elapsed:.1f} s")
    print(f"{'HTTP requests sent (client stats)':<44}{stats['requests']:>10}")
    for key in ("retries", "rate_limited", "throttled"):
        print(f"{'  ' + key:<44}{stats[key]:>10}")
    print(f"{'requests the emulator saw, by status':<44}{dups['requests by status']}")
    print(f"{'  writes handled and their answer lost':<44}{work.lost:>10}")
    print(f"{'succeeded':<44}{sum(books.ok.values()):>10}  {dict(sorted(books.ok.items()))}")
    print(f"{'failed, by class':<44}{sum(books.failures.values()):>10}")
    for name, count in sorted(books.failures.items()):
        print(f"{'  ' + name:<44}{count:>10}")
    print(f"{'calls to cancel at a random moment':<44}{books.cancels_planned:>10}")
    print(f"{'  cancels that reached the call running':<44}{books.cancels_sent:>10}")
    print(f"{'longest call (s)':<44}{books.longest:>10.2f}  (deadline {args.deadline:g} s)")
    print(
        f"{'writes: flows / credentials / starts':<44}"
        f"{dups['flows created']:>4} / {dups['credentials created']} / {dups['flows started']}"
    )
    print()
    twice = (
        dups["flow names created twice or more"]
        + dups["credential names created twice or more"]
        + dups["flows started twice or more"]
    )
    if dups["starts answered 409"]:
        twice.append(f"{dups['starts answered 409']} starts answered 409")
    missing = (
        dups["acknowledged flows missing"]
        + dups["acknowledged credentials missing"]
        + dups["acknowledged starts missing"]
    )
    checks = [
        ("hangs", len(books.hangs), books.hangs),
        ("leaked connections, slots or attempts", len(found), found),
        ("duplicate non-idempotent writes", len(twice), twice),
        ("acknowledged writes missing", len(missing), missing),
        ("failures neither ElasticioError nor CancelledError", len(books.untyped), books.untyped),
        ("cancellations swallowed", len(books.swallowed), books.swallowed),
        ("client not answering afterwards", int(not answers), []),
        (f"calls short of {args.requests}", max(0, args.requests - books.calls), []),
    ]
    failed = 0
    print(f"{'check':<52}{'found':>8}  verdict")
    for label, count, details in checks:
        failed += count > 0
        print(f"{label:<52}{count:>8}  {'FAIL' if count else 'ok'}")
        for detail in details[:10]:
            print(f"    {detail}")
    print()
    print("soak: FAILED" if failed else "soak: passed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The last resort against a hang the run's own watch would miss: dump and exit.
    faulthandler.dump_traceback_later(args.seconds + args.deadline * 3 + MARGIN + 60, exit=True)
    try:
        work, dups, found, answers, elapsed = asyncio.run(soak(args))
    finally:
        faulthandler.cancel_dump_traceback_later()
    return report(args, work, dups, found, answers, elapsed)


if __name__ == "__main__":
    start = time.perf_counter()
    status = main()
    print(f"soak: {time.perf_counter() - start:.1f} s in all")
    sys.exit(status)
