"""A TCP server on a loopback port for the length of a test, serving with a handler.

Example:
    >>> import asyncio
    >>> async def demo() -> bool:
    ...     async def close(reader, writer) -> None:
    ...         writer.close()
    ...     async with listening(close) as base_url:
    ...         return base_url.startswith("http://127.0.0.1:")
    >>> asyncio.run(demo())
    True
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

__all__ = ["listening"]

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@contextlib.asynccontextmanager
async def listening(handle: Handler) -> AsyncIterator[str]:
    """Serve each connection with ``handle`` on 127.0.0.1; yield the server's base URL."""
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"http://127.0.0.1:{port}"
