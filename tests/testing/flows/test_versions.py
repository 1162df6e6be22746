"""Flow versions: the history a flow's create and updates leave, paged, and by hash."""

from __future__ import annotations

import re

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of
from tests.testing.flows.test_write import create_body

HASH = re.compile(r"^[0-9a-f]{40}$")


async def test_seeded_flow_has_one_version(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A seeded flow lists one version in the documented shape, with page meta."""
    flow_id = emulator.seed.flow_id
    response = await api.get(f"/v2/flows/{flow_id}/versions")
    (version,) = data_of(response)
    assert response.json()["meta"] == {"page": 1, "per_page": 50, "total": 1, "total_pages": 1}
    assert version["type"] == "flow-version"
    assert HASH.match(version["id"])
    assert version["links"] == {"self": f"/v2/flows/{flow_id}/versions/{version['id']}"}
    flow = data_of(await api.get(f"/v2/flows/{flow_id}"))
    assert version["attributes"] == {
        "name": flow["attributes"]["name"],
        "description": flow["attributes"]["description"],
        "graph": flow["attributes"]["graph"],
        "created_at": flow["attributes"]["created_at"],
    }
    assert version["relationships"]["flow"] == {
        "data": {"id": flow_id, "type": "flow"},
        "links": {"self": f"/v2/flows/{flow_id}"},
    }
    assert version["relationships"]["user"]["data"]["type"] == "user"
    assert flow["relationships"]["latest_version"]["data"]["id"] == version["id"]


async def test_create_makes_the_first_version(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A flow created over the API has one version: its latest."""
    flow = data_of(await api.post("/v2/flows", json=create_body(emulator.seed.workspace_id)), 201)
    (version,) = data_of(await api.get(f"/v2/flows/{flow['id']}/versions"))
    assert version["id"] == flow["relationships"]["latest_version"]["data"]["id"]
    assert version["attributes"]["name"] == "My flow"


async def test_updates_add_versions_in_order(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Each PATCH adds a version; the list is chronological and ends at the latest."""
    flow = data_of(await api.post("/v2/flows", json=create_body(emulator.seed.workspace_id)), 201)
    flow_id = flow["id"]
    for name in ("Second", "Third"):
        fake_clock.advance(60)
        body = {"data": {"type": "flow", "id": flow_id, "attributes": {"name": name}}}
        flow = data_of(await api.patch(f"/v2/flows/{flow_id}", json=body))
    versions = data_of(await api.get(f"/v2/flows/{flow_id}/versions"))
    assert [v["attributes"]["name"] for v in versions] == ["My flow", "Second", "Third"]
    assert [v["attributes"]["created_at"] for v in versions] == [
        "2025-01-01T00:00:00.000Z",
        "2025-01-01T00:01:00.000Z",
        "2025-01-01T00:02:00.000Z",
    ]
    assert len({v["id"] for v in versions}) == 3
    assert versions[-1]["id"] == flow["relationships"]["latest_version"]["data"]["id"]


async def test_versions_are_paged(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``page[size]`` and ``page[number]`` page the history."""
    flow_id = emulator.seed.flow_id
    for name in ("a", "b"):
        body = {"data": {"type": "flow", "id": flow_id, "attributes": {"name": name}}}
        data_of(await api.patch(f"/v2/flows/{flow_id}", json=body))
    query = {"page[size]": 2, "page[number]": 2}
    response = await api.get(f"/v2/flows/{flow_id}/versions", params=query)
    assert [v["attributes"]["name"] for v in data_of(response)] == ["b"]
    assert response.json()["meta"] == {"page": 2, "per_page": 2, "total": 3, "total_pages": 2}


async def test_bad_page_size_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A page size that is not a positive integer is 400."""
    url = f"/v2/flows/{emulator.seed.flow_id}/versions"
    error_of(await api.get(url, params={"page[size]": "0"}), 400)


async def test_get_by_hash(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """One version by its hash is the same resource the list shows."""
    flow_id = emulator.seed.flow_id
    (listed,) = data_of(await api.get(f"/v2/flows/{flow_id}/versions"))
    response = await api.get(f"/v2/flows/{flow_id}/versions/{listed['id']}")
    assert data_of(response) == listed
    assert response.json()["meta"] == {}


async def test_unknown_hash_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown version hash is 404."""
    error_of(await api.get(f"/v2/flows/{emulator.seed.flow_id}/versions/{'a' * 40}"), 404)


async def test_unknown_flow_is_404(api: httpx.AsyncClient) -> None:
    """Versions of an unknown flow are 404."""
    error_of(await api.get(f"/v2/flows/{'0' * 24}/versions"), 404)


async def test_foreign_flow_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Versions of a flow in a workspace the caller is not in are 403."""
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    error_of(await guest_api.get(f"/v2/flows/{flow_id}/versions"), 403)
