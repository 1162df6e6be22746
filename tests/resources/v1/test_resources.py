"""``client.v1.resources``: the S3 signed URL's request and decoded answer."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, AuthenticationError, SignedUrl
from tests._support.docs import docs


async def test_s3_signed_url_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """s3_signed_url() POSTs to /v1/resources/s3/signed-url with no body."""
    route = router.post("/v1/resources/s3/signed-url").respond(
        200, json=docs("v1/resources/s3_signed_url"), headers={"x-request-id": "r-9"}
    )
    url = await client.v1.resources.s3_signed_url()
    assert route.calls.last.request.content == b""
    assert url == SignedUrl(
        put_url="https://bucket.region.amazonaws.com/put",
        get_url="https://bucket.region.amazonaws.com/get",
        expires=18000,
    )
    assert url.request_id == "r-9"


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.post("/v1/resources/s3/signed-url").respond(401, json={"message": "Unauthorized"})
    with pytest.raises(AuthenticationError, match="Unauthorized"):
        await client.v1.resources.s3_signed_url()
