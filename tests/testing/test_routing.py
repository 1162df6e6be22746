"""Routing: unknown paths, wrong methods, trailing slashes, encoded ids, bad bodies."""

from __future__ import annotations

import httpx
import pytest

from elasticio._catalog import ENTRIES
from elasticio._catalog.v2 import (
    COMPONENTS_DESCRIPTOR,
    SSH_KEYS_CREATE,
    USERS_DELETE,
    USERS_GET,
    USERS_ME,
)
from elasticio.testing import Emulator
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import Router, RouteTable
from elasticio.testing._schema import Body
from tests._support.api_coverage import NOT_YET
from tests._support.emulator_http import data_of, error_of, http_client


async def test_unknown_path_is_404(api: httpx.AsyncClient) -> None:
    """A path no endpoint serves is 404 with a JSON:API error."""
    error_of(await api.get("/v2/no-such-thing"), 404)


@pytest.mark.parametrize("path", ["/v1", "/v1/", "/v1/.", "/v1?x=1", "/v1/nothing-here"])
async def test_an_unknown_v1_path_is_a_plain_json_404(api: httpx.AsyncClient, path: str) -> None:
    """Under ``/v1``, the prefix itself included, errors are API v1's plain JSON."""
    response = await api.get(path)
    assert response.status_code == 404
    assert isinstance(response.json()["message"], str)


async def test_wrong_method_is_405_with_allow(api: httpx.AsyncClient) -> None:
    """A known path with an unsupported method is 405 naming the allowed methods."""
    response = await api.put("/v2/users/me")
    error_of(response, 405)
    assert response.headers["allow"] == "DELETE, GET"


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "FOO", "OPTIONS", "CONNECT"])
async def test_unknown_method_is_a_json_405_with_allow(api: httpx.AsyncClient, method: str) -> None:
    """Any method a known path does not serve, even one HTTP does not define, is a
    JSON:API 405 with the ``Allow`` header."""
    response = await api.request(method, "/v2/flows")
    error_of(response, 405)
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize("path", ["/%0A0", "/v2/flows/%0D%0A", "/v2/users/me%0A"])
async def test_path_with_a_line_break_is_a_json_404(api: httpx.AsyncClient, path: str) -> None:
    """An encoded line break in the path is an unknown path like any other."""
    error_of(await api.get(path), 404)


async def test_head_is_a_405_with_allow(api: httpx.AsyncClient) -> None:
    """HEAD is served nowhere: 405, with ``Allow``, and JSON headers (HEAD has no body)."""
    response = await api.head("/v2/users/me")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/json"
    assert response.headers["allow"] == "DELETE, GET"


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "FOO"])
async def test_unknown_method_on_unknown_path_is_a_json_404(
    api: httpx.AsyncClient, method: str
) -> None:
    """An unknown method on a path nothing serves is the usual JSON:API 404."""
    error_of(await api.request(method, "/v2/no-such-thing"), 404)


async def test_trailing_slash_is_ignored(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``/v2/users/`` serves the same list as ``/v2/users`` (the docs use both)."""
    assert data_of(await api.get("/v2/users/")) == data_of(await api.get("/v2/users"))


async def test_encoded_slash_stays_in_its_segment(api: httpx.AsyncClient) -> None:
    """An id with an encoded ``/`` is one (unknown) id, not two path segments."""
    error = error_of(await api.get("/v2/flows/a%2Fb"), 404)
    assert "'a/b'" in error["detail"]


async def test_invalid_json_body_is_400(api: httpx.AsyncClient) -> None:
    """A body that is not JSON is 400."""
    response = await api.post(
        "/v2/flows", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    error_of(response, 400)


async def test_unknown_path_is_404_before_authentication(
    anonymous_api: httpx.AsyncClient,
) -> None:
    """Routing comes first: an unknown path is 404 even without credentials."""
    error_of(await anonymous_api.get("/v2/nothing-here"), 404)


def test_every_entry_served_before_is_handled(emulator: Emulator) -> None:
    """The emulator serves every catalog entry but those not built yet, by name."""
    assert len(emulator.handled_entries) == len(ENTRIES) - len(NOT_YET)
    assert emulator.handled_entries <= set(ENTRIES)
    assert {
        "components.docker_pull_latest",
        "executions.result",
        "workspaces.add_member",
    } <= emulator.handled_entries


def test_an_entry_handled_twice_is_refused() -> None:
    """Two handlers for one entry, even in two tables, make the Router refuse them."""
    first, second = RouteTable(), RouteTable()

    @first.handle(USERS_GET)
    def one(call: Call, user_id: str) -> Reply:
        raise AssertionError

    @second.handle(USERS_GET)
    def other(call: Call, user_id: str) -> Reply:
        raise AssertionError

    with pytest.raises(ValueError, match=r"users\.get is handled twice"):
        Router([first, second])


def test_placeholders_must_be_the_templates() -> None:
    """A handler whose parameters are not the template's placeholders is refused."""
    table = RouteTable()

    @table.handle(USERS_GET)
    def get_user(call: Call, id: str) -> Reply:
        raise AssertionError

    with pytest.raises(ValueError, match=r"takes \['id'\], not its placeholders \['user_id'\]"):
        Router([table])


async def test_a_handler_gets_the_decoded_placeholders(emulator: Emulator) -> None:
    """The placeholder values reach the handler as keyword arguments, percent-decoded."""
    table = RouteTable()
    seen: list[dict[str, str]] = []

    @table.handle(COMPONENTS_DESCRIPTOR)
    def descriptor(call: Call, component_id: str, revision: str) -> Reply:
        seen.append({"component_id": component_id, "revision": revision})
        return Reply(body={"data": None, "meta": {}})

    emulator.router = Router([table])
    async with http_client(emulator, emulator.credentials) as client:
        response = await client.get("/v2/components/a%2Fb/versions/latest/descriptor")
    assert response.status_code == 200
    assert seen == [{"component_id": "a/b", "revision": "latest"}]


def test_a_body_schema_must_be_for_the_entrys_type() -> None:
    """A route reading another resource type than its entry's body is refused."""
    table = RouteTable()

    @table.handle(SSH_KEYS_CREATE, body=Body("credential"))
    def create_key(call: Call) -> Reply:
        raise AssertionError

    wanted = r"reads a credential body, but ssh_keys\.create takes a sshkey body"
    with pytest.raises(ValueError, match=wanted):
        Router([table])


def test_an_entry_with_a_body_needs_a_schema() -> None:
    """A route for an entry that takes a body, declaring no schema for it, is refused."""
    table = RouteTable()

    @table.handle(SSH_KEYS_CREATE)
    def create_key(call: Call) -> Reply:
        raise AssertionError

    with pytest.raises(
        ValueError, match=r"reads no body, but ssh_keys\.create takes a sshkey body"
    ):
        Router([table])


async def test_a_bug_in_the_emulator_is_a_json_500(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception in the emulator answers a JSON:API 500 (and reaches the server)."""

    def broken(email: str) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(emulator.platform.users, "by_email", broken)
    transport = httpx.ASGITransport(app=emulator.app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        response = await client.get("/v2/users/me", auth=emulator.credentials)
    assert error_of(response, 500)["detail"] == "The emulator failed: RuntimeError"
    async with http_client(emulator, emulator.credentials) as raising:
        with pytest.raises(RuntimeError):
            await raising.get("/v2/users/me")


async def test_a_literal_segment_without_the_method_falls_back_to_a_placeholder(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``GET /v2/users/me`` is the caller, but ``DELETE /v2/users/me`` deletes user "me"."""
    table = RouteTable()
    seen: list[str] = []

    @table.handle(USERS_ME)
    def me(call: Call) -> Reply:
        seen.append("caller")
        return Reply(body={"data": None, "meta": {}})

    @table.handle(USERS_DELETE)
    def delete_user(call: Call, user_id: str) -> Reply:
        seen.append(user_id)
        return Reply(status=204)

    emulator.router = Router([table])
    statuses = [(await api.request(m, "/v2/users/me")).status_code for m in ("GET", "DELETE")]
    assert (statuses, seen) == ([200, 204], ["caller", "me"])


async def test_a_request_is_routed_once(
    api: httpx.AsyncClient, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The route found for the request log serves the request: no second lookup."""
    calls: list[str] = []
    find = emulator.router.find

    def counted(method: str, raw_path: str) -> object:
        calls.append(raw_path)
        return find(method, raw_path)

    monkeypatch.setattr(emulator.router, "find", counted)
    data_of(await api.get(f"/v2/flows/{emulator.seed.flow_id}"))
    assert calls == [f"/v2/flows/{emulator.seed.flow_id}"]
