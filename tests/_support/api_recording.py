"""Which catalog entries the SDK sent to an emulator during the test session.

Every :class:`~elasticio.testing.Emulator` built while the session runs has its ASGI app
wrapped in :class:`Observed`, which reports each request to a :class:`Recorder`. The
recorder keeps a request only when the SDK's client sent it (its ``User-Agent`` starts
with ``elasticio-python/``) and the emulator answered it without an error status; it names
the entry from the method and the raw path against the catalog's templates, so it works
whatever the emulator calls its routes.

Example:
    >>> entry_for("GET", "/v2/users/me").name
    'users.me'
    >>> entry_for("GET", "/v2/users/u%2F1").name
    'users.get'
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from typing import Any
from urllib.parse import unquote

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from elasticio._catalog import ENTRIES, Entry

__all__ = ["SDK_AGENT", "Observed", "Recorder", "entry_for", "observe_emulators"]

SDK_AGENT = "elasticio-python/"
"""How the SDK's ``User-Agent`` starts (``elasticio._http.user_agent``)."""


def _segments(path: str) -> list[str]:
    trimmed = path.split("?", 1)[0].strip("/")
    return trimmed.split("/") if trimmed else []


def _is_placeholder(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def _fits(template: list[str], raw: list[str]) -> bool:
    if len(template) != len(raw):
        return False
    return all(
        bool(unquote(value)) if _is_placeholder(pattern) else unquote(value) == pattern
        for pattern, value in zip(template, raw, strict=True)
    )


def _literal_first(segments: list[str]) -> tuple[bool, ...]:
    return tuple(_is_placeholder(s) for s in segments)


_CANDIDATES = sorted(
    ((entry, _segments(entry.template)) for entry in ENTRIES.values()),
    key=lambda candidate: _literal_first(candidate[1]),
)


def entry_for(method: str, raw_path: str) -> Entry | None:
    """The entry a request is for: same method, its raw (percent-encoded) path fitting the
    template segment by segment; literal segments win over placeholders, so
    ``/v2/components/all`` is not taken for a component id. None for a path outside the
    catalog."""
    raw = _segments(raw_path)
    for entry, template in _CANDIDATES:
        if entry.method == method and _fits(template, raw):
            return entry
    return None


class Recorder:
    """Counts the SDK's answered requests per catalog entry; safe to feed from the thread
    a served emulator runs on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.answered: Counter[str] = Counter()

    def record(self, method: str, raw_path: str, user_agent: str, status: int | None) -> None:
        """Count one request, if the SDK sent it and got a 1xx-3xx answer."""
        if not user_agent.startswith(SDK_AGENT) or status is None or status >= 400:
            return
        entry = entry_for(method, raw_path)
        if entry is not None:
            with self._lock:
                self.answered[entry.name] += 1

    @property
    def exercised(self) -> frozenset[str]:
        """The names of the entries the SDK got at least one answer from."""
        with self._lock:
            return frozenset(self.answered)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if bytes(key).lower() == name:
            return bytes(value).decode("latin-1")
    return ""


class Observed:
    """An ASGI app that hands every HTTP request to ``app`` unchanged and tells
    ``recorder`` what was asked and what status answered (None: no answer started)."""

    def __init__(self, app: ASGIApp, recorder: Recorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("raw_path")
        path = bytes(raw).decode("latin-1") if raw else str(scope["path"])
        statuses: list[int] = []

        async def observing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                statuses.append(int(message["status"]))
            await send(message)

        try:
            await self.app(scope, receive, observing_send)
        finally:
            self.recorder.record(
                str(scope["method"]),
                path,
                _header(scope, b"user-agent"),
                statuses[0] if statuses else None,
            )


def observe_emulators(
    emulator_class: type[Any], recorder: Recorder, patch: pytest.MonkeyPatch
) -> None:
    """From now on (until ``patch`` is undone), every new ``emulator_class`` instance
    serves its ``app`` through :class:`Observed` with ``recorder``."""
    original = emulator_class.__init__

    @functools.wraps(original)
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.app = Observed(self.app, recorder)

    patch.setattr(emulator_class, "__init__", init)
