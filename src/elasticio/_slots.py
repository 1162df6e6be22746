"""A transport's connection slots: taken at once when one is free, else within the
request's pool timeout."""

from __future__ import annotations

import asyncio

import httpx

__all__ = ["take_slot"]


async def take_slot(
    slots: asyncio.Semaphore, patience: float | None, request: httpx.Request
) -> None:
    """Take one of ``slots``, waiting at most ``patience`` seconds (the pool timeout).

    Raises:
        httpx.PoolTimeout: no slot came free in time.
    """
    if not slots.locked():
        await slots.acquire()  # free: returns at once, no timer armed
        return
    try:
        async with asyncio.timeout(patience):
            await slots.acquire()
    except TimeoutError as exc:
        raise httpx.PoolTimeout(
            "no connection free within the pool timeout", request=request
        ) from exc
