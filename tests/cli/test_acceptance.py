"""The command's acceptance runs: every flow of a platform exported and re-imported into
an empty workspace; a bulk start under a rate limit, over a socket."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from elasticio import run_bounded
from elasticio._cli.tree import cli
from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator
from tests.cli.conftest import Invoke


async def vary_the_flows(emulator: Emulator) -> None:
    """Give every third flow a cron and every fifth a credential on its second step."""
    credential = emulator.seed.credential_ids["petstore"]
    async with emulator.client() as client:
        flows = sorted(emulator.platform.flows.values(), key=lambda f: f.id)

        async def vary(position: int) -> None:
            flow = flows[position]
            graph: dict[str, Any] = json.loads(json.dumps(flow.graph))
            if position % 5 == 0:
                graph["nodes"][1]["credentials_id"] = credential
            cron = "*/5 * * * *" if position % 3 == 0 else None
            await client.flows.update(flow.id, graph=graph, cron=cron)

        result = await run_bounded(vary, range(len(flows)), concurrency=8)
        assert result.ok


async def empty_workspace(emulator: Emulator) -> str:
    async with emulator.client() as client:
        workspace = await client.workspaces.create("Empty", contract_id=emulator.seed.contract_id)
    return workspace.id


def test_export_then_import_into_an_empty_workspace_reproduces_300_flows(
    invoke: Invoke, emulator: Emulator, tmp_path: Path
) -> None:
    """Names, graphs (credential references included), cron, type and description of all
    300 flows arrive in an empty workspace; a second import changes nothing."""
    asyncio.run(vary_the_flows(emulator))
    for workspace in (emulator.seed.workspace_id, emulator.seed.private_workspace_id):
        result = invoke("flows", "export", "-w", workspace, "-o", str(tmp_path))
        assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.json"))) == 300
    target = asyncio.run(empty_workspace(emulator))

    result = invoke("flows", "import", "-w", target, str(tmp_path), "--concurrency", "8")
    assert result.exit_code == 0, result.output
    assert "  done:           300 (300 created)\n" in result.stdout

    def shape(flow: Any) -> tuple[Any, ...]:
        graph = json.dumps(flow.graph, sort_keys=True)
        return (flow.name, flow.type, flow.cron, flow.description, graph)

    originals = [f for f in emulator.platform.flows.values() if f.workspace_id != target]
    copies = [f for f in emulator.platform.flows.values() if f.workspace_id == target]
    assert sorted(map(shape, copies)) == sorted(map(shape, originals))
    assert sum(f.cron is not None for f in copies) == 100
    with_credential = [f for f in copies if "credentials_id" in f.graph["nodes"][1]]
    assert len(with_credential) == 60

    again = invoke("flows", "import", "-w", target, str(tmp_path), "--dry-run")
    assert again.stdout.endswith("dry run: 0 to create, 0 to update, 300 unchanged\n")


def test_bulk_start_under_a_rate_limit_over_a_socket_starts_every_flow_once() -> None:
    """200 flows started 32 at a time against 40 requests a second: each started once,
    none missed, the 429s absorbed and counted in the summary."""
    emulator = Emulator(settings=EmulatorSettings(rate_limit=40))
    seed = emulator.seed
    ids = {
        emulator.platform.flows.create(
            workspace_id=seed.private_workspace_id,
            user_id=seed.owner.id,
            name=f"Bulk {number:04d}",
            graph={"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []},
        ).id
        for number in range(200)
    }
    with ServedEmulator.start_in_thread(emulator) as served:
        result = CliRunner().invoke(
            cli,
            [
                "flows",
                "start",
                "-w",
                seed.private_workspace_id,
                "--match",
                "bulk *",
                "--concurrency",
                "32",
            ],
            env=served.environment,
            prog_name="elasticio",
        )
    assert result.exit_code == 0, result.output
    starts = Counter(
        r.path.split("/")[3]
        for r in emulator.requests
        if r.method == "POST" and r.path.endswith("/start") and r.status == 202
    )
    assert set(starts) == ids
    assert set(starts.values()) == {1}
    assert {emulator.platform.flows[i].status for i in ids} == {"active"}
    summary = result.stdout.split("Starting flows: finished\n")[1]
    assert "  done:           200 (200 started)\n  failed:         0\n" in summary
    absorbed = int(summary.split("429s absorbed:")[1].split()[0])
    assert absorbed > 0
