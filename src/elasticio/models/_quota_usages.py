"""Quota usages: memory and CPU used over a period, in total, per day or month, per flow."""

from __future__ import annotations

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["MessagesUsage", "QuotaLimits", "QuotaUsage"]


@plain_model()
class QuotaUsage(PlainModel):
    """Resources used over a period: ``memory`` (MiB summed over every second of every
    step) and ``cpu`` (milli-CPU consumed). ``id`` names what the figures are for in a
    list: a day (``2019-09-01``), a month, or a flow's id; ``flows`` counts the flows
    that ran, in a workspace's total; ``messages`` counts the messages the flows handled,
    in a contract's usage of its quotas (``client.quota_usages.usages``).

    Examples:
        >>> usage = QuotaUsage(memory=2245348201, cpu=768877946, flows=12)
        >>> usage.flows
        12
    """

    id: str | None = None
    memory: int = 0
    cpu: int = 0
    flows: int | None = None
    messages: int | None = None


@plain_model()
class QuotaLimits(PlainModel):
    """A contract's quota limits for a calendar month, in the units of `QuotaUsage`:
    ``memory`` (MiB times seconds), ``cpu`` (milli-CPU times seconds) and ``messages``.
    The platform's answer is known only from its release notes; this shape mirrors the
    documented quota usages, and members it has beyond these stay in ``extra``.

    Examples:
        >>> limits = QuotaLimits(memory=26542080000, cpu=12960000000, messages=1000000)
        >>> limits.messages
        1000000
    """

    memory: int | None = None
    cpu: int | None = None
    messages: int | None = None


@plain_model()
class MessagesUsage(PlainModel):
    """The messages a contract's flows handled on a day (``id`` like ``2026-10-01``) or in
    a month (``2026-10``). The shape is unverified, modelled on the quota usage history.

    Examples:
        >>> day = MessagesUsage(id="2026-10-01", messages=1440)
        >>> day.messages
        1440
    """

    id: str | None = None
    messages: int = 0
