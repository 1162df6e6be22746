"""The pure protocol core: build a request, decipher a response into a Document or an error."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, NotRequired, TypeAlias, TypedDict, TypeVar, Unpack

import attrs
import httpx

from elasticio._catalog._entry import Codec
from elasticio._checks import number
from elasticio._errors import (
    APIError,
    APIProtocolError,
    DecodeError,
    ErrorObject,
    ForeignOriginError,
    UsageError,
    error_class_for_status,
)
from elasticio._request import assemble
from elasticio._retry import parse_retry_after
from elasticio._url import with_raw_path
from elasticio._version import version
from elasticio.jsonapi import Document
from elasticio.jsonapi._errors import parse_error_objects, parse_v1_error
from elasticio.jsonapi._json import dumps, loads

__all__ = [
    "EMPTY_DOCUMENT",
    "QueryParams",
    "QueryValue",
    "RequestSpec",
    "Response",
    "ResponseParts",
    "as_timeout",
    "build_request",
    "decipher",
    "decipher_plain",
    "default_headers",
    "error_from_response",
    "request_id_of",
    "same_origin_url",
    "user_agent",
]

QueryValue: TypeAlias = str | int | float | bool | Sequence[str | int | float] | None
QueryParams: TypeAlias = Mapping[str, QueryValue]

T = TypeVar("T")

EMPTY_DOCUMENT = Document()
"""The document of an answer without a body (frozen: one serves every such answer)."""

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id")
_BODY_KEPT = 4096


@attrs.frozen(kw_only=True)
class Response:
    """A successful response, with how it was obtained.

    "Successful" means a 2xx, or a status the caller accepted as an outcome (see
    `decipher`); the ``document`` of an accepted non-2xx status is empty. A plain
    JSON answer (the request's codec is ``"plain"``) is in ``json``, its ``document``
    empty; a JSON:API answer leaves ``json`` None.
    """

    status_code: int
    headers: httpx.Headers
    document: Document
    retries_taken: int
    elapsed: float
    method: str
    url: str
    json: Any = None
    request_id: str | None = attrs.field(
        init=False, default=attrs.Factory(lambda self: request_id_of(self.headers), takes_self=True)
    )
    """The platform's request id, from the first header that carries one (read once: every
    model of a page asks for it)."""


def as_timeout(timeout: float | httpx.Timeout) -> httpx.Timeout:
    """``timeout`` as an `httpx.Timeout` (a number of seconds applies to every phase).

    Raises:
        UsageError: ``timeout`` is neither a positive number nor an `httpx.Timeout`.
    """
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(number("timeout", timeout, above=0))


def user_agent() -> str:
    """``elasticio-python/<version> httpx/<version> python/<major.minor>``."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"elasticio-python/{version()} httpx/{httpx.__version__} python/{python}"


@attrs.frozen(kw_only=True)
class RequestSpec:
    """Everything needed to send one request, before it meets a base URL.

    ``path`` is already encoded (see `Entry.path`); ``url``, when
    set, is an absolute same-origin URL that replaces base URL + path (a followed link).
    ``codec`` says how the answer is decoded: a JSON:API document, or plain JSON.
    ``headers`` are added to the client's own (a name given here wins); ``timeout``, when
    set, replaces the client's timeout for this request. ``files``, when set, makes the
    body ``multipart/form-data``: field name → (file name, content, media type); ``json``
    is then not sent.
    """

    method: str
    path: str = ""
    params: QueryParams = attrs.field(factory=dict)
    json: Any = None
    url: httpx.URL | None = None
    codec: Codec = "jsonapi"
    headers: Mapping[str, str] = attrs.field(factory=dict)
    timeout: httpx.Timeout | None = None
    files: Mapping[str, tuple[str, bytes, str]] | None = attrs.field(default=None, repr=False)


def _query(params: QueryParams) -> list[tuple[str, str | int | float | bool | None]]:
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in params.items():
        if value is None:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, bool):
                pairs.append((key, "true" if item else "false"))
            else:
                pairs.append((key, str(item)))
    return pairs


# RFC 3986: what a path segment may hold besides percent-escapes; a query may also hold
# "/" and "?", and the brackets of page[size] that httpx sends as they are.
_SEGMENT_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_QUERY_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\[\]]|%[0-9A-Fa-f]{2})"
_SEGMENT = re.compile(f"{_SEGMENT_CHAR}*")
_QUERY = re.compile(f"{_QUERY_CHAR}*")
# A whole path that passes every check below, in one match: segments that are not empty
# (but for a trailing "/"), then an optional query.
_VALID_PATH = re.compile(rf"(?:/{_SEGMENT_CHAR}+)*/?(?:\?{_QUERY_CHAR}*)?")


def _check_path(path: str) -> None:
    """Refuse a raw path that is not a percent-encoded absolute path (an optional query
    after ``?``): a fragment, a space or control character, a stray ``%``, an empty
    segment (``//``). httpx would send some of these altered and refuse others with
    its own exception.

    Raises:
        UsageError: naming the path and what is wrong with it.
    """
    if _VALID_PATH.fullmatch(path) is not None:  # the usual case, in one match
        return
    problem = path_problem(path)
    if problem is not None:
        raise UsageError(problem)


def path_problem(path: str) -> str | None:
    """What is wrong with ``path`` as a raw path (see `_check_path`), or None."""
    hint = "put ids in it with segment()"
    if not path.isascii():
        return f"the path {path!r} is not percent-encoded: {hint}"
    if "#" in path:
        return f"the path {path!r} has a fragment ('#'), which is never sent"
    where, _, query = path.partition("?")
    if where and not where.startswith("/"):
        return f"the path {path!r} must start with '/'"
    segments = where.split("/")[1:]
    if "" in segments[:-1]:
        return f"the path {path!r} has an empty segment ('//'): {hint}"
    for part, allowed in [*((segment, _SEGMENT) for segment in segments), (query, _QUERY)]:
        match = allowed.match(part)
        end = match.end() if match else 0
        if end < len(part):
            what = "a '%' that starts no escape" if part[end] == "%" else repr(part[end])
            return f"the path {path!r} holds {what}; percent-encode it: {hint}"
    return None


def default_headers(headers: Mapping[str, str]) -> httpx.Headers:
    """``Accept: application/json`` and then ``headers``, which win over it.

    A client builds these once and hands them to every `build_request`.

    Examples:
        >>> default_headers({"accept": "text/plain", "X-A": "1"})
        Headers({'accept': 'text/plain', 'x-a': '1'})
    """
    # httpx.Headers, not a dict: a caller's "user-agent" must replace "User-Agent", not
    # travel beside it as a second header.
    all_headers = httpx.Headers({"Accept": "application/json"})
    all_headers.update(headers)
    return all_headers


def build_request(
    base_url: httpx.URL, spec: RequestSpec, *, headers: Mapping[str, str]
) -> httpx.Request:
    """An `httpx.Request` for ``spec`` against ``base_url`` (no credentials added).

    ``headers`` are the client's (``Accept: application/json`` goes first unless they
    name one; `default_headers` builds that once); ``spec.headers`` win over them.
    """
    if spec.url is not None:
        url = spec.url.copy_merge_params(_query(spec.params)) if spec.params else spec.url
    else:
        _check_path(spec.path)
        raw_path = base_url.raw_path.decode("ascii").rstrip("/") + spec.path
        try:
            url = with_raw_path(base_url, raw_path)
            if spec.params:
                url = url.copy_merge_params(_query(spec.params))
        except httpx.InvalidURL as exc:  # what _check_path let through, httpx still refused
            raise UsageError(f"the path {spec.path!r} does not make a valid URL: {exc}") from exc
    if isinstance(headers, httpx.Headers) and "accept" in headers:
        all_headers = headers  # built once by default_headers; httpx.Request copies it
    else:
        all_headers = default_headers(headers)
    if spec.headers or spec.json is not None:
        all_headers = all_headers.copy()
        all_headers.update(spec.headers)
    if spec.files is not None:
        # httpx writes the multipart body and its Content-Type (with the boundary); read
        # at once, the body is bytes like a JSON one: sent again as it is on a retry.
        request = httpx.Request(spec.method, url, headers=all_headers, files=dict(spec.files))
        request.read()
        return request
    content = None
    if spec.json is not None:
        content = dumps(spec.json)
        all_headers["Content-Type"] = "application/json"
    return assemble(spec.method, url, all_headers, content)


def same_origin_url(base_url: httpx.URL, reference: str) -> httpx.URL:
    """Resolve a URL the server handed out (a link, a ``Location``) against the base URL.

    Raises:
        ForeignOriginError: the URL points at another scheme, host or port, where the
            credentials must not travel.
        APIProtocolError: the URL is no valid URL (a bad port, a control character).
    """
    text = reference.strip().strip("'\"").strip()
    try:
        resolved = base_url.join(text)
    except httpx.InvalidURL as exc:
        raise APIProtocolError(f"the server gave an invalid URL {text!r}: {exc}") from exc
    if (resolved.scheme, resolved.host, resolved.port) != (
        base_url.scheme,
        base_url.host,
        base_url.port,
    ):
        raise ForeignOriginError(
            f"refusing to follow {resolved.scheme}://{resolved.host}: it is not the API's origin"
        )
    if resolved.userinfo:
        raise ForeignOriginError("refusing to follow a URL that carries credentials of its own")
    return resolved


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The platform's request id, from the first header that carries one."""
    for name in _REQUEST_ID_HEADERS:
        if name in headers:
            return headers[name]
    return None


def _error_objects(content: bytes) -> tuple[ErrorObject, ...]:
    if not content.strip():
        return ()
    try:
        body = loads(content)
    except DecodeError:
        return ()
    if not isinstance(body, dict):
        return ()
    if "errors" in body:
        try:
            return parse_error_objects(body["errors"], pointer="/errors")
        except DecodeError:
            return ()
    if "message" in body:
        return (parse_v1_error(body),)
    return ()


def error_from_response(
    *,
    method: str,
    url: str,
    status_code: int,
    headers: Mapping[str, str],
    content: bytes,
    retries_taken: int,
    now: datetime,
) -> APIError:
    """The typed exception for an error response (returned, not raised)."""
    fields: dict[str, Any] = {
        "status_code": status_code,
        "errors": _error_objects(content),
        "headers": headers,
        "request_id": request_id_of(headers),
        "retries_taken": retries_taken,
        "method": method,
        "url": url,
        "body": content[:_BODY_KEPT],
        "retry_after": parse_retry_after(headers.get("retry-after"), now=now),
    }
    return error_class_for_status(status_code)(**fields)


class ResponseParts(TypedDict):
    """What `decipher` and `decipher_plain` read of a response (``accept``: the non-2xx
    statuses the caller takes as an outcome rather than an error)."""

    method: str
    url: str
    status_code: int
    headers: Mapping[str, str]
    content: bytes
    retries_taken: int
    now: datetime
    accept: NotRequired[frozenset[int]]


def _decode(
    parse: Callable[[bytes], T],
    empty: T,
    *,
    method: str,
    url: str,
    status_code: int,
    headers: Mapping[str, str],
    content: bytes,
    retries_taken: int,
    now: datetime,
    accept: frozenset[int] = frozenset(),
) -> T:
    """Raise the typed error for a failure; else ``parse`` the body (``empty`` for none,
    and for a status the caller accepts as an outcome, whose body is not read)."""
    if status_code in accept and not 200 <= status_code <= 299:
        return empty
    if not 200 <= status_code <= 299:
        raise error_from_response(
            method=method,
            url=url,
            status_code=status_code,
            headers=headers,
            content=content,
            retries_taken=retries_taken,
            now=now,
        )
    if not content.strip():
        return empty
    try:
        return parse(content)
    except DecodeError as exc:
        kind = headers.get("content-type", "no content type")
        raise DecodeError(
            f"{exc.reason} in the {status_code} response to {method} {url} ({kind})",
            pointer=exc.pointer,
        ) from exc


def decipher(**response: Unpack[ResponseParts]) -> Document:
    """Turn a response into a Document, or raise the typed error it stands for.

    An empty success body (204, or a 200 with nothing) gives an empty Document.
    A status outside 2xx that is in ``accept`` (say 303, whose ``Location`` the caller
    reads itself) is an outcome, not an error: it gives an empty Document and its body
    is not decoded, since such bodies need not be JSON:API.

    Examples:
        >>> from datetime import UTC, datetime
        >>> decipher(method="GET", url="https://api.elastic.io/v2/exec/poll/1",
        ...          status_code=303, headers={}, content=b'{"data": {}}',
        ...          retries_taken=0, now=datetime.now(UTC), accept=frozenset({303})).has_data
        False
    """
    return _decode(Document.parse, EMPTY_DOCUMENT, **response)


def decipher_plain(**response: Unpack[ResponseParts]) -> Any:
    """Like `decipher` for a plain-JSON endpoint: the decoded JSON value (None for
    an empty body or an accepted non-2xx status). Errors are read in both the JSON:API
    form and the v1 form ``{"message": ...}``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> decipher_plain(method="GET", url="https://api.elastic.io/v1/users",
        ...                status_code=200, headers={}, content=b'{"id": "1"}',
        ...                retries_taken=0, now=datetime.now(UTC))
        {'id': '1'}
    """
    return _decode(loads, None, **response)
