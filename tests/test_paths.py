"""Ids and names in URL paths: one percent-encoded segment each, never a way out."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import AsyncClient, UsageError, segment
from elasticio._catalog.v2 import (
    COMPONENTS_DELETE,
    COMPONENTS_DESCRIPTOR,
    COMPONENTS_GET,
    COMPONENTS_GET_IN_WORKSPACE,
    COMPONENTS_UPDATE,
)
from elasticio._http import RequestSpec
from elasticio.resources._base import request
from tests._support.docs import load_fixture

HOSTILE_IDS = [
    ("../users/me", "..%2Fusers%2Fme"),
    ("a/b?x#y", "a%2Fb%3Fx%23y"),
    ("%2F", "%252F"),
    ("über-ζ", "%C3%BCber-%CE%B6"),
    ("a b", "a%20b"),
    ("..%2F..", "..%252F.."),
    ("...", "..."),
    ("a;b=c&d+e", "a%3Bb%3Dc%26d%2Be"),
    ("\\..\\", "%5C..%5C"),
    ("x\r\ny", "x%0D%0Ay"),
]


@pytest.mark.parametrize(("value", "encoded"), HOSTILE_IDS)
def test_segment_encodes_everything_reserved(value: str, encoded: str) -> None:
    """Slashes, ?, #, %, spaces, unicode and control characters are all escaped."""
    assert segment(value) == encoded


@pytest.mark.parametrize(
    "value", ["5a0ee4dcbc4fdd0019a05b9e", "latest", "3c4d7e0a1b2f3c4d5e6f7a8b9c0d1e2f3a4b5c6d"]
)
def test_segment_leaves_plain_ids_alone(value: str) -> None:
    """Ordinary ids (hex, 'latest') pass through unchanged."""
    assert segment(value) == value


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_segment_refuses_empty_and_dot_segments(value: str) -> None:
    """'', '.' and '..' would be collapsed by servers, so they are refused."""
    with pytest.raises(UsageError):
        segment(value)


@pytest.mark.parametrize("value", ["\ud800", "a\udfffb"])
def test_segment_refuses_a_lone_surrogate(value: str) -> None:
    """Text with a lone surrogate has no UTF-8 form: UsageError, not UnicodeEncodeError."""
    with pytest.raises(UsageError, match="not valid Unicode"):
        segment(value)


@pytest.mark.parametrize("value", [None, 42, b"abc", ["a"], 1.5])
def test_segment_refuses_non_strings(value: Any) -> None:
    """Only str is accepted; the error names the type given."""
    with pytest.raises(UsageError, match=type(value).__name__):
        segment(value)


def test_endpoint_knows_its_placeholders() -> None:
    """A catalog entry lists the names its template needs."""
    assert COMPONENTS_GET_IN_WORKSPACE.placeholders == frozenset({"workspace_id", "component_id"})


def test_endpoint_fills_every_placeholder_as_one_segment() -> None:
    """Each value is encoded on its own; the template's slashes stay."""
    path = COMPONENTS_DESCRIPTOR.path(component_id="../x", revision="a/b")
    assert path == "/v2/components/..%2Fx/versions/a%2Fb/descriptor"


@pytest.mark.parametrize("values", [{}, {"component_id": "C1", "extra": "x"}, {"wrong": "C1"}])
def test_endpoint_needs_exactly_its_placeholders(values: dict[str, str]) -> None:
    """Missing or unknown values are a UsageError naming what the template needs."""
    with pytest.raises(UsageError, match="component_id"):
        COMPONENTS_GET.path(**values)


@pytest.mark.parametrize("value", ["", ".", "..", None])
def test_endpoint_refuses_bad_values(value: Any) -> None:
    """An empty, dot or non-string value is refused before any request exists."""
    with pytest.raises(UsageError):
        COMPONENTS_DELETE.path(component_id=value)


def test_endpoint_request_builds_a_spec() -> None:
    """request() gives the entry's method, the filled path, params and body."""
    spec = request(COMPONENTS_UPDATE, component_id="a/b", params={"x": "1"}, json={"data": {}})
    assert spec == RequestSpec(
        method="PATCH", path="/v2/components/a%2Fb", params={"x": "1"}, json={"data": {}}
    )


# --- what is actually sent ----------------------------------------------------------------


def component_body(component_id: str) -> dict[str, Any]:
    """The documented component example with ``component_id`` as its id."""
    body: dict[str, Any] = load_fixture("components/get.json")
    body["data"]["id"] = component_id
    return body


@pytest.mark.parametrize(("value", "encoded"), HOSTILE_IDS)
async def test_component_id_stays_inside_its_segment(
    client: AsyncClient, router: respx.MockRouter, value: str, encoded: str
) -> None:
    """client.components.get(id) sends /v2/components/<encoded id> and nothing else."""
    escaped = router.get("/v2/users/me").respond(200, json={})
    route = router.route().respond(200, json=component_body(value))
    await client.components.get(value)
    assert escaped.call_count == 0
    (call,) = route.calls
    assert call.request.url.raw_path == f"/v2/components/{encoded}".encode()
    assert call.request.url.host == "api.elastic.io"


async def test_dot_dot_slash_never_reaches_users_me(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The classic traversal id hits the component route, not /v2/users/me."""
    escaped = router.get("/v2/users/me").respond(200, json={})
    route = router.route().respond(200, json=component_body("../users/me"))
    component = await client.components.get("../users/me")
    assert route.calls.last.request.url.raw_path == b"/v2/components/..%2Fusers%2Fme"
    assert escaped.call_count == 0
    assert component.id == "../users/me"


async def test_workspace_variant_encodes_both_ids(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Both ids of a two-placeholder endpoint are encoded separately."""
    route = router.route().respond(200, json=component_body("c/1"))
    await client.components.get("c/1", workspace_id="../../w")
    raw_path = route.calls.last.request.url.raw_path
    assert raw_path == b"/v2/workspace/..%2F..%2Fw/components/c%2F1"


@pytest.mark.parametrize("value", ["", ".", ".."])
async def test_refused_id_sends_nothing(
    client: AsyncClient, router: respx.MockRouter, value: str
) -> None:
    """A refused id raises UsageError before any request is made."""
    route = router.route().respond(200, json={})
    with pytest.raises(UsageError):
        await client.components.get(value)
    assert route.call_count == 0
