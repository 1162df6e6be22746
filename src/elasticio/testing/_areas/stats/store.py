"""Queue figures of the steps of flows: made up for running flows, or set by tests.

A running flow's step has a few messages waiting, a new figure every minute of the
emulator's clock, picked by a hash of the flow, the step and the minute; a flow that is
not running has empty queues. Figures a test sets (`Queues.set`) stand instead until a
reset, whatever the flow does.
"""

from __future__ import annotations

import hashlib

import attrs

from elasticio.testing._areas.flows.store import FlowRecord, Flows
from elasticio.testing._time import EmulatorClock

__all__ = ["QueueFigures", "Queues"]


@attrs.frozen(kw_only=True)
class QueueFigures:
    """Messages in a step's input queue: ``ready`` to deliver, delivered but not yet
    acknowledged (``unacked``), and ``rebounds`` (messages sent back for a retry)."""

    ready: int = 0
    unacked: int = 0
    rebounds: int = 0

    @property
    def total(self) -> int:
        return self.ready + self.unacked


class Queues:
    """The queue figures of every flow's steps (see the module's docstring)."""

    def __init__(self, clock: EmulatorClock, flows: Flows) -> None:
        self._clock = clock
        self._flows = flows
        self._set: dict[tuple[str, str], QueueFigures] = {}

    def set(
        self, flow_id: str, step_id: str, *, ready: int = 0, unacked: int = 0, rebounds: int = 0
    ) -> QueueFigures:
        """Fix the figures of a step's queue (``emulator.platform.queues.set(...)``).

        Examples:
            >>> emulator.platform.queues.set(flow_id, "step_2", ready=8)  # doctest: +SKIP
        """
        flow = self._flows[flow_id]
        if step_id not in flow.step_ids:
            raise KeyError(f"flow {flow_id!r} has no step {step_id!r}")
        if min(ready, unacked, rebounds) < 0:
            raise ValueError("queue figures cannot be negative")
        figures = QueueFigures(ready=ready, unacked=unacked, rebounds=rebounds)
        self._set[flow_id, step_id] = figures
        return figures

    def of_flow(self, flow: FlowRecord) -> list[tuple[str, QueueFigures]]:
        """Each step of ``flow`` with its queue's figures now, in the graph's order."""
        running = flow.current_status(self._clock.now()) == "active"
        minute = int(self._clock.wall().timestamp() // 60)
        figures = []
        for step_id in flow.step_ids:
            fixed = self._set.get((flow.id, step_id))
            if fixed is not None:
                figures.append((step_id, fixed))
            elif running:
                figures.append((step_id, _made_up(flow.id, step_id, minute)))
            else:
                figures.append((step_id, QueueFigures()))
        return figures


def _made_up(flow_id: str, step_id: str, minute: int) -> QueueFigures:
    digest = hashlib.sha1(f"{flow_id}:{step_id}:{minute}".encode(), usedforsecurity=False).digest()
    return QueueFigures(ready=digest[0] % 20, unacked=digest[1] % 3, rebounds=digest[2] % 5)
