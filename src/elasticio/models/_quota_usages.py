"""Quota usages: memory and CPU used over a period, in total, per day or month, per flow."""

from __future__ import annotations

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["QuotaUsage"]


@plain_model()
class QuotaUsage(PlainModel):
    """Resources used over a period: ``memory`` (MiB summed over every second of every
    step) and ``cpu`` (milli-CPU consumed). ``id`` names what the figures are for in a
    list: a day (``2019-09-01``), a month, or a flow's id; ``flows`` counts the flows
    that ran, in a workspace's total.

    Examples:
        >>> usage = QuotaUsage(memory=2245348201, cpu=768877946, flows=12)
        >>> usage.flows
        12
    """

    id: str | None = None
    memory: int = 0
    cpu: int = 0
    flows: int | None = None
