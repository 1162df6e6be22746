"""Fixtures for the integration tests: the SDK against an emulator served by uvicorn on
a real 127.0.0.1 socket, on the real clock (nothing here fakes time).

One server runs for the whole session, on a thread and event loop of its own (built on
``serve_emulator``): a uvicorn server takes about 0.2 s to stop, and the tests' own event
loops come and go with each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[ServedEmulator]:
    """The session's served emulator; use ``served``, which resets it for each test."""
    with ServedEmulator.start_in_thread(Emulator()) as server:
        yield server


@pytest.fixture
def served(emulator_server: ServedEmulator) -> ServedEmulator:
    """The served emulator, back at the seed with default settings: ``.emulator``,
    ``.base_url`` and ``.credentials`` are what a test needs.
    """
    emulator = emulator_server.emulator
    emulator.reset()
    defaults = EmulatorSettings()
    # The settings object is shared with the fault layer, so it is updated, not replaced.
    for field in attrs.fields(EmulatorSettings):
        setattr(emulator.settings, field.name, getattr(defaults, field.name))
    return emulator_server
