"""SSH keys in API v1 (``/v1/sshkey/``): the same keys as v2, shown flat."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from tests._support.emulator_http import data_of, json_of, v1_error_of


async def test_list_shows_the_seeded_key(api: httpx.AsyncClient, emulator: Emulator) -> None:
    key = emulator.platform.ssh_keys[emulator.seed.ssh_key_id]
    assert json_of(await api.get("/v1/sshkey/")) == [
        {
            "id": key.id,
            "title": "Laptop",
            "fingerprint": key.fingerprint,
            "user_id": emulator.seed.owner.id,
            "key": key.key,
        }
    ]


async def test_create_answers_201_and_v2_lists_the_key(api: httpx.AsyncClient) -> None:
    text = example_rsa_key("v1")
    created = json_of(await api.post("/v1/sshkey/", json={"key": text, "title": "CI"}), 201)
    assert (created["title"], created["key"]) == ("CI", text)
    listed = data_of(await api.get("/v2/sshkeys"))
    assert created["id"] in [k["id"] for k in listed]


async def test_create_refuses_a_malformed_key(api: httpx.AsyncClient, emulator: Emulator) -> None:
    message = v1_error_of(await api.post("/v1/sshkey/", json={"key": "ssh-rsa !!"}), 400)
    assert "SSH public key" in message
    assert list(emulator.platform.ssh_keys) == [emulator.seed.ssh_key_id]


async def test_create_needs_the_key(api: httpx.AsyncClient) -> None:
    assert v1_error_of(await api.post("/v1/sshkey/", json={"title": "x"}), 400) == "key is required"


async def test_delete_answers_an_empty_object(api: httpx.AsyncClient, emulator: Emulator) -> None:
    assert json_of(await api.delete(f"/v1/sshkey/{emulator.seed.ssh_key_id}")) == {}
    assert data_of(await api.get("/v2/sshkeys")) == []


async def test_delete_someone_elses_key(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    v1_error_of(await guest_api.delete(f"/v1/sshkey/{emulator.seed.ssh_key_id}"), 403)
    assert emulator.seed.ssh_key_id in emulator.platform.ssh_keys


async def test_delete_an_unknown_key(api: httpx.AsyncClient) -> None:
    v1_error_of(await api.delete("/v1/sshkey/nope"), 404)
