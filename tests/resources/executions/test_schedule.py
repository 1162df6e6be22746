"""Scheduling an execution: the request each method sends, and the handle made from the 202."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from elasticio import APIProtocolError, AsyncClient, DecodeError, ForeignOriginError, UsageError
from elasticio.models._executions import Execution
from tests._support.clock import FakeClock
from tests._support.executions import (
    COMPONENT_ID,
    CREDENTIAL_ID,
    EXECUTION_ID,
    METHOD,
    MODULE,
    POLL_URL,
    REVISION,
    VPN_AGENT_ID,
    WORKSPACE_ID,
    accepted,
    docs,
)
from tests._support.offline import API_KEY, BASE_URL, EMAIL
from tests._support.wire import body

COMPONENT_PATH = f"/v2/components/{COMPONENT_ID}/versions"
DOCS_FIELDS = {"some_field": "value", "another_field": "another_value"}


# -- verify_credential ---------------------------------------------------------------------


async def test_verify_credential_sends_the_documented_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """verify_credential POSTs the docs' verify-credential document to the latest version."""
    route = router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(return_value=accepted())
    await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={"apiKey": "api_secret"}
    )
    assert route.call_count == 1
    assert body(route.calls.last.request) == docs("verify_credential_request")


async def test_verify_credential_names_a_revision(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A revision given positionally replaces ``latest`` in the path."""
    route = router.post(f"{COMPONENT_PATH}/{REVISION}/verify-credential").mock(
        return_value=accepted()
    )
    await client.executions.verify_credential(
        COMPONENT_ID, REVISION, workspace_id=WORKSPACE_ID, fields={}
    )
    assert route.call_count == 1


async def test_verify_credential_links_a_vpn_agent(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """vpn_agent_id adds a vpn_agent relationship of type vpn-agent."""
    route = router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(return_value=accepted())
    await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}, vpn_agent_id=VPN_AGENT_ID
    )
    relationships = body(route.calls.last.request)["data"]["relationships"]
    assert relationships["vpn_agent"] == {"data": {"type": "vpn-agent", "id": VPN_AGENT_ID}}


async def test_verify_credential_returns_a_handle(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The handle names the execution, its poll URL and what was asked."""
    router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(return_value=accepted())
    execution = await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
    )
    assert isinstance(execution, Execution)
    assert execution.id == EXECUTION_ID
    assert execution.poll_url == httpx.URL(POLL_URL)
    assert execution.kind == "verify-credential"


# -- dynamic_metadata and select_model -----------------------------------------------------


async def test_dynamic_metadata_sends_the_documented_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """dynamic_metadata POSTs module, fields, workspace and credential as in the docs."""
    route = router.post(f"{COMPONENT_PATH}/{REVISION}/dynamic-metadata").mock(
        return_value=accepted(name="dynamic_metadata")
    )
    execution = await client.executions.dynamic_metadata(
        COMPONENT_ID,
        REVISION,
        workspace_id=WORKSPACE_ID,
        module=MODULE,
        fields=DOCS_FIELDS,
        credential_id=CREDENTIAL_ID,
    )
    assert body(route.calls.last.request) == docs("dynamic_metadata_request")
    assert execution.kind == "dynamic-metadata"


async def test_select_model_sends_the_documented_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """select_model POSTs module, method, fields, workspace and credential as in the docs."""
    route = router.post(f"{COMPONENT_PATH}/{REVISION}/select-model").mock(
        return_value=accepted(name="select_model")
    )
    execution = await client.executions.select_model(
        COMPONENT_ID,
        REVISION,
        workspace_id=WORKSPACE_ID,
        module=MODULE,
        method=METHOD,
        fields=DOCS_FIELDS,
        credential_id=CREDENTIAL_ID,
    )
    assert body(route.calls.last.request) == docs("select_model_request")
    assert execution.kind == "select-model"


@pytest.mark.parametrize("endpoint", ["dynamic-metadata", "select-model"])
async def test_optional_relationships_are_left_out(
    client: AsyncClient, router: respx.MockRouter, endpoint: str
) -> None:
    """Without credential_id and vpn_agent_id only the workspace is linked."""
    route = router.post(f"{COMPONENT_PATH}/latest/{endpoint}").mock(return_value=accepted())
    options: dict[str, Any] = {"workspace_id": WORKSPACE_ID, "module": MODULE, "fields": {}}
    if endpoint == "dynamic-metadata":
        await client.executions.dynamic_metadata(COMPONENT_ID, "latest", **options)
    else:
        await client.executions.select_model(COMPONENT_ID, "latest", method=METHOD, **options)
    sent = body(route.calls.last.request)["data"]
    assert sent["relationships"] == {
        "workspace": {"data": {"type": "workspace", "id": WORKSPACE_ID}}
    }
    assert sent["attributes"]["fields"] == {}


@pytest.mark.parametrize("endpoint", ["dynamic-metadata", "select-model"])
async def test_vpn_agent_is_linked(
    client: AsyncClient, router: respx.MockRouter, endpoint: str
) -> None:
    """vpn_agent_id links a vpn-agent beside the workspace and credential."""
    route = router.post(f"{COMPONENT_PATH}/latest/{endpoint}").mock(return_value=accepted())
    options: dict[str, Any] = {
        "workspace_id": WORKSPACE_ID,
        "module": MODULE,
        "fields": {},
        "credential_id": CREDENTIAL_ID,
        "vpn_agent_id": VPN_AGENT_ID,
    }
    if endpoint == "dynamic-metadata":
        await client.executions.dynamic_metadata(COMPONENT_ID, "latest", **options)
    else:
        await client.executions.select_model(COMPONENT_ID, "latest", method=METHOD, **options)
    relationships = body(route.calls.last.request)["data"]["relationships"]
    assert set(relationships) == {"workspace", "credential", "vpn_agent"}
    assert relationships["vpn_agent"]["data"] == {"type": "vpn-agent", "id": VPN_AGENT_ID}


async def test_component_id_and_version_are_encoded(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Ids with reserved characters stay inside their path segment."""
    route = router.post("/v2/components/a%2Fb/versions/v%3F1/verify-credential").mock(
        return_value=accepted()
    )
    await client.executions.verify_credential("a/b", "v?1", workspace_id=WORKSPACE_ID, fields={})
    assert route.call_count == 1


# -- the Location of the 202 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    [
        f"'{POLL_URL}'",
        POLL_URL,
        f"/v2/exec/poll/{EXECUTION_ID}",
        f'"/v2/exec/poll/{EXECUTION_ID}"',
        f"  '{POLL_URL}'  ",
    ],
    ids=["quoted-absolute", "absolute", "relative", "double-quoted-relative", "padded"],
)
async def test_location_forms_resolve_to_the_same_poll_url(
    client: AsyncClient, router: respx.MockRouter, location: str
) -> None:
    """Quoted, absolute and relative Locations all give the same poll URL and id."""
    router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(return_value=accepted(location))
    execution = await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
    )
    assert execution.poll_url == httpx.URL(POLL_URL)
    assert execution.id == EXECUTION_ID


async def test_foreign_location_of_the_202_is_refused(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 202 pointing at another origin raises ForeignOriginError: nothing is polled there."""
    router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(
        return_value=accepted("'https://evil.example/v2/exec/poll/1'")
    )
    with pytest.raises(ForeignOriginError):
        await client.executions.verify_credential(
            COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
        )
    assert len(router.calls) == 1


async def test_an_invalid_location_of_the_202_is_a_protocol_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 202 whose Location is no URL: APIProtocolError naming the response, nothing polled."""
    router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(
        return_value=accepted("'https://api.elastic.io:notaport/v2/exec/poll/1'")
    )
    with pytest.raises(APIProtocolError, match="202 response to POST") as caught:
        await client.executions.verify_credential(
            COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
        )
    assert caught.value.status_code == 202
    assert len(router.calls) == 1


async def test_missing_location_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 202 without a Location cannot be polled: DecodeError names the response."""
    router.post(f"{COMPONENT_PATH}/latest/verify-credential").respond(
        202, json=docs("verify_credential_accepted")
    )
    with pytest.raises(DecodeError, match="no Location"):
        await client.executions.verify_credential(
            COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
        )


async def test_location_under_a_base_path_prefix(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """With a base URL that has a path, a relative Location still resolves to the origin."""
    async with AsyncClient(
        email=EMAIL,
        api_key=API_KEY,
        base_url=f"{BASE_URL}/tenant",
        transport=httpx.MockTransport(router.async_handler),
        sleep=clock.sleep,
        clock=clock,
    ) as c:
        router.post(f"/tenant{COMPONENT_PATH}/latest/verify-credential").mock(
            return_value=accepted(f"/tenant/v2/exec/poll/{EXECUTION_ID}")
        )
        execution = await c.executions.verify_credential(
            COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
        )
    assert execution.poll_url == httpx.URL(f"{BASE_URL}/tenant/v2/exec/poll/{EXECUTION_ID}")


async def test_scheduling_is_retried_only_when_not_processed(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 503 before the 202 is retried (the POST was not processed); the handle follows."""
    route = router.post(f"{COMPONENT_PATH}/latest/verify-credential").mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": "1"}), accepted()]
    )
    execution = await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={}
    )
    assert route.call_count == 2
    assert clock.sleeps == [1.0]
    assert execution.id == EXECUTION_ID


# -- get -----------------------------------------------------------------------------------


def test_get_builds_the_poll_url_without_a_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """executions.get(id) is a handle on /v2/exec/poll/{id}; nothing is sent."""
    execution = client.executions.get(EXECUTION_ID)
    assert execution.id == EXECUTION_ID
    assert execution.poll_url == httpx.URL(POLL_URL)
    assert execution.kind is None
    assert len(router.calls) == 0


def test_get_percent_encodes_the_id(client: AsyncClient) -> None:
    """An id with reserved characters is one encoded segment of the poll URL."""
    execution = client.executions.get("../users/me?x")
    assert execution.poll_url.raw_path == b"/v2/exec/poll/..%2Fusers%2Fme%3Fx"
    assert execution.id == "../users/me?x"


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_get_refuses_an_unusable_id(client: AsyncClient, bad: str) -> None:
    """Empty and dot ids are refused before any request."""
    with pytest.raises(UsageError):
        client.executions.get(bad)


def test_handle_repr_and_equality(client: AsyncClient) -> None:
    """Handles compare by id, URL and kind; the repr shows no client internals."""
    first, second = client.executions.get(EXECUTION_ID), client.executions.get(EXECUTION_ID)
    assert first == second
    assert repr(first) == f"Execution(id={EXECUTION_ID!r}, poll_url=URL({POLL_URL!r}), kind=None)"


async def test_handle_made_by_hand_cannot_wait() -> None:
    """An Execution built without the client says so instead of failing obscurely."""
    execution = Execution(id=EXECUTION_ID, poll_url=httpx.URL(POLL_URL))
    with pytest.raises(UsageError, match=r"client\.executions"):
        await execution.result()
