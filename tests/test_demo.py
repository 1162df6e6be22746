"""``elasticio demo``: the bulk automation, its reporters, its summary and its command.

Most tests run :func:`run_demo` against an emulator in process, on a fake clock, so
nothing waits; the Sandbox workspace alone (100 flows, 75 inactive) keeps them quick.
Two tests use a real loopback socket and real time, each bounded.
"""

from __future__ import annotations

import asyncio
import io
import signal
import sys
from collections.abc import AsyncIterator, Callable
from typing import Any

import attrs
import pytest
from rich.console import Console

from elasticio import AsyncClient
from elasticio._cli import build_parser, main
from elasticio._demo import (
    DEMO_RETRY,
    PHASES,
    DemoOptions,
    DemoSummary,
    Phase,
    PlainReporter,
    Reporter,
    RichReporter,
    progress_bars,
    run_demo,
    summary_table,
)
from elasticio._demo import main as demo_main
from elasticio.testing import Emulator, EmulatorSettings, serve_emulator
from tests.conftest import FakeClock

START_ROUTE = "POST /v2/flows/{flow_id}/start"
# The demo's policy without its deadline: every task's fake sleep moves the one fake
# clock, so on it a single request seems to take as long as the whole run.
RETRY = attrs.evolve(DEMO_RETRY, deadline=None)
WAIT = 20.0  # seconds: the bound on every real-time wait


class RecordingReporter:
    """Every call, in order; ``on_end`` runs a hook when a phase ends."""

    def __init__(self, on_end: Callable[[Phase], None] | None = None) -> None:
        self.events: list[tuple[Any, ...]] = []
        self._on_end = on_end

    def begin(self, phase: Phase, total: int | None = None) -> None:
        self.events.append(("begin", phase, total))

    def advance(
        self, phase: Phase, amount: int = 1, *, total: int | None = None, detail: str = ""
    ) -> None:
        self.events.append(("advance", phase, amount, total))

    def end(self, phase: Phase, result: str) -> None:
        self.events.append(("end", phase, result))
        if self._on_end is not None:
            self._on_end(phase)

    def problem(self, phase: Phase, message: str) -> None:
        self.events.append(("problem", phase, message))

    def of(self, kind: str, phase: Phase | None = None) -> list[tuple[Any, ...]]:
        return [e for e in self.events if e[0] == kind and phase in (None, e[1])]


@pytest.fixture
def emulator(clock: FakeClock) -> Emulator:
    settings = EmulatorSettings(transition_delay=0.5, execution_time=0.3)
    return Emulator(settings=settings, clock=clock, sleep=clock.sleep)


@pytest.fixture
async def demo_client(emulator: Emulator, clock: FakeClock) -> AsyncIterator[AsyncClient]:
    async with emulator.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client:
        yield client


def inactive_ids(emulator: Emulator, workspace_id: str) -> set[str]:
    return {
        flow.id
        for flow in emulator.platform.flows.values()
        if flow.workspace_id == workspace_id and flow.status == "inactive"
    }


async def demo(
    client: AsyncClient,
    emulator: Emulator,
    clock: FakeClock,
    reporter: Reporter | None = None,
    *,
    everywhere: bool = False,
) -> DemoSummary:
    seed = emulator.seed
    workspaces = (seed.workspace_id, seed.private_workspace_id)
    return await run_demo(
        client,
        contract_id=seed.contract_id,
        workspace_ids=workspaces if everywhere else workspaces[1:],
        credential_id=seed.credential_ids["petstore"],
        concurrency=8,
        reporter=reporter,
        clock=clock,
    )


# -- the run ---------------------------------------------------------------------------


async def test_every_inactive_flow_is_started_and_active(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Across both workspaces, every inactive flow is found, started and active after."""
    seed = emulator.seed
    before = inactive_ids(emulator, seed.workspace_id) | inactive_ids(
        emulator, seed.private_workspace_id
    )
    summary = await demo(demo_client, emulator, clock, everywhere=True)
    assert (summary.flows_seen, summary.flows_found) == (300, len(before)) == (300, 225)
    assert summary.flows_started == summary.flows_found
    assert summary.failures == ()
    assert all(emulator.platform.flows[flow_id].status == "active" for flow_id in before)
    assert (summary.ok, summary.exit_status) == (True, 0)


async def test_components_versions_and_descriptors_are_walked(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Five components (four global, one private) with eleven builds; one descriptor each."""
    summary = await demo(demo_client, emulator, clock)
    assert (summary.components, summary.versions, summary.descriptors) == (5, 11, 5)


async def test_the_credential_is_verified_through_the_execution_poll(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """The petstore credential is checked by a scheduled execution that gets polled."""
    summary = await demo(demo_client, emulator, clock)
    assert summary.credential_verified
    assert summary.credential_detail == "Petstore demo key: verified"
    polls = [r for r in emulator.requests if r.route == "GET /v2/exec/poll/{execution_id}"]
    assert polls


async def test_requests_are_counted_as_the_emulator_saw_them(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """``requests`` is every attempt the server received; elapsed is on the given clock."""
    began = clock()
    summary = await demo(demo_client, emulator, clock)
    assert summary.requests == len(emulator.requests)
    assert summary.elapsed == clock() - began > 0


async def test_a_tight_rate_limit_is_absorbed(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Under 2 requests a second the 429s are retried away and every flow still starts."""
    emulator.settings.rate_limit = 2
    summary = await demo(demo_client, emulator, clock)
    limited = sum(1 for r in emulator.requests if r.status == 429)
    assert summary.rate_limited == summary.rate_limited_absorbed == limited > 0
    assert summary.retries >= limited
    assert summary.flows_started == summary.flows_found == 75
    assert summary.exit_status == 0


# -- failures ----------------------------------------------------------------------------


async def test_starts_that_always_fail_make_the_exit_status_1(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A 500 on every start (not retried for a POST) fails every flow, reported one by one."""
    emulator.faults.fail(500, route=START_ROUTE)
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert summary.flows_found == summary.flows_failed == 75
    assert summary.flows_started == 0
    assert all(f.reason.startswith("ServerError: ") for f in summary.failures)
    assert len(reporter.of("problem", "start")) == 75
    assert (summary.ok, summary.exit_status) == (False, 1)


async def test_some_failed_starts_are_listed_in_input_order(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Three failures among 75: the others start, and the failures keep the list's order."""
    emulator.faults.fail(503, times=3, route=START_ROUTE, retry_after=120)
    summary = await demo(demo_client, emulator, clock)
    assert (summary.flows_started, summary.flows_failed) == (72, 3)
    listed = list(emulator.platform.flows)
    positions = [listed.index(f.flow_id) for f in summary.failures]
    assert positions == sorted(positions)
    assert summary.exit_status == 1


async def test_a_flow_inactive_at_the_final_check_counts_as_failed(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A started flow stopped behind the demo's back is found by listing the flows again."""
    stopped: list[str] = []
    # Only a flow the demo started counts: stop one of the Sandbox's formerly inactive ones.
    sandbox = inactive_ids(emulator, emulator.seed.private_workspace_id)

    def stop_a_started_one(phase: Phase) -> None:
        if phase == "start":
            flow_id = min(sandbox)
            emulator.platform.set_flow_status(flow_id, "inactive", delay=0)
            stopped.append(flow_id)

    summary = await demo(demo_client, emulator, clock, RecordingReporter(stop_a_started_one))
    assert [f.flow_id for f in summary.failures] == stopped
    assert summary.failures[0].reason == "not active when listed again"
    assert (summary.flows_started, summary.flows_failed) == (74, 1)
    assert summary.exit_status == 1


async def test_a_credential_that_is_not_verified_fails_the_run(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A credential missing its required key is refused, and the run is not ok."""
    emulator.platform.credentials[emulator.seed.credential_ids["petstore"]].keys = {}
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert not summary.credential_verified
    assert "not verified" in summary.credential_detail
    assert reporter.of("problem", "credential")
    assert summary.exit_status == 1


# -- reporting ---------------------------------------------------------------------------


async def test_the_reporter_sees_each_phase_begin_and_end_in_order(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Phases run in order; the start bar is advanced once per flow, to its total."""
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert [e[1] for e in reporter.of("begin")] == list(PHASES)
    assert [e[1] for e in reporter.of("end")] == list(PHASES)
    assert reporter.of("begin", "start") == [("begin", "start", summary.flows_found)]
    assert sum(e[2] for e in reporter.of("advance", "start")) == summary.flows_found
    assert sum(e[2] for e in reporter.of("advance", "flows")) == summary.flows_seen
    assert sum(e[2] for e in reporter.of("advance", "check")) == summary.flows_started


async def test_plain_lines_show_phases_and_progress_in_tenths(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """The plain reporter writes a line per phase and one per tenth of a long phase."""
    out = io.StringIO()
    await demo(demo_client, emulator, clock, PlainReporter(out))
    lines = out.getvalue().splitlines()
    assert lines[0] == "Components..."
    assert "Flows: 100 listed, 75 inactive" in lines
    assert "Starting flows: 75 started, 0 failed" in lines
    progress = [line for line in lines if line.startswith("  ") and "/75 (" in line]
    assert len(progress) == 10
    assert progress[-1].startswith("  75/75 (0 failed, ")
    assert lines[-1] == "Final check: 75 of 75 active"


def test_plain_reporter_caps_the_problems_it_prints() -> None:
    """After ten failures it points at the summary rather than printing hundreds."""
    out = io.StringIO()
    reporter = PlainReporter(out)
    for number in range(25):
        reporter.problem("start", f"flow {number}")
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["  failed: flow 0", "  failed: flow 1"]
    assert lines[10:] == ["  (more failures: see the summary)"]


async def test_progress_bars_end_full_with_each_phase_result(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """The rich reporter keeps a task per phase, each complete with its result shown."""
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    with progress_bars(console) as progress:
        await demo(demo_client, emulator, clock, RichReporter(progress))
        tasks = {task.description: task for task in progress.tasks}
    assert list(tasks) == list(PHASES.values())
    assert all(task.finished for task in tasks.values())
    assert tasks["Starting flows"].completed == 75
    assert tasks["Starting flows"].fields["detail"] == "75 started, 0 failed"


# -- main and the command ------------------------------------------------------------------


def in_process(emulator: Emulator, clock: FakeClock) -> Any:
    """A ``run`` for the demo's main: the in-process emulator on the fake clock."""

    async def run(options: DemoOptions, reporter: Reporter) -> DemoSummary:
        async with emulator.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client:
            return await demo(client, emulator, clock, reporter)

    return run


def test_no_progress_prints_plain_lines_and_the_summary_table(
    emulator: Emulator, clock: FakeClock
) -> None:
    """Without progress bars: plain lines, then the table; status 0 when all started."""
    out = io.StringIO()
    status = demo_main(DemoOptions(progress=False), out=out, run=in_process(emulator, clock))
    text = out.getvalue()
    assert status == 0
    assert "Starting flows: 75 started, 0 failed\n" in text
    assert "━" not in text  # no progress bar was drawn
    for row in ("flows found inactive", "flows started", "requests", "429s absorbed", "elapsed"):
        assert row in text


def test_progress_bars_need_a_terminal(emulator: Emulator, clock: FakeClock) -> None:
    """Asked for progress bars but writing to a file or pipe: plain lines instead."""
    out = io.StringIO()
    assert demo_main(DemoOptions(), out=out, run=in_process(emulator, clock)) == 0
    assert out.getvalue().startswith("Components...\n")
    assert "━" not in out.getvalue()


def test_main_lists_failures_and_returns_1(emulator: Emulator, clock: FakeClock) -> None:
    """Failed flows are listed under the table (ten at most) and the status is 1."""
    emulator.faults.fail(500, route=START_ROUTE)
    out = io.StringIO()
    status = demo_main(DemoOptions(progress=False), out=out, run=in_process(emulator, clock))
    text = out.getvalue()
    assert status == 1
    assert text.count("failed: ") >= 10
    assert "... and 65 more" in text


def test_summary_table_rows() -> None:
    """The table names every number of the summary."""
    summary = DemoSummary(
        components=5,
        versions=11,
        descriptors=5,
        flows_seen=300,
        flows_found=225,
        flows_started=225,
        failures=(),
        credential_verified=True,
        credential_detail="verified",
        requests=943,
        retries=311,
        rate_limited=311,
        rate_limited_absorbed=311,
        elapsed=16.14,
    )
    console = Console(file=io.StringIO(), width=80)
    console.print(summary_table(summary))
    text = console.file.getvalue()
    for row in ("flows started", "│    225 │", "│    943 │", "│    311 │", "16.1 s"):
        assert row in text


def test_demo_arguments_and_their_defaults() -> None:
    """``elasticio demo`` defaults to 32 at once, 40 requests a second and progress bars."""
    args = build_parser().parse_args(["demo"])
    assert args.run.__name__ == "demo"
    assert (args.flows_concurrency, args.rate_limit, args.seed) == (32, 40.0, 0)
    assert (args.transition_delay, args.execution_time, args.progress) == (0.5, 0.3, True)
    args = build_parser().parse_args(
        ["demo", "--flows-concurrency", "4", "--rate-limit", "0", "--seed", "7", "--no-progress"]
    )
    assert (args.flows_concurrency, args.rate_limit, args.seed, args.progress) == (
        4,
        None,
        7,
        False,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--flows-concurrency", "0"],
        ["demo", "--rate-limit", "-1"],
        ["demo", "--transition-delay", "-0.5"],
    ],
)
def test_bad_demo_arguments_are_usage_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad value exits with status 2 and names the option, before anything is served."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: elasticio demo")
    assert f"argument {argv[1]}" in err


def test_the_command_passes_its_options_to_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsed options reach the demo's main; its status is the command's."""
    seen: list[DemoOptions] = []

    def fake_main(options: DemoOptions) -> int:
        seen.append(options)
        return 1

    monkeypatch.setattr("elasticio._demo.main", fake_main)
    argv = ["demo", "--flows-concurrency", "3", "--rate-limit", "5", "--transition-delay", "0"]
    assert main([*argv, "--execution-time", "0.1", "--seed", "2", "--no-progress"]) == 1
    assert seen == [
        DemoOptions(
            flows_concurrency=3,
            rate_limit=5.0,
            transition_delay=0.0,
            execution_time=0.1,
            seed=2,
            progress=False,
        )
    ]


# -- on a real socket, in real time ----------------------------------------------------------


async def test_over_a_socket_under_a_rate_limit(clock: FakeClock) -> None:
    """Served on loopback at 5 requests a second: 429s absorbed, every flow started.

    The emulator and the client share a fake clock, so the waits for Retry-After and
    for the flows to settle cost no real time: only the socket is real.
    """
    settings = EmulatorSettings(rate_limit=5, transition_delay=0.5, execution_time=0.3)
    emulator = Emulator(settings=settings, clock=clock, sleep=clock.sleep)
    seed = emulator.seed
    async with (
        asyncio.timeout(WAIT),
        serve_emulator(emulator) as served,
        served.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client,
    ):
        summary = await run_demo(
            client,
            contract_id=seed.contract_id,
            workspace_ids=[seed.private_workspace_id],
            credential_id=seed.private_credential_id,
            concurrency=32,
            clock=clock,
        )
    assert summary.flows_started == summary.flows_found == 75
    assert summary.rate_limited_absorbed > 0
    assert summary.requests == len(emulator.requests)
    assert summary.exit_status == 0


async def test_ctrl_c_stops_the_command_cleanly() -> None:
    """SIGINT while flows start: the server and client close, and the status is 130."""
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "elasticio", "demo", "--no-progress", "--rate-limit", "0"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        async with asyncio.timeout(WAIT):
            while (await process.stdout.readline()) != b"Starting flows...\n":
                pass
        process.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(process.communicate(), WAIT)
    finally:
        if process.returncode is None:  # pragma: no cover - only when the test failed
            process.kill()
            await process.wait()
    assert process.returncode == 130, err.decode()
    assert out.decode().endswith("elasticio demo: interrupted\n")
    assert err == b""
