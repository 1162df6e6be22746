"""The ``elasticio`` pytest plugin: fixtures for testing your code against the emulator.

pytest loads it by itself once elasticio is installed (the ``pytest11`` entry point). The
fixtures need the ``emulator`` extra; without it the plugin still loads and only a test
that asks for one of them fails, saying what to install.

Fixtures (all function-scoped):

* ``elasticio_emulator_settings``: the [`EmulatorSettings`][elasticio.testing.EmulatorSettings] each
  test's emulator starts with; override it in a ``conftest.py`` to change them.
* ``elasticio_emulator``: a new [`Emulator`][elasticio.testing.Emulator] for every test, so no
  data, faults, settings or request log leak from one test into the next.
* ``elasticio_client``: an [`AsyncClient`][elasticio.AsyncClient] signed in as the seeded owner,
  talking to ``elasticio_emulator`` in process; closed after the test. It is an async
  fixture: with pytest-asyncio installed it works in strict mode as well as auto mode.

A test module, and a ``conftest.py`` that changes the settings:

```python
async def test_lists_the_timer(elasticio_client, elasticio_emulator):
    components = elasticio_client.components.list(
        contract_id=elasticio_emulator.seed.contract_id
    )
    assert "timer" in [component.name async for component in components]

# conftest.py: every test's emulator lags 2 s behind a flow's start
@pytest.fixture
def elasticio_emulator_settings():
    return EmulatorSettings(transition_delay=2.0)
```
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pytest

if TYPE_CHECKING:
    from elasticio import AsyncClient
    from elasticio.testing import Emulator, EmulatorSettings

__all__ = ["elasticio_client", "elasticio_emulator", "elasticio_emulator_settings"]

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
def elasticio_emulator_settings() -> EmulatorSettings:
    """The settings each test's emulator starts with (a copy is used); override to change."""
    settings: EmulatorSettings = _testing("EmulatorSettings")()
    return settings


@pytest.fixture
def elasticio_emulator(elasticio_emulator_settings: EmulatorSettings) -> Emulator:
    """A new emulator for this test, seeded, with a copy of ``elasticio_emulator_settings``."""
    import attrs

    emulator: Emulator = _testing("Emulator")(settings=attrs.evolve(elasticio_emulator_settings))
    return emulator


@_async_fixture
async def elasticio_client(elasticio_emulator: Emulator) -> AsyncIterator[AsyncClient]:
    """An AsyncClient signed in as the seeded owner, wired to the emulator in process."""
    async with elasticio_emulator.client() as client:
        yield client
