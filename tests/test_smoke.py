"""The model case from the docs: list components and walk to a descriptor without a request."""

import httpx
import respx

from elasticio import AsyncClient
from tests._support.docs import load_fixture


async def test_component_list_walks_to_descriptor_from_included(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """component → latest_version → descriptor resolves from `included` with one request."""
    route = router.get("/v2/components").respond(200, json=load_fixture("components/list.json"))
    components = [c async for c in client.components.list(contract_id="C1", access="private")]
    descriptor = await components[0].latest_version.descriptor()  # type: ignore[union-attr]
    assert descriptor.title == "Data mapper"
    assert route.call_count == 1
    assert route.calls[0].request.url.params["filter[access]"] == "private"
    assert isinstance(route.calls[0].request, httpx.Request)
