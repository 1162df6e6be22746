"""Data samples: get one, get several by ``filter[id]``, create, update."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.data_samples.store import DataSampleRecord
from tests._support.emulator_http import data_of, error_of, ref


def create_body(emulator: Emulator, version: str = "latest") -> dict[str, Any]:
    """A create request after the docs' example, for petstore in the shared workspace."""
    return {
        "data": {
            "type": "data-sample",
            "attributes": {"method": "hello123", "result": {"foo": "bar", "baz": "foo"}},
            "relationships": {
                "component": ref("component", emulator.seed.component_ids["petstore"]),
                "component_version": ref("version", version),
                "workspace": ref("workspace", emulator.seed.workspace_id),
            },
        }
    }


@pytest.fixture
def private_sample(emulator: Emulator) -> str:
    """A sample in the private workspace, which the guest cannot see."""
    sample = DataSampleRecord(
        workspace_id=emulator.seed.private_workspace_id,
        component_id=emulator.seed.component_ids["code"],
        user_id=emulator.seed.owner.id,
        method="execute",
        result={"x": 1},
    )
    return emulator.platform.data_samples.add(sample).id


async def test_get_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A seeded sample in the documented shape."""
    sample_id = emulator.seed.data_sample_ids["petstore"]
    response = await api.get(f"/v2/data-samples/{sample_id}")
    sample = data_of(response)
    assert response.json()["meta"] == {}
    component_id = emulator.seed.component_ids["petstore"]
    assert sample["type"] == "data-sample"
    assert sample["links"] == {"self": f"/v2/data-samples/{sample_id}"}
    assert sample["attributes"] == {
        "method": "getPetsByStatus",
        "result": {"id": 1, "name": "Rex", "status": "available"},
    }
    relationships = sample["relationships"]
    assert relationships["component_version"] == {
        "data": {"id": "latest", "type": "version"},
        "links": {"self": f"/v2/components/{component_id}/versions/latest"},
    }
    assert relationships["component"]["data"] == {"id": component_id, "type": "component"}
    assert relationships["workspace"]["data"]["id"] == emulator.seed.workspace_id
    assert relationships["user"]["data"]["id"] == emulator.seed.owner.id


async def test_get_unknown_is_404(api: httpx.AsyncClient) -> None:
    """An unknown sample is 404."""
    error_of(await api.get(f"/v2/data-samples/{'0' * 24}"), 404)


async def test_get_foreign_is_403(guest_api: httpx.AsyncClient, private_sample: str) -> None:
    """A sample of a workspace the caller is not in is 403."""
    error_of(await guest_api.get(f"/v2/data-samples/{private_sample}"), 403)


async def test_filter_by_ids(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[id]`` returns the named samples in the order asked, unknown ids left out."""
    ids = emulator.seed.data_sample_ids
    wanted = f"{ids['webhook']},{'0' * 24},{ids['petstore']}"
    response = await api.get("/v2/data-samples", params={"filter[id]": wanted})
    assert [s["id"] for s in data_of(response)] == [ids["webhook"], ids["petstore"]]


async def test_filter_is_required(api: httpx.AsyncClient) -> None:
    """The list needs ``filter[id]``."""
    error = error_of(await api.get("/v2/data-samples"), 400)
    assert error["source"] == {"parameter": "filter[id]"}


async def test_filter_with_foreign_sample_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator, private_sample: str
) -> None:
    """Asking for a sample of a workspace the caller is not in is 403."""
    wanted = f"{emulator.seed.data_sample_ids['petstore']},{private_sample}"
    error_of(await guest_api.get("/v2/data-samples", params={"filter[id]": wanted}), 403)


async def test_create_answers_201(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A created sample can be read back; it belongs to the caller."""
    created = data_of(await guest_api.post("/v2/data-samples", json=create_body(emulator)), 201)
    assert created["attributes"] == {"method": "hello123", "result": {"foo": "bar", "baz": "foo"}}
    assert created["relationships"]["user"]["data"]["id"] == emulator.seed.guest.id
    assert data_of(await guest_api.get(f"/v2/data-samples/{created['id']}")) == created


async def test_create_with_a_revision(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``component_version`` may name a build's revision."""
    component = emulator.platform.components[emulator.seed.component_ids["petstore"]]
    revision = component.versions[0].revision
    created = data_of(await api.post("/v2/data-samples", json=create_body(emulator, revision)), 201)
    assert created["relationships"]["component_version"]["data"]["id"] == revision


async def test_create_with_unknown_revision_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A revision the component does not have is 404."""
    error_of(await api.post("/v2/data-samples", json=create_body(emulator, "f" * 40)), 404)


@pytest.mark.parametrize(
    "path",
    [
        ("attributes", "method"),
        ("attributes", "result"),
        ("relationships", "component"),
        ("relationships", "component_version"),
        ("relationships", "workspace"),
    ],
)
async def test_create_needs_each_part(
    api: httpx.AsyncClient, emulator: Emulator, path: tuple[str, str]
) -> None:
    """Every documented required part missing is a 400 naming it."""
    body = create_body(emulator)
    del body["data"][path[0]][path[1]]
    error = error_of(await api.post("/v2/data-samples", json=body), 400)
    assert f"data.{path[0]}.{path[1]}" in error["detail"]


async def test_create_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Creating in a workspace the caller is not in is 403."""
    body = create_body(emulator)
    body["data"]["relationships"]["workspace"] = ref(
        "workspace", emulator.seed.private_workspace_id
    )
    error_of(await guest_api.post("/v2/data-samples", json=body), 403)


async def test_create_with_wrong_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource of another type is 409."""
    body = create_body(emulator)
    body["data"]["type"] = "sample"
    error_of(await api.post("/v2/data-samples", json=body), 409)


async def test_patch_replaces_result(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH without ``data.id`` (as in the docs) replaces the result."""
    sample_id = emulator.seed.data_sample_ids["webhook"]
    body = {"data": {"type": "data-sample", "attributes": {"result": {"foo": "bar"}}}}
    updated = data_of(await api.patch(f"/v2/data-samples/{sample_id}", json=body))
    assert updated["attributes"] == {"method": "receive", "result": {"foo": "bar"}}
    assert data_of(await api.get(f"/v2/data-samples/{sample_id}")) == updated


async def test_patch_with_other_id_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH whose ``data.id`` differs from the URL's is 409."""
    sample_id = emulator.seed.data_sample_ids["webhook"]
    body = {"data": {"type": "data-sample", "id": "0" * 24, "attributes": {"result": {}}}}
    error_of(await api.patch(f"/v2/data-samples/{sample_id}", json=body), 409)


async def test_patch_foreign_is_403(guest_api: httpx.AsyncClient, private_sample: str) -> None:
    """Changing a sample of a workspace the caller is not in is 403."""
    body = {"data": {"type": "data-sample", "attributes": {"result": {}}}}
    error_of(await guest_api.patch(f"/v2/data-samples/{private_sample}", json=body), 403)


async def test_no_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """No DELETE is documented: 405 naming the allowed methods."""
    sample_id = emulator.seed.data_sample_ids["webhook"]
    response = await api.delete(f"/v2/data-samples/{sample_id}")
    error_of(response, 405)
    assert response.headers["allow"] == "GET, PATCH"
