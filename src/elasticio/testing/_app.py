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
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

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
from elasticio.testing._faults import ConnectionDropped, Faults, Verdict
from elasticio.testing._log import RecordedRequest, RequestLog
from elasticio.testing._multipart import FormPart, is_form, parse_form
from elasticio.testing._outbox import Outbox
from elasticio.testing._platform import Platform
from elasticio.testing._query import array_values, single_values
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import Router
from elasticio.testing._settings import EmulatorSettings

__all__ = ["EmulatorApp", "Host", "RecordedRequest"]


_ROUTED = "elasticio.routed"
"""The scope key under which `EmulatorApp` hands the route it found to its dispatcher."""


def problem_response(problem: ReplyError, codec: Codec = "jsonapi") -> Response:
    """The error answer, in the form of the entry's API: JSON:API errors, or v1's plain
    ``{"message": ...}``."""
    body = problem.plain_body() if codec == "plain" else problem.body()
    return Response(
        orjson.dumps(body),
        status_code=problem.status,
        headers=problem.headers,
        media_type="application/json",
    )


def reply_response(reply: Reply) -> Response:
    if reply.status == 204:
        return Response(status_code=204, headers=dict(reply.headers))
    content = b"" if reply.body is None else orjson.dumps(reply.body)
    return Response(
        content,
        status_code=reply.status,
        headers=dict(reply.headers),
        media_type="application/json",
    )


def _raw_path(scope: Scope) -> str:
    raw = scope.get("raw_path")
    return raw.decode("latin-1") if isinstance(raw, bytes) else str(scope["path"])


def _codec(raw_path: str, entry: Entry | None) -> Codec:
    """How errors are written: as the entry's API version writes them (v2's plain-JSON
    answers, logs and quota usages, still fail with JSON:API errors); for a path no
    entry serves, by its prefix (``/v1/...`` is plain JSON)."""
    if entry is not None:
        return "plain" if entry.version == "v1" else "jsonapi"
    return "plain" if raw_path.startswith(("/v1/", "/sailor-support/")) else "jsonapi"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class _NoAnswer(Response):
    """What a request whose client has hung up gets: nothing. The request is logged as
    unanswered (status None), and the server sees a normal end, not a crash."""

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
        # Every path and method goes to _dispatch, where the emulator's router answers
        # 404 and 405 in JSON; Starlette's routing would answer some (a method it was
        # not told of, a path with a newline) itself, in text/plain.
        self._inner = ServerErrorMiddleware(request_response(self._dispatch), handler=self._crash)
        self._others = Starlette()  # lifespan (and websocket) scopes
        self._objects = ServerErrorMiddleware(request_response(self._object), handler=self._crash)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._others(scope, receive, send)
            return
        emulator = self._emulator
        method, raw_path = scope["method"], _raw_path(scope)
        match = emulator.router.find(method, raw_path)
        entry = match.route.entry if match else None
        name, route = (entry.name, entry.route) if entry else (None, None)
        credentials = basic_credentials(_header(scope, b"authorization"))
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
        verdict = Verdict() if objects else emulator.faults.decide(name, (user or "").casefold())

        async def recording_send(message: Message) -> None:
            # Recorded as the answer starts, not after it is sent: a client that has
            # read the answer then finds the request in the log, over a socket too.
            if message["type"] == "http.response.start" and not recorded:
                record(None if verdict.drop else int(message["status"]))
            await send(message)

        # _dispatch reads the route found here rather than routing the request again.
        scope = {**scope, _ROUTED: (match, raw_path)}
        try:
            if objects:
                await self._objects(scope, receive, recording_send)
            else:
                await self._answer(verdict, _codec(raw_path, entry), scope, receive, recording_send)
        finally:
            if not recorded:  # no answer started: the client hung up, or the app crashed
                record(None)

    async def _answer(
        self, verdict: Verdict, codec: Codec, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Carry out the fault script's verdict, or hand the request on to _dispatch."""
        if verdict.delay:
            await self._emulator.sleep(verdict.delay)
        if verdict.drop:
            await _hang_up(send)
        if verdict.problem is not None:
            await problem_response(verdict.problem, codec)(scope, receive, send)
        else:
            await self._inner(scope, receive, send)

    async def _dispatch(self, request: Request) -> Response:
        emulator = self._emulator
        match, raw_path = request.scope[_ROUTED]
        codec = _codec(raw_path, None)
        try:
            if match is None:
                raise emulator.router.refuse(request.method, raw_path)
            codec = _codec(raw_path, match.route.entry)
            user = authenticate(emulator.platform, request.headers.get("authorization"))
            body, form = await self._body(request)
            call = Call(
                platform=emulator.platform,
                settings=emulator.settings,
                user=user,
                entry=match.route.entry,
                schema=match.route.body,
                path=request.url.path.rstrip("/") or "/",
                query=single_values(request.query_params.multi_items()),
                arrays=array_values(request.query_params.multi_items()),
                body=body,
                form=form,
                origin=str(request.base_url).rstrip("/"),
                outbox=emulator.outbox,
            )
            refuse_writes_while_suspended(call, match.params)
            return reply_response(match.route.handler(call, **match.params))
        except ReplyError as problem:
            return problem_response(problem, codec)
        except ClientDisconnect:  # gone while the body was read, e.g. during latency
            return _NoAnswer()

    async def _object(self, request: Request) -> Response:
        emulator = self._emulator
        try:
            return await serve_object(
                emulator.platform.objects, emulator.settings.object_size_limit, request
            )
        except ClientDisconnect:
            return _NoAnswer()

    @staticmethod
    async def _body(request: Request) -> tuple[Any, dict[str, FormPart] | None]:
        """The JSON body, or the fields of a ``multipart/form-data`` one."""
        content_type = request.headers.get("content-type")
        if is_form(content_type):
            return None, parse_form(str(content_type), await request.body())
        return await EmulatorApp._json_body(request), None

    @staticmethod
    async def _json_body(request: Request) -> Any:
        raw = await request.body()
        if not raw.strip():
            return None
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise bad_request("the request body is not valid JSON") from None

    @staticmethod
    async def _crash(request: Request, exc: Exception) -> Response:
        # A bug in the emulator: answer like the platform would, and let the server log it.
        return problem_response(ReplyError(500, f"The emulator failed: {type(exc).__name__}"))
