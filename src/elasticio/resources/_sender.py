"""What a resource namespace needs from the client: a way to send prepared requests."""

from __future__ import annotations

from typing import Protocol

import httpx

from elasticio._http import RequestSpec, Response
from elasticio._retry import RetryPolicy
from elasticio.jsonapi import Document

__all__ = ["Sender"]


class Sender(Protocol):
    """The client as resource namespaces see it."""

    @property
    def base_url(self) -> httpx.URL: ...

    async def send(self, spec: RequestSpec, *, retry: RetryPolicy | None = None) -> Response: ...

    async def fetch(self, spec: RequestSpec) -> Document: ...
