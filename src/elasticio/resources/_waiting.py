"""What API v2's ``client.executions`` and API v1's ``client.v1.exec`` share: scheduling
an execution into an `Execution` handle, and waiting for its result.

Both APIs answer a schedule with 202 and the poll URL in ``Location``; the poll URL
answers 200 while the execution runs and 303 with the result's URL once it is done.
Every ``Location`` is resolved against the base URL and refused when it names another
origin, so the credentials never travel there. The two differ only in how a "still
running" answer and a result read, which each namespace says in `ExecutionWaiter`'s
hooks.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import attrs
import httpx

from elasticio._catalog import Entry
from elasticio._errors import APIProtocolError, DecodeError
from elasticio._http import RequestSpec, Response, build_request, same_origin_url
from elasticio._options import CallOptions
from elasticio._polling import PollPolicy
from elasticio.models._executions import Execution, ExecutionKind, ExecutionResult
from elasticio.resources._base import Namespace, request

__all__ = ["NOT_READY", "ExecutionWaiter", "at"]

_READY = frozenset({303})  # the poll URL's "done, the result is over there"
NOT_READY = frozenset({409})
"""The result URL's "not yet"."""


def _location(response: Response) -> str:
    location = str(response.headers.get("location", "")).strip().strip("'\"").strip()
    if not location:
        raise DecodeError(
            f"the {response.status_code} response to {response.method} {response.url} "
            "has no Location header"
        )
    return location


def _target(base_url: httpx.URL, response: Response) -> httpx.URL:
    """The same-origin URL ``response``'s ``Location`` names.

    Raises:
        DecodeError: there is no ``Location``.
        ForeignOriginError: it names another origin.
        APIProtocolError: it is no valid URL (naming the response).
    """
    try:
        return same_origin_url(base_url, _location(response))
    except APIProtocolError as exc:
        raise APIProtocolError(
            f"the {response.status_code} response to {response.method} {response.url} "
            f"has an invalid Location: {exc}",
            method=response.method,
            url=response.url,
            status_code=response.status_code,
            retries_taken=response.retries_taken,
        ) from exc


def at(entry: Entry, url: httpx.URL) -> RequestSpec:
    """``entry``'s request sent to ``url``, a same-origin URL the server handed out."""
    return RequestSpec(method=entry.method, url=url, codec=entry.codec)


def _last_segment(url: httpx.URL) -> str:
    """The execution id at the end of a poll URL's path."""
    path = url.raw_path.split(b"?", 1)[0].decode("ascii").rstrip("/")
    execution_id = unquote(path.rsplit("/", 1)[-1])
    if not execution_id:
        raise DecodeError(f"no execution id at the end of the poll URL {url}")
    return execution_id


@attrs.define
class _Progress:
    """Where one wait has got to: the result URL, once the poll URL has named it."""

    result_url: httpx.URL | None = None


class ExecutionWaiter(Namespace):
    """A namespace whose calls schedule executions: `_wait` and the helpers it rests on.

    A subclass says how a "still running" poll answer reads (`_pending`) and fetches a
    result (`_fetch_result`).
    """

    _poll_codec: Any = "jsonapi"

    async def _wait(
        self,
        execution: Execution,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - see Execution.result
        poll: PollPolicy | None = None,
    ) -> ExecutionResult:
        """Poll until ``execution`` is done (what the namespaces' ``wait`` does).

        A "still running" answer (200 at the poll URL, 409 at the result URL) is not a
        retry: it only leads to the next look, under ``poll`` (default the client's
        polling policy) and ``timeout`` seconds in all.
        """
        policy = poll or self._client.poll_policy
        if timeout is not None:
            policy = attrs.evolve(policy, timeout=timeout)
        progress = _Progress()

        async def look() -> ExecutionResult | str:
            if progress.result_url is None:
                # The handle's URL: the schedule's Location, or get()'s poll path.
                polled = await self._client._send(
                    RequestSpec(method="GET", url=execution.poll_url, codec=self._poll_codec),
                    accept=_READY,
                )
                if polled.status_code not in _READY:
                    return self._pending(polled)
                progress.result_url = _target(self._client.base_url, polled)
            return await self._fetch_result(execution.id, progress.result_url)

        outcome = await self._client.wait_until(
            look,
            lambda seen: isinstance(seen, ExecutionResult),
            what=f"execution {execution.id}",
            policy=policy,
        )
        if not isinstance(outcome, ExecutionResult):  # wait_until returns only when done
            raise AssertionError("unreachable: a wait ended without a result")
        return outcome

    async def wait(
        self,
        execution: Execution,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - see Execution.result
        poll: PollPolicy | None = None,
    ) -> ExecutionResult:
        """Poll until ``execution`` is done (each namespace documents its own)."""
        return await self._wait(execution, timeout=timeout, poll=poll)

    def _pending(self, response: Response) -> str:
        """What a "still running" poll answer says about the execution, for messages."""
        raise NotImplementedError

    async def _fetch_result(self, execution_id: str, url: httpx.URL) -> ExecutionResult | str:
        """The result at ``url``, or a "not ready yet" text."""
        raise NotImplementedError

    def _handle(self, entry: Entry, execution_id: str) -> Execution:
        """A handle polling ``entry`` (the poll URL) for ``execution_id``."""
        spec = request(entry, execution_id=execution_id)
        url = build_request(self._client.base_url, spec, headers={}).url
        return Execution(id=execution_id, poll_url=url, api=self)

    async def _scheduled(
        self,
        entry: Entry,
        kind: ExecutionKind | None,
        body: Any,
        options: CallOptions,
        **path: str,
    ) -> Execution:
        """Send ``entry``'s schedule request; the handle its ``Location`` names."""
        spec = request(entry, params=None, json=body, options=options, **path)
        response = await self._client._send(spec)
        poll_url = _target(self._client.base_url, response)
        return Execution(id=_last_segment(poll_url), poll_url=poll_url, kind=kind, api=self)
