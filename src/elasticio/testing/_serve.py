"""Serving an [`Emulator`][elasticio.testing.Emulator] over HTTP on a real socket with uvicorn.

Two ways in, one machinery:

* ``async with serve_emulator(emulator) as served:`` runs uvicorn as a task on the running
  loop (async tests, scripts);
* ``with ServedEmulator.start_in_thread(emulator) as served:`` runs it on a loop of its
  own in a background thread (sync code, session-wide fixtures).

The socket is bound here, before uvicorn starts, so ``port=0`` gets a free port from the
system and ``ServedEmulator.port`` names it. uvicorn installs no signal handlers for
these servers: stopping them is the caller's business (``elasticio emulator serve`` turns
SIGINT and SIGTERM into a stop).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import queue
import shlex
import signal
import socket
import sys
import threading
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from types import TracebackType
from typing import Any, Literal, TextIO

import uvicorn
from starlette.types import ASGIApp

from elasticio import AsyncClient
from elasticio._config import ENV_API_KEY, ENV_BASE_URL, ENV_EMAIL, is_loopback
from elasticio._errors import UsageError
from elasticio.testing._emulator import Emulator

__all__ = ["LogLevel", "ServedEmulator", "serve_emulator", "serve_until_signalled"]

LogLevel = Literal["critical", "error", "warning", "info", "debug", "trace"]

# Connections still open this long after a stop are cut; the emulator answers at once
# unless a fault script injects latency.
_GRACEFUL_SHUTDOWN = 5
_BACKLOG = 128


class _Server(uvicorn.Server):
    """uvicorn's server without its signal handling, telling when it listens."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # uvicorn would take over SIGINT in the main thread and raise it again after the
        # shutdown; a server inside a test run or an app must leave the signals alone.
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()


def _uvicorn_config(app: ASGIApp, log_level: LogLevel) -> uvicorn.Config:
    """How the emulator is served; bench/emulator.py serves its floor the same way. The
    HTTP parser is uvicorn's choice: httptools when installed, else h11."""
    return uvicorn.Config(
        app,
        lifespan="off",
        ws="none",
        proxy_headers=False,
        # Records go to the "uvicorn" loggers; the application's logging setup decides
        # where they end up (uvicorn's own setup would be imposed on the whole process).
        log_config=None,
        log_level=log_level,
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN,
    )


def _bind(host: str, port: int, *, allow_remote: bool) -> socket.socket:
    """A listening TCP socket on ``host:port``, loopback unless ``allow_remote``."""
    if not allow_remote and not is_loopback(host):
        raise UsageError(
            f"refusing to serve the emulator on {host!r}: its API keys are public, so it "
            "listens on loopback only; pass allow_remote=True (--allow-remote) to override"
        )
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio only turns Nagle's algorithm off (TCP_NODELAY) on
    # sockets that say they are TCP, and with it on every response waits ~40 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows the option lets a second server steal the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        # Listening at once: a client that connects before uvicorn takes over waits in
        # the backlog instead of being refused.
        sock.listen(_BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


def _url_host(address: str) -> str:
    """The host to put in a URL for a bound address; the unspecified ones mean loopback."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.is_unspecified:
        return "127.0.0.1" if ip.version == 4 else "[::1]"
    return f"[{address}]" if ip.version == 6 else address


class ServedEmulator:
    """An [`Emulator`][elasticio.testing.Emulator] being served over HTTP on a socket, by uvicorn.

    Made by [`serve_emulator`][elasticio.testing.serve_emulator] (on the running event loop) or
    `start_in_thread` (on a loop in a background thread), not directly.

    Examples:
        >>> with ServedEmulator.start_in_thread() as served:  # doctest: +SKIP
        ...     httpx.get(f"{served.base_url}/v2/users/me", auth=served.credentials)

    Attributes:
        emulator: the emulator behind the server; change its settings and faults, or
            `reset` it, between requests.
        host: the host part of `base_url` (``127.0.0.1``, or ``[::1]`` for IPv6).
        port: the port the server listens on (the real one when 0 was asked for).
        base_url: ``http://host:port``, for [`AsyncClient`][elasticio.AsyncClient] or any client.
    """

    def __init__(
        self, emulator: Emulator, server: uvicorn.Server, task: asyncio.Task[None], address: Any
    ) -> None:
        self.emulator = emulator
        self.host = _url_host(str(address[0]))
        self.port = int(address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self._server = server
        self._task = task
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        # Safe on a half-built server too (a traceback formatted with its locals).
        try:
            return f"<ServedEmulator base_url={self.base_url!r}>"
        except AttributeError:
            return "<ServedEmulator (not started)>"

    @property
    def credentials(self) -> tuple[str, str]:
        """``(email, api_key)`` of the seeded owner, e.g. for ``httpx`` ``auth=``."""
        return self.emulator.credentials

    @property
    def environment(self) -> dict[str, str]:
        """The ``ELASTICIO_API_*`` variables that point an `AsyncClient` here.

        Examples:
            >>> env = {**os.environ, **served.environment}  # doctest: +SKIP
            >>> subprocess.run(["my-tool"], env=env)  # doctest: +SKIP
        """
        email, api_key = self.credentials
        return {ENV_BASE_URL: self.base_url, ENV_EMAIL: email, ENV_API_KEY: api_key}

    def client(self, **kwargs: Any) -> AsyncClient:
        """An [`AsyncClient`][elasticio.AsyncClient] talking to this server over the socket.

        It signs in as the seeded owner unless ``email`` and ``api_key`` are given; other
        keyword arguments go to [`AsyncClient`][elasticio.AsyncClient].
        """
        email, api_key = self.credentials
        kwargs.setdefault("email", email)
        kwargs.setdefault("api_key", api_key)
        kwargs.setdefault("base_url", self.base_url)
        return AsyncClient(**kwargs)

    def stop(self) -> None:
        """Ask the server to stop; safe from any thread. It stops within about 0.2 s."""
        self._server.should_exit = True

    def close(self, timeout: float = 10.0) -> None:
        """Stop the server; for one started in a thread, also wait for the thread to end.

        Raises:
            TimeoutError: the thread was still running after ``timeout`` seconds.
        """
        self.stop()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise TimeoutError(f"the emulator server did not stop within {timeout} s")

    def __enter__(self) -> ServedEmulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @classmethod
    def start_in_thread(
        cls,
        emulator: Emulator | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        allow_remote: bool = False,
        log_level: LogLevel = "warning",
        timeout: float = 10.0,
    ) -> ServedEmulator:
        """Serve ``emulator`` from a background thread, for sync code; returns once listening.

        The server runs on an event loop of its own, so any code, sync or async, on any
        loop, may connect to it. Stop it with `close` or a ``with`` block. The
        emulator is shared with the server thread: change it only while no request is in
        flight.

        Examples:
            >>> with ServedEmulator.start_in_thread(Emulator()) as served:  # doctest: +SKIP
            ...     response = httpx.get(
            ...         f"{served.base_url}/v2/users/me", auth=served.credentials
            ...     )

        Args:
            emulator: the emulator to serve (a new one when omitted).
            host: a loopback address unless ``allow_remote``.
            port: 0 for any free port.
            allow_remote: permit a host that is not loopback (the keys are public!).
            log_level: the level of uvicorn's loggers.
            timeout: seconds to wait for the server to listen.

        Raises:
            UsageError: ``host`` is not loopback and ``allow_remote`` is false.
            OSError: the address could not be bound.
            TimeoutError: the server was not listening within ``timeout`` seconds.
        """
        outcome: queue.Queue[ServedEmulator | BaseException] = queue.Queue()
        abandoned = threading.Event()

        async def serve() -> None:
            listening = False
            try:
                async with serve_emulator(
                    emulator,
                    host=host,
                    port=port,
                    allow_remote=allow_remote,
                    log_level=log_level,
                ) as served:
                    listening = True
                    outcome.put(served)
                    if abandoned.is_set():
                        served.stop()
                    await served._task
            except BaseException as exc:
                if listening:
                    raise  # a crash while serving: the thread reports it
                outcome.put(exc)  # a failure to start: the starting thread raises it

        thread = threading.Thread(
            target=lambda: asyncio.run(serve()), name="elasticio-emulator", daemon=True
        )
        thread.start()
        try:
            result = outcome.get(timeout=timeout)
        except queue.Empty:
            abandoned.set()
            with contextlib.suppress(queue.Empty):  # it may have started in the meantime
                late = outcome.get_nowait()
                if isinstance(late, ServedEmulator):
                    late.stop()
            raise TimeoutError(
                f"the emulator server was not listening within {timeout} s"
            ) from None
        if isinstance(result, BaseException):
            thread.join(timeout)
            raise result
        result._thread = thread
        return result


async def _until_started(started: asyncio.Event, serving: asyncio.Task[None]) -> None:
    waiting = asyncio.ensure_future(started.wait())
    try:
        await asyncio.wait({waiting, serving}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiting.cancel()
    if not started.is_set():
        await serving  # raises what stopped it
        raise RuntimeError("the emulator server stopped before it was listening")


@contextlib.asynccontextmanager
async def serve_emulator(
    emulator: Emulator | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    allow_remote: bool = False,
    log_level: LogLevel = "warning",
) -> AsyncIterator[ServedEmulator]:
    """Serve ``emulator`` on a socket from a task on the running loop, for the block's span.

    The block is entered once the server listens; leaving it stops the server and waits
    until it has (uvicorn takes about 0.2 s). Requests are answered by the same loop, so
    a client in the block must await, never block the loop.

    Examples:
        >>> async with serve_emulator(Emulator(), port=0) as served:  # doctest: +SKIP
        ...     async with served.client() as client:  # an AsyncClient over the socket
        ...         async for component in client.components.list(
        ...             contract_id=served.emulator.seed.contract_id
        ...         ):
        ...             print(component.name)

    Args:
        emulator: the emulator to serve (a new one when omitted).
        host: a loopback address (``127.0.0.1``, ``::1``, ``localhost``) unless
            ``allow_remote``.
        port: 0 for any free port; ``ServedEmulator.port`` is the real one.
        allow_remote: permit a host that is not loopback. The emulator's API keys are
            public, so only do this on a network you trust.
        log_level: the level of uvicorn's loggers (records propagate to the root logger).

    Raises:
        UsageError: ``host`` is not loopback and ``allow_remote`` is false.
        OSError: the address could not be bound (say, the port is taken).
    """
    emulator = Emulator() if emulator is None else emulator
    sock = _bind(host, port, allow_remote=allow_remote)
    try:
        started = asyncio.Event()
        server = _Server(_uvicorn_config(emulator.app, log_level), on_started=started.set)
        serving = asyncio.create_task(server.serve(sockets=[sock]), name="elasticio-emulator")
        try:
            await _until_started(started, serving)
            yield ServedEmulator(emulator, server, serving, sock.getsockname())
        finally:
            server.should_exit = True
            await serving
    finally:
        sock.close()


@contextlib.contextmanager
def _on_signals(callback: Callable[[], None]) -> Iterator[None]:
    """Call ``callback`` on SIGINT and SIGTERM while the block runs (on the running loop)."""
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    try:
        for sig in signals:
            loop.add_signal_handler(sig, callback)
    except NotImplementedError:  # pragma: no cover - Windows' loops have no signal handlers
        previous = {
            sig: signal.signal(sig, lambda *_: loop.call_soon_threadsafe(callback))
            for sig in signals
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return
    try:
        yield
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)


def _announce(served: ServedEmulator, out: TextIO) -> None:
    lines = [f"{name}={shlex.quote(value)}\n" for name, value in served.environment.items()]
    out.write("".join(lines))
    out.flush()


async def _serve_until_stopped(
    emulator: Emulator,
    *,
    host: str,
    port: int,
    allow_remote: bool,
    log_level: LogLevel,
    out: TextIO,
) -> int:
    stopping = asyncio.Event()
    listening = False
    with _on_signals(stopping.set):
        try:
            async with serve_emulator(
                emulator, host=host, port=port, allow_remote=allow_remote, log_level=log_level
            ) as served:
                listening = True
                _announce(served, out)
                stop_requested = asyncio.ensure_future(stopping.wait())
                try:
                    await asyncio.wait(
                        {stop_requested, served._task}, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    stop_requested.cancel()
        except OSError as exc:
            if listening:
                raise
            print(f"elasticio: cannot serve on {host}:{port}: {exc.strerror}", file=sys.stderr)
            return 1
    return 0


def serve_until_signalled(
    emulator: Emulator,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    allow_remote: bool = False,
    log_level: LogLevel = "warning",
    out: TextIO = sys.stdout,
) -> int:
    """Serve until SIGINT or SIGTERM, then stop cleanly; the body of the serve command.

    Once listening, it writes the three ``ELASTICIO_API_*`` lines of
    ``ServedEmulator.environment`` to ``out`` and flushes it. Returns the exit
    status: 0 after a signal, 1 when the address could not be bound.
    """
    return asyncio.run(
        _serve_until_stopped(
            emulator,
            host=host,
            port=port,
            allow_remote=allow_remote,
            log_level=log_level,
            out=out,
        )
    )
