"""What a flow uses, derived from its running time on the emulator's clock.

A flow runs from its last start (its creation when it was never started) up to now
while its ``current_status`` is active; a flow that is not active has used nothing, as
the emulator keeps no history of past runs. Each step of a running flow holds a steady
amount of memory (128 to 320 MiB) and CPU (50 to 149 milli-CPU), picked by a hash of
the flow and the step, so ``memory`` is MiB times seconds and ``cpu`` milli-CPU times
seconds, as the docs define them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

import attrs

from elasticio.testing._areas.flows.store import FlowRecord

__all__ = ["Span", "Usage", "period_days", "running_span"]


@attrs.frozen
class Usage:
    memory: int = 0
    cpu: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.memory + other.memory, self.cpu + other.cpu)


def _rates(flow: FlowRecord) -> tuple[int, int]:
    """MiB and milli-CPU the flow's steps hold together."""
    memory = cpu = 0
    for step_id in flow.step_ids:
        digest = hashlib.sha1(f"{flow.id}:{step_id}".encode(), usedforsecurity=False).digest()
        memory += 128 + 64 * (digest[0] % 4)
        cpu += 50 + digest[1] % 100
    return memory, cpu


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


@attrs.frozen
class Span:
    """A flow's running time (``start`` to ``end``) and what its steps hold meanwhile."""

    start: datetime
    end: datetime
    memory: int
    cpu: int

    def used(self, first: date, last: date) -> Usage:
        """What the flow used from the start of day ``first`` to the end of day ``last``."""
        begin = max(self.start, _midnight(first))
        end = min(self.end, _midnight(last + timedelta(days=1)))
        seconds = int((end - begin).total_seconds())
        if seconds <= 0:
            return Usage()
        return Usage(self.memory * seconds, self.cpu * seconds)


def running_span(flow: FlowRecord, *, now: float, wall: datetime) -> Span | None:
    """The flow's running time up to ``wall``; None for a flow that is not active."""
    if flow.current_status(now) != "active":
        return None
    memory, cpu = _rates(flow)
    return Span(flow.last_start_time or flow.created_at, wall, memory, cpu)


def period_days(first: date, last: date, *, earliest: date, today: date) -> list[date]:
    """The days of the period that can hold usage: not before ``earliest`` (the first
    record of the platform), not after ``today``."""
    start, end = max(first, earliest), min(last, today)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
