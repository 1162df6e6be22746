"""The SDK against the served emulator over `AiohttpTransport`: the tests of the modules
below run again here, their ``rig`` reached over the socket through aiohttp (a test that
needs the shared fake clock, ``clocked_rig``, stays with httpx's transport)."""

from __future__ import annotations

import functools
import inspect
import ssl
from typing import Any

import pytest

from elasticio import AiohttpTransport, AsyncClient
from elasticio.testing import ServedEmulator
from tests._support.rig import Rig, _settle
from tests.integration import test_client, test_executions, test_faults, test_resources
from tests.integration.flows import test_flows, test_state

MODULES = (test_client, test_faults, test_resources, test_executions, test_flows, test_state)


def _over_the_shared_clock(test: Any) -> bool:
    return "clocked_rig" in inspect.signature(test).parameters


for _module in MODULES:
    _prefix = _module.__name__.rsplit(".", 1)[-1]
    for _name, _test in vars(_module).items():
        if _name.startswith("test_") and callable(_test) and not _over_the_shared_clock(_test):
            globals()[f"{_prefix}__{_name[5:]}"] = _test


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
    return Rig(
        emulator=served.emulator,
        make_client=functools.partial(_aiohttp_client, served, tls_context),
        settle=functools.partial(_settle, served),
    )
