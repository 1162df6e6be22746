"""The ASGI app: the fault layer in front of Starlette's request handling, then the router.

A request goes through, in order: the request log; the fault script (latency, rate limit,
dropped connection, injected error); routing (404 for an unknown path, 405 for a wrong
method); Basic authentication (401); the body's JSON or multipart form (400); the
handler. A client gone before its body is read gets no answer and is logged as
unanswered, not as a crash. Handlers raise `elasticio.testing._errors.ReplyError` for
error answers.

The object store that signed URLs point at (``/_objects/{token}``) is no API route: it is
logged (with no entry), but it skips the fault script, routing and authentication and
answers as S3 does (`elasticio.testing._areas.resources.objects`).

An API request is read straight from the ASGI scope and answered with two ASGI messages,
with no Starlette request or response in between (they cost more than the rest of a
``GET`` put together); what it reads (path, query, base URL, headers, body) and the
answers it writes are the same as Starlette's, and an app that fails still answers 500
and raises, as Starlette's ``ServerErrorMiddleware`` does.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import Any, Protocol
from urllib.parse import parse_qsl

import orjson
from starlette.applications import Starlette
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import request_response
from starlette.types import Message, Receive, Scope, Send

from elasticio._catalog import Codec, Entry
from elasticio.testing._areas.contracts.suspension import refuse_writes_while_suspended
from elasticio.testing._areas.resources.objects import is_object_path, serve_object
from elasticio.testing._auth import authenticate, basic_credentials
from elasticio.testing._errors import ReplyError, bad_request
from elasticio.testing._faults import NO_FAULT, ConnectionDropped, Faults, Verdict
from elasticio.testing._log import RecordedRequest, RequestLog
from elasticio.testing._multipart import FormPart, is_form, parse_form
from elasticio.testing._outbox import Outbox
from elasticio.testing._platform import Platform
from elasticio.testing._query import array_values, single_values
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import Match, Router
from elasticio.testing._settings import EmulatorSettings

__all__ = ["EmulatorApp", "Host", "RecordedRequest"]


class Answer:
    """A complete answer: status, body, raw headers; an ASGI app that sends it.

    Its headers are those a Starlette ``Response`` with the same arguments sends: the
    given ones (names in lower case), then ``content-length`` (but for 1xx, 204 and 304)
    and ``content-type`` unless given.
    """

    __slots__ = ("body", "headers", "status")

    def __init__(
        self, status: int, body: bytes, headers: Mapping[str, str], media_type: str | None
    ) -> None:
        raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        given = {name for name, _ in raw}
        if b"content-length" not in given and not (status < 200 or status in (204, 304)):
            raw.append((b"content-length", str(len(body)).encode("latin-1")))
        if media_type is not None and b"content-type" not in given:
            raw.append((b"content-type", media_type.encode("latin-1")))
        self.status, self.body, self.headers = status, body, raw

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


def problem_response(problem: ReplyError, codec: Codec = "jsonapi") -> Answer:
    """The error answer, in the form of the entry's API: JSON:API errors, or v1's plain
    ``{"message": ...}``."""
    body = problem.plain_body() if codec == "plain" else problem.body()
    return Answer(problem.status, orjson.dumps(body), problem.headers, "application/json")


def reply_response(reply: Reply) -> Answer:
    if reply.status == 204:
        return Answer(204, b"", reply.headers, None)
    content = b"" if reply.body is None else orjson.dumps(reply.body)
    return Answer(reply.status, content, reply.headers, "application/json")


def _raw_path(scope: Scope) -> str:
    raw = scope.get("raw_path")
    return raw.decode("latin-1") if isinstance(raw, bytes) else str(scope["path"])


def _codec(raw_path: str, entry: Entry | None) -> Codec:
    """How errors are written: as the entry's API version writes them (v2's plain-JSON
    answers, logs and quota usages, still fail with JSON:API errors); for a path no
    entry serves, by its first segment (``/v1``, ``/v1/...`` are plain JSON)."""
    if entry is not None:
        return "plain" if entry.version == "v1" else "jsonapi"
    first_segment = raw_path.partition("?")[0].split("/")[1:2]
    return "plain" if first_segment in (["v1"], ["sailor-support"]) else "jsonapi"


_READ = frozenset((b"authorization", b"content-type", b"host"))


def _headers(scope: Scope) -> dict[bytes, str]:
    """The first value of each header the emulator reads, by lower-case name."""
    found: dict[bytes, str] = {}
    for key, value in scope.get("headers", []):
        name = bytes(key).lower()
        if name in _READ and name not in found:
            found[name] = bytes(value).decode("latin-1")
    return found


# A path Starlette's URL gives back as it is: no character it escapes or drops, no "//".
_PLAIN_PATH = re.compile(r"(?!//)[A-Za-z0-9/_.~%:@!$&'()*+,;=-]*")


def _path(scope: Scope) -> str:
    """The request's path as Starlette's ``request.url.path`` reads it."""
    path = scope["path"]
    return path if _PLAIN_PATH.fullmatch(path) else Request(scope).url.path


def _origin(scope: Scope, host: str | None, cache: dict[tuple[Any, ...], str]) -> str:
    """Scheme and host the request was sent to, as Starlette's ``request.base_url``
    reads them (without the trailing slash); the same for every request of a client."""
    key = (
        scope.get("scheme"),
        host,
        scope.get("server"),
        scope.get("root_path"),
        scope.get("app_root_path"),
    )
    origin = cache.get(key)
    if origin is None:
        if len(cache) >= 256:
            cache.clear()
        origin = cache[key] = str(Request(scope).base_url).rstrip("/")
    return origin


_Query = tuple[Mapping[str, str], Mapping[str, tuple[str, ...]]]


def _query(raw: bytes, cache: dict[bytes, _Query]) -> _Query:
    """The query string's single values and ``name[]`` arrays (a 400 for a name given
    twice), read only: they are remembered per query string, as a client repeats them."""
    query = cache.get(raw)
    if query is None:
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
        query = (MappingProxyType(single_values(pairs)), MappingProxyType(array_values(pairs)))
        if len(cache) >= 1024:
            cache.clear()
        cache[raw] = query
    return query


async def _read_body(receive: Receive) -> bytes:
    """The whole request body, as Starlette's ``request.body()`` reads it.

    Raises:
        ClientDisconnect: the client went away first.
    """
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)
        elif message["type"] == "http.disconnect":
            raise ClientDisconnect()


class _NoAnswer(Response):
    """What a request to the object store whose client has hung up gets: nothing. The
    request is logged as unanswered (status None), and the server sees a normal end."""

    def __init__(self) -> None:
        super().__init__(status_code=499)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        return None


async def _hang_up(send: Send) -> None:
    """Start a response that promises a body, then fail (see ConnectionDropped)."""
    headers = [(b"content-type", b"application/json"), (b"content-length", b"1024")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    raise ConnectionDropped("the emulator dropped the connection (fault script)")


class Host(Protocol):
    """What the app reads on every request (an [`Emulator`][elasticio.testing.Emulator]);
    read anew each time, as a reset replaces the platform."""

    router: Router
    faults: Faults
    platform: Platform
    settings: EmulatorSettings
    sleep: Callable[[float], Awaitable[None]]
    requests: RequestLog
    outbox: Outbox


class EmulatorApp:
    """A plain ASGI application; serve it with any ASGI server, e.g. uvicorn."""

    def __init__(self, emulator: Host) -> None:
        self._emulator = emulator
        self._others = Starlette()  # lifespan (and websocket) scopes
        self._objects = ServerErrorMiddleware(request_response(self._object), handler=self._crash)
        self._origins: dict[tuple[Any, ...], str] = {}
        self._queries: dict[bytes, _Query] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._others(scope, receive, send)
            return
        emulator = self._emulator
        method, raw_path = scope["method"], _raw_path(scope)
        # Every path and method is routed here, where the emulator's router answers 404
        # and 405 in JSON; Starlette's routing would answer some (a method it was not
        # told of, a path with a newline) itself, in text/plain.
        match = emulator.router.find(method, raw_path)
        entry = match.route.entry if match else None
        name, route = (entry.name, entry.route) if entry else (None, None)
        headers = _headers(scope)
        credentials = basic_credentials(headers.get(b"authorization"))
        user = credentials[0] if credentials else None
        recorded = False

        def record(status: int | None) -> None:
            nonlocal recorded
            recorded = True
            log = emulator.requests
            log.size = emulator.settings.request_log_size  # a setting changed since
            log.append(
                RecordedRequest(
                    method=method,
                    path=raw_path.split("?", 1)[0],
                    query=bytes(scope.get("query_string", b"")).decode("latin-1"),
                    user=user,
                    entry=name,
                    route=route,
                    status=status,
                )
            )

        # The object store behind signed URLs is S3, not the API: no fault script there.
        objects = is_object_path(raw_path)
        verdict = NO_FAULT if objects else emulator.faults.decide(name, (user or "").casefold())

        async def recording_send(message: Message) -> None:
            # Recorded as the answer starts, not after it is sent: a client that has
            # read the answer then finds the request in the log, over a socket too.
            if message["type"] == "http.response.start" and not recorded:
                record(None if verdict.drop else int(message["status"]))
            await send(message)

        try:
            if objects:
                await self._objects(scope, receive, recording_send)
            else:
                codec = _codec(raw_path, entry)
                await self._answer(verdict, codec, scope, receive, recording_send, match, headers)
        finally:
            if not recorded:  # no answer started: the client hung up, or the app crashed
                record(None)

    async def _answer(
        self,
        verdict: Verdict,
        codec: Codec,
        scope: Scope,
        receive: Receive,
        send: Send,
        match: Match | None,
        headers: dict[bytes, str],
    ) -> None:
        """Carry out the fault script's verdict, or answer the request (500 for a bug)."""
        if verdict.delay:
            await self._emulator.sleep(verdict.delay)
        if verdict.drop:
            await _hang_up(send)
        if verdict.problem is not None:
            await problem_response(verdict.problem, codec)(scope, receive, send)
            return
        answering = False
        try:
            answer = await self._dispatch(scope, receive, match, headers)
            if answer is not None:
                answering = True
                await answer(scope, receive, send)
        except Exception as exc:
            # A bug in the emulator: answer like the platform would, unless an answer
            # has started, and let the server log it (Starlette's ServerErrorMiddleware).
            if not answering:
                crash = ReplyError(500, f"The emulator failed: {type(exc).__name__}")
                await problem_response(crash)(scope, receive, send)
            raise

    async def _dispatch(
        self, scope: Scope, receive: Receive, match: Match | None, headers: dict[bytes, str]
    ) -> Answer | None:
        """The answer to an API request, or None when the client has gone."""
        emulator = self._emulator
        raw_path = _raw_path(scope)
        codec = _codec(raw_path, None)
        try:
            if match is None:
                raise emulator.router.refuse(scope["method"], raw_path)
            codec = _codec(raw_path, match.route.entry)
            user = authenticate(emulator.platform, headers.get(b"authorization"))
            body, form = await self._body(headers.get(b"content-type"), receive)
            query, arrays = _query(scope["query_string"], self._queries)
            call = Call(
                platform=emulator.platform,
                settings=emulator.settings,
                user=user,
                entry=match.route.entry,
                schema=match.route.body,
                path=_path(scope).rstrip("/") or "/",
                query=query,
                arrays=arrays,
                body=body,
                form=form,
                origin=_origin(scope, headers.get(b"host"), self._origins),
                outbox=emulator.outbox,
            )
            refuse_writes_while_suspended(call, match.params)
            return reply_response(match.route.handler(call, **match.params))
        except ReplyError as problem:
            return problem_response(problem, codec)
        except ClientDisconnect:  # gone while the body was read, e.g. during latency
            return None

    async def _object(self, request: Request) -> Response:
        emulator = self._emulator
        try:
            return await serve_object(
                emulator.platform.objects, emulator.settings.object_size_limit, request
            )
        except ClientDisconnect:
            return _NoAnswer()

    @staticmethod
    async def _body(
        content_type: str | None, receive: Receive
    ) -> tuple[Any, dict[str, FormPart] | None]:
        """The JSON body, or the fields of a ``multipart/form-data`` one."""
        raw = await _read_body(receive)
        if is_form(content_type):
            return None, parse_form(str(content_type), raw)
        if not raw.strip():
            return None, None
        try:
            return orjson.loads(raw), None
        except orjson.JSONDecodeError:
            raise bad_request("the request body is not valid JSON") from None

    @staticmethod
    async def _crash(request: Request, exc: Exception) -> Response:
        # A bug in the emulator: answer like the platform would, and let the server log it.
        answer = problem_response(ReplyError(500, f"The emulator failed: {type(exc).__name__}"))
        return Response(answer.body, status_code=answer.status, media_type="application/json")
