"""API v1 accounts through the SDK against the emulator, and the same credentials
through v2."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator


async def test_create_get_update_and_v2_sees_each_change(
    client: AsyncClient, emulator: Emulator
) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    created = await client.v1.accounts.create(petstore, name="v1 account", keys={"apiKey": "a"})
    assert (created.type, created.keys) == (petstore, {"apiKey": "a"})
    assert "apiKey" not in repr(created)
    assert (await client.v1.accounts.get(created.id)).name == "v1 account"
    v2 = await client.credentials.get(created.id)
    assert (v2.name, v2.keys) == ("v1 account", {"apiKey": "a"})
    updated = await client.v1.accounts.update(created.id, keys={"apiKey": "b"})
    assert (updated.name, updated.keys) == ("v1 account", {"apiKey": "b"})
    assert (await client.credentials.get(created.id)).keys == {"apiKey": "b"}


async def test_a_v2_change_shows_in_v1(client: AsyncClient, emulator: Emulator) -> None:
    account_id = emulator.seed.credential_ids["petstore"]
    await client.credentials.update(account_id, name="renamed in v2")
    assert (await client.v1.accounts.get(account_id)).name == "renamed in v2"
    assert account_id in [a.id for a in await client.v1.accounts.list()]


async def test_errors_map_onto_the_tree(
    client: AsyncClient, guest: AsyncClient, emulator: Emulator
) -> None:
    with pytest.raises(NotFoundError):
        await client.v1.accounts.get("nope")
    with pytest.raises(PermissionDeniedError):
        await guest.v1.accounts.update(emulator.seed.private_credential_id, name="x")
