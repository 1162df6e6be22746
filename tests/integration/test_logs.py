"""Workspace logs through the SDK against the emulator."""

from __future__ import annotations

from datetime import timedelta

import pytest

from elasticio import AsyncClient, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator
from elasticio.testing._time import EPOCH


async def test_a_line_added_in_the_emulator_is_found(
    client: AsyncClient, emulator: Emulator
) -> None:
    """The SDK's filters reach the emulator as it reads them."""
    seed = emulator.seed
    emulator.platform.logs.add(
        seed.workspace_id,
        "Order 42 failed",
        level=60,
        flow_id=seed.flow_id,
        timestamp=EPOCH - timedelta(minutes=5),
    )
    page = await client.logs.list(
        seed.workspace_id,
        flow_ids=[seed.flow_id],
        since=EPOCH - timedelta(hours=1),
        until=EPOCH,
        search="order",
        levels=[60],
    )
    assert page.total == 1
    assert page.hits[0].message == "<em>Order</em> 42 failed"
    assert page.hits[0].timestamp == EPOCH - timedelta(minutes=5)


async def test_generated_lines_page_by_offset(client: AsyncClient, emulator: Emulator) -> None:
    first = await client.logs.list(emulator.seed.workspace_id, limit=3)
    second = await client.logs.list(emulator.seed.workspace_id, offset=3, limit=3)
    assert first.total == second.total > 6
    assert not {line.id for line in first.hits} & {line.id for line in second.hits}


async def test_a_guest_of_the_workspace_is_refused(client: AsyncClient, emulator: Emulator) -> None:
    member = emulator.seed.member
    async with emulator.client(email=member.email, api_key=member.api_key) as as_member:
        with pytest.raises(PermissionDeniedError):
            await as_member.logs.list(emulator.seed.workspace_id)
    with pytest.raises(NotFoundError):
        await client.logs.list("000000000000000000000000")
