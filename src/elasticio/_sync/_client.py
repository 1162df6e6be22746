"""Client: the synchronous twin of `AsyncClient`, run on an event loop of its own."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from types import TracebackType
from typing import Any, ParamSpec, Self, TypeVar, Unpack

import httpx

from elasticio._client import DEFAULT_MAX_CONCURRENCY, AsyncClient, ClientStats
from elasticio._errors import UsageError
from elasticio._http import QueryParams
from elasticio._options import CallOptions
from elasticio._pacing import RatePolicy
from elasticio._pagination import DEFAULT_MAX_PAGES
from elasticio._polling import PollPolicy
from elasticio._raw import RawResponse, capturing
from elasticio._receive import DEFAULT_MAX_RESPONSE_SIZE
from elasticio._retry import RetryPolicy
from elasticio._sync._namespaces import Namespaces
from elasticio._sync._portal import Portal
from elasticio.jsonapi import Document

__all__ = ["Client"]

T = TypeVar("T")
P = ParamSpec("P")


class Client(Namespaces):
    """A synchronous client for the elastic.io REST API: every namespace and method of
    [`AsyncClient`][elasticio.AsyncClient], with the same arguments and answers, without
    ``await``.

    It runs an `AsyncClient` on an event loop of its own, in a private daemon thread
    that it starts, so its retries, pacing, errors and redaction are the async
    client's. Lists are ordinary iterators ([`SyncPaginator`][elasticio.SyncPaginator]),
    executions block in ``result()`` ([`SyncExecution`][elasticio.SyncExecution]). One
    client may be used from several threads at once. Close it (or use ``with``) to stop
    its loop and connections. The arguments are `AsyncClient`'s; ``sleep`` is still a
    coroutine function, run on the client's loop.

    A model's traversal methods (``flow.versions()``, ``component.descriptor()``, ...)
    are coroutine functions whichever client made the model: run them with
    [`run`][elasticio.Client.run], e.g. ``client.run(flow.versions())``.

    Examples:
        >>> with Client(email="me@example.com", api_key="...") as client:
        ...     flow = client.flows.get("FLOW_ID")
        ...     versions = client.run(flow.versions())

    Raises:
        UsageError: a method was called from inside a running event loop (use
            `AsyncClient` there), or after ``close()``.
    """

    def __init__(
        self,
        email: str | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        poll: PollPolicy | None = None,
        pacing: RatePolicy | None = None,
        max_concurrency: int | None = DEFAULT_MAX_CONCURRENCY,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        allow_insecure_http: bool = False,
        headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        async def build() -> AsyncClient:
            # Built on the loop it will run on.
            return AsyncClient(
                email,
                api_key,
                base_url,
                timeout=timeout,
                max_retries=max_retries,
                retry=retry,
                poll=poll,
                pacing=pacing,
                max_concurrency=max_concurrency,
                max_response_size=max_response_size,
                http_client=http_client,
                transport=transport,
                allow_insecure_http=allow_insecure_http,
                headers=headers,
                sleep=sleep,
                clock=clock,
                max_pages=max_pages,
            )

        portal = Portal()
        try:
            target = portal.run(build())
        except BaseException:
            portal.close()
            raise
        self._setup(portal, target, owner=True)

    def _setup(self, portal: Portal, target: AsyncClient, *, owner: bool) -> None:
        self._portal = portal
        self._async = target
        self._owner = owner
        self._attach(portal, target)

    def __repr__(self) -> str:
        target = getattr(self, "_async", None)
        if target is None:
            return "<Client (not configured)>"
        return f"<Client base_url={str(target.base_url)!r}>"

    @property
    def async_client(self) -> AsyncClient:
        """The `AsyncClient` this one runs (use it only through `run`)."""
        return self._async

    @property
    def stats(self) -> ClientStats:
        """Counters shared by this client and every client ``with_options`` made from it."""
        return self._async.stats

    @property
    def base_url(self) -> httpx.URL:
        """The API's base URL."""
        return self._async.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy calls use unless they pass their own."""
        return self._async.retry_policy

    @property
    def poll_policy(self) -> PollPolicy:
        """The polling policy waits use unless they pass their own."""
        return self._async.poll_policy

    @property
    def max_pages(self) -> int:
        """The most pages a list fetches unless the list call says otherwise."""
        return self._async.max_pages

    @property
    def rate_limit(self) -> float | None:
        """The requests per second new attempts are paced at now, set by the client's
        [`RatePolicy`][elasticio.RatePolicy] or learned from the server; None while they go
        freely."""
        return self._async.rate_limit

    @property
    def max_concurrency(self) -> int | None:
        """The most requests in flight at once (``None``: no limit of the SDK's own)."""
        return self._async.max_concurrency

    def with_options(
        self,
        *,
        retry: RetryPolicy | None = None,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        poll: PollPolicy | None = None,
        max_pages: int | None = None,
    ) -> Client:
        """A client sharing this one's loop, connections, credentials, concurrency limit
        and stats, with other settings. Closing it leaves the shared loop running.

        Examples:
            >>> with Client() as client:
            ...     me = client.with_options(max_retries=0).users.me()
        """
        other = object.__new__(Client)
        other._setup(
            self._portal,
            self._async.with_options(
                retry=retry,
                max_retries=max_retries,
                timeout=timeout,
                poll=poll,
                max_pages=max_pages,
            ),
            owner=False,
        )
        return other

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (as `AsyncClient.aclose` does), then stop the loop
        and its thread. A client made by ``with_options`` leaves both to its parent."""
        if self._owner:
            self._portal.close(self._async.aclose())

    def run(self, awaitable: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on this client's loop and return its value: the way to call a
        model's traversal methods, which are coroutine functions.

        Examples:
            >>> with Client() as client:
            ...     flow = client.flows.get("FLOW_ID")
            ...     draft = client.run(flow.draft())
        """
        return self._portal.run(awaitable)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        retry: RetryPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Document:
        """Send a request to ``path`` (below the base URL) and decode the JSON:API answer,
        as [`AsyncClient.request`][elasticio.AsyncClient.request] does.

        Examples:
            >>> with Client() as client:
            ...     document = client.request("GET", "/v2/users/me", timeout=5)
        """
        return self._portal.run(
            self._async.request(method, path, params=params, json=json, retry=retry, **options)
        )

    def request_json(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        retry: RetryPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Any:
        """Send a request to an endpoint that answers plain JSON and return the decoded
        value, as [`AsyncClient.request_json`][elasticio.AsyncClient.request_json] does.

        Examples:
            >>> with Client() as client:
            ...     teams = client.request_json("GET", "/v1/teams/")
        """
        return self._portal.run(
            self._async.request_json(method, path, params=params, json=json, retry=retry, **options)
        )

    def with_raw_response(
        self, call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> RawResponse[T]:
        """Call ``call(*args, **kwargs)`` (any method of this client) and return its HTTP
        response beside its value.

        Examples:
            >>> with Client() as client:
            ...     raw = client.with_raw_response(client.flows.get, "FLOW_ID")
            >>> raw.status_code, raw.parse().name
            (200, 'Nightly sync')

        Raises:
            UsageError: the call sent no request through this client.
        """
        # The loop runs each call in a copy of the caller's context: it records there.
        with capturing() as responses:
            value = call(*args, **kwargs)
        if not responses:
            raise UsageError("the call sent no request; there is no raw response to show")
        return RawResponse(value, responses)

    def wait_until(
        self,
        look: Callable[[], T],
        done: Callable[[T], bool],
        *,
        what: str,
        policy: PollPolicy | None = None,
    ) -> T:
        """Call ``look`` until ``done`` holds for its result, under a polling policy (on
        the client's clock and sleep); ``look`` runs in a worker thread.

        Raises:
            PollTimeoutError: the policy's timeout passed first.
        """

        async def look_async() -> T:
            return await asyncio.to_thread(look)

        return self._portal.run(self._async.wait_until(look_async, done, what=what, policy=policy))
