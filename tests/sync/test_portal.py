"""The loop thread behind a synchronous client."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from elasticio import UsageError
from elasticio._sync._portal import Portal


def test_a_call_under_way_at_close_ends_with_a_usage_error() -> None:
    """A caller waiting when another thread closes gets an answer, not a hang."""
    portal = Portal()
    started = threading.Event()

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting = pool.submit(portal.run, forever())
        assert started.wait(timeout=5)
        portal.close()
        with pytest.raises(UsageError, match="closed while the call"):
            waiting.result(timeout=5)
    assert not portal.thread.is_alive()


def test_the_caller_s_context_variables_reach_the_loop() -> None:
    """The coroutine runs in a copy of the calling thread's context."""
    import contextvars

    variable: contextvars.ContextVar[str] = contextvars.ContextVar("who", default="loop")
    portal = Portal()
    try:
        variable.set("caller")

        async def read() -> str:
            return variable.get()

        assert portal.run(read()) == "caller"
    finally:
        portal.close()


def test_an_error_comes_back_as_it_is() -> None:
    """The coroutine's exception is raised in the caller, unchanged."""
    portal = Portal()

    async def fail() -> None:
        raise KeyError("k")

    try:
        with pytest.raises(KeyError):
            portal.run(fail())
    finally:
        portal.close()
