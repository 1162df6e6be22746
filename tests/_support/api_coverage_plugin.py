"""The pytest side of the API coverage check (``tests/conftest.py`` loads it).

From the start of the session every :class:`~elasticio.testing.Emulator` is observed (see
:mod:`tests._support.api_recording`). When the whole suite ran (no ``-k``, ``-m``, no
deselection, every collected test finished, the tests directory given or implied), the
session ends by checking every catalog entry's coverage: the run fails when one is
uncovered and not in ``NOT_YET``, or listed there but covered, and the terminal summary
shows the per-area listing. A run of a subset checks nothing: what it exercised says
nothing about the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests._support.api_coverage import Coverage, coverage, listing, problems
from tests._support.api_recording import Recorder, observe_emulators

__all__ = ["TESTS", "CoverageCheck", "whole_suite"]

TESTS = Path(__file__).resolve().parents[1]
"""The tests directory: a run covers the suite when its arguments include it."""


def whole_suite(
    *,
    args: Sequence[str],
    invocation_dir: Path,
    keyword: str,
    markexpr: str,
    deselected: int,
    collected: int,
    finished: int,
    exitstatus: int,
) -> bool:
    """True when a run ran every test of the suite to its end.

    Example:
        >>> whole_suite(args=["tests"], invocation_dir=TESTS.parent, keyword="",
        ...     markexpr="", deselected=0, collected=9, finished=9, exitstatus=0)
        True
    """
    paths = [(invocation_dir / arg).resolve() for arg in args if "::" not in arg]
    return (
        any(path == TESTS or path in TESTS.parents for path in paths)
        and not keyword
        and not markexpr
        and deselected == 0
        and 0 < collected == finished
        and exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED)
    )


class CoverageCheck:
    """Records the SDK's requests to emulators, and checks the coverage at the end."""

    def __init__(self, config: pytest.Config) -> None:
        from elasticio.testing import Emulator

        self.config = config
        self.recorder = Recorder()
        self.patch = pytest.MonkeyPatch()
        observe_emulators(Emulator, self.recorder, self.patch)
        self.deselected = 0
        self.collected = 0
        self.finished: set[str] = set()
        self.rows: list[Coverage] | None = None
        self.problems: list[str] = []

    def pytest_deselected(self, items: Sequence[pytest.Item]) -> None:
        self.deselected += len(items)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.collected = len(session.items)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown":
            self.finished.add(report.nodeid)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        from elasticio.testing import Emulator

        option = self.config.option
        if not whole_suite(
            args=self.config.args,
            invocation_dir=self.config.invocation_params.dir,
            keyword=option.keyword,
            markexpr=option.markexpr,
            deselected=self.deselected,
            collected=self.collected,
            finished=len(self.finished),
            exitstatus=session.exitstatus,
        ):
            return
        self.rows = coverage(Emulator(), exercised=self.recorder.exercised)
        self.problems = problems(self.rows)
        if self.problems and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.rows is None:
            return
        terminalreporter.write_sep("=", "API coverage of the catalog, by area")
        for line in listing(self.rows):
            terminalreporter.write_line(line)
        if not self.problems:
            terminalreporter.write_line("every entry is covered or stands in NOT_YET")
            return
        terminalreporter.write_sep("-", "API coverage problems (the run fails)", red=True)
        for problem in self.problems:
            terminalreporter.write_line(problem, red=True)

    def pytest_unconfigure(self) -> None:
        self.patch.undo()


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(CoverageCheck(config), "elasticio-api-coverage")
