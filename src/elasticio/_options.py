"""Options every typed method takes for one call, beside its own arguments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

import httpx

from elasticio._http import QueryValue

__all__ = ["CallOptions", "ListOptions"]


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
    """The options of a list method: those of every call, and a cap on its pages.

    Examples:
        >>> flows = client.flows.list(  # doctest: +SKIP
        ...     workspace_id="WORKSPACE_ID", max_pages=50
        ... )

    Attributes:
        max_pages: the most pages this list fetches (instead of the client's); one more
            raises [`PaginationError`][elasticio.PaginationError].
    """

    max_pages: int
