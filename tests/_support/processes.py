"""Child processes for the command tests: ``python ...`` with its output piped, every wait
bounded, and never left running when a test fails.

Example:
    >>> async with python("-c", "print('hi')") as child:  # doctest: +SKIP
    ...     assert await read_lines(child, 1) == ["hi\\n"]
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import AsyncIterator

__all__ = ["WAIT", "python", "read_lines", "stop"]

WAIT = 10.0
"""Seconds: the bound on every wait for a child process."""


@contextlib.asynccontextmanager
async def python(*args: str) -> AsyncIterator[Process]:
    """``python *args`` with stdout and stderr piped; killed on the way out if it still
    runs (only when the test failed before it ended)."""
    process = await asyncio.create_subprocess_exec(sys.executable, *args, stdout=PIPE, stderr=PIPE)
    try:
        yield process
    finally:
        if process.returncode is None:  # pragma: no cover - only when the test failed
            process.kill()
            await process.wait()


async def read_lines(process: Process, count: int) -> list[str]:
    """The next ``count`` lines the child prints, decoded, each awaited at most WAIT."""
    assert process.stdout is not None
    return [
        (await asyncio.wait_for(process.stdout.readline(), WAIT)).decode() for _ in range(count)
    ]


async def stop(
    process: Process, sig: signal.Signals | None = None, *, seconds: float = WAIT
) -> tuple[bytes, bytes]:
    """Send ``sig`` (if given) and await the child's end, at most ``seconds``: the rest of
    its stdout and its stderr."""
    if sig is not None:
        process.send_signal(sig)
    return await asyncio.wait_for(process.communicate(), seconds)
