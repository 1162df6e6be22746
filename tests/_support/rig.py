"""The SDK against an emulator, reached over a loopback socket or in process: the ``Rig``
behind every integration test (``tests/integration/conftest.py`` makes the fixtures).

Over the socket the emulator is served by uvicorn on a thread and event loop of its own,
one server for the whole session (a uvicorn server takes about 0.2 s to stop, and the
tests' own event loops come and go with each test); each test starts from the seed. In
process the client goes through ``httpx.ASGITransport`` to a fresh emulator.

Time comes in two kinds. On the *real* clock (the socket's usual rig) waits really pass,
so they are kept short. On a *fake* clock the client's sleeps move a :class:`FakeClock`
that the emulator reads too, so waits cost nothing and can be asserted exactly: the
in-process rig is always on one, and a second served emulator puts the socket on one
for the tests that count their waits.

Example:
    >>> rig = in_process_rig()
    >>> rig.clock is not None
    True
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from starlette.types import ASGIApp, Receive, Scope, Send

from elasticio import AsyncClient, PollPolicy, RetryPolicy
from elasticio.testing import Emulator, EmulatorSettings, RecordedRequest, ServedEmulator
from tests._support.clock import FakeClock

__all__ = [
    "EXECUTION_TIME",
    "POLL",
    "RETRY",
    "TIMEOUT",
    "TRANSITION_DELAY",
    "Rig",
    "Settling",
    "back_to_seed",
    "in_process_rig",
    "serve",
    "socket_rig",
]

TRANSITION_DELAY = 0.05
"""Seconds a flow's current_status lags behind a start or stop, in tests that want a lag."""

EXECUTION_TIME = 0.25
"""Seconds a scheduled execution runs, in tests that want it pending for a while: long
enough that the first poll, sent right after scheduling, finds it pending even on a
loaded machine."""

# Real time passes over the socket: waits and backoffs are kept short, and every wait and
# request has a bound, so a broken emulator fails a test instead of hanging the run. The
# polling intervals are powers of two: a fake clock at 1000.0 adds them up exactly, so a
# wait that times out reaches its deadline instead of sleeping ever smaller remainders.
POLL = PollPolicy(interval=1 / 128, max_interval=1 / 32, timeout=4.0)
RETRY = RetryPolicy(backoff_initial=0.01, backoff_max=0.02, max_retry_after=5.0)
TIMEOUT = 5.0


# How long a test waits for the served emulator to finish a request it has answered.
SETTLE_TIMEOUT = 5.0


class Settling:
    """An emulator's app, served, that can wait until no request is in progress.

    The emulator logs a request once its answer has gone out; over the socket, the server
    thread may not have logged the last request yet when the client has its answer.
    :meth:`wait` closes that gap before a test reads the log.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._busy = 0
        self._idle = threading.Condition()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with self._idle:
            self._busy += 1
        try:
            await self.app(scope, receive, send)
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def wait(self) -> None:
        """Return once every request the server has begun is finished (and logged)."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._busy == 0, SETTLE_TIMEOUT):
                raise TimeoutError(f"the served emulator was still busy after {SETTLE_TIMEOUT} s")


def serve(emulator: Emulator) -> ServedEmulator:
    """``emulator`` served from a thread, its app wrapped in :class:`Settling`."""
    emulator.app = Settling(emulator.app)  # type: ignore[assignment]
    return ServedEmulator.start_in_thread(emulator)


def _settle(served: ServedEmulator) -> None:
    app = served.emulator.app
    assert isinstance(app, Settling), "serve the emulator with rig.serve()"
    app.wait()


def _settled() -> None:
    """In process a request is logged before its answer reaches the client."""


@attrs.frozen
class Rig:
    """An emulator and a way to make SDK clients that talk to it.

    ``clock`` is the fake clock the clients and the emulator share, or None when they run
    on the real clock (over the socket, by default).
    """

    emulator: Emulator
    make_client: Callable[..., AsyncClient]
    clock: FakeClock | None = None
    settle: Callable[[], None] = _settled

    def log(self) -> Sequence[RecordedRequest]:
        """The emulator's request log, every request answered so far in it."""
        self.settle()
        return self.emulator.requests

    def client(self, **kwargs: Any) -> AsyncClient:
        """An AsyncClient signed in as the seeded owner unless ``email``/``api_key`` say
        otherwise; short polling and retry waits unless overridden."""
        kwargs.setdefault("poll", POLL)
        kwargs.setdefault("retry", RETRY)
        kwargs.setdefault("timeout", TIMEOUT)
        return self.make_client(**kwargs)

    def guest_client(self, **kwargs: Any) -> AsyncClient:
        """An AsyncClient signed in as the seeded guest (shared workspace only)."""
        guest = self.emulator.seed.guest
        return self.client(email=guest.email, api_key=guest.api_key, **kwargs)


def back_to_seed(emulator: Emulator) -> None:
    """The emulator at its seed again, with default settings (a served one is reused)."""
    emulator.reset()
    defaults = EmulatorSettings()
    # The settings object is shared with the fault layer, so it is updated, not replaced.
    for field in attrs.fields(EmulatorSettings):
        setattr(emulator.settings, field.name, getattr(defaults, field.name))


def _socket_client(served: ServedEmulator, **kwargs: Any) -> AsyncClient:
    """``served.client(...)`` over the SDK's default transport, as a user gets it."""
    return served.client(**kwargs)


def socket_rig(
    served: ServedEmulator,
    clock: FakeClock | None = None,
    *,
    make_client: Callable[..., AsyncClient] | None = None,
) -> Rig:
    """Clients over the socket to ``served``, made by ``make_client`` (``served.client``
    with the default transport unless given); with ``clock`` (the one ``served``'s
    emulator was built on) their sleeps move it, else they run on the real clock."""
    make = make_client or functools.partial(_socket_client, served)
    if clock is not None:
        make = functools.partial(make, sleep=clock.sleep, clock=clock)
    settle = functools.partial(_settle, served)
    return Rig(emulator=served.emulator, make_client=make, clock=clock, settle=settle)


def in_process_rig() -> Rig:
    """A fresh emulator in process, on a fake clock its clients share."""
    clock = FakeClock()
    emulator = Emulator(clock=clock, sleep=clock.sleep)
    return Rig(
        emulator=emulator,
        make_client=functools.partial(emulator.client, sleep=clock.sleep, clock=clock),
        clock=clock,
    )
