"""SSH keys: the signed-in user's keys, create (a malformed key refused), delete (another
user's refused); the SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, PermissionDeniedError
from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from tests._support.ssh_keys import md5_fingerprint


async def test_list(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.list() yields the owner's key with its fingerprint."""
    keys = await client.ssh_keys.list().collect()
    stored = emulator.platform.ssh_keys[emulator.seed.ssh_key_id]
    assert [(k.id, k.title, k.key, k.fingerprint) for k in keys] == [
        (stored.id, stored.title, stored.key, stored.fingerprint)
    ]
    assert keys[0].fingerprint == md5_fingerprint(stored.key)


async def test_list_is_per_user(guest: AsyncClient) -> None:
    """The guest has no keys of their own."""
    assert await guest.ssh_keys.list().collect() == []


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.create() stores the key for the caller and answers with its fingerprint."""
    text = example_rsa_key("integration") + " ci@example.com"
    created = await client.ssh_keys.create(text, title="CI")
    stored = emulator.platform.ssh_keys[created.id]
    assert (stored.user_id, stored.title, stored.key) == (emulator.seed.owner.id, "CI", text)
    assert created.fingerprint == stored.fingerprint == md5_fingerprint(text)
    assert [k.id async for k in client.ssh_keys.list()] == [emulator.seed.ssh_key_id, created.id]


async def test_create_refuses_a_malformed_key(client: AsyncClient, emulator: Emulator) -> None:
    """A text that is not an SSH public key is a 400, and nothing is stored."""
    with pytest.raises(BadRequestError):
        await client.ssh_keys.create("ssh-rsa not-base64!")
    assert list(emulator.platform.ssh_keys) == [emulator.seed.ssh_key_id]


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """ssh_keys.delete() removes the key."""
    await client.ssh_keys.delete(emulator.seed.ssh_key_id)
    assert emulator.platform.ssh_keys == {}


async def test_delete_someone_elses_key(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest may not delete the owner's key: 403, and the key stays."""
    with pytest.raises(PermissionDeniedError):
        await guest.ssh_keys.delete(emulator.seed.ssh_key_id)
    assert emulator.seed.ssh_key_id in emulator.platform.ssh_keys
