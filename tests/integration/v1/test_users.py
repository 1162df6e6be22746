"""API v1 users through the SDK against the emulator: the caller, registering (with and
without a callback), deleting; what v2 sees of the changes."""

from __future__ import annotations

import asyncio
import json

import pytest

from elasticio import AsyncClient, PermissionDeniedError, V1Accepted, V1User
from elasticio.testing import Emulator
from tests._support.rig import Rig


async def test_me_is_the_v2_me(client: AsyncClient) -> None:
    me = await client.v1.users.me()
    v2 = await client.users.me()
    assert (me.id, me.email, me.first_name) == (v2.id, v2.email, v2.first_name)


async def test_register_then_act_as_the_new_user_then_delete(
    client: AsyncClient, rig: Rig, emulator: Emulator
) -> None:
    """The api_secret signs the new user in; v2 shows them; the registrar deletes them."""
    user = await client.v1.users.create(
        first_name="Ida",
        last_name="Interop",
        email="ida@example.com",
        password="a-long-passphrase",
        organizations=[emulator.seed.contract_id],
        company="Doe & Partners",
    )
    assert isinstance(user, V1User)
    assert user.api_secret is not None
    assert user.api_secret not in repr(user)
    async with rig.client(email="ida@example.com", api_key=user.api_secret) as ida:
        assert (await ida.v1.users.me()).id == user.id
        with pytest.raises(PermissionDeniedError, match="users you created"):
            await ida.v1.users.delete(user.id)
    assert (await client.users.get(user.id)).email == "ida@example.com"
    await client.v1.users.delete(user.id)
    assert user.id not in emulator.platform.users


async def test_register_with_a_callback_delivers_the_user(
    client: AsyncClient, emulator: Emulator
) -> None:
    """create(callback=) gives V1Accepted; the user then arrives at the loopback URL."""
    received: list[bytes] = []
    arrived = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        size = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        received.append(await reader.readexactly(size))
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()
        arrived.set()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        answer = await client.v1.users.create(
            first_name="Cal",
            last_name="Back",
            email="cal@example.com",
            password="a-long-passphrase",
            organizations=[emulator.seed.contract_id],
            callback=f"http://127.0.0.1:{port}/registered",
        )
        assert answer == V1Accepted(message="accepted")
        await asyncio.wait_for(arrived.wait(), timeout=10)
    finally:
        server.close()
        await server.wait_closed()
    [body] = [json.loads(raw) for raw in received]
    registered = emulator.platform.user_by_email("cal@example.com")
    assert registered is not None
    assert (body["id"], body["api_secret"]) == (registered.id, registered.api_key)
