"""The answer both signed-URL endpoints give: a new slot's absolute URLs and lifetime."""

from __future__ import annotations

from elasticio.testing._areas.resources.store import OBJECTS_PATH
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call

__all__ = ["signed_url_pair"]


def signed_url_pair(call: Call) -> Json:
    """``{put_url, get_url, expires}`` for a new slot of the object store; ``expires`` is
    the URLs' lifetime in seconds (the setting ``signed_url_lifetime``), as in the docs'
    example (18000)."""
    lifetime = call.settings.signed_url_lifetime
    slot = call.platform.objects.issue(lifetime)
    base = f"{call.origin}{OBJECTS_PATH}"
    return {
        "put_url": f"{base}{slot.put_token}",
        "get_url": f"{base}{slot.get_token}",
        "expires": lifetime,
    }
