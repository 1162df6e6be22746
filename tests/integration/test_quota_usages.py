"""Quota usages through the SDK against the emulator."""

from __future__ import annotations

from datetime import date

import pytest

from elasticio import AsyncClient, PermissionDeniedError
from elasticio.testing import Emulator

NOVEMBER = {"since": date(2024, 11, 1), "until": date(2024, 11, 30)}


async def test_totals_and_their_parts_agree(client: AsyncClient, emulator: Emulator) -> None:
    seed = emulator.seed
    contract = await client.quota_usages.contract(seed.contract_id, **NOVEMBER)
    shared = await client.quota_usages.workspace(seed.workspace_id, **NOVEMBER)
    private = await client.quota_usages.workspace(seed.private_workspace_id, **NOVEMBER)
    assert contract.memory == shared.memory + private.memory > 0
    flows = await client.quota_usages.workspace_flows(seed.workspace_id, **NOVEMBER)
    assert len(flows) == shared.flows
    history = await client.quota_usages.workspace_history(seed.workspace_id, **NOVEMBER)
    assert sum(day.cpu for day in history) == shared.cpu


async def test_histories_group_by_month(client: AsyncClient, emulator: Emulator) -> None:
    seed = emulator.seed
    months = await client.quota_usages.contract_history(
        seed.contract_id, since="2024-10-01", until="2024-11-30", group_by="month"
    )
    assert [m.id for m in months] == ["2024-10", "2024-11"]
    flow = await client.quota_usages.workspace_flows(seed.workspace_id, **NOVEMBER)
    days = await client.quota_usages.flow_history(flow[0].id, **NOVEMBER)
    assert sum(day.memory for day in days) == flow[0].memory


async def test_a_contract_owner_outside_the_workspace_is_refused(emulator: Emulator) -> None:
    owner = emulator.seed.contract_owner
    async with emulator.client(email=owner.email, api_key=owner.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.quota_usages.workspace_flows(emulator.seed.workspace_id, **NOVEMBER)


async def test_limits_as_set_and_the_months_usage(client: AsyncClient, emulator: Emulator) -> None:
    """The limits a test sets reach the SDK; the usage carries messages, not flows."""
    contract_id = emulator.seed.contract_id
    default = await client.quota_usages.limits(contract_id)
    emulator.platform.quota_limits.set(contract_id, messages=5)
    limits = await client.quota_usages.limits(contract_id)
    assert (limits.messages, limits.memory) == (5, default.memory)
    used = await client.quota_usages.usages(contract_id)
    assert isinstance(used.messages, int)
    assert used.flows is None


async def test_messages_by_month_sum_the_days(client: AsyncClient, emulator: Emulator) -> None:
    contract_id = emulator.seed.contract_id
    days = await client.quota_usages.messages_history(contract_id, **NOVEMBER)
    [month] = await client.quota_usages.messages_history(contract_id, **NOVEMBER, group_by="month")
    assert len(days) == 30
    assert month.id == "2024-11"
    assert month.messages == sum(day.messages for day in days) > 0


async def test_an_outsider_may_not_read_the_limits(emulator: Emulator) -> None:
    outsider = emulator.seed.outsider
    async with emulator.client(email=outsider.email, api_key=outsider.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.quota_usages.limits(emulator.seed.contract_id)
