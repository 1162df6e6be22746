"""``elasticio demo``: a bulk automation against the embedded emulator, on a real socket.

The work and its presentation are apart. :func:`run_demo` does the work with any
:class:`~elasticio.AsyncClient` and tells a :class:`Reporter` how it goes:

1. **components**: list the contract's components; for each, its versions and the
   latest version's descriptor;
2. **flows**: page through the flows of the workspaces and keep the inactive ones;
3. **start**: start every inactive flow, ``concurrency`` at a time, each waited for
   until active, while the platform's rate limit answers 429s that the client absorbs;
4. **credential**: verify one credential through the execution poll (202, then 303);
5. **check**: list the flows again; a started flow that is not active counts as failed.

It returns a :class:`DemoSummary`. :func:`main` serves a fresh emulator on
127.0.0.1, runs the demo over the socket with progress bars (:class:`RichReporter`) or
plain lines (:class:`PlainReporter`), prints the summary table and returns the exit
status: 0 when every flow started and the credential was verified, 1 otherwise.

Example:
    .. code-block:: console

        $ elasticio demo --flows-concurrency 32 --rate-limit 40
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Coroutine, Sequence
from datetime import UTC, datetime
from typing import Final, Literal, Protocol, TextIO, TypeAlias

import attrs
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

from elasticio._bulk import Outcome, run_bounded
from elasticio._client import AsyncClient
from elasticio._errors import ElasticioError, RateLimitError
from elasticio._polling import PollPolicy
from elasticio._retry import RetryPolicy
from elasticio.models import Component, ComponentVersion, Flow

__all__ = [
    "DEMO_POLL",
    "DEMO_RETRY",
    "PHASES",
    "DemoOptions",
    "DemoSummary",
    "FlowFailure",
    "Phase",
    "PlainReporter",
    "Reporter",
    "RichReporter",
    "SilentReporter",
    "main",
    "run_demo",
    "serve_and_run",
    "summary_table",
]

Phase: TypeAlias = Literal["components", "flows", "start", "credential", "check"]

PHASES: Final[dict[Phase, str]] = {
    "components": "Components",
    "flows": "Flows",
    "start": "Starting flows",
    "credential": "Credential",
    "check": "Final check",
}
"""Each phase of :func:`run_demo`, in order, and how it is described."""

# The SDK's own retry defaults (they absorb the 429s); a deadline bounds each request.
DEMO_RETRY: Final = RetryPolicy(deadline=60.0)
"""Generous on purpose. Under a tight rate limit the 429s come in waves: every request
told to retry in 1 s wakes at once with the others, and about 4 in 10 of them meet
another 429; ten retries were seen to run out once in a thousand requests."""

DEMO_POLL: Final = PollPolicy(interval=0.5, max_interval=2.0, timeout=60.0)
"""How a started flow is watched until it is active."""

# Reporters print this many problems at most; the summary holds them all.
_SHOWN_PROBLEMS: Final = 10
_REASON_MAX: Final = 160
# Sorts a build without a date before any dated one.
_NO_DATE: Final = datetime.min.replace(tzinfo=UTC)


class Reporter(Protocol):
    """What :func:`run_demo` says while it works: phases begin, advance and end.

    ``total`` is the number of steps of a phase when known (``None``: not yet);
    ``advance`` may give it once it is. ``detail`` is a short running remark, such as
    the 429s absorbed so far. ``problem`` reports one item that failed.
    """

    def begin(self, phase: Phase, total: int | None = None) -> None: ...

    def advance(
        self, phase: Phase, amount: int = 1, *, total: int | None = None, detail: str = ""
    ) -> None: ...

    def end(self, phase: Phase, result: str) -> None: ...

    def problem(self, phase: Phase, message: str) -> None: ...


class SilentReporter:
    """A :class:`Reporter` that says nothing."""

    def begin(self, phase: Phase, total: int | None = None) -> None:
        pass

    def advance(
        self, phase: Phase, amount: int = 1, *, total: int | None = None, detail: str = ""
    ) -> None:
        pass

    def end(self, phase: Phase, result: str) -> None:
        pass

    def problem(self, phase: Phase, message: str) -> None:
        pass


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
        if self._problems <= _SHOWN_PROBLEMS:
            self._line(f"  failed: {message}")
        elif self._problems == _SHOWN_PROBLEMS + 1:
            self._line("  (more failures: see the summary)")


def progress_bars(console: Console) -> Progress:
    """The rich progress display :class:`RichReporter` draws on, one bar a phase."""
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
        if self._problems <= _SHOWN_PROBLEMS:
            self._progress.console.print(f"[red]✗[/] {escape(message)}")
        elif self._problems == _SHOWN_PROBLEMS + 1:
            self._progress.console.print("[red]✗[/] (more failures: see the summary)")


@attrs.frozen(kw_only=True)
class FlowFailure:
    """An inactive flow that the demo could not make active, and why."""

    flow_id: str
    name: str | None
    reason: str

    def describe(self) -> str:
        return f"{self.name or self.flow_id} ({self.flow_id}): {self.reason}"


@attrs.frozen(kw_only=True)
class DemoSummary:
    """What one :func:`run_demo` did.

    ``flows_found`` are the inactive flows among the ``flows_seen``; each of them is in
    ``flows_started`` (started and active at the final check) or in ``failures``.
    ``requests``, ``retries`` and ``rate_limited`` are the client's counters during the
    run; ``rate_limited_absorbed`` are the 429s that a retry made good.
    """

    components: int
    versions: int
    descriptors: int
    flows_seen: int
    flows_found: int
    flows_started: int
    failures: tuple[FlowFailure, ...]
    credential_verified: bool
    credential_detail: str
    requests: int
    retries: int
    rate_limited: int
    rate_limited_absorbed: int
    elapsed: float

    @property
    def flows_failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """True when every inactive flow started and the credential was verified."""
        return not self.failures and self.credential_verified

    @property
    def exit_status(self) -> int:
        """0 when :attr:`ok`, else 1."""
        return 0 if self.ok else 1


def _reason(error: BaseException) -> str:
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= _REASON_MAX else text[: _REASON_MAX - 1] + "…"


def _failure(flow: Flow, error: BaseException) -> FlowFailure:
    return FlowFailure(flow_id=flow.id, name=flow.name, reason=_reason(error))


def _latest(component: Component, versions: Sequence[ComponentVersion]) -> ComponentVersion | None:
    """The component's latest build: the one it names, else the highest numbered."""
    for version in versions:
        if version.id == component.latest_version_id:
            return version
    if not versions:
        return None
    return max(versions, key=lambda v: (v.version_number or 0, v.date or _NO_DATE))


async def _walk_components(
    client: AsyncClient, contract_id: str, reporter: Reporter
) -> tuple[int, int, int]:
    reporter.begin("components")
    components = await client.components.list(contract_id=contract_id).collect()
    reporter.advance("components", 0, total=len(components))
    versions = descriptors = 0
    for component in components:
        builds = await component.versions()
        versions += len(builds)
        latest = _latest(component, builds)
        if latest is not None:
            await latest.descriptor()
            descriptors += 1
        reporter.advance("components")
    reporter.end("components", f"{len(components)} components, {versions} versions")
    return len(components), versions, descriptors


async def _inactive_flows(
    client: AsyncClient, workspace_ids: Sequence[str], page_size: int, reporter: Reporter
) -> tuple[int, list[Flow]]:
    reporter.begin("flows")
    seen = 0
    # The sum of the lists' sizes (meta.total), known once each list's first page is in.
    totals: list[int | None] = []
    inactive: list[Flow] = []
    for workspace_id in workspace_ids:
        pages = client.flows.list(workspace_id, page_size=page_size).pages()
        async for page in pages:
            if page.number == 1:
                total = page.document.meta.get("total")
                totals.append(total if isinstance(total, int) else None)
            seen += len(page.items)
            inactive.extend(flow for flow in page.items if flow.status == "inactive")
            known = len(totals) == len(workspace_ids) and None not in totals
            reporter.advance(
                "flows",
                len(page.items),
                total=sum(t or 0 for t in totals) if known else None,
                detail=f"{len(inactive)} inactive",
            )
    reporter.end("flows", f"{seen} listed, {len(inactive)} inactive")
    return seen, inactive


async def _start_all(
    client: AsyncClient,
    flows: Sequence[Flow],
    *,
    concurrency: int,
    poll: PollPolicy,
    reporter: Reporter,
) -> tuple[list[Flow], list[FlowFailure], int]:
    """Start the flows; returns those started, the failures (in input order) and how
    many of the failures were a 429 that ran out of retries."""
    reporter.begin("start", total=len(flows))
    rate_limited_before = client.stats.rate_limited
    failed = 0

    async def start(flow: Flow) -> Flow:
        return await client.flows.start(flow.id, wait=True, poll=poll)

    def on_done(outcome: Outcome[Flow, Flow]) -> None:
        nonlocal failed
        if outcome.error is not None:
            failed += 1
            reporter.problem("start", _failure(outcome.item, outcome.error).describe())
        absorbed = client.stats.rate_limited - rate_limited_before
        reporter.advance("start", detail=f"{failed} failed, {absorbed} 429s absorbed")

    result = await run_bounded(start, flows, concurrency=concurrency, on_done=on_done)
    started = [outcome.item for outcome in result.succeeded]
    failures = [_failure(o.item, o.error) for o in result.failed if o.error is not None]
    escaped = sum(1 for o in result.failed if isinstance(o.error, RateLimitError))
    reporter.end("start", f"{len(started)} started, {len(failures)} failed")
    return started, failures, escaped


async def _verify_credential(
    client: AsyncClient, credential_id: str, poll: PollPolicy, reporter: Reporter
) -> tuple[bool, str]:
    reporter.begin("credential", total=3)
    try:
        credential = await client.credentials.get(credential_id)
        reporter.advance("credential", detail="scheduling")
        if credential.component_id is None or credential.workspace_id is None:
            raise ValueError(f"credential {credential_id} names no component or workspace")
        execution = await client.executions.verify_credential(
            credential.component_id,
            workspace_id=credential.workspace_id,
            fields=credential.keys,
        )
        reporter.advance("credential", detail="polling the execution")
        outcome = (await execution.result(poll=poll)).result
        reporter.advance("credential")
    except (ElasticioError, ValueError) as exc:
        detail = f"{credential_id}: {_reason(exc)}"
        reporter.problem("credential", detail)
        reporter.end("credential", "failed")
        return False, detail
    verified = outcome.get("verified") is True
    name = credential.name or credential_id
    reason = outcome.get("reason")
    detail = f"{name}: " + ("verified" if verified else f"not verified ({reason})")
    if not verified:
        reporter.problem("credential", detail)
    reporter.end("credential", detail)
    return verified, detail


async def _not_active(
    client: AsyncClient,
    workspace_ids: Sequence[str],
    started: Sequence[Flow],
    page_size: int,
    reporter: Reporter,
) -> list[FlowFailure]:
    reporter.begin("check", total=len(started))
    wanted = {flow.id for flow in started}
    active: set[str] = set()
    for workspace_id in workspace_ids:
        async for page in client.flows.list(
            workspace_id, status="active", page_size=page_size
        ).pages():
            confirmed = {
                flow.id
                for flow in page.items
                if flow.id in wanted and flow.current_status == "active"
            }
            active |= confirmed
            reporter.advance("check", len(confirmed))
    failures = [
        FlowFailure(flow_id=flow.id, name=flow.name, reason="not active when listed again")
        for flow in started
        if flow.id not in active
    ]
    for failure in failures:
        reporter.problem("check", failure.describe())
    reporter.end("check", f"{len(active)} of {len(started)} active")
    return failures


async def run_demo(
    client: AsyncClient,
    *,
    contract_id: str,
    workspace_ids: Sequence[str],
    credential_id: str,
    concurrency: int = 32,
    page_size: int = 50,
    poll: PollPolicy = DEMO_POLL,
    reporter: Reporter | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> DemoSummary:
    """Walk the components, start every inactive flow, verify a credential, and check.

    Errors of single flows are collected in the summary; any other error (listing the
    components or flows, say) propagates.

    Example:
        >>> summary = await run_demo(  # doctest: +SKIP
        ...     client,
        ...     contract_id="CONTRACT_ID",
        ...     workspace_ids=["WORKSPACE_ID"],
        ...     credential_id="CREDENTIAL_ID",
        ... )
        >>> summary.flows_started, summary.rate_limited_absorbed  # doctest: +SKIP
        (225, 311)
    """
    reporter = reporter or SilentReporter()
    began = clock()
    before = attrs.evolve(client.stats)

    components, versions, descriptors = await _walk_components(client, contract_id, reporter)
    seen, inactive = await _inactive_flows(client, workspace_ids, page_size, reporter)
    started, failures, escaped = await _start_all(
        client, inactive, concurrency=concurrency, poll=poll, reporter=reporter
    )
    verified, credential_detail = await _verify_credential(client, credential_id, poll, reporter)
    stale = await _not_active(client, workspace_ids, started, page_size, reporter)

    stale_ids = {failure.flow_id for failure in stale}
    rate_limited = client.stats.rate_limited - before.rate_limited
    # A 429 that ran out of retries became a flow's failure; only the others were absorbed.
    return DemoSummary(
        components=components,
        versions=versions,
        descriptors=descriptors,
        flows_seen=seen,
        flows_found=len(inactive),
        flows_started=len(started) - len(stale_ids),
        failures=(*failures, *stale),
        credential_verified=verified,
        credential_detail=credential_detail,
        requests=client.stats.requests - before.requests,
        retries=client.stats.retries - before.retries,
        rate_limited=rate_limited,
        rate_limited_absorbed=rate_limited - escaped,
        elapsed=clock() - began,
    )


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


@attrs.frozen(kw_only=True)
class DemoOptions:
    """The knobs of ``elasticio demo``: the emulator's settings and the demo's own."""

    flows_concurrency: int = 32
    rate_limit: float | None = 40.0
    transition_delay: float = 0.5
    execution_time: float = 0.3
    seed: int = 0
    progress: bool = True


async def serve_and_run(options: DemoOptions, reporter: Reporter) -> DemoSummary:
    """Serve a fresh emulator on 127.0.0.1 and run the demo against it over the socket.

    The client and the server are closed however the run ends, cancellation included.
    """
    # Imported here: the emulator needs the server libraries of the `demo` extra.
    from elasticio.testing import Emulator, EmulatorSettings, serve_emulator

    settings = EmulatorSettings(
        rate_limit=options.rate_limit,
        transition_delay=options.transition_delay,
        execution_time=options.execution_time,
    )
    emulator = Emulator(settings=settings, seed=options.seed)
    seed = emulator.seed
    async with (
        serve_emulator(emulator, host="127.0.0.1", port=0) as served,
        served.client(retry=DEMO_RETRY, poll=DEMO_POLL) as client,
    ):
        return await run_demo(
            client,
            contract_id=seed.contract_id,
            workspace_ids=(seed.workspace_id, seed.private_workspace_id),
            credential_id=seed.credential_ids["petstore"],
            concurrency=options.flows_concurrency,
            reporter=reporter,
        )


def main(
    options: DemoOptions,
    *,
    out: TextIO | None = None,
    run: Callable[[DemoOptions, Reporter], Coroutine[None, None, DemoSummary]] = serve_and_run,
) -> int:
    """Run the demo, print its summary to ``out`` (stdout) and return the exit status.

    Progress bars are drawn when ``options.progress`` is set and ``out`` is a terminal;
    plain lines otherwise. Ctrl-C stops the run cleanly with status 130. ``run`` does
    the work (tests pass one that needs no socket).
    """
    out = sys.stdout if out is None else out
    console = Console(file=out, highlight=False)
    try:
        if options.progress and console.is_terminal:
            with progress_bars(console) as progress:
                summary = asyncio.run(run(options, RichReporter(progress)))
        else:
            summary = asyncio.run(run(options, PlainReporter(out)))
    except KeyboardInterrupt:
        console.print("elasticio demo: interrupted")
        return 130
    except ElasticioError as exc:
        console.print(f"elasticio demo: {escape(_reason(exc))}")
        return 1
    console.print(summary_table(summary))
    for failure in summary.failures[:_SHOWN_PROBLEMS]:
        console.print(f"[red]failed:[/] {escape(failure.describe())}")
    if summary.flows_failed > _SHOWN_PROBLEMS:
        console.print(f"... and {summary.flows_failed - _SHOWN_PROBLEMS} more")
    if not summary.credential_verified:
        console.print(f"[red]credential:[/] {escape(summary.credential_detail)}")
    return summary.exit_status
