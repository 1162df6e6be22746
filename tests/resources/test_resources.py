"""``client.resources``: the storage signed URL's request and decoded answer."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError, PermissionDeniedError, SignedUrl
from tests._support.docs import docs
from tests._support.wire import query


async def test_storage_signed_url_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """storage_signed_url() POSTs with no body and gives a SignedUrl."""
    route = router.post("/v2/resources/storage/signed-url").respond(
        200, json=docs("resources/storage_signed_url")
    )
    url = await client.resources.storage_signed_url()
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("POST", [], b"")
    assert url == SignedUrl(
        put_url="https://steward_host/files/1ksksiao",
        get_url="https://steward_host/files/34rwer34",
        expires=18000,
    )


async def test_the_urls_stay_out_of_the_repr(client: AsyncClient, router: respx.MockRouter) -> None:
    """Anyone holding the URLs may use them: the repr shows neither."""
    router.post("/v2/resources/storage/signed-url").respond(
        200, json=docs("resources/storage_signed_url")
    )
    shown = repr(await client.resources.storage_signed_url())
    assert "steward_host" not in shown
    assert "18000" in shown


async def test_an_answer_without_urls_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.post("/v2/resources/storage/signed-url").respond(200, json={"expires": 1})
    with pytest.raises(DecodeError):
        await client.resources.storage_signed_url()


async def test_an_error_is_typed(client: AsyncClient, router: respx.MockRouter) -> None:
    router.post("/v2/resources/storage/signed-url").respond(
        403, json={"errors": [{"status": 403, "detail": "no"}]}
    )
    with pytest.raises(PermissionDeniedError):
        await client.resources.storage_signed_url()
