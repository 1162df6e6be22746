"""``client.v1.tasks``: tasks, API v1's name for flows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from elasticio._catalog.v1 import (
    V1_TASKS_CREATE,
    V1_TASKS_DELETE,
    V1_TASKS_START,
    V1_TASKS_STEP,
    V1_TASKS_STOP,
    V1_TASKS_SUSPEND,
)
from elasticio._options import CallOptions
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._v1 import V1Step, V1Task
from elasticio.resources._base import Namespace

__all__ = ["V1Tasks"]


class V1Tasks(Namespace):
    """Tasks in API v1: create, start, stop, suspend, delete, and a step's configuration.
    A task is the flow ``client.flows`` shows under the same id."""

    async def create(
        self,
        name: str,
        nodes: Sequence[Mapping[str, Any]],
        *,
        cron: str | Unset | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> V1Task:
        """Create a task from its ``nodes``, run in order: each
        ``{"function": "team/repo:action@revision", "config": {...}, "account": id}``
        (``@revision`` optional: the latest build; ``account`` optional). Its steps are
        ``step_1``, ``step_2``, ...; ``cron`` schedules it.

        Examples:
            >>> task = await client.v1.tasks.create(
            ...     "Every minute",
            ...     [{"function": "elasticio/timer:timer", "config": {"interval": "minute"}}],
            ... )
            >>> (await client.flows.get(task.id)).name
            'Every minute'
        """
        body: dict[str, Any] = {"name": name, "nodes": [dict(node) for node in nodes]}
        if not isinstance(cron, Unset):
            body["cron"] = cron
        return await self._object(V1_TASKS_CREATE, V1Task, body=body, options=options)

    async def start(self, task_id: str, **options: Unpack[CallOptions]) -> V1Task:
        """Start a task (status ``active``); a task asked to run already is a conflict.

        Examples:
            >>> (await client.v1.tasks.start("FLOW_ID")).status
            'active'
        """
        return await self._object(V1_TASKS_START, V1Task, task_id=task_id, options=options)

    async def stop(self, task_id: str, **options: Unpack[CallOptions]) -> V1Task:
        """Stop a running or suspended task (status ``inactive``).

        Examples:
            >>> task = await client.v1.tasks.start("FLOW_ID")
            >>> (await client.v1.tasks.stop("FLOW_ID")).status
            'inactive'
        """
        return await self._object(V1_TASKS_STOP, V1Task, task_id=task_id, options=options)

    async def suspend(self, task_id: str, **options: Unpack[CallOptions]) -> V1Task:
        """Suspend a running task (status ``suspended``, as API v2 shows it too).

        Examples:
            >>> task = await client.v1.tasks.start("FLOW_ID")
            >>> (await client.v1.tasks.suspend("FLOW_ID")).status
            'suspended'
        """
        return await self._object(V1_TASKS_SUSPEND, V1Task, task_id=task_id, options=options)

    async def delete(self, task_id: str, **options: Unpack[CallOptions]) -> V1Task:
        """Delete a task (status ``deleted``).

        Examples:
            >>> (await client.v1.tasks.delete("FLOW_ID")).status
            'deleted'
        """
        return await self._object(V1_TASKS_DELETE, V1Task, task_id=task_id, options=options)

    async def step(self, task_id: str, step_id: str, **options: Unpack[CallOptions]) -> V1Step:
        """One step's configuration as the component runtime reads it: ``config``,
        ``snapshot``, ``variables``, ``is_passthrough``.

        Examples:
            >>> step = await client.v1.tasks.step("FLOW_ID", "step_1")
            >>> step.snapshot
            {'lastPoll': '2024-01-01T18:00:00.000Z'}
        """
        return await self._object(
            V1_TASKS_STEP, V1Step, task_id=task_id, step_id=step_id, options=options
        )
