"""``client.resources``: attachment storage (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import RESOURCES_STORAGE_SIGNED_URL
from elasticio._options import CallOptions
from elasticio.models._resources import SignedUrl
from elasticio.resources._base import Namespace

__all__ = ["Resources"]


class Resources(Namespace):
    """Attachment storage: a signed URL pair to put a file and get it back."""

    async def storage_signed_url(self, **options: Unpack[CallOptions]) -> SignedUrl:
        """A new pre-signed URL pair of the platform's attachment storage.

        Examples:
            >>> url = await client.resources.storage_signed_url()
            >>> url.expires
            18000
        """
        return await self._object(RESOURCES_STORAGE_SIGNED_URL, SignedUrl, options=options)
