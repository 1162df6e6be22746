"""``client.v1.sshkeys``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, NotFoundError, V1SSHKey
from tests._support.docs import docs
from tests._support.wire import body

KEY = V1SSHKey(
    id="54982ee6bdf2a2030000000f",
    title="My Key",
    fingerprint="fingerprint",
    user_id="user_id",
    key="ssh_key",
)


async def test_list(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() is GET /v1/sshkey/ (singular, as the docs write it)."""
    route = router.get("/v1/sshkey/").respond(200, json=docs("v1/sshkeys/list"))
    assert await client.v1.sshkeys.list() == [KEY]
    assert route.called


async def test_create_sends_key_and_title(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.post("/v1/sshkey/").respond(201, json=docs("v1/sshkeys/create"))
    assert await client.v1.sshkeys.create("ssh-rsa AAAA", title="My Key") == KEY
    assert body(route.calls.last.request) == {"key": "ssh-rsa AAAA", "title": "My Key"}


async def test_create_leaves_out_an_unset_title(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v1/sshkey/").respond(201, json=docs("v1/sshkeys/create"))
    await client.v1.sshkeys.create("ssh-rsa AAAA")
    assert body(route.calls.last.request) == {"key": "ssh-rsa AAAA"}


async def test_delete_encodes_the_id(client: AsyncClient, router: respx.MockRouter) -> None:
    """The key id is one percent-encoded path segment; the answer {} is accepted."""
    route = router.delete(url__regex=r"/v1/sshkey/a%2Fb$").respond(200, json={})
    assert await client.v1.sshkeys.delete("a/b") is None
    assert route.called


async def test_delete_unknown(client: AsyncClient, router: respx.MockRouter) -> None:
    router.delete("/v1/sshkey/k").respond(404, json={"message": "Key not found"})
    with pytest.raises(NotFoundError, match="Key not found"):
        await client.v1.sshkeys.delete("k")
