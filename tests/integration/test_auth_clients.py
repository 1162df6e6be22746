"""Auth clients: the SDK against the emulator, scopes and credentials visibility as the
emulator stores and rules them; 409 while a secret uses a client."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, NotFoundError, PermissionDeniedError, UsageError
from elasticio.testing import Emulator

OAUTH2 = {
    "client_id": "staging",
    "client_secret": "staging-secret",
    "auth_uri": "https://petstore.example.com/oauth/authorize",
    "token_uri": "https://petstore.example.com/oauth/token",
    "refresh_token_uri": "https://petstore.example.com/oauth/token",
}


async def test_list_and_get(client: AsyncClient, emulator: Emulator) -> None:
    """list() from the workspace and get() from the contract show the seeded client."""
    seed = emulator.seed
    stored = emulator.platform.auth_clients[seed.auth_client_id]
    (listed,) = await client.auth_clients.list(workspace_id=seed.workspace_id).collect()
    got = await client.auth_clients.get(seed.auth_client_id, contract_id=seed.contract_id)
    assert listed == got
    assert (got.name, got.type, got.scope, got.contract_id) == (
        stored.name,
        "oauth2",
        "contract",
        seed.contract_id,
    )
    assert got.component_ids == (seed.component_ids["petstore"],)
    assert got.credentials == stored.credentials
    assert await client.auth_clients.list().collect() == []


async def test_create_update_delete(client: AsyncClient, emulator: Emulator) -> None:
    """A workspace client created, given a new secret and components, and deleted."""
    seed = emulator.seed
    created = await client.auth_clients.create(
        name="Staging",
        type="oauth2",
        credentials=OAUTH2,
        component_ids=[seed.component_ids["petstore"]],
        workspace_id=seed.private_workspace_id,
    )
    assert (created.scope, created.workspace_id) == ("workspace", seed.private_workspace_id)
    assert created.credentials is not None
    assert created.credentials["token_expires_in"] == 3600
    updated = await client.auth_clients.update(
        created.id,
        credentials={"client_secret": "rotated"},
        component_ids=[seed.component_ids["timer"]],
    )
    assert updated.credentials is not None
    assert (updated.credentials["client_secret"], updated.credentials["client_id"]) == (
        "rotated",
        "staging",
    )
    assert updated.component_ids == (seed.component_ids["timer"],)
    await client.auth_clients.delete(created.id)
    assert created.id not in emulator.platform.auth_clients


async def test_delete_of_a_used_client_is_a_conflict(
    client: AsyncClient, emulator: Emulator
) -> None:
    """The seeded secret uses the seeded client: ConflictError, and the client stays."""
    with pytest.raises(ConflictError):
        await client.auth_clients.delete(emulator.seed.auth_client_id)
    assert emulator.seed.auth_client_id in emulator.platform.auth_clients


async def test_guest_sees_a_tenant_client_without_credentials(
    guest: AsyncClient, emulator: Emulator
) -> None:
    """The guest lacks the tenant's permission: the tenant client shows, its credentials
    do not, and changing it is refused."""
    seed = emulator.seed
    tenant_client = emulator.platform.auth_clients.create(
        name="Tenant app",
        type="oauth2",
        credentials=OAUTH2,
        component_ids=[seed.component_ids["petstore"]],
        scope="tenant",
        scope_id=seed.tenant_id,
    )
    found = await guest.auth_clients.get(tenant_client.id, workspace_id=seed.workspace_id)
    assert (found.scope, found.credentials) == ("tenant", None)
    with pytest.raises(PermissionDeniedError):
        await guest.auth_clients.update(tenant_client.id, name="Mine")


async def test_scopes_refused_and_not_found(guest: AsyncClient, emulator: Emulator) -> None:
    """A scope the guest is not in is refused; a client the scope does not see is not
    found; two scopes are a UsageError before any request."""
    seed = emulator.seed
    with pytest.raises(PermissionDeniedError):
        await guest.auth_clients.list(workspace_id=seed.private_workspace_id).collect()
    with pytest.raises(NotFoundError):
        await guest.auth_clients.get("000000000000000000000000", workspace_id=seed.workspace_id)
    with pytest.raises(UsageError):
        await guest.auth_clients.get(
            seed.auth_client_id, workspace_id=seed.workspace_id, contract_id=seed.contract_id
        )
