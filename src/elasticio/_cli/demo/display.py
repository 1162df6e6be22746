"""How ``elasticio demo`` shows itself: progress bars or plain lines, then the summary.

`Display` writes to one stream. While the demo runs, `Display.reporter`
gives the `Reporter` to pass it: rich progress bars
(`RichReporter`) when asked for and the stream is a terminal, plain lines
(`PlainReporter`) otherwise. Afterwards `Display.summary` prints the
summary table and the failures.

Examples:
    >>> display = Display(sys.stdout, progress=False)  # doctest: +SKIP
    >>> with display.reporter() as reporter:  # doctest: +SKIP
    ...     summary = await run_demo(client, ..., reporter=reporter)
    >>> display.summary(summary)  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Final, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column, Table

from elasticio._cli.demo.workflow import PHASES, DemoSummary, Phase, Reporter

__all__ = [
    "SHOWN_PROBLEMS",
    "Display",
    "PlainReporter",
    "RichReporter",
    "progress_bars",
    "summary_table",
]

SHOWN_PROBLEMS: Final = 10
"""Failures printed at most, while running and under the summary; the summary holds all."""


class PlainReporter:
    """Plain lines on ``out``: a line per phase, and progress in steps of a tenth."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._done: dict[Phase, int] = {}
        self._total: dict[Phase, int | None] = {}
        self._problems = 0

    def _line(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def begin(self, phase: Phase, total: int | None = None) -> None:
        self._done[phase] = 0
        self._total[phase] = total
        self._line(f"{PHASES[phase]}...")

    def advance(
        self, phase: Phase, amount: int = 1, *, total: int | None = None, detail: str = ""
    ) -> None:
        if total is not None:
            self._total[phase] = total
        before = self._done.get(phase, 0)
        done = self._done[phase] = before + amount
        known = self._total.get(phase)
        if not known or amount == 0:
            return
        # A line each time another tenth is done, so a long phase shows it moves.
        if done * 10 // known > before * 10 // known:
            self._line(f"  {done}/{known}" + (f" ({detail})" if detail else ""))

    def end(self, phase: Phase, result: str) -> None:
        self._line(f"{PHASES[phase]}: {result}")

    def problem(self, phase: Phase, message: str) -> None:
        self._problems += 1
        if self._problems <= SHOWN_PROBLEMS:
            self._line(f"  failed: {message}")
        elif self._problems == SHOWN_PROBLEMS + 1:
            self._line("  (more failures: see the summary)")


def progress_bars(console: Console) -> Progress:
    """The rich progress display `RichReporter` draws on, one bar a phase."""
    return Progress(
        SpinnerColumn(finished_text="[green]✓[/]"),
        TextColumn("{task.description}", table_column=Column(width=14, no_wrap=True)),
        BarColumn(bar_width=16),
        MofNCompleteColumn(table_column=Column(width=7, justify="right", no_wrap=True)),
        TimeElapsedColumn(table_column=Column(width=7, no_wrap=True)),
        TextColumn("{task.fields[detail]}", table_column=Column(no_wrap=True, overflow="ellipsis")),
        console=console,
    )


class RichReporter:
    """Progress bars with rich: one task a phase, its detail shown beside the bar."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._tasks: dict[Phase, TaskID] = {}
        self._problems = 0

    def begin(self, phase: Phase, total: int | None = None) -> None:
        self._tasks[phase] = self._progress.add_task(PHASES[phase], total=total, detail="")

    def advance(
        self, phase: Phase, amount: int = 1, *, total: int | None = None, detail: str = ""
    ) -> None:
        self._progress.update(self._tasks[phase], advance=amount, total=total, detail=detail)

    def end(self, phase: Phase, result: str) -> None:
        task_id = self._tasks[phase]
        task = next(t for t in self._progress.tasks if t.id == task_id)
        # A phase may end early (or with an unknown total): show its bar full all the same.
        steps = max(task.total or 0, task.completed, 1)
        self._progress.update(task_id, total=steps, completed=steps, detail=escape(result))

    def problem(self, phase: Phase, message: str) -> None:
        self._problems += 1
        if self._problems <= SHOWN_PROBLEMS:
            self._progress.console.print(f"[red]✗[/] {escape(message)}")
        elif self._problems == SHOWN_PROBLEMS + 1:
            self._progress.console.print("[red]✗[/] (more failures: see the summary)")


def summary_table(summary: DemoSummary) -> Table:
    """The summary as a rich table."""
    table = Table(title="elasticio demo", title_justify="left", show_header=False)
    table.add_column("")
    table.add_column("", justify="right")
    failed = f"[red]{summary.flows_failed}[/]" if summary.flows_failed else "0"
    credential = "yes" if summary.credential_verified else "[red]no[/]"
    rows = [
        ("components walked", f"{summary.components}"),
        ("  versions / descriptors", f"{summary.versions} / {summary.descriptors}"),
        ("flows listed", f"{summary.flows_seen}"),
        ("flows found inactive", f"{summary.flows_found}"),
        ("flows started", f"{summary.flows_started}"),
        ("flows failed", failed),
        ("credential verified", credential),
        ("requests", f"{summary.requests}"),
        ("retries", f"{summary.retries}"),
        ("429s absorbed", f"{summary.rate_limited_absorbed}"),
        ("elapsed", f"{summary.elapsed:.1f} s"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


class Display:
    """The demo's output on ``out``: progress while it runs, then the summary.

    Progress bars are drawn when ``progress`` is set and ``out`` is a terminal; plain
    lines otherwise.
    """

    def __init__(self, out: TextIO, *, progress: bool = True) -> None:
        self._out = out
        self._console = Console(file=out, highlight=False)
        self._bars = progress and self._console.is_terminal

    @contextlib.contextmanager
    def reporter(self) -> Iterator[Reporter]:
        """The reporter to run the demo with; progress bars stop when the block ends."""
        if not self._bars:
            yield PlainReporter(self._out)
            return
        with progress_bars(self._console) as progress:
            yield RichReporter(progress)

    def message(self, text: str) -> None:
        """One line of plain text (any markup in it is shown as it is)."""
        self._console.print(escape(text))

    def summary(self, summary: DemoSummary) -> None:
        """The summary table, then the failures (ten at most) and a credential not verified."""
        self._console.print(summary_table(summary))
        for failure in summary.failures[:SHOWN_PROBLEMS]:
            self._console.print(f"[red]failed:[/] {escape(failure.describe())}")
        if summary.flows_failed > SHOWN_PROBLEMS:
            self._console.print(f"... and {summary.flows_failed - SHOWN_PROBLEMS} more")
        if not summary.credential_verified:
            self._console.print(f"[red]credential:[/] {escape(summary.credential_detail)}")
