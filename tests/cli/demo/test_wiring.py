"""``elasticio demo``: its options, its main (output and exit status) and the real command."""

from __future__ import annotations

import asyncio
import io
import signal

import pytest

from elasticio import APIConnectionError
from elasticio._cli import main
from elasticio._cli.demo.wiring import DemoOptions
from elasticio._cli.demo.wiring import main as demo_main
from elasticio._cli.demo.workflow import DemoSummary, Reporter
from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.demo import START_ROUTE, WAIT, in_process
from tests._support.processes import python, stop

# -- main ----------------------------------------------------------------------------------


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


def test_an_sdk_error_that_stops_the_run_is_reported_with_status_1() -> None:
    """An error the workflow does not collect (say, no connection) ends the run with 1."""

    async def unreachable(options: DemoOptions, reporter: Reporter) -> DemoSummary:
        raise APIConnectionError("connection refused")

    out = io.StringIO()
    assert demo_main(DemoOptions(progress=False), out=out, run=unreachable) == 1
    assert out.getvalue() == "elasticio demo: APIConnectionError: connection refused\n"


# -- the options -----------------------------------------------------------------------------


def test_demo_arguments_and_their_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """``elasticio demo`` defaults to 32 at once, 40 requests a second and progress bars;
    a rate limit of 0 is none."""
    seen: list[DemoOptions] = []
    monkeypatch.setattr("elasticio._cli.demo.wiring.main", lambda o: seen.append(o) or 0)
    assert main(["demo"]) == 0
    assert (
        main(
            [
                "demo",
                "--flows-concurrency",
                "4",
                "--rate-limit",
                "0",
                "--seed",
                "7",
                "--no-progress",
            ]
        )
        == 0
    )
    assert seen == [
        DemoOptions(),
        DemoOptions(flows_concurrency=4, rate_limit=None, seed=7, progress=False),
    ]


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
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("Usage: elasticio demo")
    assert f"Invalid value for '{argv[1]}'" in err


def test_the_command_passes_its_options_to_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsed options reach the demo's main; its status is the command's."""
    seen: list[DemoOptions] = []

    def fake_main(options: DemoOptions) -> int:
        seen.append(options)
        return 1

    monkeypatch.setattr("elasticio._cli.demo.wiring.main", fake_main)
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


# -- the real command, in real time ------------------------------------------------------------


async def test_ctrl_c_stops_the_command_cleanly() -> None:
    """SIGINT while flows start: the server and client close, and the status is 130.

    Each start waits for its flow to settle, a minute later, so the signal lands
    mid-run however fast the machine. A child inherits an ignored SIGINT, so the
    default handler is put back for the spawn, whatever an earlier test left."""
    argv = ["demo", "--no-progress", "--rate-limit", "0", "--transition-delay", "60"]
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        async with python("-m", "elasticio", *argv) as process:
            assert process.stdout is not None
            async with asyncio.timeout(WAIT):
                while (await process.stdout.readline()) != b"Starting flows...\n":
                    pass
            out, err = await stop(process, signal.SIGINT, seconds=WAIT)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert process.returncode == 130, err.decode()
    assert out.decode().endswith("elasticio demo: interrupted\n")
    assert err == b""
