"""Requests the emulator sends on its own, off the request that caused them: the
callbacks of API v1 registrations (``POST /v1/users`` with ``callback``).

A handler hands a `Delivery` to the emulator's `Outbox` and answers at once; the outbox
waits the delivery's delay through the emulator's injected ``sleep``, then POSTs the JSON
body with its ``send`` (replaceable, for tests that would rather not open a socket) and
writes the outcome on the delivery. Only loopback URLs (``127.0.0.1``, ``::1``,
``localhost``) are ever sent to: a test can receive them, and the emulator never reaches
out to the network. Any other URL is recorded as ``skipped``.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import attrs
import httpx

__all__ = ["Delivery", "Outbox", "Sender", "is_loopback", "post_json"]

Sender = Callable[[str, Any], Awaitable[int]]
"""POST a JSON body to a URL and give the answer's status code."""

State = Literal["pending", "delivered", "failed", "skipped"]


def is_loopback(url: str) -> bool:
    """Whether ``url`` is http(s) to this machine.

    Examples:
        >>> is_loopback("http://127.0.0.1:8123/done"), is_loopback("http://[::1]/x")
        (True, True)
        >>> is_loopback("https://example.com/done"), is_loopback("ftp://localhost/x")
        (False, False)
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return False
    if parsed.scheme not in ("http", "https"):
        return False
    host = parsed.host
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def post_json(url: str, body: Any) -> int:
    """The default sender: one POST with httpx, no proxies from the environment."""
    async with httpx.AsyncClient(trust_env=False, timeout=10.0) as client:
        response = await client.post(url, json=body)
    return response.status_code


@attrs.define(kw_only=True)
class Delivery:
    """One callback: where it goes, after how many seconds, and how it went. The body
    may hold secrets (a new user's ``api_secret``), so the repr leaves it out."""

    url: str
    body: Any = attrs.field(repr=False)
    delay: float = 0.0
    state: State = "pending"
    status: int | None = None
    """The receiver's status code, once delivered."""
    error: str | None = None
    """Why sending failed (the exception's type), when it did."""


class Outbox:
    """Sends `Delivery` objects in the background, with the emulator's ``sleep``.

    Examples:
        >>> async def demo():
        ...     sent = []
        ...
        ...     async def send(url, body):
        ...         sent.append((url, body))
        ...         return 204
        ...
        ...     async def no_wait(seconds):
        ...         pass
        ...
        ...     outbox = Outbox(sleep=no_wait, send=send)
        ...     delivery = outbox.post(Delivery(url="http://127.0.0.1:9/cb", body={"id": "u"}))
        ...     await outbox.drain()
        ...     return delivery.state, delivery.status, sent
        >>> asyncio.run(demo())
        ('delivered', 204, [('http://127.0.0.1:9/cb', {'id': 'u'})])
    """

    def __init__(
        self,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        send: Sender = post_json,
    ) -> None:
        self.sleep = sleep
        self.send = send
        self.deliveries: list[Delivery] = []
        self._tasks: set[asyncio.Task[None]] = set()

    def post(self, delivery: Delivery) -> Delivery:
        """Record ``delivery`` and, for a loopback URL, start sending it; must be called
        on the event loop (handlers are)."""
        self.deliveries.append(delivery)
        if not is_loopback(delivery.url):
            delivery.state = "skipped"
            return delivery
        task = asyncio.get_running_loop().create_task(self._deliver(delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return delivery

    async def drain(self) -> None:
        """Wait until every delivery started so far has been sent or has failed."""
        while self._tasks:
            await asyncio.gather(*self._tasks)

    async def _deliver(self, delivery: Delivery) -> None:
        if delivery.delay:
            await self.sleep(delivery.delay)
        try:
            delivery.status = await self.send(delivery.url, delivery.body)
        except (httpx.HTTPError, OSError) as exc:
            delivery.state, delivery.error = "failed", type(exc).__name__
        else:
            delivery.state = "delivered"
