"""The ``elasticio`` command itself: its installation, ``--version`` and its usage errors."""

from __future__ import annotations

import importlib.metadata

import pytest

import elasticio
from elasticio._cli import build_parser, main


def test_elasticio_command_is_installed() -> None:
    """``elasticio`` is a console script and ``elasticio`` a pytest plugin of the package."""
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="elasticio")
    assert script.value == "elasticio._cli:main"
    assert script.load() is main
    (plugin,) = importlib.metadata.entry_points(group="pytest11", name="elasticio")
    assert plugin.value == "elasticio.testing._pytest_plugin"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio --version`` prints the installed version."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"elasticio {elasticio.__version__}\n"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio --help`` names every subcommand, in order."""
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.index("emulator") < out.index("demo")
    assert build_parser().prog == "elasticio"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: COMMAND"),
        (["emulator"], "required: ACTION"),
        (["demo", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments exit with status 2 and say what is wrong."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: elasticio ")
    assert message in err
