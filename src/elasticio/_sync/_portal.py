"""The event loop a synchronous `Client` runs its async twin on: one private daemon
thread per client, which any thread may hand coroutines to and wait for."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from elasticio._errors import UsageError

__all__ = ["Portal"]

T = TypeVar("T")

_INSIDE_A_LOOP = (
    "the synchronous elasticio.Client was called from inside a running event loop, which"
    " it would block; in async code use elasticio.AsyncClient (await its methods)"
)


class Portal:
    """A running event loop on a thread of its own, and the way in from other threads.

    Examples:
        >>> portal = Portal()
        >>> portal.run(asyncio.sleep(0, result=42))
        42
        >>> portal.close()
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(
            target=self._serve, name="elasticio-client-loop", daemon=True
        )
        self._thread.start()

    def __repr__(self) -> str:
        return f"<Portal {'closed' if getattr(self, '_closed', True) else 'running'}>"

    @property
    def thread(self) -> threading.Thread:
        """The thread the loop runs on."""
        return self._thread

    @property
    def closed(self) -> bool:
        """True once `close` has been called."""
        return self._closed

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
            # Calls still under way when the client closed end now, rather than never.
            pending = asyncio.all_tasks(self._loop)
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.run_until_complete(self._loop.shutdown_default_executor())
        finally:
            self._loop.close()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run ``coroutine`` on the loop and wait for its outcome, in the caller's
        context (its context variables are seen by the coroutine).

        Raises:
            UsageError: called from inside a running event loop, or after `close`.
        """
        try:
            _refuse_inside_a_loop()
        except UsageError:
            coroutine.close()
            raise
        outcome: concurrent.futures.Future[T] = concurrent.futures.Future()
        context = contextvars.copy_context()
        started: list[asyncio.Task[T]] = []

        def start() -> None:
            if not outcome.set_running_or_notify_cancel():
                coroutine.close()
                return
            task = self._loop.create_task(coroutine, context=context)
            started.append(task)
            task.add_done_callback(lambda done: _settle(done, outcome))

        with self._lock:
            if self._closed:
                coroutine.close()
                raise UsageError("the client is closed")
            self._loop.call_soon_threadsafe(start)
        try:
            return outcome.result()
        except BaseException:
            # Interrupted while waiting (Ctrl-C): the call stops on the loop too.
            if not outcome.done():
                self._loop.call_soon_threadsafe(lambda: [task.cancel() for task in started])
            raise

    def close(self, last: Coroutine[Any, Any, object] | None = None) -> None:
        """Run ``last`` (a clean-up) on the loop, then stop the loop and end the thread.
        Later calls do nothing.

        Raises:
            UsageError: called from inside a running event loop.
        """
        if last is not None:
            try:
                _refuse_inside_a_loop()
            except UsageError:
                last.close()
                raise
        if last is not None and not self._closed:
            try:
                self.run(last)
            except BaseException:
                self._stop()
                raise
        elif last is not None:
            last.close()
        self._stop()

    def _stop(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()


def _refuse_inside_a_loop() -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise UsageError(_INSIDE_A_LOOP)


def _settle(task: asyncio.Task[T], outcome: concurrent.futures.Future[T]) -> None:
    if task.cancelled():
        # Only a close reaches a caller still waiting; one that was interrupted has left.
        outcome.set_exception(UsageError("the client was closed while the call was under way"))
        return
    error = task.exception()
    if error is not None:
        outcome.set_exception(error)
    else:
        outcome.set_result(task.result())
