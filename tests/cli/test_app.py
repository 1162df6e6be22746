"""The ``elasticio`` command itself: installation, ``--version``, help, completion, usage
errors, and the hint when click is missing."""

from __future__ import annotations

import importlib.metadata

import click
import pytest
from click.testing import CliRunner

import elasticio
from elasticio._cli import main
from elasticio._cli.app import INSTALL_HINT
from elasticio._cli.tree import COMMANDS, cli
from tests._support.processes import python, stop


def every_command() -> list[tuple[str, ...]]:
    """The path of every command and group of the tree, e.g. ``("flows", "start")``."""
    paths: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, click.Group):
            for name, child in command.commands.items():
                walk(child, (*path, name))

    walk(cli, ())
    # The emulator's serve hands --help to elasticio.testing (see test_emulator).
    return [path for path in paths if path != ("emulator", "serve")]


def test_elasticio_command_is_installed() -> None:
    """``elasticio`` is a console script and ``elasticio`` a pytest plugin of the package."""
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="elasticio")
    assert script.value == "elasticio._cli:main"
    assert script.load() is main
    (plugin,) = importlib.metadata.entry_points(group="pytest11", name="elasticio")
    assert plugin.value == "elasticio.testing._pytest_plugin"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio --version`` prints the installed version, status 0."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"elasticio {elasticio.__version__}\n"


def test_help_lists_the_commands_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio --help`` names every command, in the tree's order."""
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    positions = [out.index(f"\n  {command.name} ") for command in COMMANDS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("path", every_command(), ids=lambda p: " ".join(p) or "elasticio")
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    """``--help`` of every command shows an example of it."""
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="elasticio")
    assert result.exit_code == 0, result.output
    assert "Examples:\n" in result.stdout
    assert f"elasticio {' '.join(path)}".rstrip() in result.stdout.split("Examples:")[1]


def test_completion_lists_the_commands() -> None:
    """click's completion (``_ELASTICIO_COMPLETE``) offers the commands and subcommands."""
    env = {"_ELASTICIO_COMPLETE": "bash_complete", "COMP_WORDS": "elasticio ", "COMP_CWORD": "1"}
    result = CliRunner().invoke(cli, [], prog_name="elasticio", env=env)
    offered = {line.split(",", 1)[1] for line in result.stdout.splitlines()}
    assert {command.name for command in COMMANDS} <= offered
    env = {**env, "COMP_WORDS": "elasticio flows st", "COMP_CWORD": "2"}
    result = CliRunner().invoke(cli, [], prog_name="elasticio", env=env)
    assert result.stdout.splitlines() == ["plain,start", "plain,stop"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["flows"], "Usage: elasticio flows [OPTIONS] COMMAND"),
        (["nope"], "No such command 'nope'"),
        (["demo", "--bogus"], "No such option '--bogus'"),
        (["flows", "list"], "Missing option '--workspace'"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments give status 2 and say what is wrong."""
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_credentials_missing_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No flag and no variable: the SDK's configuration error, status 1."""
    for name in ("ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["whoami"]) == 1
    assert "ConfigurationError: missing credentials" in capsys.readouterr().err


async def test_without_click_the_command_prints_how_to_install_it() -> None:
    """A missing click gives one line naming the 'cli' extra, status 1."""
    code = (
        "import sys; sys.modules['click'] = None; from elasticio._cli import main; "
        "sys.exit(main(['--help']))"
    )
    async with python("-c", code) as process:
        out, err = await stop(process)
    assert process.returncode == 1
    assert out == b""
    assert err.decode() == INSTALL_HINT + "\n"
    assert "pip install elasticio" not in INSTALL_HINT
