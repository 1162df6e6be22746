"""Log lines: those tests add, and those generated for the flows that run.

A running flow logs a line for each of its steps every `LOG_INTERVAL` seconds of the
emulator's wall clock, on a grid counted from the emulator's epoch; the platform keeps
the last `LOG_WINDOW` seconds of them (older lines, and the lines of a flow that no
longer runs, are gone). The generated lines are made anew at each request from the
flows and the clock, so they cost nothing until asked for and are the same on every run.
Lines a test adds (`Logs.add`) stay until a reset.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.flows.store import FlowRecord, Flows
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._time import EPOCH, EmulatorClock

__all__ = ["LEVELS", "LOG_INTERVAL", "LOG_WINDOW", "LogRecord", "Logs"]

LOG_INTERVAL = 300
"""Seconds between two generated lines of one step of a running flow."""

LOG_WINDOW = 3600
"""Seconds of generated lines kept, back from now."""

LEVELS = frozenset({1, 10, 20, 30, 40, 50, 60})
"""The docs' levels: 1 none, 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal."""

# (level, message): what a step says, picked by a hash of where and when it speaks.
_SAYINGS = (
    (30, "Received a new message"),
    (30, "Processing the message"),
    (20, "Mapping the incoming data"),
    (30, "Emitted data"),
    (20, "Message processed in {ms} ms"),
    (30, "Successfully downloaded and extracted slug file"),
    (40, "The remote answered 503; retrying the request"),
    (50, "Error: the remote refused the connection"),
)


@attrs.define(kw_only=True)
class LogRecord:
    """One log line, with the members the docs show."""

    id: str
    workspace_id: str
    flow_id: str | None = None
    user_id: str | None = None
    component_id: str | None = None
    container_id: str | None = None
    step_id: str | None = None
    exec_id: str | None = None
    method: str | None = None
    api_username: str | None = None
    component_name: str | None = None
    timestamp: datetime
    level: int = 30
    message: str = ""


def _digest(*parts: object) -> bytes:
    return hashlib.sha1(":".join(map(str, parts)).encode(), usedforsecurity=False).digest()


def _uuid(*parts: object) -> str:
    return str(uuid.UUID(bytes=_digest(*parts)[:16]))


def _function(command: Any) -> str | None:
    """``send`` of ``elasticio/email:send@latest``."""
    if not isinstance(command, str) or ":" not in command:
        return None
    return command.split(":", 1)[1].split("@", 1)[0] or None


class Logs:
    """The log lines of every workspace (see the module's docstring)."""

    def __init__(
        self,
        clock: EmulatorClock,
        workspaces: Workspaces,
        flows: Flows,
        components: Components,
    ) -> None:
        self._clock = clock
        self._workspaces = workspaces
        self._flows = flows
        self._components = components
        self._added: list[LogRecord] = []

    def add(
        self,
        workspace_id: str,
        message: str,
        *,
        level: int = 30,
        timestamp: datetime | None = None,
        flow_id: str | None = None,
        step_id: str | None = None,
        **fields: Any,
    ) -> LogRecord:
        """Add a line to a workspace's logs (``timestamp``: now by default); ``fields``
        are any other members of `LogRecord` (``component_id``, ``exec_id``, ...).

        Examples:
            >>> line = emulator.platform.logs.add(  # doctest: +SKIP
            ...     workspace_id, "Order 42 failed", level=50, flow_id=flow_id
            ... )
        """
        self._workspaces.require(workspace_id)
        if level not in LEVELS:
            raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
        line = LogRecord(
            id=_uuid("added", len(self._added), message),
            workspace_id=workspace_id,
            flow_id=flow_id,
            step_id=step_id,
            timestamp=timestamp or self._clock.wall(),
            level=level,
            message=message,
            **fields,
        )
        self._added.append(line)
        return line

    def of_workspace(self, workspace_id: str) -> list[LogRecord]:
        """A workspace's lines as they are now, newest first."""
        now = self._clock.now()
        lines = [line for line in self._added if line.workspace_id == workspace_id]
        for flow in self._flows.values():
            if flow.workspace_id == workspace_id and flow.current_status(now) == "active":
                lines.extend(self._generated(flow))
        return sorted(lines, key=lambda line: (line.timestamp, line.id), reverse=True)

    def _generated(self, flow: FlowRecord) -> Iterator[LogRecord]:
        wall = self._clock.wall()
        started = flow.last_start_time or flow.created_at
        oldest = max(started, wall - timedelta(seconds=LOG_WINDOW))
        first = math.ceil((oldest - EPOCH).total_seconds() / LOG_INTERVAL)
        last = math.floor((wall - EPOCH).total_seconds() / LOG_INTERVAL)
        container = _uuid("container", flow.id, started.isoformat())
        for tick in range(first, last + 1):
            moment = EPOCH + timedelta(seconds=tick * LOG_INTERVAL)
            for offset, node in enumerate(flow.nodes):
                yield self._line(
                    flow, node, tick, moment + timedelta(milliseconds=offset), container
                )

    def _line(
        self, flow: FlowRecord, node: dict[str, Any], tick: int, moment: datetime, container: str
    ) -> LogRecord:
        step_id = str(node.get("id"))
        digest = _digest(flow.id, step_id, tick)
        level, message = _SAYINGS[digest[0] % len(_SAYINGS)]
        component_id = node.get("component_id")
        component = self._components.get(component_id) if isinstance(component_id, str) else None
        return LogRecord(
            id=_uuid("line", flow.id, step_id, tick),
            workspace_id=flow.workspace_id,
            flow_id=flow.id,
            user_id=flow.user_id,
            component_id=component_id if isinstance(component_id, str) else None,
            container_id=container,
            step_id=step_id,
            exec_id=_digest("exec", flow.id, tick).hex()[:32],
            method=_function(node.get("command")),
            api_username=f"task-{flow.id}",
            component_name=component.name if component is not None else None,
            timestamp=moment,
            level=level,
            message=message.format(ms=20 + digest[1]),
        )
