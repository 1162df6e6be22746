"""Workspace logs: one page of log lines and the count of all that matched."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import attrs

from elasticio._errors import DecodeError
from elasticio.models._plain import PlainModel, plain_model, structure_plain

__all__ = ["LogLine", "LogPage", "structure_log_page"]


@plain_model()
class LogLine(PlainModel):
    """One line a flow step logged: where (``flow_id``, ``step_id``, ``component_id``,
    ``container_id``, ``exec_id``), when (``timestamp``), how loud (``level``: 10 trace,
    20 debug, 30 info, 40 warn, 50 error, 60 fatal) and what (``message``; a ``search``
    term in it comes wrapped in ``<em>``).

    Examples:
        >>> LogLine(id="l1", level=50, message="failed").level
        50
    """

    id: str
    workspace_id: str | None = None
    flow_id: str | None = None
    user_id: str | None = None
    component_id: str | None = None
    container_id: str | None = None
    step_id: str | None = None
    exec_id: str | None = None
    method: str | None = None
    api_username: str | None = None
    component_name: str | None = None
    timestamp: datetime | None = None
    level: int | None = None
    message: str | None = None


@plain_model()
class LogPage(PlainModel):
    """The lines asked for (``hits``, newest first) and how many matched in all
    (``total``), for paging on with ``offset``.

    Examples:
        >>> page = LogPage(total=3, hits=(LogLine(id="l1"),))
        >>> page.total, len(page.hits)
        (3, 1)
    """

    total: int
    hits: tuple[LogLine, ...] = ()


def structure_log_page(value: Any, *, request_id: str | None = None) -> LogPage:
    """A `LogPage` from the answer's JSON.

    Raises:
        DecodeError: the answer, or a hit, is not the object the docs show.
    """
    if not isinstance(value, dict):
        raise DecodeError(f"expected a LogPage object, got {type(value).__name__}")
    hits = value.get("hits", [])
    if not isinstance(hits, list):
        raise DecodeError("expected an array of log lines", pointer="/hits")
    lines = tuple(
        structure_plain(LogLine, hit, request_id=request_id, pointer=f"/hits/{n}")
        for n, hit in enumerate(hits)
    )
    page = structure_plain(LogPage, {**value, "hits": []}, request_id=request_id)
    built: LogPage = attrs.evolve(cast(Any, page), hits=lines)
    return built
