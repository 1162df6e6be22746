"""Credentials, SSH keys and data samples: the SDK's answers match the emulator's records."""

from __future__ import annotations

import base64
import hashlib

import pytest

from elasticio import AsyncClient, BadRequestError, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key

VPN_AGENT_ID = "5a09deda2d5f49665afb739a"

# -- credentials ---------------------------------------------------------------------------


async def test_credentials_list_of_a_workspace(client: AsyncClient, emulator: Emulator) -> None:
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


async def test_credentials_list_of_one_component(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.list(component_id=...) keeps that component's credentials."""
    credentials = client.credentials.list(
        workspace_id=emulator.seed.workspace_id,
        component_id=emulator.seed.component_ids["webhook"],
    )
    assert [c.id async for c in credentials] == [emulator.seed.credential_ids["webhook"]]


async def test_credentials_get(client: AsyncClient, emulator: Emulator) -> None:
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


async def test_credentials_create(client: AsyncClient, emulator: Emulator) -> None:
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


async def test_credentials_create_without_a_name(client: AsyncClient, emulator: Emulator) -> None:
    """Without a name the platform names the credential after the component's title."""
    created = await client.credentials.create(
        keys={"apiKey": "k"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
    )
    assert created.name == "Petstore API #2"
    assert emulator.platform.credentials[created.id].name == "Petstore API #2"


async def test_credentials_update_name_keeps_the_keys(
    client: AsyncClient, emulator: Emulator
) -> None:
    """credentials.update(name=...) renames and leaves the keys alone."""
    credential_id = emulator.seed.credential_ids["webhook"]
    updated = await client.credentials.update(credential_id, name="Renamed")
    stored = emulator.platform.credentials[credential_id]
    assert (updated.name, stored.name) == ("Renamed", "Renamed")
    assert stored.keys == {"username": "acme", "password": "webhook-secret"}


async def test_credentials_update_keys_replaces_them(
    client: AsyncClient, emulator: Emulator
) -> None:
    """credentials.update(keys=...) replaces the keys as a whole."""
    credential_id = emulator.seed.credential_ids["webhook"]
    updated = await client.credentials.update(credential_id, keys={"username": "other"})
    assert dict(updated.keys) == {"username": "other"}
    assert emulator.platform.credentials[credential_id].keys == {"username": "other"}


async def test_credentials_with_a_vpn_agent(client: AsyncClient, emulator: Emulator) -> None:
    """vpn_agent_id= links the credential to a VPN agent."""
    created = await client.credentials.create(
        keys={"apiKey": "k"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        vpn_agent_id=VPN_AGENT_ID,
    )
    assert created.vpn_agent_id == VPN_AGENT_ID
    assert emulator.platform.credentials[created.id].vpn_agent_id == VPN_AGENT_ID


async def test_credentials_update_detaches_the_vpn_agent(
    client: AsyncClient, emulator: Emulator
) -> None:
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


async def test_credentials_delete(client: AsyncClient, emulator: Emulator) -> None:
    """credentials.delete() removes the credential; reading it again is a 404."""
    credential_id = emulator.seed.credential_ids["webhook"]
    await client.credentials.delete(credential_id)
    assert credential_id not in emulator.platform.credentials
    with pytest.raises(NotFoundError):
        await client.credentials.get(credential_id)


# -- SSH keys ------------------------------------------------------------------------------


def md5_fingerprint(key: str) -> str:
    """The classic fingerprint of an OpenSSH public key line."""
    digest = hashlib.md5(base64.b64decode(key.split()[1]), usedforsecurity=False).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


async def test_ssh_keys_list(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.list() yields the owner's key with its fingerprint."""
    keys = await client.ssh_keys.list().collect()
    stored = emulator.platform.ssh_keys[emulator.seed.ssh_key_id]
    assert [(k.id, k.title, k.key, k.fingerprint) for k in keys] == [
        (stored.id, stored.title, stored.key, stored.fingerprint)
    ]
    assert keys[0].fingerprint == md5_fingerprint(stored.key)


async def test_ssh_keys_list_is_per_user(guest: AsyncClient) -> None:
    """The guest has no keys of their own."""
    assert await guest.ssh_keys.list().collect() == []


async def test_ssh_keys_create(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.create() stores the key for the caller and answers with its fingerprint."""
    text = example_rsa_key("integration") + " ci@example.com"
    created = await client.ssh_keys.create(text, title="CI")
    stored = emulator.platform.ssh_keys[created.id]
    assert (stored.user_id, stored.title, stored.key) == (emulator.seed.owner.id, "CI", text)
    assert created.fingerprint == stored.fingerprint == md5_fingerprint(text)
    assert [k.id async for k in client.ssh_keys.list()] == [emulator.seed.ssh_key_id, created.id]


async def test_ssh_keys_create_refuses_a_malformed_key(
    client: AsyncClient, emulator: Emulator
) -> None:
    """A text that is not an SSH public key is a 400, and nothing is stored."""
    with pytest.raises(BadRequestError):
        await client.ssh_keys.create("ssh-rsa not-base64!")
    assert list(emulator.platform.ssh_keys) == [emulator.seed.ssh_key_id]


async def test_ssh_keys_delete(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.delete() removes the key."""
    await client.ssh_keys.delete(emulator.seed.ssh_key_id)
    assert emulator.platform.ssh_keys == {}


async def test_ssh_keys_delete_someone_elses_key(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest may not delete the owner's key: 403, and the key stays."""
    with pytest.raises(PermissionDeniedError):
        await guest.ssh_keys.delete(emulator.seed.ssh_key_id)
    assert emulator.seed.ssh_key_id in emulator.platform.ssh_keys


# -- data samples --------------------------------------------------------------------------


async def test_data_samples_get(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.get() returns the sample with its method, result and relationships."""
    sample_id = emulator.seed.data_sample_ids["webhook"]
    sample = await client.data_samples.get(sample_id)
    stored = emulator.platform.data_samples[sample_id]
    assert (sample.method, dict(sample.result)) == (stored.method, stored.result)
    assert (
        sample.component_id,
        sample.component_version_id,
        sample.workspace_id,
        sample.user_id,
    ) == (stored.component_id, stored.component_version, stored.workspace_id, stored.user_id)


async def test_data_samples_list_in_the_order_asked(
    client: AsyncClient, emulator: Emulator
) -> None:
    """data_samples.list(ids) yields those samples in one request, in the order given."""
    ids = [emulator.seed.data_sample_ids["webhook"], emulator.seed.data_sample_ids["petstore"]]
    samples = await client.data_samples.list(ids).collect()
    assert [s.id for s in samples] == ids
    assert [s.method for s in samples] == ["receive", "getPetsByStatus"]
    assert client.stats.requests == 1


async def test_data_samples_list_leaves_out_unknown_ids(
    client: AsyncClient, emulator: Emulator
) -> None:
    """An id that does not exist is left out of the list."""
    samples = client.data_samples.list(["0" * 24, emulator.seed.data_sample_ids["petstore"]])
    assert [s.id async for s in samples] == [emulator.seed.data_sample_ids["petstore"]]


async def test_data_samples_create(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.create() stores the sample of the latest build by default."""
    created = await client.data_samples.create(
        method="createPetWithPromise",
        result={"id": 7, "name": "Tom"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
    )
    stored = emulator.platform.data_samples[created.id]
    assert (stored.method, stored.result, stored.component_version, stored.user_id) == (
        "createPetWithPromise",
        {"id": 7, "name": "Tom"},
        "latest",
        emulator.seed.owner.id,
    )
    assert dict(created.result) == {"id": 7, "name": "Tom"}


async def test_data_samples_create_for_a_revision(client: AsyncClient, emulator: Emulator) -> None:
    """version= pins the sample to one build."""
    revision = emulator.platform.components[emulator.seed.component_ids["petstore"]].versions[0]
    created = await client.data_samples.create(
        method="getPetsByStatus",
        result={"id": 1},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        version=revision.revision,
    )
    assert created.component_version_id == revision.revision
    assert emulator.platform.data_samples[created.id].component_version == revision.revision


async def test_data_samples_update(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.update() replaces the result."""
    sample_id = emulator.seed.data_sample_ids["petstore"]
    updated = await client.data_samples.update(sample_id, result={"id": 2, "name": "Bo"})
    assert dict(updated.result) == {"id": 2, "name": "Bo"}
    assert emulator.platform.data_samples[sample_id].result == {"id": 2, "name": "Bo"}
