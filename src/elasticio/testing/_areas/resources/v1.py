"""The S3 signed URL of API v1 (``POST /v1/resources/s3/signed-url``): the same object
store as v2's storage signed URL, the same answer."""

from __future__ import annotations

from elasticio._catalog.v1 import V1_RESOURCES_S3_SIGNED_URL
from elasticio.testing._areas.resources.signing import signed_url_pair
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(V1_RESOURCES_S3_SIGNED_URL)
def s3_signed_url(call: Call) -> Reply:
    return Reply(body=signed_url_pair(call))
