"""``Emulator``: an in-memory elastic.io platform behind an ASGI app."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from elasticio import AsyncClient
from elasticio.testing._app import EmulatorApp
from elasticio.testing._faults import Faults
from elasticio.testing._log import RequestLog
from elasticio.testing._outbox import Outbox
from elasticio.testing._platform import Platform
from elasticio.testing._router import Router
from elasticio.testing._routes import ROUTE_TABLES
from elasticio.testing._seed import Seed, seed
from elasticio.testing._settings import EmulatorSettings
from elasticio.testing._time import EmulatorClock

__all__ = ["BASE_URL", "Emulator"]

# AsyncClient refuses plain http except to loopback; in process nothing is connected to.
BASE_URL = "http://127.0.0.1"


class Emulator:
    """A stateful stand-in for the elastic.io API v2, seeded with the same data every time.

    State persists between requests until `reset`. Time comes from ``clock`` (a
    monotonic clock in seconds) and waiting goes through ``sleep``, so tests can pass fakes
    and never really wait. Timestamps of records made through the API count from
    2025-01-01T00:00:00Z at creation (and again after a reset), so they are the same on
    every run; the seeded records are dated in 2024.

    Examples:
        >>> emulator = Emulator()
        >>> async with emulator.client() as client:  # doctest: +SKIP
        ...     async for component in client.components.list(
        ...         contract_id=emulator.seed.contract_id
        ...     ):
        ...         print(component.name)

    Serve it on a socket with any ASGI server::

        uvicorn.run(Emulator().app, host="127.0.0.1", port=8000)

    Args:
        settings: rate limit, flow status lag and execution time (see
            [`EmulatorSettings`][elasticio.testing.EmulatorSettings]); may be changed
            later through ``settings``.
        clock: monotonic seconds; drives the flow status lag, the rate limit and the
            timestamps of records created through the API.
        sleep: awaited for injected latency and before a registration callback is sent
            (``outbox``: the callbacks of ``POST /v1/users``, sent to loopback URLs only;
            replace ``outbox.send`` to receive them without a socket).
        seed: seeds the random generator behind probabilistic faults.
    """

    def __init__(
        self,
        *,
        settings: EmulatorSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        seed: int = 0,
    ) -> None:
        self.settings = settings or EmulatorSettings()
        self.clock = EmulatorClock(clock)
        self.sleep = sleep
        self.router = Router(ROUTE_TABLES)
        self.faults = Faults(
            settings=self.settings, clock=clock, entries=self.router.entries, seed=seed
        )
        self.requests = RequestLog(size=self.settings.request_log_size)
        self.outbox = Outbox(sleep=sleep)
        self.platform, self.seed = self._seeded()
        self.app = EmulatorApp(self)

    def __repr__(self) -> str:
        # Safe on a half-built emulator too (a traceback formatted with its locals).
        platform = getattr(self, "platform", None)
        if platform is None:
            return "<Emulator (not set up)>"
        return f"<Emulator users={len(platform.users)} flows={len(platform.flows)}>"

    def _seeded(self) -> tuple[Platform, Seed]:
        platform = Platform(self.clock)
        return platform, seed(platform)

    @property
    def handled_entries(self) -> frozenset[str]:
        """The names of the catalog entries the emulator serves (``"flows.get"``, ...).

        Examples:
            >>> "flows.get" in Emulator().handled_entries
            True
        """
        return self.router.entries

    @property
    def credentials(self) -> tuple[str, str]:
        """``(email, api_key)`` of the seeded owner, the default user."""
        return self.seed.owner.email, self.seed.owner.api_key

    def transport(self) -> httpx.ASGITransport:
        """An httpx transport that hands requests straight to `app`."""
        return httpx.ASGITransport(app=self.app)

    def client(self, **kwargs: Any) -> AsyncClient:
        """An [`AsyncClient`][elasticio.AsyncClient] talking to this emulator in process.

        It signs in as the seeded owner unless ``email`` and ``api_key`` are given; other
        keyword arguments (``sleep``, ``retry``, ...) go to `AsyncClient`.
        """
        email, api_key = self.credentials
        kwargs.setdefault("email", email)
        kwargs.setdefault("api_key", api_key)
        kwargs.setdefault("base_url", BASE_URL)
        if "http_client" not in kwargs:
            kwargs.setdefault("transport", self.transport())
        return AsyncClient(**kwargs)

    def reset(self) -> None:
        """Back to the seed: fresh data, no faults, full rate buckets, an empty log.

        Settings are kept; wall-clock timestamps start again from the emulator's epoch.
        """
        self.clock.rebase()
        self.platform, self.seed = self._seeded()
        self.faults.clear()
        self.requests.clear()
        self.outbox.deliveries.clear()
