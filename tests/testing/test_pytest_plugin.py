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
