"""``client.v1.hooks``: the data a task's startup hook stored (the component runtime's
internal API, below the base URL at ``/sailor-support/hooks/...``)."""

from __future__ import annotations

from typing import Any, Unpack

from elasticio._catalog.v1 import (
    V1_HOOKS_DELETE_STARTUP_DATA,
    V1_HOOKS_SET_STARTUP_DATA,
    V1_HOOKS_STARTUP_DATA,
)
from elasticio._options import CallOptions
from elasticio.resources._base import Namespace

__all__ = ["V1Hooks"]


class V1Hooks(Namespace):
    """One JSON value per task, kept between a component's ``startup`` and ``shutdown``
    hooks: store, read, forget. The runtime calls these; tests of a runtime may too."""

    async def startup_data(self, task_id: str, **options: Unpack[CallOptions]) -> Any:
        """The value stored for the task (a `NotFoundError` when there is none).

        Examples:
            >>> _ = await client.v1.hooks.set_startup_data("FLOW_ID", {"hook": "h1"})
            >>> await client.v1.hooks.startup_data("FLOW_ID")
            {'hook': 'h1'}
        """
        response = await self._plain(V1_HOOKS_STARTUP_DATA, task_id=task_id, options=options)
        return response.json

    async def set_startup_data(
        self, task_id: str, data: Any, **options: Unpack[CallOptions]
    ) -> Any:
        """Store ``data`` (any JSON value) for the task; a `ConflictError` while a value
        is stored already. Returns what the platform answers.

        Examples:
            >>> await client.v1.hooks.set_startup_data("FLOW_ID", {"hook": "h1"})
            {'hook': 'h1'}
        """
        response = await self._plain(
            V1_HOOKS_SET_STARTUP_DATA, body=data, task_id=task_id, options=options
        )
        return response.json

    async def delete_startup_data(self, task_id: str, **options: Unpack[CallOptions]) -> None:
        """Forget the value stored for the task.

        Examples:
            >>> _ = await client.v1.hooks.set_startup_data("FLOW_ID", {"hook": "h1"})
            >>> await client.v1.hooks.delete_startup_data("FLOW_ID")
        """
        await self._plain(V1_HOOKS_DELETE_STARTUP_DATA, task_id=task_id, options=options)
