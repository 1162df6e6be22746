"""Stats: the input queues of a flow's steps, and the inventory of workspaces."""

from __future__ import annotations

from datetime import datetime

import attrs

from elasticio.models._declare import Model, model

__all__ = [
    "FlowComponentStats",
    "FlowQueueStats",
    "FlowStats",
    "StepQueueStats",
    "WorkspaceStats",
]


@attrs.frozen(kw_only=True)
class StepQueueStats:
    """Messages in one step's input queue: ``ready`` to deliver, delivered but not yet
    acknowledged (``unacked``), both together (``total``), and ``rebounds``.

    Examples:
        >>> StepQueueStats(step_id="step_1", total=10, ready=8, unacked=2).ready
        8
    """

    step_id: str
    total: int = 0
    ready: int = 0
    unacked: int = 0
    rebounds: int = 0


@model("flow-queue-stats")
class FlowQueueStats(Model):
    """The input queues of every step of a flow; ``id`` is the flow's.

    Examples:
        >>> stats = FlowQueueStats(id="f1", stats=(StepQueueStats(step_id="step_1"),))
        >>> stats.step("step_1").total
        0
    """

    id: str
    stats: tuple[StepQueueStats, ...] = ()

    def step(self, step_id: str) -> StepQueueStats:
        """The queue of one step.

        Raises:
            KeyError: the flow has no such step.
        """
        for queue in self.stats:
            if queue.step_id == step_id:
                return queue
        raise KeyError(step_id)


@attrs.frozen(kw_only=True)
class FlowComponentStats:
    """A component a flow uses: its ``name``, id and the ``version`` the step runs."""

    name: str | None = None
    component_id: str | None = None
    version: str | None = None


@attrs.frozen(kw_only=True)
class FlowStats:
    """A flow of a workspace in the inventory, with the components its steps use."""

    id: str
    name: str | None = None
    status: str | None = None
    type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    components: tuple[FlowComponentStats, ...] = ()


@model("workspace-stats")
class WorkspaceStats(Model):
    """A workspace in the inventory: its ``name``, ``type`` and ``flows``.

    Examples:
        >>> WorkspaceStats(id="w1", name="Production", flows=()).name
        'Production'
    """

    id: str
    name: str | None = None
    type: str | None = None
    flows: tuple[FlowStats, ...] = ()
