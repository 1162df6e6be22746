"""The SDK against the served emulator over httpx's own transport (httpcore), the one a
client given ``transport=httpx.AsyncHTTPTransport(...)`` uses, and the one the environment's
proxies go through: the tests of `tests.integration._rerun.MODULES` run again here."""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx
import pytest

from elasticio import AsyncClient
from elasticio._client import DEFAULT_MAX_CONCURRENCY
from elasticio._pool import pool_limits
from elasticio.testing import ServedEmulator
from tests._support.rig import Rig, socket_rig
from tests.integration._rerun import rerun_here

rerun_here(globals())


def _httpcore_client(served: ServedEmulator, context: ssl.SSLContext, **kwargs: Any) -> AsyncClient:
    """``served.client(...)`` over httpx's transport, sized as the SDK sizes its own pool."""
    limits = pool_limits(kwargs.get("max_concurrency", DEFAULT_MAX_CONCURRENCY))
    kwargs.setdefault("transport", httpx.AsyncHTTPTransport(verify=context, limits=limits))
    return served.client(**kwargs)


async def test_the_clients_here_go_through_httpcore(client: AsyncClient) -> None:
    """The rig of this module hands out clients over httpx's own transport."""
    assert type(client._core.http._transport) is httpx.AsyncHTTPTransport
    assert (await client.users.me()).id


@pytest.fixture
def rig(served: ServedEmulator, tls_context: ssl.SSLContext) -> Rig:
    """The served emulator, reached over httpx's own transport, on the real clock."""
    return socket_rig(served, make_client=functools.partial(_httpcore_client, served, tls_context))
