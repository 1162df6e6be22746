"""Scheduled component executions: the outcome is fixed when scheduled and shown once
its time has passed on the emulator's clock."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from elasticio.testing._areas.executions.outcomes import Outcome
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._table import Table
from elasticio.testing._time import EmulatorClock

__all__ = ["ExecutionKind", "ExecutionRecord", "Executions"]

ExecutionKind = Literal["verify-credential", "dynamic-metadata", "select-model"]


@attrs.define(kw_only=True)
class ExecutionRecord:
    """A scheduled execution, ready from the monotonic instant ``ready_at`` on.

    ``error`` is None for an execution that ran, else what the component failed with.
    API v1 hands a result out once (``fetched``) and forgets it at the monotonic instant
    ``expires_at``; API v2 does neither.
    """

    id: str = attrs.field(init=False, default="")
    kind: ExecutionKind
    workspace_id: str
    user_id: str
    ready_at: float
    result: Any = attrs.Factory(dict)
    error: dict[str, Any] | None = None
    expires_at: float = float("inf")
    fetched: bool = False

    def ready(self, now: float) -> bool:
        return now >= self.ready_at

    def expired(self, now: float) -> bool:
        return now >= self.expires_at


class Executions(Table[ExecutionRecord]):
    def __init__(
        self, ids: IdFactory, clock: EmulatorClock, users: Users, workspaces: Workspaces
    ) -> None:
        super().__init__("execution", ids, refs={"workspace_id": workspaces, "user_id": users})
        self._clock = clock

    def schedule(
        self,
        *,
        kind: ExecutionKind,
        workspace_id: str,
        user_id: str,
        outcome: Outcome,
        delay: float,
        lifetime: float | None = None,
    ) -> ExecutionRecord:
        """An execution whose ``outcome`` shows ``delay`` seconds from now and, with a
        ``lifetime``, expires that many seconds after it shows."""
        ready_at = self._clock.now() + delay
        return self.add(
            ExecutionRecord(
                kind=kind,
                workspace_id=workspace_id,
                user_id=user_id,
                ready_at=ready_at,
                result=clone(outcome.result),
                error=clone(outcome.error),
                expires_at=float("inf") if lifetime is None else ready_at + lifetime,
            )
        )
