"""Who hears of a flow's errors, and how many messages a workspace's flows handled.

Both resources are known only from the platform's release notes (API digest §4.5); their
shapes are the emulator's, modelled on documented siblings (a flow's snapshots, the
queue stats). Members the SDK has no field for are kept in ``extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

import attrs
from cattrs.gen import make_dict_structure_fn

from elasticio._errors import DecodeError
from elasticio.models._converter import converter
from elasticio.models._declare import Model, model, to_one

__all__ = ["FlowSubscription", "ThreadStats", "ThreadStatsDay"]


@model("flow-subscription")
class FlowSubscription(Model):
    """A subscription of ``email`` to a flow's error notifications, made by ``user_id``.

    Examples:
        >>> subscription = await client.flows.subscribe("FLOW_ID")  # doctest: +SKIP
        >>> subscription.email  # doctest: +SKIP
        'owner@example.com'
    """

    id: str
    email: str | None = None
    created_at: datetime | None = None
    user_id: str | None = to_one("user")
    flow_id: str | None = to_one("flow")


@attrs.frozen(kw_only=True)
class ThreadStatsDay:
    """The ``messages`` a workspace's flows handled on ``date`` (``"2025-01-01"``).

    Examples:
        >>> ThreadStatsDay(date="2025-01-01", messages=1440).messages
        1440
    """

    date: str
    messages: int = 0
    extra: Mapping[str, Any] = attrs.field(factory=dict)


_DAY_FIELDS = frozenset(f.name for f in attrs.fields(ThreadStatsDay) if f.name != "extra")
_structure_day_fields = make_dict_structure_fn(ThreadStatsDay, converter)


def _structure_day(value: Any, cls: type[ThreadStatsDay]) -> ThreadStatsDay:
    """A day of the stats, its unknown members kept in ``extra``."""
    if not isinstance(value, Mapping):
        raise DecodeError(f"a day of thread stats must be an object, got {type(value).__name__}")
    day = _structure_day_fields({k: v for k, v in value.items() if k in _DAY_FIELDS}, cls)
    extra = {k: v for k, v in value.items() if k not in _DAY_FIELDS}
    return attrs.evolve(day, extra=MappingProxyType(extra))


converter.register_structure_hook(ThreadStatsDay, _structure_day)


@model("thread-stats")
class ThreadStats(Model):
    """Messages per day of a workspace's flows, oldest day first; ``id`` is the
    workspace's.

    Examples:
        >>> stats = await client.flows.thread_stats("WORKSPACE_ID")  # doctest: +SKIP
        >>> stats.days[-1].messages  # doctest: +SKIP
        1440
    """

    id: str
    days: tuple[ThreadStatsDay, ...] = ()
    workspace_id: str | None = to_one("workspace")

    @property
    def total(self) -> int:
        """The messages of every day."""
        return sum(day.messages for day in self.days)
