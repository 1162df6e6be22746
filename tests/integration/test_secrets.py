"""Auth secrets: the SDK against the emulator, the answers matching its records; refresh
on the emulator's clock; a caller outside the workspace refused."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator


async def test_list_and_get(client: AsyncClient, emulator: Emulator) -> None:
    """secrets.list() and get() show the seeded secret as the emulator stores it."""
    seed = emulator.seed
    stored = emulator.platform.auth_secrets[seed.secret_id]
    (listed,) = await client.secrets.list(seed.workspace_id).collect()
    got = await client.secrets.get(seed.workspace_id, seed.secret_id)
    assert listed == got
    assert (got.name, got.state, dict(got.credentials)) == (
        stored.name,
        "ready",
        stored.credentials,
    )
    assert (got.workspace_id, got.user_id, got.auth_client_id) == (
        seed.workspace_id,
        seed.owner.id,
        seed.auth_client_id,
    )
    assert await client.secrets.list(seed.workspace_id, user_id=seed.guest.id).collect() == []


async def test_create_refresh_update_delete(client: AsyncClient, emulator: Emulator) -> None:
    """A secret created, refreshed (a new token), put in the error state, and deleted."""
    seed = emulator.seed
    created = await client.secrets.create(
        seed.workspace_id,
        name="Second account",
        auth_client_id=seed.auth_client_id,
        credentials={"access_token": "a1", "refresh_token": "r1"},
    )
    assert created.credentials == {"access_token": "a1", "refresh_token": "r1", "expires_in": 3600}
    refreshed = await client.secrets.refresh(seed.workspace_id, created.id)
    assert refreshed.credentials["access_token"] not in ("a1", None)
    assert refreshed.credentials["refresh_token"] == "r1"
    failed = await client.secrets.update(
        seed.workspace_id, created.id, state="error", error="Token revoked"
    )
    assert (failed.state, failed.error) == ("error", "Token revoked")
    await client.secrets.delete(seed.workspace_id, created.id)
    with pytest.raises(NotFoundError):
        await client.secrets.get(seed.workspace_id, created.id)


async def test_outsider_is_refused(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest may neither list nor create secrets of the private workspace."""
    seed = emulator.seed
    with pytest.raises(PermissionDeniedError):
        await guest.secrets.list(seed.private_workspace_id).collect()
    with pytest.raises(PermissionDeniedError):
        await guest.secrets.create(
            seed.private_workspace_id,
            name="Mine",
            auth_client_id=seed.auth_client_id,
            credentials={"access_token": "a"},
        )
    assert list(emulator.platform.auth_secrets) == [seed.secret_id]
