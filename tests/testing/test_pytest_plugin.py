"""The ``elasticio`` pytest plugin, run on small test files through pytester.

The inner runs load the plugin the way users get it: through its ``pytest11`` entry
point (the package is installed in development mode).
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

# Strict mode: the plugin's async fixture must work without asyncio_mode = auto.
INI = """
[pytest]
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function
"""
# hypothesis' plugin imports hypothesis at the end of every run (a second or more).
ARGS = ("-p", "no:hypothesispytest")

ISOLATION = """
import pytest

from elasticio.testing import Emulator

pytestmark = pytest.mark.asyncio

FLOW_IDS = []


async def test_changes_everything(elasticio_client, elasticio_emulator):
    assert isinstance(elasticio_emulator, Emulator)
    flow_id = next(iter(elasticio_emulator.platform.flows))
    FLOW_IDS.append(flow_id)
    await elasticio_client.request("DELETE", f"/v2/flows/{flow_id}")
    assert flow_id not in elasticio_emulator.platform.flows
    elasticio_emulator.settings.rate_limit = 1
    elasticio_emulator.faults.fail(503)


async def test_starts_from_the_seed(elasticio_client, elasticio_emulator):
    assert FLOW_IDS[0] in elasticio_emulator.platform.flows
    assert elasticio_emulator.settings.rate_limit is None
    assert elasticio_emulator.requests == []
    component_id = elasticio_emulator.seed.component_ids["timer"]
    assert (await elasticio_client.components.get(component_id)).name == "timer"
"""


def test_the_plugin_is_loaded(pytestconfig: pytest.Config) -> None:
    """Installing elasticio registers the plugin with pytest under the name ``elasticio``."""
    assert pytestconfig.pluginmanager.has_plugin("elasticio")


def test_fixtures_are_isolated_between_tests(pytester: pytest.Pytester) -> None:
    """Data, settings, faults and the request log of one test do not reach the next."""
    pytester.makeini(INI)
    pytester.makepyfile(test_isolation=ISOLATION)
    pytester.runpytest(*ARGS).assert_outcomes(passed=2)


def test_settings_fixture_can_be_overridden(pytester: pytest.Pytester) -> None:
    """A conftest's ``elasticio_emulator_settings`` is what each emulator starts with."""
    pytester.makeini(INI)
    pytester.makeconftest(
        """
        import pytest

        from elasticio.testing import EmulatorSettings

        SETTINGS = EmulatorSettings(transition_delay=2.0)


        @pytest.fixture
        def elasticio_emulator_settings():
            return SETTINGS
        """
    )
    pytester.makepyfile(
        """
        from conftest import SETTINGS


        def test_first(elasticio_emulator):
            assert elasticio_emulator.settings.transition_delay == 2.0
            elasticio_emulator.settings.transition_delay = 9.0


        def test_second(elasticio_emulator):
            assert elasticio_emulator.settings.transition_delay == 2.0
            assert SETTINGS.transition_delay == 2.0
        """
    )
    pytester.runpytest(*ARGS).assert_outcomes(passed=2)


def test_without_the_extra_only_the_fixtures_fail(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without starlette pytest still runs; a test using a fixture errors, naming the extra."""
    blocked = pytester.path / "blocked"
    (blocked / "starlette").mkdir(parents=True)
    (blocked / "starlette" / "__init__.py").write_text(
        "raise ImportError('starlette is blocked for this test')\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(blocked))
    pytester.makeini(INI)
    pytester.makepyfile(
        """
        def test_plain():
            pass


        def test_emulator(elasticio_emulator):
            pass
        """
    )
    result = pytester.runpytest_subprocess(*ARGS)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*needs the 'emulator' extra*"])


VIRTUAL_TIME = """
import time

import pytest

pytestmark = pytest.mark.asyncio


async def test_a_minute_of_lag_and_retries_cost_no_real_time(
    elasticio_client, elasticio_emulator, elasticio_clock
):
    began = time.monotonic()
    elasticio_emulator.settings.transition_delay = 60.0
    elasticio_emulator.faults.fail(503, times=2, retry_after=30)
    flow = await elasticio_client.flows.start(elasticio_emulator.seed.flow_id, wait=True)
    assert flow.current_status == "active"
    assert elasticio_clock() >= 60.0
    assert elasticio_clock.sleeps[:2] == [30, 30]
    assert time.monotonic() - began < 5.0


async def test_each_test_has_its_own_clock(elasticio_clock):
    assert elasticio_clock() == 0.0
    assert elasticio_clock.sleeps == []


async def test_advancing_the_clock_moves_the_emulator(
    elasticio_client, elasticio_emulator, elasticio_clock
):
    elasticio_emulator.settings.transition_delay = 10.0
    flow_id = elasticio_emulator.seed.flow_id
    await elasticio_client.flows.start(flow_id)
    assert (await elasticio_client.flows.get(flow_id)).current_status == "inactive"
    elasticio_clock.advance(10.0)
    assert (await elasticio_client.flows.get(flow_id)).current_status == "active"
"""


def test_the_client_and_emulator_share_a_virtual_clock(pytester: pytest.Pytester) -> None:
    """Retry waits, a poll and a flow's start lag move ``elasticio_clock``, not real time."""
    pytester.makeini(INI)
    pytester.makepyfile(test_virtual_time=VIRTUAL_TIME)
    pytester.runpytest(*ARGS).assert_outcomes(passed=3)


SERVED = """
import asyncio
import os

import httpx
import pytest

from elasticio import AsyncClient
from elasticio.testing import ServedEmulator


def test_plain_code_reaches_the_served_emulator(elasticio_served, elasticio_emulator):
    assert isinstance(elasticio_served, ServedEmulator)
    assert elasticio_served.emulator is elasticio_emulator
    url = os.environ["ELASTICIO_API_URI"]
    assert url == elasticio_served.base_url
    assert url.startswith("http://127.0.0.1:")
    auth = (os.environ["ELASTICIO_API_USERNAME"], os.environ["ELASTICIO_API_KEY"])
    assert auth == elasticio_emulator.credentials
    response = httpx.get(f"{url}/v2/users/me", auth=auth)
    assert response.status_code == 200
    assert elasticio_emulator.requests[-1].path == "/v2/users/me"


def test_an_async_client_from_the_environment(elasticio_served, elasticio_emulator):
    async def main():
        async with AsyncClient() as client:
            return (await client.users.me()).email

    assert asyncio.run(main()) == elasticio_emulator.seed.owner.email


@pytest.mark.asyncio
async def test_from_an_async_test(elasticio_served):
    async with AsyncClient() as client:
        assert (await client.users.me()).email == "owner@example.com"


def test_the_variables_are_restored_after(elasticio_emulator):
    assert os.environ["ELASTICIO_API_URI"] == "https://api.example.invalid"
    assert "ELASTICIO_API_KEY" not in os.environ
"""


def test_served_fixture_points_the_variables_at_the_emulator(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``elasticio_served`` listens on loopback and names itself in ``ELASTICIO_API_*``,
    for the test's span only; clients built from the environment reach it."""
    monkeypatch.setenv("ELASTICIO_API_URI", "https://api.example.invalid")
    monkeypatch.delenv("ELASTICIO_API_KEY", raising=False)
    monkeypatch.delenv("ELASTICIO_API_USERNAME", raising=False)
    pytester.makeini(INI)
    pytester.makepyfile(test_served=SERVED)
    pytester.runpytest(*ARGS).assert_outcomes(passed=4)
