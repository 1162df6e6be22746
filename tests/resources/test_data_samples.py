"""``client.data_samples``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import AsyncClient, DecodeError, UsageError
from elasticio.models._data_samples import DataSample
from tests._support.docs import docs
from tests._support.wire import body, query

SAMPLE_ID = "585d389b90ea62ce348a478b"
OTHER_ID = "585d389b90ea62ce348a478c"
COMPONENT_ID = "5863f7136ef9da255ad9a9bc"
WORKSPACE_ID = "59d341e9037f7200184a408b"
REVISION = "3a6b0f2e9c1d4b5a6f7e8d9c0b1a2f3e4d5c6b7a"


def sample(sample_id: str = SAMPLE_ID) -> dict[str, Any]:
    """The docs' data sample resource, with ``sample_id`` as its id."""
    resource: dict[str, Any] = docs("data_samples/get", {"{DATASAMPLE_ID}": sample_id})["data"]
    return resource


EXPECTED = DataSample(
    id=SAMPLE_ID,
    method="hello123",
    result={"foo": "bar1", "baz": "qwe1"},
    component_id=COMPONENT_ID,
    component_version_id="latest",
    workspace_id=WORKSPACE_ID,
    user_id="585d389b90ea62ce348a478b",
)


# -- get and list --------------------------------------------------------------------------


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(id) is GET /v2/data-samples/{id} and returns the sample with its related ids."""
    path = f"/v2/data-samples/{SAMPLE_ID}"
    route = router.get(path).respond(200, json={"data": sample()})
    found = await client.data_samples.get(SAMPLE_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        path,
        [],
        b"",
    )
    assert found == EXPECTED


async def test_get_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() answered with a flow raises DecodeError at /data/type."""
    router.get(f"/v2/data-samples/{SAMPLE_ID}").respond(
        200, json={"data": {"type": "flow", "id": SAMPLE_ID}}
    )
    with pytest.raises(DecodeError) as caught:
        await client.data_samples.get(SAMPLE_ID)
    assert caught.value.pointer == "/data/type"


async def test_get_reports_a_result_that_is_not_an_object(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A result sent as an array raises DecodeError naming ``result``."""
    payload = {"data": {"type": "data-sample", "id": SAMPLE_ID, "attributes": {"result": [1]}}}
    router.get(f"/v2/data-samples/{SAMPLE_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.data_samples.get(SAMPLE_ID)
    assert caught.value.pointer == "/data"
    assert "result" in str(caught.value)


async def test_list_sends_the_ids_as_one_filter(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list([a, b]) is one GET /v2/data-samples?filter[id]=a,b and decodes each sample."""
    route = router.get("/v2/data-samples").respond(
        200, json={"data": [sample(), sample(OTHER_ID)], "meta": {}}
    )
    samples = await client.data_samples.list([SAMPLE_ID, OTHER_ID]).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == (
        "GET",
        "/v2/data-samples",
        [("filter[id]", f"{SAMPLE_ID},{OTHER_ID}")],
    )
    assert route.call_count == 1
    assert [s.id for s in samples] == [SAMPLE_ID, OTHER_ID]
    assert samples[0] == EXPECTED


async def test_list_takes_a_single_id_as_a_string(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list("id") filters by that one id rather than by its characters."""
    route = router.get("/v2/data-samples").respond(200, json={"data": [sample()]})
    await client.data_samples.list(SAMPLE_ID).collect()
    assert query(route.calls.last.request) == [("filter[id]", SAMPLE_ID)]


async def test_list_accepts_a_single_resource_as_data(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs show the filtered request beside a one-object answer; that gives one sample."""
    router.get("/v2/data-samples").respond(200, json={"data": sample()})
    assert await client.data_samples.list([SAMPLE_ID]).collect() == [EXPECTED]


@pytest.mark.parametrize("ids", [[], [""], ["a,b"]])
async def test_list_refuses_ids_the_filter_cannot_carry(
    client: AsyncClient, router: respx.MockRouter, ids: list[str]
) -> None:
    """No ids, an empty id or an id with a comma raise UsageError before any request."""
    route = router.get("/v2/data-samples")
    with pytest.raises(UsageError):
        client.data_samples.list(ids)
    assert route.call_count == 0


# -- create and update ---------------------------------------------------------------------


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() sends exactly the docs' example, component version ``latest`` by default."""
    route = router.post("/v2/data-samples").respond(201, json=docs("data_samples/create"))
    await client.data_samples.create(
        method="hello123",
        result={"foo": "bar", "baz": "foo"},
        component_id=COMPONENT_ID,
        workspace_id=WORKSPACE_ID,
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/data-samples", [])
    assert body(request) == docs("data_samples/create_request")


async def test_create_links_a_given_revision(client: AsyncClient, router: respx.MockRouter) -> None:
    """create(version=rev) links component_version as a ``version`` with that id."""
    route = router.post("/v2/data-samples").respond(201, json=docs("data_samples/create"))
    await client.data_samples.create(
        method="m",
        result={},
        component_id=COMPONENT_ID,
        workspace_id=WORKSPACE_ID,
        version=REVISION,
    )
    relationships = body(route.calls.last.request)["data"]["relationships"]
    assert relationships["component_version"] == {"data": {"type": "version", "id": REVISION}}


async def test_create_decodes_the_created_sample(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's data sample."""
    router.post("/v2/data-samples").respond(201, json=docs("data_samples/create"))
    created = await client.data_samples.create(
        method="hello123", result={}, component_id=COMPONENT_ID, workspace_id=WORKSPACE_ID
    )
    assert created == EXPECTED


async def test_update_sends_the_result_with_the_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(id, result=...) PATCHes the docs' result, with the id JSON:API requires."""
    path = f"/v2/data-samples/{SAMPLE_ID}"
    route = router.patch(path).respond(200, json=docs("data_samples/update"))
    example = docs("data_samples/update_request")["data"]
    await client.data_samples.update(SAMPLE_ID, result=example["attributes"]["result"])
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("PATCH", path, [])
    assert body(request) == {
        "data": {
            "type": "data-sample",
            "id": SAMPLE_ID,
            "attributes": {"result": {"foo": "bar", "baz": "foo"}},
        }
    }


async def test_update_decodes_the_updated_sample(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() returns the sample from the 200 with its new result."""
    router.patch(f"/v2/data-samples/{SAMPLE_ID}").respond(200, json=docs("data_samples/update"))
    updated = await client.data_samples.update(SAMPLE_ID, result={"foo": "bar", "baz": "foo"})
    assert (updated.id, updated.method, updated.result) == (
        SAMPLE_ID,
        "hello123",
        {"foo": "bar", "baz": "foo"},
    )
