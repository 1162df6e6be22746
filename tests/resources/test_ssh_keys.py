"""``client.ssh_keys``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError
from elasticio.models._sshkeys import SSHKey
from tests._support.docs import docs
from tests._support.wire import body, query

KEY_ID = "5a4f59dbcbe7940019697ec5"
USER_ID = "59d22e7eeb865b0018adc248"


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() is GET /v2/sshkeys and gives each key with its fingerprint and user id."""
    route = router.get("/v2/sshkeys").respond(200, json=docs("ssh_keys/list"))
    keys = await client.ssh_keys.list().collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v2/sshkeys",
        [],
        b"",
    )
    assert keys == [
        SSHKey(
            id=KEY_ID,
            key="ssh-key",
            title="test@example-UX430UQ",
            fingerprint="fd:d4:98:92:ed:d7:3a:0c:a2:42:ff:78:57:15:88:fa",
            user_id=USER_ID,
        )
    ]


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list item that is not an sshkey raises DecodeError at its type."""
    router.get("/v2/sshkeys").respond(200, json={"data": [{"type": "user", "id": USER_ID}]})
    with pytest.raises(DecodeError) as caught:
        await client.ssh_keys.list().collect()
    assert caught.value.pointer == "/data/0/type"


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(key, title=...) POSTs exactly the docs' request example."""
    route = router.post("/v2/sshkeys").respond(201, json=docs("ssh_keys/create"))
    await client.ssh_keys.create("ssh-rsa YOUR KEY GOES HERE", title="My New Key")
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/sshkeys", [])
    assert body(request) == docs("ssh_keys/create_request")


async def test_create_omits_the_title_left_unset(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(key) sends only the key."""
    route = router.post("/v2/sshkeys").respond(201, json=docs("ssh_keys/create"))
    await client.ssh_keys.create("ssh-rsa AAAA")
    assert body(route.calls.last.request) == {
        "data": {"type": "sshkey", "attributes": {"key": "ssh-rsa AAAA"}}
    }


async def test_create_decodes_the_created_key(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's key."""
    router.post("/v2/sshkeys").respond(201, json=docs("ssh_keys/create"))
    key = await client.ssh_keys.create("ssh-rsa AAAA")
    assert (key.id, key.title, key.fingerprint, key.user_id) == (
        "5aabedf5bd6d6400079b45f1",
        "1603testAndDelMe",
        "3a:2b:8e:7c:dc:82:3e:de:54:f4:58:8a:7d:55:fb:15",
        USER_ID,
    )


async def test_create_reports_a_wrongly_typed_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A fingerprint that is a list raises DecodeError naming it."""
    payload = {"data": {"type": "sshkey", "id": KEY_ID, "attributes": {"fingerprint": ["x"]}}}
    router.post("/v2/sshkeys").respond(201, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.ssh_keys.create("ssh-rsa AAAA")
    assert "fingerprint" in str(caught.value)


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete(id) is DELETE /v2/sshkeys/{id} without a body; a 204 is success."""
    route = router.delete(f"/v2/sshkeys/{KEY_ID}").respond(204)
    await client.ssh_keys.delete(KEY_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "DELETE",
        f"/v2/sshkeys/{KEY_ID}",
        b"",
    )
