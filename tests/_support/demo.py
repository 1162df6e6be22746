"""What the demo's tests share: a recording reporter, a quick run, its retry policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from elasticio import AsyncClient
from elasticio._cli.demo.wiring import DemoOptions
from elasticio._cli.demo.workflow import DEMO_RETRY, DemoSummary, Phase, Reporter, run_demo
from elasticio.testing import Emulator
from tests._support.clock import FakeClock

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


def inactive_ids(emulator: Emulator, workspace_id: str) -> set[str]:
    """The flows of a workspace that the emulator holds inactive."""
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
    """The demo on the fake clock, 8 at a time, on the Sandbox (``everywhere``: both)."""
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


def in_process(emulator: Emulator, clock: FakeClock) -> Any:
    """A ``run`` for the demo's main: the in-process emulator on the fake clock."""

    async def run(options: DemoOptions, reporter: Reporter) -> DemoSummary:
        async with emulator.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client:
            return await demo(client, emulator, clock, reporter)

    return run
