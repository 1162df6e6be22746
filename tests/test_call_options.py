"""Per-call options: ``timeout``, ``extra_headers`` and ``extra_query`` on a typed call."""

from __future__ import annotations

import inspect
import re
from typing import Any

import httpx
import pytest
import respx

import elasticio.resources
from elasticio import AsyncClient
from tests._support.docs import load_fixture


def user(user_id: str) -> dict[str, Any]:
    return {"type": "user", "id": user_id, "attributes": {"email": f"{user_id}@example.com"}}


async def test_timeout_applies_to_this_call_only(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """timeout=2 reaches the transport for that call; the next call has the client's."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(timeout=2.0)
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.0
    await client.users.me()
    assert route.calls.last.request.extensions["timeout"]["read"] != 2.0


async def test_a_timeout_object_is_taken_as_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An httpx.Timeout keeps its separate phases."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(timeout=httpx.Timeout(5.0, connect=1.0))
    sent = route.calls.last.request.extensions["timeout"]
    assert (sent["connect"], sent["read"]) == (1.0, 5.0)


async def test_extra_headers_are_sent_and_win_over_the_clients(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Extra headers travel with the call and replace a client header of the same name."""
    route = router.get("/v2/users/u1").respond(200, json=load_fixture("users/get.json"))
    await client.users.get("u1", extra_headers={"X-Trace": "t-1", "User-Agent": "mine/1"})
    sent = route.calls.last.request.headers
    assert (sent["x-trace"], sent["user-agent"]) == ("t-1", "mine/1")
    assert sent.get_list("user-agent") == ["mine/1"]


async def test_extra_headers_cannot_replace_the_credentials(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Basic auth is applied last: an Authorization header of the call does not win."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(extra_headers={"Authorization": "Bearer stolen"})
    assert route.calls.last.request.headers["authorization"].startswith("Basic ")


async def test_extra_query_is_added(client: AsyncClient, router: respx.MockRouter) -> None:
    """Extra query parameters are sent beside the method's own."""
    route = router.get("/v2/users").respond(200, json={"data": [user("u1")]})
    await client.users.list(email="a@example.com", extra_query={"x": "1"}).collect()
    assert sorted(route.calls.last.request.url.params.multi_items()) == [
        ("email", "a@example.com"),
        ("x", "1"),
    ]


async def test_every_page_carries_the_options(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list's options go with every page, the ones a links.next names included."""
    route = router.get("/v2/users").mock(
        side_effect=[
            httpx.Response(
                200, json={"data": [user("u1")], "links": {"next": "/v2/users?cursor=2"}}
            ),
            httpx.Response(200, json={"data": [user("u2")]}),
        ]
    )
    found = await client.users.list(extra_headers={"X-Trace": "t"}, timeout=3.0).collect()
    assert [u.id for u in found] == ["u1", "u2"]
    for call in route.calls:
        assert call.request.headers["x-trace"] == "t"
        assert call.request.extensions["timeout"]["read"] == 3.0
    assert route.calls.last.request.url.params["cursor"] == "2"


async def test_client_request_takes_the_same_options(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """client.request accepts the per-call options too."""
    route = router.get("/v2/anything").respond(204)
    await client.request("GET", "/v2/anything", timeout=4.0, extra_headers={"X-A": "1"})
    request = route.calls.last.request
    assert (request.headers["x-a"], request.extensions["timeout"]["read"]) == ("1", 4.0)


# Methods that send no request of their own, or whose ``timeout`` means the whole wait.
WITHOUT_OPTIONS = {("executions", "get"), ("executions", "wait")}


def namespace_methods() -> list[tuple[str, str, object]]:
    client_namespaces = AsyncClient.__annotations__
    found = []
    for area, annotation in sorted(client_namespaces.items()):
        namespace = getattr(elasticio.resources, str(annotation), None)
        if namespace is None:
            continue
        for name, member in vars(namespace).items():
            if callable(member) and not name.startswith("_"):
                found.append((area, name, member))
    return found


def test_every_namespace_is_inspected() -> None:
    """The introspection below sees every namespace the client declares."""
    areas = {area for area, _, _ in namespace_methods()}
    assert areas == {
        "auth_clients",
        "components",
        "contracts",
        "credentials",
        "data_samples",
        "executions",
        "flows",
        "recipes",
        "logs",
        "platform_stats",
        "quota_usages",
        "resources",
        "secrets",
        "ssh_keys",
        "teams",
        "topics",
        "users",
        "workspaces",
        "tenants",
        "permissions",
        "tenant_certificates",
        "oauth_clients",
        "openid_providers",
        "saml_providers",
    }


@pytest.mark.parametrize(
    ("area", "name", "method"),
    namespace_methods(),
    ids=[f"{area}.{name}" for area, name, _ in namespace_methods()],
)
def test_every_method_that_sends_takes_the_call_options(
    area: str, name: str, method: object
) -> None:
    """Each typed method ends with ``**options: Unpack[CallOptions]`` (``ListOptions``,
    which adds ``max_pages``, for a list)."""
    if (area, name) in WITHOUT_OPTIONS:
        return
    parameters = list(inspect.signature(method).parameters.values())  # type: ignore[arg-type]
    last = parameters[-1]
    assert (last.name, last.kind) == ("options", inspect.Parameter.VAR_KEYWORD)
    assert re.search(r"\b(CallOptions|ListOptions)\b", str(last.annotation))


async def test_the_polls_of_a_waiting_start_carry_the_options(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """flows.start(wait=True, ...) sends the call's headers with every poll too."""

    def flow(current: str) -> dict[str, Any]:
        attributes = {"status": "active", "current_status": current}
        return {"data": {"type": "flow", "id": "F1", "attributes": attributes}}

    start = router.post("/v2/flows/F1/start").respond(202, json=flow("inactive"))
    polls = router.get("/v2/flows/F1").mock(
        side_effect=[
            httpx.Response(200, json=flow("inactive")),
            httpx.Response(200, json=flow("active")),
        ]
    )
    started = await client.flows.start("F1", wait=True, extra_headers={"X-Trace": "t"})
    assert started.current_status == "active"
    assert [c.request.headers["x-trace"] for c in (*start.calls, *polls.calls)] == ["t"] * 3
