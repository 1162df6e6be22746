"""``client.v1.resources``: attachment storage (API v1)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v1 import V1_RESOURCES_S3_SIGNED_URL
from elasticio._options import CallOptions
from elasticio.models._resources import SignedUrl
from elasticio.resources._base import Namespace

__all__ = ["V1Resources"]


class V1Resources(Namespace):
    """Attachment storage in API v1: a signed S3 URL pair. API v2's
    ``client.resources`` answers the same."""

    async def s3_signed_url(self, **options: Unpack[CallOptions]) -> SignedUrl:
        """A new pre-signed URL pair of the platform's S3 bucket.

        Examples:
            >>> url = await client.v1.resources.s3_signed_url()
            >>> url.expires
            18000
        """
        return await self._object(V1_RESOURCES_S3_SIGNED_URL, SignedUrl, options=options)
