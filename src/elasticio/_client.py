"""AsyncClient: configuration, lifecycle, and the one place that does I/O."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from types import MappingProxyType, TracebackType
from typing import Any, ParamSpec, Self, TypeVar, Unpack

import attrs
import httpx

from elasticio._checks import whole_number
from elasticio._config import DEFAULT_TIMEOUT, ClientConfig, resolve_config
from elasticio._errors import APIConnectionError, APITimeoutError, ConfigurationError, UsageError
from elasticio._http import (
    EMPTY_DOCUMENT,
    QueryParams,
    RequestSpec,
    Response,
    ResponseParts,
    as_timeout,
    build_request,
    decipher,
    decipher_plain,
    default_headers,
    user_agent,
)
from elasticio._logs import configure_from_environment
from elasticio._options import CallOptions, call_spec
from elasticio._pacing import Pacer, RatePolicy
from elasticio._pagination import DEFAULT_MAX_PAGES
from elasticio._polling import PollPolicy, poll_until
from elasticio._pool import new_http_client, pool_limits, sole_direct_transport
from elasticio._raw import RawResponse, capturing, record
from elasticio._receive import (
    DEFAULT_MAX_RESPONSE_SIZE,
    basic_authorization,
    receive,
    receive_direct,
)
from elasticio._retry import RetryDecision, RetryPolicy, with_retries
from elasticio._shielded import CancelGuard, settled
from elasticio._time_limits import TimeLimit, TimeLimits
from elasticio.jsonapi import Document
from elasticio.resources import (
    V1,
    AuthClients,
    Components,
    Contracts,
    Credentials,
    DataSamples,
    Executions,
    Flows,
    Logs,
    OAuthClients,
    OpenIDProviders,
    Permissions,
    PlatformStats,
    QuotaUsages,
    Recipes,
    Resources,
    SAMLProviders,
    Secrets,
    SSHKeys,
    Teams,
    TenantCertificates,
    Tenants,
    Topics,
    Users,
    Workspaces,
)

__all__ = ["DEFAULT_MAX_CONCURRENCY", "AsyncClient", "ClientStats", "pool_limits"]

logger = logging.getLogger("elasticio")

T = TypeVar("T")
P = ParamSpec("P")

DEFAULT_MAX_CONCURRENCY = 64
"""Requests one client (and the clients made from it by ``with_options``) has in flight
at most, unless told otherwise."""


def _check_concurrency(max_concurrency: int | None) -> int | None:
    if max_concurrency is None:
        return None
    if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
        raise ConfigurationError("max_concurrency must be a whole number or None")
    if max_concurrency < 1:
        raise ConfigurationError(f"max_concurrency must be at least 1, not {max_concurrency}")
    return max_concurrency


@attrs.define
class ClientStats:
    """Counters over a client's lifetime (shared with clients made by ``with_options``).

    Attributes:
        requests: attempts sent.
        retries: attempts that were retries.
        rate_limited: 429 answers received.
        throttled: attempts held back by pacing: a rate of the client's
            [`RatePolicy`][elasticio.RatePolicy], or one learned from the server.
    """

    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    throttled: int = 0


class _Core:
    """What a client and every client ``with_options`` makes from it share: settings,
    credentials, the pool, the concurrency slots, the pacer and the counters."""

    def __init__(
        self,
        *,
        config: ClientConfig,
        auth: httpx.BasicAuth,
        headers: httpx.Headers,
        http: httpx.AsyncClient,
        owns_http: bool,
        max_concurrency: int | None,
        max_response_size: int | None,
        sleep: Callable[[float], Awaitable[None]],
        clock: Callable[[], float],
        pacing: RatePolicy,
    ) -> None:
        self.config = config
        self.max_response_size = max_response_size
        self.auth = auth
        self.headers = headers
        self.http = http
        self.owns_http = owns_http
        self.max_concurrency = max_concurrency
        self.slots = None if max_concurrency is None else asyncio.Semaphore(max_concurrency)
        self.sleep = sleep
        self.clock = clock
        self.rng = random.random
        self.pacer = Pacer(pacing, clock=clock, sleep=sleep)
        self.stats = ClientStats()
        self.time_limits = TimeLimits()  # every attempt's and wait's, on one timer
        # Exchanges on the wire, kept referenced until they end (a caller may leave first).
        self.exchanges: set[asyncio.Task[httpx.Response]] = set()
        # The SDK's own transport, when every request of the client goes through it: its
        # clean-up never awaits, so an attempt runs in the caller's own task (see
        # AsyncClient._on_wire), and requests are handed to it directly (_receive).
        self.direct = sole_direct_transport(http) if owns_http else None
        self.authorization = basic_authorization(config.email, config.api_key)
        # The event loop of the first request: the pool's connections belong to it.
        self.loop: asyncio.AbstractEventLoop | None = None

    def check_loop(self) -> None:
        """Tie the client to the running loop on first use; refuse any other loop later.

        Raises:
            UsageError: the client was first used in another event loop.
        """
        loop = asyncio.get_running_loop()
        if self.loop is None:
            self.loop = loop
        elif self.loop is not loop:
            raise UsageError(
                "this AsyncClient was first used in another event loop, and its connections"
                " belong to that loop: make one AsyncClient per event loop (inside the"
                " asyncio.run() that uses it), or use the synchronous elasticio.Client"
            )

    def __repr__(self) -> str:
        return f"<_Core base_url={str(self.config.base_url)!r}>"


class AsyncClient:
    """An async client for the elastic.io REST API.

    Credentials default to the platform's own variables ``ELASTICIO_API_USERNAME``,
    ``ELASTICIO_API_KEY`` and ``ELASTICIO_API_URI`` (default ``https://api.elastic.io``).

    Examples:
        >>> async with AsyncClient(  # doctest: +SKIP
        ...     email="me@example.com", api_key="..."
        ... ) as client:
        ...     component = await client.components.get("COMPONENT_ID")

    Args:
        email: the user's email (the Basic-auth username).
        api_key: the user's API key (the Basic-auth password).
        base_url: the API's base URL, for white-label tenants or a local emulator.
        timeout: seconds, or an `httpx.Timeout`, for each phase of an attempt: connect,
            each read, each write (default 30 s, 10 s to connect; with ``http_client``,
            that client's own timeout). A whole attempt and a whole call have limits
            of their own, ``attempt_timeout`` and ``deadline`` of the retry policy.
        max_retries: the retry count of ``retry`` (see
            [`RetryPolicy.with_max_retries`][elasticio.RetryPolicy.with_max_retries]).
        retry: the retry policy for every call (see [`RetryPolicy`][elasticio.RetryPolicy]).
        poll: how waits for a state poll, e.g. a flow's start (see
            [`PollPolicy`][elasticio.PollPolicy]).
        pacing: how attempts are paced under a rate limit, learned from the server or set
            (see [`RatePolicy`][elasticio.RatePolicy]); shared with ``with_options`` clients.
        max_concurrency: the most requests in flight at once, across this client and
            every client ``with_options`` makes from it (default 64; ``None`` for no
            limit). Each attempt holds a slot only while it is on the wire: a request
            waiting to retry does not. A pool this client builds gets as many
            connections; an ``http_client`` of your own should allow as many too.
        max_response_size: the largest response body read, in bytes once decompressed
            (default 64 MiB; ``None`` for no limit). A larger one raises
            [`ResponseTooLargeError`][elasticio.ResponseTooLargeError], unread past the limit.
        http_client: an `httpx.AsyncClient` of your own; it is not closed by
            this client. It is used as it is: the hook that keeps httpcore from
            losing connections to cancelled requests is installed only in a pool
            this client builds.
        transport: an httpx transport for the client this one creates (tests, proxies,
            TLS settings); by default a [`DirectTransport`][elasticio.DirectTransport]
            with a connection per concurrency slot, and httpx's own transport for the
            proxies the environment names.
        allow_insecure_http: permit ``http://`` to a host other than loopback.
        headers: extra headers sent with every request.
        max_pages: the most pages a list fetches (default 10,000); past it, and on a
            page that repeats, a list raises [`PaginationError`][elasticio.PaginationError].
            Each list method takes ``max_pages`` too.
        sleep: the coroutine used to wait between retries and for pacing (tests pass a
            fake).
        clock: a monotonic clock in seconds, for deadlines and pacing.
    """

    auth_clients: AuthClients
    """OAuth (and other) clients registered globally or in a tenant, contract or workspace."""
    components: Components
    """Component repositories, their versions, descriptors and environment."""
    contracts: Contracts
    """Contracts and their members."""
    credentials: Credentials
    """Credentials of a workspace."""
    data_samples: DataSamples
    """Data samples recorded for component steps."""
    executions: Executions
    """Scheduled executions: credential checks, dynamic metadata, select models."""
    flows: Flows
    """Flows, their versions, drafts and snapshots; start and stop."""
    oauth_clients: OAuthClients
    """A tenant's OAuth clients, one per component."""
    openid_providers: OpenIDProviders
    """A tenant's OpenID Connect providers."""
    permissions: Permissions
    """The permissions a tenant's roles can grant."""
    saml_providers: SAMLProviders
    """A tenant's SAML 2.0 identity providers."""
    recipes: Recipes
    """Recipes: flow templates to share and activate, and their deployments."""
    logs: Logs
    """The log lines of a workspace's flows."""
    platform_stats: PlatformStats
    """Queue depths of flows, and the workspaces' inventory of flows and components
    (``client.stats`` is the client's own request counts)."""
    quota_usages: QuotaUsages
    """Memory and CPU used by contracts, workspaces and flows."""
    resources: Resources
    """Attachment storage: signed URL pairs."""
    secrets: Secrets
    """Auth secrets of a workspace: the tokens obtained with auth clients."""
    ssh_keys: SSHKeys
    """The caller's SSH keys."""
    teams: Teams
    """Developer teams of a contract."""
    tenant_certificates: TenantCertificates
    """SSL certificates of a tenant's domains."""
    tenants: Tenants
    """Tenants, their roles and Tenant Admins."""
    topics: Topics
    """Pub/Sub topics of a workspace."""
    users: Users
    """Users: yourself, one by id, the tenant's."""
    v1: V1
    """API v1, plain JSON (``client.v1.tasks``, ``client.v1.accounts``, ...)."""
    workspaces: Workspaces
    """Workspaces and their members."""

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
        configure_from_environment()
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        config = resolve_config(email, api_key, base_url, allow_insecure_http=allow_insecure_http)
        if timeout is None:
            timeout = DEFAULT_TIMEOUT if http_client is None else http_client.timeout
        limit = _check_concurrency(max_concurrency)
        if max_response_size is not None:
            whole_number("max_response_size", max_response_size, 1, error=ConfigurationError)
        all_headers = httpx.Headers({"User-Agent": user_agent()})
        if headers is not None and not isinstance(headers, Mapping):
            raise ConfigurationError(
                f"headers must be a mapping of names to values, not {headers!r}"
            )
        all_headers.update(headers or {})
        core = _Core(
            config=config,
            auth=httpx.BasicAuth(config.email, config.api_key),
            headers=default_headers(all_headers),
            http=http_client
            or new_http_client(
                transport=transport, timeout=as_timeout(timeout), max_concurrency=limit
            ),
            owns_http=http_client is None,
            max_concurrency=limit,
            max_response_size=max_response_size,
            sleep=sleep,
            clock=clock,
            pacing=pacing or RatePolicy(),
        )
        retry = retry or RetryPolicy()
        if max_retries is not None:
            retry = retry.with_max_retries(max_retries)
        whole_number("max_pages", max_pages, 1, error=ConfigurationError)
        self._setup(core, retry=retry, poll=poll or PollPolicy(), timeout=as_timeout(timeout))
        self._max_pages = max_pages
        self._owner = True

    def _setup(
        self, core: _Core, *, retry: RetryPolicy, poll: PollPolicy, timeout: httpx.Timeout
    ) -> None:
        self._core = core
        self._retry = retry
        self._poll = poll
        self._timeout = timeout
        # Read by every request's transport, written by none: made once, shared.
        self._timeouts = MappingProxyType(timeout.as_dict())
        self._owner = False
        self.auth_clients = AuthClients(self)
        self.components = Components(self)
        self.contracts = Contracts(self)
        self.credentials = Credentials(self)
        self.data_samples = DataSamples(self)
        self.executions = Executions(self)
        self.flows = Flows(self)
        self.oauth_clients = OAuthClients(self)
        self.openid_providers = OpenIDProviders(self)
        self.permissions = Permissions(self)
        self.saml_providers = SAMLProviders(self)
        self.recipes = Recipes(self)
        self.logs = Logs(self)
        self.platform_stats = PlatformStats(self)
        self.quota_usages = QuotaUsages(self)
        self.resources = Resources(self)
        self.secrets = Secrets(self)
        self.ssh_keys = SSHKeys(self)
        self.teams = Teams(self)
        self.tenant_certificates = TenantCertificates(self)
        self.tenants = Tenants(self)
        self.topics = Topics(self)
        self.users = Users(self)
        self.v1 = V1(self)
        self.workspaces = Workspaces(self)

    def __repr__(self) -> str:
        # Safe in every state, even when __init__ failed part-way (tracebacks with locals).
        core = getattr(self, "_core", None)
        if core is None:
            return "<AsyncClient (not configured)>"
        return f"<AsyncClient base_url={str(core.config.base_url)!r}>"

    @property
    def stats(self) -> ClientStats:
        """Counters shared by this client and every client ``with_options`` made from it."""
        return self._core.stats

    @property
    def base_url(self) -> httpx.URL:
        """The API's base URL."""
        return self._core.config.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy calls use unless they pass their own."""
        return self._retry

    @property
    def poll_policy(self) -> PollPolicy:
        """The polling policy waits use unless they pass their own."""
        return self._poll

    @property
    def max_pages(self) -> int:
        """The most pages a list fetches unless the list call says otherwise."""
        return self._max_pages

    @property
    def rate_limit(self) -> float | None:
        """The requests per second new attempts are paced at now, set by the client's
        [`RatePolicy`][elasticio.RatePolicy] or learned from the server; None while no limit
        is known (attempts go freely, or ramp up in the slow start)."""
        return self._core.pacer.rate

    @property
    def max_concurrency(self) -> int | None:
        """The most requests in flight at once (``None``: no limit of the SDK's own)."""
        return self._core.max_concurrency

    def with_options(
        self,
        *,
        retry: RetryPolicy | None = None,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        poll: PollPolicy | None = None,
        max_pages: int | None = None,
    ) -> AsyncClient:
        """A client sharing this one's connections, credentials, concurrency limit and
        stats, with other settings. Closing it leaves the shared pool open.

        Examples:
            >>> impatient = client.with_options(max_retries=0)
            >>> component = await impatient.components.get("COMPONENT_ID")  # doctest: +SKIP
        """
        policy = retry or self._retry
        if max_retries is not None:
            policy = policy.with_max_retries(max_retries)
        other = object.__new__(AsyncClient)
        other._setup(
            self._core,
            retry=policy,
            poll=poll or self._poll,
            timeout=self._timeout if timeout is None else as_timeout(timeout),
        )
        other._max_pages = self._max_pages
        if max_pages is not None:
            other._max_pages = whole_number("max_pages", max_pages, 1, error=ConfigurationError)
        return other

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``, or this
        client was made by ``with_options``)."""
        if self._owner and self._core.owns_http:
            await self._core.http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        retry: RetryPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Document:
        """Send a request to ``path`` (below the base URL) and decode the JSON:API answer.

        ``path`` is used as given: encode ids with [`segment`][elasticio.segment]. ``options``
        are the per-call options every typed method takes (``timeout``,
        ``extra_headers``, ``extra_query``).

        Examples:
            >>> document = await client.request("GET", "/v2/users/me", timeout=5)  # doctest: +SKIP
        """
        if not path.startswith("/"):
            raise UsageError("path must start with '/', e.g. '/v2/users/me'")
        spec = call_spec(method.upper(), path, params=params, json=json, options=options)
        return (await self._send(spec, retry=retry)).document

    async def request_json(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
        retry: RetryPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Any:
        """Like [`request`][elasticio.AsyncClient.request], for an endpoint that answers
        plain JSON (API v1, logs, quota usages): the decoded JSON value, as sent (None for
        an empty answer). Errors map onto the same exception tree, v1's ``{"message":
        ...}`` included.

        Examples:
            >>> teams = await client.request_json("GET", "/v1/teams/")
            >>> [team["name"] for team in teams]  # doctest: +SKIP
            ['acme-dev']
        """
        if not path.startswith("/"):
            raise UsageError("path must start with '/', e.g. '/v1/users'")
        spec = call_spec(
            method.upper(), path, params=params, json=json, codec="plain", options=options
        )
        return (await self._send(spec, retry=retry)).json

    async def with_raw_response(
        self, call: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
    ) -> RawResponse[T]:
        """Await ``call(*args, **kwargs)`` (any typed method of this client, or
        [`request`][elasticio.AsyncClient.request]) and return its HTTP response beside its value.

        Examples:
            >>> raw = await client.with_raw_response(client.users.me)  # doctest: +SKIP
            >>> raw.request_id, raw.parse().email  # doctest: +SKIP
            ('c0ffee', 'me@example.com')

        Raises:
            UsageError: the call sent no request through this client.
        """
        with capturing() as responses:
            value = await call(*args, **kwargs)
        if not responses:
            raise UsageError("the call sent no request; there is no raw response to show")
        return RawResponse(value, responses)

    async def wait_until(
        self,
        look: Callable[[], Awaitable[T]],
        done: Callable[[T], bool],
        *,
        what: str,
        policy: PollPolicy | None = None,
    ) -> T:
        """Call ``look`` until ``done`` holds for its result, under a polling policy.

        Raises:
            PollTimeoutError: the policy's timeout passed first.
        """
        return await poll_until(
            policy or self._poll,
            look,
            done,
            what=what,
            sleep=self._core.sleep,
            clock=self._core.clock,
        )

    async def _fetch(self, spec: RequestSpec) -> Document:
        """Send a prepared request and return the decoded document."""
        return (await self._send(spec)).document

    async def _send(
        self,
        spec: RequestSpec,
        *,
        retry: RetryPolicy | None = None,
        accept: frozenset[int] = frozenset(),
    ) -> Response:
        """Send a prepared request with retries; raise the typed error for a failure.

        A status in ``accept`` is returned as a `Response` (with its headers and
        an empty document) instead of raising, e.g. ``accept=frozenset({303})`` to read
        a ``Location`` that must not be followed blindly. Accepting a status does not
        change retrying: a 429 or 5xx is still retried first.
        """
        self._core.check_loop()
        policy = retry or self._retry
        request = build_request(self._core.config.base_url, spec, headers=self._core.headers)
        # Set on the request itself: the pool's own timeout would ignore with_options().
        request.extensions["timeout"] = (
            self._timeouts if spec.timeout is None else spec.timeout.as_dict()
        )
        method, url = request.method, str(request.url)
        started = self._core.clock()
        retries = 0
        last_sent_at: float | None = None  # when the pacer let the latest attempt through

        def on_retry(attempt: int, decision: RetryDecision) -> None:
            nonlocal retries
            retries += 1
            self._core.stats.retries += 1
            if decision.status_code == 429:
                self._core.pacer.after_429(decision.delay, sent_at=last_sent_at)
            logger.info(
                "retrying %s %s in %.2fs after %s (retry %d of %d)",
                method,
                url,
                decision.delay,
                decision.reason,
                attempt,
                policy.max_retries,
            )

        async def exchange(guard: CancelGuard) -> httpx.Response:
            self._core.stats.requests += 1
            if self._core.direct is not None:
                return await receive_direct(
                    self._core.direct,
                    request,
                    authorization=self._core.authorization,
                    max_size=self._core.max_response_size,
                )
            request.extensions["trace"] = guard.trace
            return await receive(
                self._core.http,
                request,
                auth=self._core.auth,
                max_size=self._core.max_response_size,
            )

        async def attempt() -> httpx.Response:
            nonlocal last_sent_at
            pacer = self._core.pacer
            sent_at = None  # set when the pacer let the attempt through: it then counts it
            try:
                if not pacer.idle:  # pacing counts against the deadline like any wait
                    async with self._within(policy, started, None, "held back by the rate limit"):
                        waited = await pacer.wait()
                        sent_at = self._core.clock()
                        if waited:
                            self._core.stats.throttled += 1
                response = await self._on_wire(exchange, policy, started)
            except BaseException:
                if sent_at is not None:
                    pacer.abandon()
                raise
            pacer.observe(response.status_code, response.headers, sent_at=sent_at)
            last_sent_at = sent_at
            if response.status_code == 429:
                self._core.stats.rate_limited += 1
            logger.debug("%s %s -> %d", method, url, response.status_code)
            return response

        try:
            response = await with_retries(
                attempt,
                policy,
                method,
                sleep=self._core.sleep,
                clock=self._core.clock,
                wall_clock=_now,
                on_retry=on_retry,
                rng=self._core.rng,
            )
        except httpx.TimeoutException as exc:
            raise APITimeoutError(
                f"{method} {url} timed out ({type(exc).__name__})",
                method=method,
                url=url,
                retries_taken=retries,
            ) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                f"{method} {url} failed: {type(exc).__name__}: {exc}",
                method=method,
                url=url,
                retries_taken=retries,
            ) from exc
        outcome: ResponseParts = {
            "method": method,
            "url": url,
            "status_code": response.status_code,
            "headers": response.headers,
            "content": response.content,
            "retries_taken": retries,
            "now": datetime.now(UTC),
            "accept": accept,
        }
        document, body = EMPTY_DOCUMENT, None
        if spec.codec == "plain":
            body = decipher_plain(**outcome)
        else:
            document = decipher(**outcome)
        result = Response(
            status_code=response.status_code,
            headers=response.headers,
            document=document,
            retries_taken=retries,
            elapsed=self._core.clock() - started,
            method=method,
            url=url,
            json=body,
        )
        record(result)
        return result

    async def _on_wire(
        self,
        exchange: Callable[[CancelGuard], Awaitable[httpx.Response]],
        policy: RetryPolicy,
        started: float,
    ) -> httpx.Response:
        """Run one attempt's ``exchange`` under a concurrency slot, within its time limit.

        Over a transport whose clean-up is all synchronous (the SDK's own, `direct`), the
        exchange runs in the caller's task: a cancellation or a time limit interrupts it
        at an await, and it cleans up before the error goes on. Otherwise it runs in a
        task of its own, which holds the slot until it has ended. The caller may leave at
        once, cancelled or timed out; the exchange is then cancelled exactly once and
        cleans up undisturbed (httpcore returns a connection to its pool only if that
        clean-up is not interrupted by a second cancellation). The caller always sees its
        own cancellation: an exchange that completes at the same moment never turns a
        cancellation into a value.
        """
        slots = self._core.slots
        if slots is not None:
            if slots.locked():
                async with self._within(policy, started, None, "waiting for a free slot"):
                    await slots.acquire()
            else:
                await slots.acquire()  # free: taken at once, without suspending
        if self._core.direct is not None:
            try:
                async with self._within(policy, started, policy.attempt_timeout, "on the wire"):
                    return await exchange(CancelGuard())
            finally:
                if slots is not None:
                    slots.release()
        try:
            # No await from here to the shield: the slot is released by the task's end alone.
            limit = self._within(policy, started, policy.attempt_timeout, "on the wire")
        except BaseException:
            if slots is not None:
                slots.release()
            raise
        guard = CancelGuard()
        task = asyncio.create_task(settled(lambda: exchange(guard)))
        self._core.exchanges.add(task)
        task.add_done_callback(self._core.exchanges.discard)
        if slots is not None:
            task.add_done_callback(lambda _: slots.release())
        try:
            async with limit:
                return await asyncio.shield(task)
        except BaseException:
            guard.cancel(task)
            raise

    def _within(
        self, policy: RetryPolicy, started: float, seconds: float | None, doing: str
    ) -> TimeLimit:
        """A time limit of ``seconds`` (or none), cut short by the policy's deadline.

        Past it, the block raises `httpx.TimeoutException` (an attempt cut off counts as
        a read timeout); a cancellation from outside passes through as it is.
        """
        deadline = None
        if policy.deadline is not None:
            remaining = policy.deadline - (self._core.clock() - started)
            if remaining <= 0:
                raise httpx.TimeoutException(f"the retry deadline of {policy.deadline:g}s passed")
            if seconds is None or remaining < seconds:
                seconds, deadline = remaining, policy.deadline
        return self._core.time_limits.limit(seconds, doing, deadline=deadline)


def _now() -> datetime:
    return datetime.now(UTC)
