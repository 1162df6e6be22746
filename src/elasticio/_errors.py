"""The one exception tree of the SDK.

```
ElasticioError
├── UsageError (also a ValueError)          the caller asked for something the SDK refuses
│   └── ConfigurationError                  missing credentials, unsafe base URL
├── DecodeError (also a ValueError)         a body that is not the JSON or JSON:API it claims
│   └── PaginationError                     a list's pages never end (repeat, or past max_pages)
├── ForeignOriginError                      the server pointed at another origin; not followed
├── PollTimeoutError (also a TimeoutError)  a waited-for state did not come in time
├── ExecutionFailedError                    a scheduled execution ended in failure
├── APIConnectionError                      the request did not get an HTTP answer
│   └── APITimeoutError (also a TimeoutError)
├── APIProtocolError                        an answer the SDK cannot use (an invalid Location)
│   └── ResponseTooLargeError               a body past the client's ``max_response_size``
└── APIError                                the platform answered with an error status
    ├── BadRequestError          400
    ├── AuthenticationError      401
    ├── PermissionDeniedError    403
    ├── NotFoundError            404
    ├── ConflictError            409
    ├── RateLimitError           429 (``retry_after``)
    ├── ServerError              5xx
    └── UnexpectedStatusError    any other status
```

Status codes map to classes in one place, `STATUS_ERRORS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "STATUS_ERRORS",
    "APIConnectionError",
    "APIError",
    "APIProtocolError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
    "ElasticioError",
    "ErrorObject",
    "ExecutionFailedError",
    "ForeignOriginError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "PollTimeoutError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedStatusError",
    "UsageError",
    "error_class_for_status",
]


class ElasticioError(Exception):
    """Base class of every exception this SDK raises on purpose."""


class UsageError(ElasticioError, ValueError):
    """The caller asked for something the SDK refuses to send, such as an empty id."""


class ConfigurationError(UsageError):
    """The client cannot be built as configured (missing credentials, unsafe base URL)."""


class DecodeError(ElasticioError, ValueError):
    """A body is not valid JSON, or not a valid JSON:API document.

    ``pointer`` is the JSON pointer (RFC 6901) of the offending member, ``""`` for the
    whole document.
    """

    def __init__(self, message: str, *, pointer: str = "") -> None:
        self.pointer = pointer
        self.reason = message
        where = f" at {pointer!r}" if pointer else ""
        super().__init__(f"{message}{where}")


class PaginationError(DecodeError):
    """A list's pages do not end: a page repeats one already fetched (the same request,
    or the same resources as the page before), or the list passed ``max_pages``.

    ``pages`` is how many pages were fetched; ``pointer`` names what led to one more
    page (``/links/next``, ``/meta/page``, ``/meta/total_pages``, or ``/data`` for a
    repeated page).
    """

    def __init__(self, message: str, *, pages: int, pointer: str = "") -> None:
        self.pages = pages
        super().__init__(message, pointer=pointer)


class ForeignOriginError(ElasticioError):
    """A link or ``Location`` from the server points at another origin.

    The SDK does not follow it: the credentials must only travel to the API's own origin.
    """


class PollTimeoutError(ElasticioError, TimeoutError):
    """Waiting for a state (a flow to become active, an execution's result) took too long.

    ``waited`` is the time spent in seconds; ``last`` the last thing observed, if any.
    """

    def __init__(self, message: str, *, waited: float, last: object = None) -> None:
        self.waited = waited
        self.last = last
        super().__init__(message)


class ExecutionFailedError(ElasticioError):
    """A scheduled execution (verify credential, dynamic metadata, select model) failed.

    ``reason`` is what the platform said, as it said it (text or a JSON value);
    ``execution_id`` names the execution.
    """

    def __init__(self, message: str, *, execution_id: str, reason: object = None) -> None:
        self.execution_id = execution_id
        self.reason = reason
        super().__init__(message)


class APIConnectionError(ElasticioError):
    """No HTTP answer arrived: the connection failed, broke, or the request was refused locally.

    ``method`` and ``url`` name the request (the URL never carries credentials).
    """

    def __init__(
        self, message: str, *, method: str = "", url: str = "", retries_taken: int = 0
    ) -> None:
        self.method = method
        self.url = url
        self.retries_taken = retries_taken
        super().__init__(message)


class APITimeoutError(APIConnectionError, TimeoutError):
    """The request, or the retry deadline across all its attempts, ran out of time.

    Also a `TimeoutError`, like [`PollTimeoutError`][elasticio.PollTimeoutError]:
    ``except TimeoutError`` catches every time limit the SDK enforces.
    """


class APIProtocolError(ElasticioError):
    """The server answered, but not in a form the SDK can act on: a redirect whose
    ``Location`` is no valid URL, a link that is no URL, a body past the size limit.

    Nothing is retried or followed. ``method`` and ``url`` name the request (the URL
    never carries credentials); ``status_code`` is the answer's status when known.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        url: str = "",
        status_code: int | None = None,
        retries_taken: int = 0,
    ) -> None:
        self.method = method
        self.url = url
        self.status_code = status_code
        self.retries_taken = retries_taken
        super().__init__(message)


class ResponseTooLargeError(APIProtocolError):
    """A response body, once decoded, grew past the client's ``max_response_size``.

    The SDK stops reading at the limit (``limit``, in bytes) and closes the connection:
    an endless body or a compression bomb costs no more memory than the limit.
    """

    def __init__(
        self,
        message: str,
        *,
        limit: int,
        method: str = "",
        url: str = "",
        status_code: int | None = None,
        retries_taken: int = 0,
    ) -> None:
        self.limit = limit
        super().__init__(
            message,
            method=method,
            url=url,
            status_code=status_code,
            retries_taken=retries_taken,
        )


@attrs.frozen(kw_only=True)
class ErrorObject:
    """One error reported by the platform.

    JSON:API bodies give a list of these (``{"errors": [...]}``); v1 bodies
    (``{"message": ...}``) become a single object whose ``title`` is the message.
    """

    status: int | None = None
    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source: Mapping[str, Any] = attrs.field(factory=dict)
    meta: Mapping[str, Any] = attrs.field(factory=dict)
    id: str | None = None

    def describe(self) -> str:
        """Title and detail joined, whichever are present."""
        parts = [p for p in (self.title, self.detail) if p]
        if not parts and self.code:
            parts.append(f"code {self.code}")
        return ": ".join(parts)


class APIError(ElasticioError):
    """The platform answered with a status that is not a success.

    Attributes:
        status_code: the HTTP status.
        errors: the parsed error objects (possibly empty, for an empty or non-JSON body).
        headers: the response headers.
        request_id: the platform's request id header, if any.
        retries_taken: how many retries were made before giving up.
        method, url: the request that failed (the URL never carries credentials).
        body: the raw response body, cut to a few kilobytes.
        retry_after: the server's ``Retry-After`` in seconds, when it sent one (429, 503).
    """

    def __init__(
        self,
        *,
        status_code: int,
        errors: tuple[ErrorObject, ...] = (),
        headers: Mapping[str, str] | None = None,
        request_id: str | None = None,
        retries_taken: int = 0,
        method: str = "",
        url: str = "",
        body: bytes = b"",
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.retry_after = retry_after
        self.errors = errors
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.request_id = request_id
        self.retries_taken = retries_taken
        self.method = method
        self.url = url
        self.body = body
        super().__init__(self._message())

    def _message(self) -> str:
        described = "; ".join(d for d in (e.describe() for e in self.errors) if d)
        text = f"{self.status_code} {described}" if described else f"{self.status_code}"
        if self.method:
            text += f" ({self.method} {self.url})"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class BadRequestError(APIError):
    """400: the request was malformed or missed a required parameter."""


class AuthenticationError(APIError):
    """401: the email or API key was not accepted."""


class PermissionDeniedError(APIError):
    """403: the user lacks the permission for this action."""


class NotFoundError(APIError):
    """404: no such resource (or it is not visible to this user)."""


class ConflictError(APIError):
    """409: the request conflicts with the current state (for example, already a member)."""


class RateLimitError(APIError):
    """429: too many requests; ``retry_after`` says how long the server asked to wait."""


class ServerError(APIError):
    """5xx: the platform failed, or is under maintenance (503)."""


class UnexpectedStatusError(APIError):
    """Any other status that is not a success (405, 406, 410, 413, 3xx, ...)."""


STATUS_ERRORS: Mapping[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIError]:
    """The exception class for an error status."""
    if status_code in STATUS_ERRORS:
        return STATUS_ERRORS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    return UnexpectedStatusError
