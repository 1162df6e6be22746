"""``client.quota_usages``: memory and CPU of contracts, workspaces and flows, a
contract's quota limits and its messages (API v2, plain JSON)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeVar, Unpack

from elasticio._catalog._entry import Entry
from elasticio._catalog.v2 import (
    QUOTA_USAGES_CONTRACT,
    QUOTA_USAGES_CONTRACT_HISTORY,
    QUOTA_USAGES_FLOW_HISTORY,
    QUOTA_USAGES_LIMITS,
    QUOTA_USAGES_MESSAGES_HISTORY,
    QUOTA_USAGES_USAGES,
    QUOTA_USAGES_WORKSPACE,
    QUOTA_USAGES_WORKSPACE_FLOWS,
    QUOTA_USAGES_WORKSPACE_HISTORY,
)
from elasticio._errors import DecodeError
from elasticio._options import CallOptions
from elasticio.models._plain import PlainModel, structure_plain
from elasticio.models._quota_usages import MessagesUsage, QuotaLimits, QuotaUsage
from elasticio.resources._base import Namespace
from elasticio.resources._dates import day_value

__all__ = ["QuotaUsages"]

GroupBy = Literal["day", "month"]
M = TypeVar("M", bound=PlainModel)


def _period(
    since: date | str, until: date | str, group_by: GroupBy | None = None
) -> dict[str, Any]:
    return {"from": day_value(since), "to": day_value(until), "group_by": group_by}


class QuotaUsages(Namespace):
    """Memory and CPU used in a period (both days included): a contract's or a
    workspace's total, their history by day or month, a workspace's flows, a flow's
    history; and, from the newer API known only by its release notes, a contract's quota
    limits, what it used of them this month and its messages by day or month. Dates are
    `datetime.date` values or ISO strings."""

    async def _total(
        self,
        entry: Entry,
        model: type[M],
        params: dict[str, Any],
        options: CallOptions,
        **path: str,
    ) -> M:
        response = await self._plain(entry, params=params, options=options, **path)
        value = response.json
        if not isinstance(value, dict) or "data" not in value:
            raise DecodeError(f"expected an object with 'data' in the answer to {entry.route}")
        return structure_plain(
            model, value["data"], request_id=response.request_id, pointer="/data"
        )

    async def contract(
        self,
        contract_id: str,
        *,
        since: date | str,
        until: date | str,
        **options: Unpack[CallOptions],
    ) -> QuotaUsage:
        """What a contract's flows used in the period.

        Examples:
            >>> usage = await client.quota_usages.contract(
            ...     "CONTRACT_ID", since="2024-12-01", until="2024-12-31"
            ... )
            >>> usage.memory > 0
            True
        """
        params = _period(since, until)
        return await self._total(
            QUOTA_USAGES_CONTRACT, QuotaUsage, params, options, contract_id=contract_id
        )

    async def contract_history(
        self,
        contract_id: str,
        *,
        since: date | str,
        until: date | str,
        group_by: GroupBy | None = None,
        **options: Unpack[CallOptions],
    ) -> list[QuotaUsage]:
        """A contract's usage for each day (or ``group_by="month"``) of the period; each
        ``id`` is the day or month.

        Examples:
            >>> days = await client.quota_usages.contract_history(
            ...     "CONTRACT_ID", since="2024-12-01", until="2024-12-07"
            ... )
            >>> [day.id for day in days][:2]
            ['2024-12-01', '2024-12-02']
        """
        return await self._objects(
            QUOTA_USAGES_CONTRACT_HISTORY,
            QuotaUsage,
            member="data",
            params=_period(since, until, group_by),
            options=options,
            contract_id=contract_id,
        )

    async def workspace(
        self,
        workspace_id: str,
        *,
        since: date | str,
        until: date | str,
        **options: Unpack[CallOptions],
    ) -> QuotaUsage:
        """What a workspace's flows used in the period, and how many of them ran
        (``flows``).

        Examples:
            >>> usage = await client.quota_usages.workspace(
            ...     "WORKSPACE_ID", since="2024-12-01", until="2024-12-31"
            ... )
            >>> usage.flows > 0
            True
        """
        params = _period(since, until)
        return await self._total(
            QUOTA_USAGES_WORKSPACE, QuotaUsage, params, options, workspace_id=workspace_id
        )

    async def workspace_history(
        self,
        workspace_id: str,
        *,
        since: date | str,
        until: date | str,
        group_by: GroupBy | None = None,
        **options: Unpack[CallOptions],
    ) -> list[QuotaUsage]:
        """A workspace's usage for each day (or month) of the period.

        Examples:
            >>> months = await client.quota_usages.workspace_history(
            ...     "WORKSPACE_ID", since="2024-11-01", until="2024-12-31", group_by="month"
            ... )
            >>> [month.id for month in months]
            ['2024-11', '2024-12']
        """
        return await self._objects(
            QUOTA_USAGES_WORKSPACE_HISTORY,
            QuotaUsage,
            member="data",
            params=_period(since, until, group_by),
            options=options,
            workspace_id=workspace_id,
        )

    async def workspace_flows(
        self,
        workspace_id: str,
        *,
        since: date | str,
        until: date | str,
        **options: Unpack[CallOptions],
    ) -> list[QuotaUsage]:
        """The usage of each flow of a workspace that ran in the period; each ``id`` is
        the flow's.

        Examples:
            >>> flows = await client.quota_usages.workspace_flows(
            ...     "WORKSPACE_ID", since="2024-12-01", until="2024-12-31"
            ... )
            >>> all(flow.memory > 0 for flow in flows)
            True
        """
        return await self._objects(
            QUOTA_USAGES_WORKSPACE_FLOWS,
            QuotaUsage,
            member="data",
            params=_period(since, until),
            options=options,
            workspace_id=workspace_id,
        )

    async def flow_history(
        self,
        flow_id: str,
        *,
        since: date | str,
        until: date | str,
        group_by: GroupBy | None = None,
        **options: Unpack[CallOptions],
    ) -> list[QuotaUsage]:
        """A flow's usage for each day (or month) of the period.

        Examples:
            >>> days = await client.quota_usages.flow_history(
            ...     "FLOW_ID", since="2024-12-01", until="2024-12-02"
            ... )
            >>> len(days)
            2
        """
        return await self._objects(
            QUOTA_USAGES_FLOW_HISTORY,
            QuotaUsage,
            member="data",
            params=_period(since, until, group_by),
            options=options,
            flow_id=flow_id,
        )

    async def limits(self, contract_id: str, **options: Unpack[CallOptions]) -> QuotaLimits:
        """A contract's quota limits for a calendar month.

        The endpoint (``GET /v2/quotas/limits?contract_id=``) is known only from the
        release notes; its answer is taken to be shaped as the documented contract usage,
        ``{"data": {...}}``, with the limits as `QuotaLimits`.

        Examples:
            >>> limits = await client.quota_usages.limits("CONTRACT_ID")
            >>> limits.messages > 0
            True
        """
        params = {"contract_id": contract_id}
        return await self._total(QUOTA_USAGES_LIMITS, QuotaLimits, params, options)

    async def usages(self, contract_id: str, **options: Unpack[CallOptions]) -> QuotaUsage:
        """What a contract used of its quota limits in the current calendar month:
        ``memory``, ``cpu`` and ``messages``, to hold against `limits`.

        The endpoint (``GET /v2/quotas/usages?contract_id=``) is known only from the
        release notes; its answer is taken to be shaped as the documented contract usage.

        Examples:
            >>> used = await client.quota_usages.usages("CONTRACT_ID")
            >>> limits = await client.quota_usages.limits("CONTRACT_ID")
            >>> used.messages < limits.messages
            True
        """
        params = {"contract_id": contract_id}
        return await self._total(QUOTA_USAGES_USAGES, QuotaUsage, params, options)

    async def messages_history(
        self,
        contract_id: str,
        *,
        since: date | str,
        until: date | str,
        group_by: GroupBy | None = None,
        **options: Unpack[CallOptions],
    ) -> list[MessagesUsage]:
        """The messages a contract's flows handled on each day (or ``group_by="month"``)
        of the period, both days included; each ``id`` is the day or month.

        The endpoint is known only from the release notes; its query and answer are taken
        to be those of `contract_history` (``{"data": [...]}``), with ``messages`` counts.

        Examples:
            >>> days = await client.quota_usages.messages_history(
            ...     "CONTRACT_ID", since="2024-12-30", until="2025-01-01"
            ... )
            >>> [day.id for day in days]
            ['2024-12-30', '2024-12-31', '2025-01-01']
        """
        return await self._objects(
            QUOTA_USAGES_MESSAGES_HISTORY,
            MessagesUsage,
            member="data",
            params=_period(since, until, group_by),
            options=options,
            contract_id=contract_id,
        )
