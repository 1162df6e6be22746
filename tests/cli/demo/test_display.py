"""The demo's display: plain lines, progress bars, and the summary with its failures."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from elasticio import AsyncClient
from elasticio._cli.demo.display import (
    Display,
    PlainReporter,
    RichReporter,
    progress_bars,
    summary_table,
)
from elasticio._cli.demo.workflow import PHASES, DemoSummary, FlowFailure
from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.demo import demo


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as rich asks."""

    def isatty(self) -> bool:
        return True


def summary_of(*, failed: int = 0, verified: bool = True) -> DemoSummary:
    """A summary of 225 flows found, ``failed`` of them failed."""
    failures = tuple(
        FlowFailure(flow_id=f"f{n}", name=f"flow {n}", reason="ServerError: boom")
        for n in range(failed)
    )
    return DemoSummary(
        components=5,
        versions=11,
        descriptors=5,
        flows_seen=300,
        flows_found=225,
        flows_started=225 - failed,
        failures=failures,
        credential_verified=verified,
        credential_detail="Petstore demo key: " + ("verified" if verified else "not verified"),
        requests=943,
        retries=311,
        rate_limited=311,
        rate_limited_absorbed=311,
        elapsed=16.14,
    )


# -- plain lines ---------------------------------------------------------------------------


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


# -- progress bars -------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("out", "progress", "kind"),
    [
        (Terminal(), True, RichReporter),
        (Terminal(), False, PlainReporter),
        (io.StringIO(), True, PlainReporter),
    ],
)
def test_bars_are_drawn_only_on_a_terminal_when_asked_for(
    out: io.StringIO, progress: bool, kind: type
) -> None:
    """Progress bars on a terminal unless told not to; plain lines on a file or a pipe."""
    with Display(out, progress=progress).reporter() as reporter:
        assert isinstance(reporter, kind)


# -- the summary ---------------------------------------------------------------------------


def test_summary_table_rows() -> None:
    """The table names every number of the summary."""
    console = Console(file=io.StringIO(), width=80)
    console.print(summary_table(summary_of()))
    text = console.file.getvalue()
    for row in ("flows started", "│    225 │", "│    943 │", "│    311 │", "16.1 s"):
        assert row in text


def test_the_summary_lists_ten_failures_and_counts_the_rest() -> None:
    """Under the table: ten failed flows by name and id, then how many more."""
    out = io.StringIO()
    Display(out).summary(summary_of(failed=12))
    text = out.getvalue()
    assert text.startswith("elasticio demo")
    assert text.count("failed: flow ") == 10
    assert "failed: flow 9 (f9): ServerError: boom\n" in text
    assert text.endswith("... and 2 more\n")


def test_the_summary_says_why_the_credential_failed() -> None:
    """A credential that was not verified gets a line of its own, with the detail."""
    out = io.StringIO()
    Display(out).summary(summary_of(verified=False))
    assert out.getvalue().endswith("credential: Petstore demo key: not verified\n")


def test_messages_are_printed_as_they_are() -> None:
    """A message is plain text: brackets in an error's text are not taken for markup."""
    out = io.StringIO()
    Display(out).message("elasticio demo: APIError: [bold]no[/]")
    assert out.getvalue() == "elasticio demo: APIError: [bold]no[/]\n"
