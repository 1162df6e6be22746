"""One operation over many items, as the bulk commands (``flows start``, ``stop``,
``delete``, ``import``) run it: concurrently under `run_bounded`, with a progress bar
on a terminal and a plain line per item otherwise, then a summary.

The summary counts items done and failed, the client's retries and the 429s its retry
policy absorbed, and the time taken; each failure is printed to stderr with its reason.
The exit status is 1 when any item failed, 130 when Ctrl-C stopped the run. An
interrupted run reports what had finished and sends nothing more: a request cut off
mid-way is not sent again (the SDK never re-sends a write it cannot prove unsent).

Examples:
    >>> status = run_bulk(  # doctest: +SKIP
    ...     connection,
    ...     collect=lambda client: list_ids(client),
    ...     operation=lambda client, flow_id: start(client, flow_id),
    ...     label=str,
    ...     title="Starting flows",
    ...     concurrency=16,
    ... )
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import attrs
import click

from elasticio import AsyncClient, ClientStats, Outcome, RateLimitError, run_bounded
from elasticio._cli.context import Connection, describe_error, run_with_client
from elasticio._cli.output import is_terminal

__all__ = ["BULK_RETRIES", "BulkTally", "concurrency_option", "run_bulk"]

BULK_RETRIES = 10
"""Retries of each request of a bulk run unless ``--max-retries`` says otherwise: under
a rate limit, 429s come in waves, and the SDK's 3 can run out for a few of 1,000."""

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def concurrency_option(command: F) -> F:
    """``--concurrency N``: the items worked on at once."""
    return click.option(
        "--concurrency",
        type=click.IntRange(min=1),
        default=16,
        show_default=True,
        help="Items worked on at once.",
    )(command)


@attrs.define
class BulkTally(Generic[T]):
    """What a bulk run has done so far; ``results`` counts each outcome's word."""

    title: str
    label: Callable[[T], str]
    total: int = 0
    done: int = 0
    results: dict[str, int] = attrs.field(factory=dict)
    failures: list[tuple[str, str]] = attrs.field(factory=list)
    rate_limit_failures: int = 0
    stats: ClientStats | None = None
    started: float = 0.0

    def record(self, outcome: Outcome[T, str]) -> str:
        """Count one outcome; returns its line for a plain report."""
        name = self.label(outcome.item)
        if outcome.error is not None:
            reason = describe_error(outcome.error)
            self.failures.append((name, reason))
            self.rate_limit_failures += isinstance(outcome.error, RateLimitError)
            return f"failed {name}: {reason}"
        self.done += 1
        word = outcome.value or "done"
        self.results[word] = self.results.get(word, 0) + 1
        return f"{word} {name}"

    def summary(self, elapsed: float, *, interrupted: bool = False) -> list[str]:
        """The closing lines: counts, retries, 429s absorbed, elapsed."""
        stats = self.stats or ClientStats()
        words = ", ".join(f"{count} {word}" for word, count in sorted(self.results.items()))
        lines = [
            f"{self.title}: {'interrupted' if interrupted else 'finished'}",
            f"  items:          {self.total}",
            f"  done:           {self.done}" + (f" ({words})" if words else ""),
            f"  failed:         {len(self.failures)}",
            f"  retried:        {stats.retries}",
            f"  429s absorbed:  {stats.rate_limited - self.rate_limit_failures}",
            f"  elapsed:        {elapsed:.1f} s",
        ]
        if interrupted:
            lines.append(f"  not finished:   {self.total - self.done - len(self.failures)}")
        return lines


class _Plain:
    def __init__(self, tally: BulkTally[Any]) -> None:
        self.tally = tally

    def __enter__(self) -> _Plain:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def begin(self, total: int) -> None:
        click.echo(f"{self.tally.title}: {total} items")

    def update(self, outcome: Outcome[Any, str]) -> None:
        line = self.tally.record(outcome)
        click.echo(line, err=outcome.error is not None)


class _Bar:
    def __init__(self, tally: BulkTally[Any]) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.tally = tally
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
        )
        self.task = self.progress.add_task(tally.title, total=None, detail="")

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def begin(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def update(self, outcome: Outcome[Any, str]) -> None:
        line = self.tally.record(outcome)
        if outcome.error is not None:
            self.progress.console.print(line, style="red", markup=False, highlight=False)
        stats = self.tally.stats
        detail = f"{len(self.tally.failures)} failed, {stats.rate_limited if stats else 0} 429s"
        self.progress.update(self.task, advance=1, detail=detail)


def run_bulk(
    connection: Connection,
    *,
    collect: Callable[[AsyncClient], Awaitable[Sequence[T]]],
    operation: Callable[[AsyncClient, T], Awaitable[str]],
    label: Callable[[T], str],
    title: str,
    concurrency: int,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Collect the items, run ``operation`` on each, print the summary; returns the exit
    status (0, 1 when an item failed, 130 on Ctrl-C). ``operation`` returns the word
    that tells what it did (``"started"``, ``"created"``, ...)."""
    tally: BulkTally[T] = BulkTally(title=title, label=label)
    display = _Bar(tally) if is_terminal() else _Plain(tally)

    async def work(client: AsyncClient) -> None:
        tally.stats = client.stats
        items = await collect(client)
        tally.total = len(items)
        tally.started = clock()
        with display:
            display.begin(len(items))
            await run_bounded(
                lambda item: operation(client, item),
                items,
                concurrency=concurrency,
                on_done=display.update,
            )

    interrupted = False
    try:
        patience = {} if connection.max_retries is not None else {"max_retries": BULK_RETRIES}
        run_with_client(connection, work, **patience)
    except (KeyboardInterrupt, asyncio.CancelledError):
        interrupted = True
    elapsed = clock() - tally.started if tally.started else 0.0
    for line in tally.summary(elapsed, interrupted=interrupted):
        click.echo(line)
    if tally.failures:
        click.echo(f"{len(tally.failures)} failed:", err=True)
        for name, reason in tally.failures:
            click.echo(f"  {name}: {reason}", err=True)
    if interrupted:
        return 130
    return 1 if tally.failures else 0
