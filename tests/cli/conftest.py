"""Fixtures for the command's tests: the command run in process against an emulator.

`invoke` runs ``elasticio ARGS...`` with click's runner, its client built on the
emulator's ASGI transport (no socket) and a fake sleep, so retries never wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner, Result

from elasticio._cli.context import Connection
from elasticio._cli.tree import cli
from elasticio.testing import Emulator
from tests._support.clock import FakeClock

Invoke = Callable[..., Result]


@pytest.fixture
def emulator(clock: FakeClock) -> Emulator:
    return Emulator(clock=clock, sleep=clock.sleep)


@pytest.fixture
def invoke(emulator: Emulator, clock: FakeClock) -> Invoke:
    def make_client(**settings: Any) -> Any:
        settings.setdefault("sleep", clock.sleep)
        settings.setdefault("clock", clock)
        return emulator.client(**settings)

    def run(*args: str, input: str | None = None, **settings: Any) -> Result:
        connection = Connection(make_client=make_client, **settings)
        return CliRunner().invoke(
            cli, list(args), obj=connection, input=input, prog_name="elasticio"
        )

    return run
