"""What ``elasticio demo`` does with the SDK: a bulk automation, told to a reporter.

`run_demo` works with any `AsyncClient` and tells a
`Reporter` how it goes, phase by phase:

1. **components**: list the contract's components; for each, its versions and the
   latest version's descriptor;
2. **flows**: page through the flows of the workspaces and keep the inactive ones;
3. **start**: start every inactive flow, ``concurrency`` at a time, each waited for
   until active, while the platform's rate limit answers 429s that the client absorbs;
4. **credential**: verify one credential through the execution poll (202, then 303);
5. **check**: list the flows again; a started flow that is not active counts as failed.

It returns a `DemoSummary`. It uses the public API only, as a user's script would;
how the demo is shown and served is the business of its ``display`` and ``wiring``.

Examples:
    >>> summary = await run_demo(  # doctest: +SKIP
    ...     client, contract_id="...", workspace_ids=["..."], credential_id="..."
    ... )
    >>> summary.exit_status  # doctest: +SKIP
    0
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Final, Literal, Protocol, TypeAlias

import attrs

from elasticio import (
    AsyncClient,
    Component,
    ComponentVersion,
    ElasticioError,
    Flow,
    Outcome,
    PollPolicy,
    RateLimitError,
    RetryPolicy,
    run_bounded,
)

__all__ = [
    "DEMO_POLL",
    "DEMO_RETRY",
    "PHASES",
    "DemoSummary",
    "FlowFailure",
    "Phase",
    "Reporter",
    "SilentReporter",
    "describe_error",
    "run_demo",
]

Phase: TypeAlias = Literal["components", "flows", "start", "credential", "check"]

PHASES: Final[dict[Phase, str]] = {
    "components": "Components",
    "flows": "Flows",
    "start": "Starting flows",
    "credential": "Credential",
    "check": "Final check",
}
"""Each phase of `run_demo`, in order, and how it is described."""

# The SDK's own retry defaults (they absorb the 429s); a deadline bounds each request.
DEMO_RETRY: Final = RetryPolicy(deadline=60.0)
"""Generous on purpose. Under a tight rate limit the 429s come in waves: every request
told to retry in 1 s wakes at once with the others, and about 4 in 10 of them meet
another 429; ten retries were seen to run out once in a thousand requests."""

DEMO_POLL: Final = PollPolicy(interval=0.5, max_interval=2.0, timeout=60.0)
"""How a started flow is watched until it is active."""

_REASON_MAX: Final = 160
# Sorts a build without a date before any dated one.
_NO_DATE: Final = datetime.min.replace(tzinfo=UTC)


class Reporter(Protocol):
    """What `run_demo` says while it works: phases begin, advance and end.

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
    """A `Reporter` that says nothing."""

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
    """What one `run_demo` did.

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
        """0 when `ok`, else 1."""
        return 0 if self.ok else 1


def describe_error(error: BaseException) -> str:
    """``Type: message`` on one line, cut to 160 characters: a reason fit for a summary."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= _REASON_MAX else text[: _REASON_MAX - 1] + "…"


def _failure(flow: Flow, error: BaseException) -> FlowFailure:
    return FlowFailure(flow_id=flow.id, name=flow.name, reason=describe_error(error))


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
        detail = f"{credential_id}: {describe_error(exc)}"
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

    Examples:
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
