"""Users in API v1: the caller, registering (201, or 202 and a callback), deleting a user
one registered; the same users as v2 shows."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, http_client, json_of, v1_error_of


def _new_user(emulator: Emulator, email: str = "ida@example.com", **more: Any) -> dict[str, Any]:
    return {
        "first_name": "Ida",
        "last_name": "Interop",
        "email": email,
        "password": "a-long-passphrase",
        "company": "Doe & Partners",
        "organizations": [{"id": emulator.seed.contract_id}],
        **more,
    }


async def test_me_is_the_caller(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """GET /v1/users (and /v1/users/, as the Node client sends it) is the caller."""
    owner = emulator.platform.users[emulator.seed.owner.id]
    expected = {
        "id": owner.id,
        "first_name": "Olivia",
        "last_name": "Owner",
        "email": "owner@example.com",
    }
    assert json_of(await api.get("/v1/users")) == expected
    assert json_of(await api.get("/v1/users/")) == expected


async def test_register_answers_201_with_the_api_secret(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The new user, with their API key as ``api_secret`` and no password, signs in."""
    created = json_of(await api.post("/v1/users", json=_new_user(emulator)), 201)
    user = emulator.platform.users[created["id"]]
    assert created == {
        "id": user.id,
        "first_name": "Ida",
        "last_name": "Interop",
        "email": "ida@example.com",
        "company": "Doe & Partners",
        "api_secret": user.api_key,
    }
    async with http_client(emulator, ("ida@example.com", created["api_secret"])) as ida:
        assert json_of(await ida.get("/v1/users"))["id"] == user.id


async def test_a_registered_user_joins_the_contract_and_v2_sees_them(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    created = json_of(await api.post("/v1/users", json=_new_user(emulator)), 201)
    assert emulator.platform.contracts[emulator.seed.contract_id].members[created["id"]] == []
    shown = data_of(await api.get(f"/v2/users/{created['id']}"))
    assert shown["attributes"]["email"] == "ida@example.com"


async def test_a_v2_user_is_me_in_v1(emulator: Emulator) -> None:
    """A user made on the platform (as v2 knows them) is who v1's me answers for them."""
    made = emulator.platform.users.create(email="zoe@example.com", first_name="Zoe")
    async with http_client(emulator, (made.email, made.api_key)) as zoe:
        assert json_of(await zoe.get("/v1/users"))["first_name"] == "Zoe"


async def test_register_checks_the_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A missing required member, or an organization that is no contract, is a 400."""
    body = _new_user(emulator)
    del body["password"]
    assert "password" in v1_error_of(await api.post("/v1/users", json=body), 400)
    unknown = _new_user(emulator, organizations=[{"id": "nope"}])
    assert "organizations" in v1_error_of(await api.post("/v1/users", json=unknown), 400)


async def test_a_taken_email_is_a_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    v1_error_of(await api.post("/v1/users", json=_new_user(emulator, "GUEST@example.com")), 409)


async def test_registering_into_a_contract_needs_its_admin(emulator: Emulator) -> None:
    """A contract member without owner or admin role gets 403, and no user is made."""
    member = emulator.platform.users.create(email="m@example.com")
    emulator.platform.contracts.add_member(emulator.seed.contract_id, member.id, [])
    before = len(emulator.platform.users)
    async with http_client(emulator, (member.email, member.api_key)) as client:
        v1_error_of(await client.post("/v1/users", json=_new_user(emulator)), 403)
    assert len(emulator.platform.users) == before


async def test_delete_removes_a_user_one_registered(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """200 with a message; the user and their memberships are gone; again is a 404."""
    created = json_of(await api.post("/v1/users", json=_new_user(emulator)), 201)
    answer = json_of(await api.delete(f"/v1/users/{created['id']}"))
    assert created["id"] in answer["message"]
    assert created["id"] not in emulator.platform.users
    assert created["id"] not in emulator.platform.contracts[emulator.seed.contract_id].members
    v1_error_of(await api.delete(f"/v1/users/{created['id']}"), 404)


async def test_delete_refuses_a_user_someone_else_registered(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Even a tenant admin may delete only the users they registered (and not themselves)."""
    by_guest = json_of(await guest_api.post("/v1/users", json=_new_user(emulator)), 201)
    v1_error_of(await api.delete(f"/v1/users/{by_guest['id']}"), 403)
    v1_error_of(await api.delete(f"/v1/users/{emulator.seed.owner.id}"), 403)
    assert by_guest["id"] in emulator.platform.users


async def test_a_fault_rule_naming_the_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Faults apply to v1 routes as to v2, answered in v1's error form."""
    emulator.faults.fail(503, route="v1.users.me", times=1)
    v1_error_of(await api.get("/v1/users"), 503)
    assert json_of(await api.get("/v1/users"))["id"] == emulator.seed.owner.id


class _Receiver:
    """A tiny HTTP server on a loopback port that keeps the JSON bodies POSTed to it."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/registered"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        self.bodies.append(await reader.readexactly(length))
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


async def test_a_callback_gets_the_created_user_on_loopback(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """202 {"message": "accepted"}, then the user (with api_secret) is POSTed to the URL."""
    receiver = _Receiver()
    url = await receiver.start()
    try:
        response = await api.post("/v1/users", json=_new_user(emulator, callback=url))
        assert json_of(response, 202) == {"message": "accepted"}
        await emulator.outbox.drain()
    finally:
        await receiver.stop()
    [delivery] = emulator.outbox.deliveries
    assert (delivery.url, delivery.state, delivery.status) == (url, "delivered", 204)
    [sent] = [httpx.Response(200, content=body).json() for body in receiver.bodies]
    user = emulator.platform.user_by_email("ida@example.com")
    assert user is not None
    assert sent == {
        "id": user.id,
        "first_name": "Ida",
        "last_name": "Interop",
        "email": "ida@example.com",
        "company": "Doe & Partners",
        "api_secret": user.api_key,
    }


async def test_the_callback_waits_with_the_emulators_sleep_and_never_blocks(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """The answer comes while the delivery is still pending; the delay is slept with the
    injected sleep; the injected sender then gets the user."""
    emulator.settings.callback_delay = 30.0
    release = asyncio.Event()
    sent: list[tuple[str, Any]] = []

    async def send(url: str, body: Any) -> int:
        await release.wait()
        sent.append((url, body))
        return 200

    emulator.outbox.send = send
    url = "http://localhost:8999/cb"
    response = await api.post("/v1/users", json=_new_user(emulator, callback=url))
    assert response.status_code == 202
    [delivery] = emulator.outbox.deliveries
    assert (delivery.state, sent) == ("pending", [])
    release.set()
    await emulator.outbox.drain()
    assert delivery.state == "delivered"
    assert 30.0 in fake_clock.sleeps
    assert [(u, body["email"]) for u, body in sent] == [(url, "ida@example.com")]


async def test_a_callback_off_loopback_is_recorded_and_not_sent(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    sent: list[str] = []

    async def send(url: str, body: Any) -> int:
        sent.append(url)
        return 200

    emulator.outbox.send = send
    url = "https://hooks.example.com/registered"
    json_of(await api.post("/v1/users", json=_new_user(emulator, callback=url)), 202)
    await emulator.outbox.drain()
    [delivery] = emulator.outbox.deliveries
    assert (delivery.url, delivery.state, sent) == (url, "skipped", [])
    assert emulator.platform.user_by_email("ida@example.com") is not None


async def test_a_failed_callback_is_recorded_without_its_body(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    async def send(url: str, body: Any) -> int:
        raise httpx.ConnectError("refused")

    emulator.outbox.send = send
    json_of(await api.post("/v1/users", json=_new_user(emulator, callback="http://[::1]:1/")), 202)
    await emulator.outbox.drain()
    [delivery] = emulator.outbox.deliveries
    assert (delivery.state, delivery.error) == ("failed", "ConnectError")
    assert "api_secret" not in repr(delivery)
