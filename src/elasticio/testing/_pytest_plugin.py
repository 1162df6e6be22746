"""The ``elasticio`` pytest plugin: fixtures for testing your code against the emulator.

pytest loads it by itself once elasticio is installed (the ``pytest11`` entry point). The
fixtures need the ``emulator`` extra; without it the plugin still loads and only a test
that asks for one of them fails, saying what to install.

Fixtures (all function-scoped):

* ``elasticio_clock``: the [`VirtualClock`][elasticio.testing.VirtualClock] the emulator and
  the client keep time on, so a retry's backoff, a poll's interval or a flow's start lag
  costs no real time; ``elasticio_clock.sleeps`` lists the waits, ``advance`` moves it on.
* ``elasticio_emulator_settings``: the [`EmulatorSettings`][elasticio.testing.EmulatorSettings] each
  test's emulator starts with; override it in a ``conftest.py`` to change them.
* ``elasticio_emulator``: a new [`Emulator`][elasticio.testing.Emulator] for every test, on
  ``elasticio_clock``, so no data, faults, settings or request log leak from one test into
  the next.
* ``elasticio_client``: an [`AsyncClient`][elasticio.AsyncClient] signed in as the seeded owner,
  talking to ``elasticio_emulator`` in process on ``elasticio_clock``; closed after the
  test. It is an async fixture: with pytest-asyncio installed it works in strict mode as
  well as auto mode.
* ``elasticio_served``: ``elasticio_emulator`` served over HTTP on a free loopback port
  (a [`ServedEmulator`][elasticio.testing.ServedEmulator], from a background thread), with
  the ``ELASTICIO_API_*`` variables pointing at it for the test's span (restored after), so
  code that builds its own ``AsyncClient()`` or runs the ``elasticio`` command reaches it.
  That code keeps real time while the emulator keeps ``elasticio_clock``'s: a delay set in
  the settings passes only when the test moves the clock with ``advance``.

A test module, and a ``conftest.py`` that changes the settings:

```python
async def test_lists_the_timer(elasticio_client, elasticio_emulator):
    components = elasticio_client.components.list(
        contract_id=elasticio_emulator.seed.contract_id
    )
    assert "timer" in [component.name async for component in components]


async def test_waits_without_waiting(elasticio_client, elasticio_emulator, elasticio_clock):
    elasticio_emulator.settings.transition_delay = 60.0
    await elasticio_client.flows.start(elasticio_emulator.seed.flow_id, wait=True)
    assert elasticio_clock() >= 60.0  # virtual seconds; the test took milliseconds


# conftest.py: every test's emulator lags 2 s behind a flow's start
@pytest.fixture
def elasticio_emulator_settings():
    return EmulatorSettings(transition_delay=2.0)
```
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pytest

if TYPE_CHECKING:
    from elasticio import AsyncClient
    from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator, VirtualClock

__all__ = [
    "elasticio_client",
    "elasticio_clock",
    "elasticio_emulator",
    "elasticio_emulator_settings",
    "elasticio_served",
]

F = TypeVar("F", bound=Callable[..., Any])


def _testing(name: str) -> Any:
    """A public name of ``elasticio.testing``, looked up only when a fixture is used."""
    import elasticio.testing

    try:
        return getattr(elasticio.testing, name)
    except ImportError as exc:  # the emulator extra is missing
        pytest.fail(str(exc), pytrace=False)


def _async_fixture(function: F) -> F:
    """pytest-asyncio's fixture decorator when it is installed (strict mode needs it)."""
    try:
        import pytest_asyncio
    except ImportError:  # pragma: no cover - anyio's plugin, say, takes plain fixtures
        return cast(F, pytest.fixture(function))
    return cast(F, pytest_asyncio.fixture(function))


@pytest.fixture
def elasticio_clock() -> VirtualClock:
    """The virtual clock this test's emulator and client share; starts at 0."""
    from elasticio.testing import VirtualClock

    return VirtualClock()


@pytest.fixture
def elasticio_emulator_settings() -> EmulatorSettings:
    """The settings each test's emulator starts with (a copy is used); override to change."""
    settings: EmulatorSettings = _testing("EmulatorSettings")()
    return settings


@pytest.fixture
def elasticio_emulator(
    elasticio_emulator_settings: EmulatorSettings, elasticio_clock: VirtualClock
) -> Emulator:
    """A new emulator for this test, seeded, with a copy of ``elasticio_emulator_settings``,
    keeping time on ``elasticio_clock``."""
    import attrs

    emulator: Emulator = _testing("Emulator")(
        settings=attrs.evolve(elasticio_emulator_settings),
        clock=elasticio_clock,
        sleep=elasticio_clock.sleep,
    )
    return emulator


@_async_fixture
async def elasticio_client(
    elasticio_emulator: Emulator, elasticio_clock: VirtualClock
) -> AsyncIterator[AsyncClient]:
    """An AsyncClient signed in as the seeded owner, wired to the emulator in process, whose
    waits (retries, polls, the throttle) move ``elasticio_clock`` instead of taking time."""
    async with elasticio_emulator.client(
        clock=elasticio_clock, sleep=elasticio_clock.sleep
    ) as client:
        yield client


@pytest.fixture
def elasticio_served(
    elasticio_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ServedEmulator]:
    """``elasticio_emulator`` on a free loopback port, the ``ELASTICIO_API_*`` variables
    naming it and its seeded owner until the test ends."""
    served: ServedEmulator = _testing("ServedEmulator").start_in_thread(elasticio_emulator)
    with served:
        for name, value in served.environment.items():
            monkeypatch.setenv(name, value)
        yield served
