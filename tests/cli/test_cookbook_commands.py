"""Every ``elasticio`` command of docs/cookbook.md runs, in order, against one emulator in
process, and does what the recipe says."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from elasticio.testing import Emulator
from tests.cli.conftest import Invoke
from tests.cli.test_docs_page import console_commands

PAGE = Path(__file__).parents[2] / "docs" / "cookbook.md"


def test_the_recipes_commands_run_and_do_their_job(
    invoke: Invoke, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export then import copies a workspace's flows; stop --match stops the matching ones."""
    monkeypatch.chdir(tmp_path)
    seed = emulator.seed
    ids = {"OTHER_WORKSPACE_ID": seed.private_workspace_id, "WORKSPACE_ID": seed.workspace_id}
    commands = [command for command, _ in console_commands(PAGE.read_text("utf-8"))]
    assert len(commands) == 4
    before = {flow.id for flow in emulator.platform.flows.values()}
    backups = [
        flow
        for flow in emulator.platform.flows.values()
        if flow.workspace_id == seed.workspace_id
        and flow.status == "active"
        and "nightly backup" in flow.name.lower()
    ]
    assert len(backups) == 9
    for command in commands:
        for placeholder, value in ids.items():
            command = command.replace(placeholder, value)
        result = invoke(*shlex.split(command)[1:])
        assert result.exit_code == 0, f"{command}\n{result.output}"

    flows = emulator.platform.flows.values()
    exported = sorted(tmp_path.joinpath("flows").glob("*.json"))
    assert len(exported) == 200
    copies = [flow for flow in flows if flow.id not in before]
    assert len(copies) == 200
    assert {flow.workspace_id for flow in copies} == {seed.private_workspace_id}
    originals = {json.loads(path.read_text("utf-8"))["name"] for path in exported}
    assert {flow.name for flow in copies} == originals
    now = emulator.clock.now()
    assert {(flow.status, flow.current_status(now)) for flow in backups} == {
        ("inactive", "inactive")
    }
    still_active = [flow for flow in flows if flow.status == "active"]
    assert len(still_active) == 75 - len(backups)
