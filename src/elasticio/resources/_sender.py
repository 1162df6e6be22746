"""What a resource namespace needs from the client: a way to send prepared requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

import httpx

from elasticio._http import RequestSpec, Response
from elasticio._polling import PollPolicy
from elasticio._retry import RetryPolicy
from elasticio.jsonapi import Document

__all__ = ["Sender"]

T = TypeVar("T")


class Sender(Protocol):
    """The client as resource namespaces see it."""

    @property
    def base_url(self) -> httpx.URL: ...

    @property
    def poll_policy(self) -> PollPolicy: ...

    @property
    def max_pages(self) -> int: ...

    async def _send(
        self,
        spec: RequestSpec,
        *,
        retry: RetryPolicy | None = None,
        accept: frozenset[int] = frozenset(),
    ) -> Response: ...

    async def _fetch(self, spec: RequestSpec) -> Document: ...

    async def wait_until(
        self,
        look: Callable[[], Awaitable[T]],
        done: Callable[[T], bool],
        *,
        what: str,
        policy: PollPolicy | None = None,
    ) -> T: ...
