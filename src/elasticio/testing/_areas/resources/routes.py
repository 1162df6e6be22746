"""The storage signed URL of API v2 (``POST /v2/resources/storage/signed-url``).

Any signed-in user may ask for one; the answer is plain JSON (see `signed_url_pair`).
"""

from __future__ import annotations

from elasticio._catalog.v2 import RESOURCES_STORAGE_SIGNED_URL
from elasticio.testing._areas.resources.signing import signed_url_pair
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(RESOURCES_STORAGE_SIGNED_URL)
def storage_signed_url(call: Call) -> Reply:
    return Reply(body=signed_url_pair(call))
