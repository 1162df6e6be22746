"""Scheduled executions: 202 with a poll URL, 200 while pending, 303 to the result, and
what verify-credential, dynamic-metadata and select-model come back with."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of, http_client, ref
from tests._support.platform import foreign_component

PENDING = "Pending request, waiting other process"


def body(kind: str, workspace_id: str, **attributes: Any) -> dict[str, Any]:
    attributes.setdefault("fields", {})
    return {
        "data": {
            "type": kind,
            "attributes": attributes,
            "relationships": {"workspace": ref("workspace", workspace_id)},
        }
    }


def url(
    emulator: Emulator, kind: str, component: str = "petstore", revision: str = "latest"
) -> str:
    component_id = emulator.seed.component_ids[component]
    return f"/v2/components/{component_id}/versions/{revision}/{kind}"


async def schedule(
    api: httpx.AsyncClient,
    emulator: Emulator,
    kind: str,
    component: str = "petstore",
    **attributes: Any,
) -> str:
    """Schedule an execution in the shared workspace; its id."""
    request = body(kind, emulator.seed.workspace_id, **attributes)
    response = await api.post(url(emulator, kind, component), json=request)
    return str(data_of(response, 202)["id"])


async def result_of(api: httpx.AsyncClient, execution_id: str) -> dict[str, Any]:
    """The finished execution's attributes."""
    return dict(data_of(await api.get(f"/v2/exec/result/{execution_id}"))["attributes"])


async def test_schedule_answers_202_with_location(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """202, an absolute poll URL in ``Location`` and the pending document of the docs."""
    request = body("verify-credential", emulator.seed.workspace_id, fields={"apiKey": "secret"})
    response = await api.post(url(emulator, "verify-credential"), json=request)
    execution = data_of(response, 202)
    execution_id = execution["id"]
    assert response.headers["location"] == f"http://127.0.0.1/v2/exec/poll/{execution_id}"
    assert len(execution_id) == 24
    assert response.json() == {
        "data": {
            "id": execution_id,
            "type": "execution-result",
            "links": {"self": f"/v2/exec/result/{execution_id}"},
            "attributes": {"result": {}, "status": PENDING},
        },
        "meta": {},
    }


async def test_location_uses_the_requests_origin(emulator: Emulator) -> None:
    """The poll URL is on the scheme, host and port the request was sent to."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url="https://emulator.test:8443",
        auth=emulator.credentials,
    ) as client:
        request = body("verify-credential", emulator.seed.workspace_id, fields={"apiKey": "x"})
        response = await client.post(url(emulator, "verify-credential"), json=request)
    execution_id = data_of(response, 202)["id"]
    assert response.headers["location"] == f"https://emulator.test:8443/v2/exec/poll/{execution_id}"


async def test_pending_until_execution_time_has_passed(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Poll is 200 pending and result 409 until ``execution_time``; then 303 and 200."""
    emulator.settings.execution_time = 5.0
    execution_id = await schedule(api, emulator, "verify-credential", fields={"apiKey": "k"})
    fake_clock.advance(4.9)
    poll = await api.get(f"/v2/exec/poll/{execution_id}")
    assert poll.status_code == 200
    assert poll.json()["data"] == {
        "id": execution_id,
        "type": "execution-result",
        "links": {"self": f"/v2/exec/result/{execution_id}"},
        "attributes": {"result": {}, "status": PENDING},
    }
    error_of(await api.get(f"/v2/exec/result/{execution_id}"), 409)
    fake_clock.advance(0.1)
    poll = await api.get(f"/v2/exec/poll/{execution_id}")
    assert poll.status_code == 303
    assert poll.headers["location"] == f"/v2/exec/result/{execution_id}"
    assert poll.json() == {"data": {}, "meta": {}}
    result = await api.get(f"/v2/exec/result/{execution_id}")
    assert result.json() == {
        "data": {
            "id": execution_id,
            "type": "execution-result",
            "links": {"self": f"/v2/exec/result/{execution_id}"},
            "attributes": {"result": {"verified": True}},
        },
        "meta": {},
    }


async def test_ready_at_once_by_default(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """With the default ``execution_time`` of 0 the first poll redirects."""
    execution_id = await schedule(api, emulator, "verify-credential", fields={"apiKey": "k"})
    assert (await api.get(f"/v2/exec/poll/{execution_id}")).status_code == 303


async def test_execution_time_is_fixed_when_scheduled(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Changing the setting later does not change a scheduled execution."""
    emulator.settings.execution_time = 2.0
    execution_id = await schedule(api, emulator, "verify-credential", fields={"apiKey": "k"})
    emulator.settings.execution_time = 60.0
    fake_clock.advance(2.0)
    assert (await api.get(f"/v2/exec/poll/{execution_id}")).status_code == 303


async def test_result_can_be_fetched_again(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A result may be read more than once (retries of a GET are safe)."""
    execution_id = await schedule(api, emulator, "verify-credential", fields={"apiKey": "k"})
    assert await result_of(api, execution_id) == await result_of(api, execution_id)


@pytest.mark.parametrize(
    ("component", "fields", "expected"),
    [
        ("petstore", {"apiKey": "secret"}, {"verified": True}),
        (
            "petstore",
            {},
            {"verified": False, "reason": "Missing required credential fields: apiKey"},
        ),
        (
            "petstore",
            {"apiKey": ""},
            {"verified": False, "reason": "Missing required credential fields: apiKey"},
        ),
        ("webhook", {}, {"verified": True}),
        ("timer", {"anything": 1}, {"verified": True}),
    ],
    ids=["given", "missing", "empty", "nothing-required", "no-credentials"],
)
async def test_verify_checks_required_fields(
    api: httpx.AsyncClient,
    emulator: Emulator,
    component: str,
    fields: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    """Verified when the descriptor's required credential fields have values."""
    execution_id = await schedule(api, emulator, "verify-credential", component, fields=fields)
    assert await result_of(api, execution_id) == {"result": expected}


async def test_verify_with_an_explicit_revision(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A build's revision works like ``latest``."""
    component = emulator.platform.components[emulator.seed.component_ids["petstore"]]
    revision = component.versions[0].revision
    request = body("verify-credential", emulator.seed.workspace_id, fields={"apiKey": "k"})
    response = await api.post(url(emulator, "verify-credential", revision=revision), json=request)
    data_of(response, 202)


async def test_dynamic_metadata(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Metadata: an ``in`` schema from the fields and an ``out`` schema; deterministic."""
    fields = {"status": "available", "limit": 10}
    first = await schedule(
        api, emulator, "dynamic-metadata", module="getPetsByStatus", fields=fields
    )
    second = await schedule(
        api, emulator, "dynamic-metadata", module="getPetsByStatus", fields=fields
    )
    result = (await result_of(api, first))["result"]
    assert result["in"] == {
        "type": "object",
        "properties": {
            "limit": {"type": "number", "title": "limit"},
            "status": {"type": "string", "title": "status"},
        },
        "required": ["limit", "status"],
    }
    assert result["out"]["type"] == "object"
    assert set(result["out"]["properties"]) == {"id", "result"}
    assert await result_of(api, second) == await result_of(api, first)


async def test_select_model(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Select model: three options named after the method."""
    execution_id = await schedule(
        api, emulator, "select-model", module="createPetWithPromise", method="getStatuses"
    )
    assert await result_of(api, execution_id) == {
        "result": {
            "getStatuses_1": "GetStatuses 1",
            "getStatuses_2": "GetStatuses 2",
            "getStatuses_3": "GetStatuses 3",
        }
    }


@pytest.mark.parametrize("kind", ["dynamic-metadata", "select-model"])
async def test_unknown_module_fails_the_execution(
    api: httpx.AsyncClient, emulator: Emulator, kind: str
) -> None:
    """A module the component does not have: the finished execution has failed."""
    execution_id = await schedule(api, emulator, kind, module="nothing", method="m")
    attributes = await result_of(api, execution_id)
    assert attributes["result"] == {}
    assert attributes["status"] == "failed"
    assert attributes["error"]["name"] == "ModuleNotFound"
    assert "'nothing'" in attributes["error"]["message"]


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("verify-credential", "fields"),
        ("dynamic-metadata", "module"),
        ("dynamic-metadata", "fields"),
        ("select-model", "method"),
    ],
)
async def test_required_attributes(
    api: httpx.AsyncClient, emulator: Emulator, kind: str, missing: str
) -> None:
    """Each required attribute missing is a 400 naming it."""
    request = body(kind, emulator.seed.workspace_id, module="receive", method="m")
    del request["data"]["attributes"][missing]
    error = error_of(await api.post(url(emulator, kind, "webhook"), json=request), 400)
    assert f"data.attributes.{missing}" in error["detail"]


async def test_workspace_is_required(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The workspace relationship is required."""
    request = body("verify-credential", emulator.seed.workspace_id)
    del request["data"]["relationships"]
    error_of(await api.post(url(emulator, "verify-credential"), json=request), 400)


async def test_wrong_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource of another type is 409."""
    request = body("select-model", emulator.seed.workspace_id)
    error_of(await api.post(url(emulator, "verify-credential"), json=request), 409)


async def test_unknown_component_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown component is 404."""
    request = body("verify-credential", emulator.seed.workspace_id)
    path = f"/v2/components/{'0' * 24}/versions/latest/verify-credential"
    error_of(await api.post(path, json=request), 404)


async def test_unknown_revision_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A revision the component does not have is 404."""
    request = body("verify-credential", emulator.seed.workspace_id)
    path = url(emulator, "verify-credential", revision="f" * 40)
    error_of(await api.post(path, json=request), 404)


async def test_foreign_workspace_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Scheduling for a workspace the caller is not in is 403."""
    request = body("verify-credential", emulator.seed.private_workspace_id)
    error_of(await guest_api.post(url(emulator, "verify-credential"), json=request), 403)


async def test_other_contracts_component_is_403(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A private component of a contract the caller is not in is 403."""
    platform = emulator.platform
    component = foreign_component(emulator)
    platform.components.add_version(component.id)
    request = body("verify-credential", emulator.seed.workspace_id)
    path = f"/v2/components/{component.id}/versions/latest/verify-credential"
    error_of(await api.post(path, json=request), 403)


async def test_credential_relationship_is_checked(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A credential must exist (404) and be for the same component (400)."""
    request = body("dynamic-metadata", emulator.seed.workspace_id, module="getPetsByStatus")
    relationships = request["data"]["relationships"]
    relationships["credential"] = ref("credential", emulator.seed.credential_ids["petstore"])
    data_of(await api.post(url(emulator, "dynamic-metadata"), json=request), 202)
    relationships["credential"] = ref("credential", emulator.seed.credential_ids["webhook"])
    error_of(await api.post(url(emulator, "dynamic-metadata"), json=request), 400)
    relationships["credential"] = ref("credential", "0" * 24)
    error_of(await api.post(url(emulator, "dynamic-metadata"), json=request), 404)


@pytest.mark.parametrize("endpoint", ["poll", "result"])
async def test_unknown_execution_is_404(api: httpx.AsyncClient, endpoint: str) -> None:
    """Polling or fetching an execution that was never scheduled is 404."""
    error_of(await api.get(f"/v2/exec/{endpoint}/{'0' * 24}"), 404)


@pytest.mark.parametrize("endpoint", ["poll", "result"])
async def test_execution_of_foreign_workspace_is_403(
    api: httpx.AsyncClient, emulator: Emulator, endpoint: str
) -> None:
    """An execution scheduled for a workspace the caller is not in is 403."""
    request = body("verify-credential", emulator.seed.private_workspace_id)
    execution_id = data_of(await api.post(url(emulator, "verify-credential"), json=request), 202)[
        "id"
    ]
    guest = emulator.seed.guest
    async with http_client(emulator, (guest.email, guest.api_key)) as guest_api:
        error_of(await guest_api.get(f"/v2/exec/{endpoint}/{execution_id}"), 403)


async def test_faults_reach_the_poll_route(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The poll route has a route key that fault rules can name."""
    execution_id = await schedule(api, emulator, "verify-credential", fields={"apiKey": "k"})
    emulator.faults.fail(503, times=1, route="GET /v2/exec/poll/{execution_id}")
    error_of(await api.get(f"/v2/exec/poll/{execution_id}"), 503)
    assert (await api.get(f"/v2/exec/poll/{execution_id}")).status_code == 303
