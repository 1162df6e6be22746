"""Raw responses: what a typed call sent and received, next to the value it returned.

The client records each `Response` into the list of the innermost
`capturing` block of the running task (and of the tasks it starts), so a typed
method needs no second, raw variant.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

import httpx

from elasticio._http import Response

__all__ = ["RawResponse", "capturing", "record"]

T = TypeVar("T")

_CAPTURED: ContextVar[list[Response] | None] = ContextVar("elasticio_captured", default=None)


def record(response: Response) -> None:
    """Add ``response`` to the capture under way, if any."""
    captured = _CAPTURED.get()
    if captured is not None:
        captured.append(response)


@contextmanager
def capturing() -> Iterator[list[Response]]:
    """Collect every response the client receives inside the block."""
    captured: list[Response] = []
    token = _CAPTURED.set(captured)
    try:
        yield captured
    finally:
        _CAPTURED.reset(token)


class RawResponse(Generic[T]):
    """The HTTP side of one typed call, and the value it returned.

    ``status_code``, ``headers``, ``request_id`` and ``url`` describe the call's first
    response (a waiting call such as ``flows.start(..., wait=True)`` sends more: see
    ``responses``). [`parse`][elasticio.RawResponse.parse] gives what the typed method returned.

    Examples:
        >>> raw = await client.with_raw_response(client.flows.get, "FLOW_ID")  # doctest: +SKIP
        >>> raw.status_code, raw.request_id  # doctest: +SKIP
        (200, 'c0ffee')
        >>> flow = raw.parse()  # doctest: +SKIP
    """

    __slots__ = ("_value", "responses")

    def __init__(self, value: T, responses: list[Response]) -> None:
        if not responses:
            raise ValueError("a raw response needs at least one response")
        self._value = value
        self.responses: tuple[Response, ...] = tuple(responses)
        """Every response the call received, in order."""

    def __repr__(self) -> str:
        # Safe on a half-built object too (a traceback formatted with its locals).
        responses = getattr(self, "responses", ())
        if not responses:
            return "<RawResponse (empty)>"
        first = responses[0]
        return f"<RawResponse {first.method} {first.url} -> {first.status_code}>"

    @property
    def status_code(self) -> int:
        """The status of the call's first response."""
        return self.responses[0].status_code

    @property
    def headers(self) -> httpx.Headers:
        """The headers of the call's first response."""
        return self.responses[0].headers

    @property
    def request_id(self) -> str | None:
        """The platform's request id of the call's first response, when it sent one."""
        return self.responses[0].request_id

    @property
    def url(self) -> str:
        """The URL of the call's first request (no credentials)."""
        return self.responses[0].url

    def parse(self) -> T:
        """What the typed method returned: a model, a list, or None."""
        return self._value
