"""Every ``elasticio`` command shown in docs/cli.md runs, in order, against one emulator
in process; where the page shows a command's output, the output is that."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from elasticio.testing import Emulator
from tests.cli.conftest import Invoke

PAGE = Path(__file__).parents[2] / "docs" / "cli.md"
# Run elsewhere: they serve an emulator or a demo of their own (tests/cli/test_emulator.py,
# tests/cli/demo), or run outside the command.
NOT_HERE = ("elasticio emulator", "elasticio demo", "elasticio --version")


def console_commands(text: str) -> list[tuple[str, list[str]]]:
    """``(command line, output lines)`` of every ``$ elasticio`` line of console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found and found[-1][0].startswith("elasticio"):
                found[-1][1].append(line)
    return [
        (c, out) for c, out in found if c.startswith("elasticio") and not c.startswith(NOT_HERE)
    ]


def test_the_page_shows_the_commands() -> None:
    """The extraction finds the page's examples, outputs included."""
    commands = dict(console_commands(PAGE.read_text()))
    assert commands["elasticio contracts list"] == ["CONTRACT_ID\tAcme Integrations"]
    assert len(commands) >= 15


def test_every_command_of_the_page_runs(
    invoke: Invoke, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command exits 0 and prints what the page shows, when it shows something."""
    monkeypatch.chdir(tmp_path)
    seed = emulator.seed
    ids = {
        "OTHER_WORKSPACE_ID": seed.private_workspace_id,
        "WORKSPACE_ID": seed.workspace_id,
        "CONTRACT_ID": seed.contract_id,
        "COMPONENT_ID": seed.component_ids["petstore"],
        "FLOW_ID": seed.flow_id,
        "USER_ID": seed.owner.id,
    }

    def substitute(text: str) -> str:
        for placeholder, value in ids.items():
            text = text.replace(placeholder, value)
        return text

    for command, expected in console_commands(PAGE.read_text()):
        stdin = None
        for stage in substitute(command).split(" | "):
            result = invoke(*shlex.split(stage)[1:], input=stdin)
            assert result.exit_code == 0, f"{command}\n{result.output}"
            stdin = result.stdout
        if expected:
            assert result.stdout.splitlines() == [substitute(line) for line in expected], command
