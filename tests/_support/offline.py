"""A client that never leaves the process: its requests go to a handler (a respx router's,
usually) instead of the network, and its sleeps to a fake clock.

Example:
    >>> client = offline_client(lambda request: httpx.Response(204), FakeClock())
    >>> str(client.base_url)
    'https://api.elastic.io'
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import httpx

from elasticio import AsyncClient
from tests._support.clock import FakeClock

__all__ = ["API_KEY", "BASE_URL", "EMAIL", "Handler", "MakeClient", "offline_client"]

BASE_URL = "https://api.elastic.io"
EMAIL = "robot@example.com"
API_KEY = "sk-test-5ecret-api-key-0123456789"

Handler = (
    Callable[[httpx.Request], httpx.Response]
    | Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]
)
"""What answers the client's requests: ``router.async_handler`` or any function of a request."""

MakeClient = Callable[..., AsyncClient]
"""The ``make_client`` fixture: ``make_client(handler=None, **options)`` gives a client."""


def offline_client(
    handler: Handler, fake_clock: FakeClock | None = None, /, **options: Any
) -> AsyncClient:
    """An AsyncClient signed in with ``EMAIL`` and ``API_KEY`` at ``BASE_URL`` whose requests
    go to ``handler``; with ``fake_clock``, its sleeps are recorded there, never waited.

    ``options`` go to AsyncClient and win over these defaults (``api_key``, ``base_url``,
    ``transport``, ``sleep``, ``clock``, ``retry``, ...). The caller closes the client.
    """
    options.setdefault("email", EMAIL)
    options.setdefault("api_key", API_KEY)
    options.setdefault("base_url", BASE_URL)
    options.setdefault("transport", httpx.MockTransport(handler))
    if fake_clock is not None:
        options.setdefault("sleep", fake_clock.sleep)
        options.setdefault("clock", fake_clock)
    return AsyncClient(**options)
