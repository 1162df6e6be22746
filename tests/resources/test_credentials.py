"""``client.credentials``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import json

import pytest
import respx

from elasticio import AsyncClient, DecodeError, UsageError
from elasticio.models._credentials import Credential
from tests._support.docs import docs
from tests._support.wire import body, query

WORKSPACE_ID = "59d341e9037f7200184a408b"
COMPONENT_ID = "56793fb4d8057406000000f7"
CREDENTIAL_ID = "59f9f2ba112f28001921f274"
VPN_AGENT_ID = "59a410d76b670400182f190e"
KEYS = {"host": "hostname", "username": "username", "password": "pass"}


# -- list ----------------------------------------------------------------------------------


async def test_list_sends_the_workspace_id(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(workspace_id=...) is GET /v2/credentials?workspace_id=..., no component filter."""
    route = router.get("/v2/credentials").respond(200, json=docs("credentials/list"))
    await client.credentials.list(workspace_id=WORKSPACE_ID).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v2/credentials",
        [("workspace_id", WORKSPACE_ID)],
        b"",
    )


async def test_list_filters_by_component(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(component_id=...) adds filter[component]."""
    route = router.get("/v2/credentials").respond(200, json=docs("credentials/list"))
    await client.credentials.list(workspace_id=WORKSPACE_ID, component_id=COMPONENT_ID).collect()
    assert query(route.calls.last.request) == [
        ("filter[component]", COMPONENT_ID),
        ("workspace_id", WORKSPACE_ID),
    ]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives two credentials with keys and related ids, a VPN agent on one."""
    router.get("/v2/credentials").respond(200, json=docs("credentials/list"))
    first, second = await client.credentials.list(workspace_id=WORKSPACE_ID).collect()
    assert first == Credential(
        id="585430d3f02852a8a9fac45e",
        name="CMS primary",
        keys={"oauth": {"key": "secret1"}},
        component_id="585430d2f02852a8a9fac456",
        workspace_id=WORKSPACE_ID,
        user_id="585430d3f02852a8a9fac45d",
    )
    assert (second.keys["allowOption"], second.vpn_agent_id) == ("enabled", VPN_AGENT_ID)


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list item that is not a credential raises DecodeError at its type."""
    router.get("/v2/credentials").respond(200, json={"data": [{"type": "secret", "id": "S"}]})
    with pytest.raises(DecodeError) as caught:
        await client.credentials.list(workspace_id=WORKSPACE_ID).collect()
    assert caught.value.pointer == "/data/0/type"


# -- get -----------------------------------------------------------------------------------


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(id) is GET /v2/credentials/{id} and returns the credential with its keys."""
    path = f"/v2/credentials/{CREDENTIAL_ID}"
    route = router.get(path).respond(200, json=docs("credentials/get"))
    credential = await client.credentials.get(CREDENTIAL_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])
    assert credential == Credential(
        id=CREDENTIAL_ID,
        name="SFTP account",
        keys={"host": "sftp.company.org", "username": "lord", "password": "teststetr"},
        component_id=COMPONENT_ID,
        workspace_id=WORKSPACE_ID,
        user_id="59f747c33f1d3c001901a44e",
    )


async def test_keys_stay_out_of_the_repr(client: AsyncClient, router: respx.MockRouter) -> None:
    """A credential's repr shows its name and ids but neither its keys nor their values."""
    router.get(f"/v2/credentials/{CREDENTIAL_ID}").respond(200, json=docs("credentials/get"))
    credential = await client.credentials.get(CREDENTIAL_ID)
    shown = repr(credential)
    assert "SFTP account" in shown
    assert CREDENTIAL_ID in shown
    assert "teststetr" not in shown
    assert "keys" not in shown


async def test_undocumented_attributes_stay_out_of_the_repr(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An attribute the model does not know is kept in ``extra`` but not shown."""
    payload = docs("credentials/get")
    payload["data"]["attributes"]["refresh_token"] = "rt-0123456789"
    router.get(f"/v2/credentials/{CREDENTIAL_ID}").respond(200, json=payload)
    credential = await client.credentials.get(CREDENTIAL_ID)
    assert credential.extra == {"refresh_token": "rt-0123456789"}
    assert "rt-0123456789" not in repr(credential)


async def test_to_dict_keeps_the_keys(client: AsyncClient, router: respx.MockRouter) -> None:
    """to_dict() and to_json() export the keys and undocumented attributes (the caller's
    own data), while the repr of the same credential shows neither."""
    payload = docs("credentials/get")
    payload["data"]["attributes"]["refresh_token"] = "rt-0123456789"
    router.get(f"/v2/credentials/{CREDENTIAL_ID}").respond(200, json=payload)
    credential = await client.credentials.get(CREDENTIAL_ID)
    exported = credential.to_dict()
    assert exported == {
        "id": CREDENTIAL_ID,
        "name": "SFTP account",
        "keys": {"host": "sftp.company.org", "username": "lord", "password": "teststetr"},
        "component_id": COMPONENT_ID,
        "workspace_id": WORKSPACE_ID,
        "user_id": "59f747c33f1d3c001901a44e",
        "vpn_agent_id": None,
        "extra": {"refresh_token": "rt-0123456789"},
    }
    assert json.loads(credential.to_json()) == exported
    assert "teststetr" not in repr(credential)
    assert "rt-0123456789" not in repr(credential)


async def test_get_reports_keys_that_are_not_an_object(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """keys sent as a string raises DecodeError naming ``keys``, without the value."""
    payload = {
        "data": {"type": "credential", "id": CREDENTIAL_ID, "attributes": {"keys": "s3cr3t"}}
    }
    router.get(f"/v2/credentials/{CREDENTIAL_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.credentials.get(CREDENTIAL_ID)
    assert caught.value.pointer == "/data"
    assert "keys" in str(caught.value)
    assert "s3cr3t" not in str(caught.value)


async def test_get_encodes_the_id_as_one_segment(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() percent-encodes the id, so a ``/`` cannot lead to another path."""
    route = router.get(url__regex=r".*").respond(200, json=docs("credentials/get"))
    await client.credentials.get("x/../../users/me")
    assert route.calls.last.request.url.raw_path == b"/v2/credentials/x%2F..%2F..%2Fusers%2Fme"


# -- create --------------------------------------------------------------------------------


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() with a name sends exactly the docs' request example."""
    route = router.post("/v2/credentials").respond(201, json=docs("credentials/create"))
    await client.credentials.create(
        name="credname", keys=KEYS, component_id=COMPONENT_ID, workspace_id=WORKSPACE_ID
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/credentials", [])
    assert request.headers["Content-Type"] == "application/json"
    assert body(request) == docs("credentials/create_request")


async def test_create_omits_name_and_vpn_agent_left_unset(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Without name or vpn_agent_id, neither appears in the body (not even as null)."""
    route = router.post("/v2/credentials").respond(201, json=docs("credentials/create"))
    await client.credentials.create(
        keys={"apiKey": "k"}, component_id=COMPONENT_ID, workspace_id=WORKSPACE_ID
    )
    assert body(route.calls.last.request) == {
        "data": {
            "type": "credential",
            "attributes": {"keys": {"apiKey": "k"}},
            "relationships": {
                "component": {"data": {"type": "component", "id": COMPONENT_ID}},
                "workspace": {"data": {"type": "workspace", "id": WORKSPACE_ID}},
            },
        }
    }


async def test_create_links_a_vpn_agent(client: AsyncClient, router: respx.MockRouter) -> None:
    """create(vpn_agent_id=...) adds a vpn_agent relationship of type vpn-agent."""
    route = router.post("/v2/credentials").respond(201, json=docs("credentials/create"))
    await client.credentials.create(
        keys=KEYS, component_id=COMPONENT_ID, workspace_id=WORKSPACE_ID, vpn_agent_id=VPN_AGENT_ID
    )
    relationships = body(route.calls.last.request)["data"]["relationships"]
    assert relationships["vpn_agent"] == {"data": {"type": "vpn-agent", "id": VPN_AGENT_ID}}


async def test_create_decodes_the_created_credential(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's credential, VPN agent id included."""
    router.post("/v2/credentials").respond(201, json=docs("credentials/create"))
    credential = await client.credentials.create(
        keys=KEYS, component_id=COMPONENT_ID, workspace_id=WORKSPACE_ID
    )
    assert credential == Credential(
        id="5abe11edbec1cf00078b81d1",
        name="credname",
        keys=KEYS,
        component_id=COMPONENT_ID,
        workspace_id=WORKSPACE_ID,
        user_id="59d3562c68ed850019bde27f",
        vpn_agent_id="5a09deda2d5f49665afb739a",
    )


# -- update and delete ---------------------------------------------------------------------


async def test_update_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(keys=..., vpn_agent_id=...) sends exactly the docs' PATCH example."""
    example = docs("credentials/update_request")
    credential_id = example["data"]["id"]
    path = f"/v2/credentials/{credential_id}"
    route = router.patch(path).respond(200, json=docs("credentials/update"))
    await client.credentials.update(
        credential_id, keys={"key1": "updated value"}, vpn_agent_id=VPN_AGENT_ID
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("PATCH", path, [])
    assert body(request) == example


async def test_update_sends_only_the_name_when_only_the_name_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(name=...) leaves keys and vpn_agent out, so the platform keeps them."""
    route = router.patch(f"/v2/credentials/{CREDENTIAL_ID}").respond(
        200, json=docs("credentials/update")
    )
    await client.credentials.update(CREDENTIAL_ID, name="renamed")
    assert body(route.calls.last.request) == {
        "data": {"type": "credential", "id": CREDENTIAL_ID, "attributes": {"name": "renamed"}}
    }


async def test_update_sends_a_null_vpn_agent_for_none(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(vpn_agent_id=None) sends the relationship with ``data: null``."""
    route = router.patch(f"/v2/credentials/{CREDENTIAL_ID}").respond(
        200, json=docs("credentials/update")
    )
    await client.credentials.update(CREDENTIAL_ID, vpn_agent_id=None)
    assert body(route.calls.last.request) == {
        "data": {
            "type": "credential",
            "id": CREDENTIAL_ID,
            "relationships": {"vpn_agent": {"data": None}},
        }
    }


async def test_update_decodes_the_updated_credential(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() returns the credential from the 200."""
    router.patch(f"/v2/credentials/{CREDENTIAL_ID}").respond(200, json=docs("credentials/update"))
    credential = await client.credentials.update(CREDENTIAL_ID, name="luzho4ek777")
    assert (credential.id, credential.name, credential.keys["username"]) == (
        "5aaff19dbd6d6400079b4624",
        "luzho4ek777",
        "asssssa",
    )
    assert credential.vpn_agent_id == "5a09deda2d5f49665afb739a"


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete(id) is DELETE /v2/credentials/{id} without a body; a 204 is success."""
    path = f"/v2/credentials/{CREDENTIAL_ID}"
    route = router.delete(path).respond(204)
    await client.credentials.delete(CREDENTIAL_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("DELETE", path, b"")


async def test_update_with_nothing_to_change_is_refused(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """credentials.update() with no name, keys or vpn_agent_id raises and sends nothing."""
    with pytest.raises(UsageError):
        await client.credentials.update("5b62c919fd98ea00112d52e7")
    assert not router.calls
