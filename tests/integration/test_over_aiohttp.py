"""The SDK against the served emulator over `AiohttpTransport`: the tests of
`tests.integration._rerun.MODULES` run again here, their ``rig`` reached over the socket
through aiohttp."""

from __future__ import annotations

import functools
import ssl
from typing import Any

import pytest

from elasticio import AiohttpTransport, AsyncClient
from elasticio.testing import ServedEmulator
from tests._support.rig import Rig, socket_rig
from tests.integration._rerun import rerun_here

rerun_here(globals())


def _aiohttp_client(served: ServedEmulator, context: ssl.SSLContext, **kwargs: Any) -> AsyncClient:
    """``served.client(...)`` over an AiohttpTransport with the TLS context of the session."""
    kwargs.setdefault("transport", AiohttpTransport(ssl_context=context, trust_env=False))
    return served.client(**kwargs)


async def test_the_clients_here_go_through_aiohttp(client: AsyncClient) -> None:
    """The rig of this module hands out clients over AiohttpTransport."""
    assert isinstance(client._core.http._transport, AiohttpTransport)
    assert (await client.users.me()).id


@pytest.fixture
def rig(served: ServedEmulator, tls_context: ssl.SSLContext) -> Rig:
    """The served emulator, reached over AiohttpTransport, on the real clock."""
    return socket_rig(served, make_client=functools.partial(_aiohttp_client, served, tls_context))
