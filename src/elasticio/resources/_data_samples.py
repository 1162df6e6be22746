"""``client.data_samples``: data samples (get, list, create, update) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["DataSamples"]


class DataSamples:
    """The data samples (get, list, create, update) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
