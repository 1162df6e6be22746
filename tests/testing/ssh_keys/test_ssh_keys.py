"""SSH keys of the signed-in user: list, add with a computed fingerprint, delete."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from tests._support.emulator_http import data_of, error_of
from tests._support.ssh_keys import md5_fingerprint


def string(value: bytes) -> bytes:
    return len(value).to_bytes(4, "big") + value


def key_text(kind: str, *parts: bytes) -> str:
    blob = string(kind.encode()) + b"".join(string(p) for p in parts)
    return f"{kind} {base64.b64encode(blob).decode()}"


def key_body(key: str, title: str | None = "My New Key") -> dict[str, Any]:
    attributes: dict[str, Any] = {"key": key}
    if title is not None:
        attributes["title"] = title
    return {"data": {"type": "sshkey", "attributes": attributes}}


async def test_list_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The owner's seeded key in the documented shape."""
    response = await api.get("/v2/sshkeys")
    (key,) = data_of(response)
    assert response.json()["links"] == {"self": "/v2/sshkeys"}
    assert key["id"] == emulator.seed.ssh_key_id
    assert key["type"] == "sshkey"
    assert key["links"] == {"self": f"/v2/sshkeys/{key['id']}"}
    assert key["attributes"]["title"] == "Laptop"
    assert key["attributes"]["key"].startswith("ssh-rsa AAAA")
    assert key["attributes"]["fingerprint"] == md5_fingerprint(key["attributes"]["key"])
    assert key["relationships"]["user"] == {
        "data": {"id": emulator.seed.owner.id, "type": "user"},
        "links": {"self": f"/v2/users/{emulator.seed.owner.id}"},
    }


async def test_keys_are_per_user(guest_api: httpx.AsyncClient) -> None:
    """Another user does not see the owner's key."""
    assert data_of(await guest_api.get("/v2/sshkeys")) == []


async def test_create_answers_201(guest_api: httpx.AsyncClient) -> None:
    """A new key gets its MD5 fingerprint; the list then shows it."""
    key = example_rsa_key("guest") + " guest@example.com"
    created = data_of(await guest_api.post("/v2/sshkeys/", json=key_body(key)), 201)
    assert created["attributes"] == {
        "key": key,
        "title": "My New Key",
        "fingerprint": md5_fingerprint(key),
    }
    assert [k["id"] for k in data_of(await guest_api.get("/v2/sshkeys"))] == [created["id"]]


async def test_title_is_optional(api: httpx.AsyncClient) -> None:
    """Without a title the key's title is null."""
    body = key_body(example_rsa_key("untitled"), title=None)
    assert data_of(await api.post("/v2/sshkeys", json=body), 201)["attributes"]["title"] is None


@pytest.mark.parametrize(
    "key",
    [
        key_text("ssh-ed25519", bytes(32)),
        key_text("ssh-dss", b"p", b"q", b"g", b"y"),
        key_text("ecdsa-sha2-nistp256", b"nistp256", b"\x04" + bytes(64)),
    ],
    ids=["ed25519", "dsa", "ecdsa"],
)
async def test_other_key_types_are_accepted(api: httpx.AsyncClient, key: str) -> None:
    """DSA, ed25519 and ECDSA keys are accepted too."""
    created = data_of(await api.post("/v2/sshkeys", json=key_body(key)), 201)
    assert created["attributes"]["fingerprint"] == md5_fingerprint(key)


@pytest.mark.parametrize(
    "key",
    [
        "not a key",
        "ssh-rsa",
        "ssh-rsa !!!not-base64!!!",
        "ssh-rsa " + base64.b64encode(b"garbage").decode(),
        "ssh-foo " + key_text("ssh-foo", b"x").split()[1],
        "ssh-dss " + example_rsa_key("mismatch").split()[1],
        key_text("ssh-rsa", b"only-one-part"),
    ],
    ids=["words", "no-data", "not-base64", "garbage", "unknown-type", "type-mismatch", "short"],
)
async def test_not_a_public_key_is_400(api: httpx.AsyncClient, key: str) -> None:
    """A text that is not an SSH public key is 400."""
    error = error_of(await api.post("/v2/sshkeys", json=key_body(key)), 400)
    assert "data.attributes.key" in error["detail"]


async def test_create_needs_a_key(api: httpx.AsyncClient) -> None:
    """A missing key is 400."""
    body = {"data": {"type": "sshkey", "attributes": {"title": "x"}}}
    error_of(await api.post("/v2/sshkeys", json=body), 400)


async def test_create_with_wrong_type_is_409(api: httpx.AsyncClient) -> None:
    """A resource of another type is 409."""
    body = {"data": {"type": "ssh-key", "attributes": {"key": example_rsa_key("x")}}}
    error_of(await api.post("/v2/sshkeys", json=body), 409)


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """DELETE answers 204; the key is no longer listed."""
    response = await api.delete(f"/v2/sshkeys/{emulator.seed.ssh_key_id}")
    assert response.status_code == 204
    assert response.content == b""
    assert data_of(await api.get("/v2/sshkeys")) == []


async def test_delete_unknown_is_404(api: httpx.AsyncClient) -> None:
    """Deleting an unknown key is 404."""
    error_of(await api.delete(f"/v2/sshkeys/{'0' * 24}"), 404)


async def test_delete_other_users_key_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user cannot delete another user's key."""
    error_of(await guest_api.delete(f"/v2/sshkeys/{emulator.seed.ssh_key_id}"), 403)
