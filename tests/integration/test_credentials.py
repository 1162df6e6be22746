"""Credentials: the lists, one credential, create, update (name, keys, VPN agent), delete;
the SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, NotFoundError
from elasticio.testing import Emulator

VPN_AGENT_ID = "5a09deda2d5f49665afb739a"


async def test_list_of_a_workspace(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.list() yields the workspace's credentials, keys included."""
    credentials = await client.credentials.list(workspace_id=emulator.seed.workspace_id).collect()
    stored = {
        c.id: c
        for c in emulator.platform.credentials.values()
        if c.workspace_id == emulator.seed.workspace_id
    }
    assert sorted(c.id for c in credentials) == sorted(stored)
    for credential in credentials:
        assert (credential.name, dict(credential.keys), credential.component_id) == (
            stored[credential.id].name,
            stored[credential.id].keys,
            stored[credential.id].component_id,
        )


async def test_list_of_one_component(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.list(component_id=...) keeps that component's credentials."""
    credentials = client.credentials.list(
        workspace_id=emulator.seed.workspace_id,
        component_id=emulator.seed.component_ids["webhook"],
    )
    assert [c.id async for c in credentials] == [emulator.seed.credential_ids["webhook"]]


async def test_get(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.get() returns the credential, its keys and its relationships."""
    credential = await client.credentials.get(emulator.seed.credential_ids["petstore"])
    stored = emulator.platform.credentials[emulator.seed.credential_ids["petstore"]]
    assert (credential.name, dict(credential.keys)) == (stored.name, stored.keys)
    assert (credential.component_id, credential.workspace_id, credential.user_id) == (
        stored.component_id,
        stored.workspace_id,
        stored.user_id,
    )
    assert "petstore-demo-key" not in repr(credential)


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.create() stores a credential in the workspace, by the caller."""
    created = await client.credentials.create(
        keys={"apiKey": "fresh-key"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        name="Petstore staging key",
    )
    stored = emulator.platform.credentials[created.id]
    assert (stored.name, stored.keys, stored.user_id) == (
        "Petstore staging key",
        {"apiKey": "fresh-key"},
        emulator.seed.owner.id,
    )
    assert (created.name, dict(created.keys)) == (stored.name, stored.keys)


async def test_create_without_a_name(client: AsyncClient, emulator: Emulator) -> None:
    """Without a name the platform names the credential after the component's title."""
    created = await client.credentials.create(
        keys={"apiKey": "k"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
    )
    assert created.name == "Petstore API #2"
    assert emulator.platform.credentials[created.id].name == "Petstore API #2"


async def test_update_name_keeps_the_keys(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.update(name=...) renames and leaves the keys alone."""
    credential_id = emulator.seed.credential_ids["webhook"]
    updated = await client.credentials.update(credential_id, name="Renamed")
    stored = emulator.platform.credentials[credential_id]
    assert (updated.name, stored.name) == ("Renamed", "Renamed")
    assert stored.keys == {"username": "acme", "password": "webhook-secret"}


async def test_update_keys_replaces_them(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.update(keys=...) replaces the keys as a whole."""
    credential_id = emulator.seed.credential_ids["webhook"]
    updated = await client.credentials.update(credential_id, keys={"username": "other"})
    assert dict(updated.keys) == {"username": "other"}
    assert emulator.platform.credentials[credential_id].keys == {"username": "other"}


async def test_with_a_vpn_agent(client: AsyncClient, emulator: Emulator) -> None:
    """vpn_agent_id= links the credential to a VPN agent."""
    created = await client.credentials.create(
        keys={"apiKey": "k"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        vpn_agent_id=VPN_AGENT_ID,
    )
    assert created.vpn_agent_id == VPN_AGENT_ID
    assert emulator.platform.credentials[created.id].vpn_agent_id == VPN_AGENT_ID


async def test_update_detaches_the_vpn_agent(client: AsyncClient, emulator: Emulator) -> None:
    """update(vpn_agent_id=None) sends a null relationship, which unlinks the VPN agent."""
    created = await client.credentials.create(
        keys={"apiKey": "k"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        vpn_agent_id=VPN_AGENT_ID,
    )
    updated = await client.credentials.update(created.id, vpn_agent_id=None)
    assert updated.vpn_agent_id is None
    assert emulator.platform.credentials[created.id].vpn_agent_id is None


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.delete() removes the credential; reading it again is a 404."""
    credential_id = emulator.seed.credential_ids["webhook"]
    await client.credentials.delete(credential_id)
    assert credential_id not in emulator.platform.credentials
    with pytest.raises(NotFoundError):
        await client.credentials.get(credential_id)
