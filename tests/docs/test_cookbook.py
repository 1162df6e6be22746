"""The cookbook's pytest recipe is a real test module: run by pytest with the plugin, each
test on fresh fixtures and ``elasticio_served`` on a real socket (the docs' harness runs
the same block in process, one emulator for all its tests)."""

from __future__ import annotations

import pytest

from tests.docs._pages import ROOT, parse

pytest_plugins = ["pytester"]

PAGE = "docs/cookbook.md"
HEADING = "## A pytest suite on the emulator"


def pytest_recipe() -> str:
    """The code of the first Python block after the recipe's heading."""
    text = (ROOT / PAGE).read_text("utf-8")
    heading_line = text.splitlines().index(HEADING) + 1
    return next(example.code for example in parse(PAGE, text) if example.line > heading_line)


def test_the_pytest_recipe_passes_under_pytest(pytester: pytest.Pytester) -> None:
    """Its four tests pass with the plugin's fixtures, in auto mode as the recipe says."""
    code = pytest_recipe()
    assert "def test_code_that_makes_its_own_client(elasticio_served" in code
    pytester.makeini(
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"
    )
    pytester.makepyfile(test_recipe=code)
    pytester.runpytest("-p", "no:hypothesispytest").assert_outcomes(passed=4)
