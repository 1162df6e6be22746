"""Options every typed method takes for one call, beside its own arguments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

import httpx

from elasticio._catalog._entry import Codec
from elasticio._http import QueryParams, QueryValue, RequestSpec, as_timeout

__all__ = ["CallOptions", "ListOptions", "call_spec"]


class CallOptions(TypedDict, total=False):
    """Per-call options, accepted as keyword arguments by every typed method.

    Examples:
        >>> await client.flows.get(  # doctest: +SKIP
        ...     "FLOW_ID", timeout=5, extra_headers={"X-Trace": "1"}
        ... )

    Attributes:
        timeout: seconds, or an `httpx.Timeout`, for each attempt of this call
            (instead of the client's).
        extra_headers: headers added to this call's requests (they replace the client's
            headers of the same name).
        extra_query: query parameters added to this call's requests.
    """

    timeout: float | httpx.Timeout
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, QueryValue]


class ListOptions(CallOptions, total=False):
    """The options of a list method: those of every call, a cap on its pages, and how
    far ahead it fetches.

    Examples:
        >>> flows = client.flows.list(  # doctest: +SKIP
        ...     workspace_id="WORKSPACE_ID", max_pages=50, prefetch=0
        ... )

    Attributes:
        max_pages: the most pages this list fetches (instead of the client's); one more
            raises [`PaginationError`][elasticio.PaginationError].
        prefetch: how many pages the list fetches ahead of the one being read (default
            1); 0 fetches each page only when it is reached.
    """

    max_pages: int
    prefetch: int


def call_spec(
    method: str,
    path: str,
    *,
    params: QueryParams | None = None,
    json: Any = None,
    codec: Codec = "jsonapi",
    options: CallOptions | None = None,
) -> RequestSpec:
    """The request ``method path`` with one call's ``options`` applied: ``extra_query``
    merged into ``params`` (it wins), ``extra_headers`` added, ``timeout`` replacing the
    client's.

    Examples:
        >>> spec = call_spec("GET", "/v2/users/me", params={"a": 1},
        ...                  options={"extra_query": {"b": "2"}, "timeout": 5})
        >>> dict(spec.params), spec.timeout.read
        ({'a': 1, 'b': '2'}, 5)
    """
    options = options or {}
    timeout = options.get("timeout")
    return RequestSpec(
        method=method,
        path=path,
        params={**(params or {}), **options.get("extra_query", {})},
        json=json,
        codec=codec,
        headers=options.get("extra_headers", {}),
        timeout=None if timeout is None else as_timeout(timeout),
    )
