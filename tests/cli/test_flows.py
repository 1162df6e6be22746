"""``elasticio flows ...`` against the emulator, in process."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import httpx
import pytest

from elasticio.testing import Emulator
from tests.cli.conftest import Invoke


def flows_of(emulator: Emulator, workspace_id: str) -> list[object]:
    return [f for f in emulator.platform.flows.values() if f.workspace_id == workspace_id]


def test_list_filters_sorts_and_prints_json_lines(invoke: Invoke, emulator: Emulator) -> None:
    """Filters and sort reach the API; --jsonl prints one flow object a line."""
    sandbox = emulator.seed.private_workspace_id
    result = invoke(
        "flows", "list", "-w", sandbox, "--status", "active", "--sort", "-name", "--jsonl"
    )
    assert result.exit_code == 0, result.output
    flows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(flows) == 25
    assert {f["status"] for f in flows} == {"active"}
    names = [f["name"] for f in flows]
    assert names == sorted(names, reverse=True)
    assert "graph" in flows[0]


def test_list_prints_tab_separated_lines_when_piped(invoke: Invoke, emulator: Emulator) -> None:
    """Not a terminal: id, name, status, current status, type, cron; no header."""
    result = invoke("flows", "list", "-w", emulator.seed.workspace_id, "--search", "Zendesk")
    lines = result.stdout.splitlines()
    assert lines
    assert all(len(line.split("\t")) == 6 and "Zendesk" in line for line in lines)


def test_get_prints_the_flow_with_its_graph(invoke: Invoke, emulator: Emulator) -> None:
    """``flows get`` prints to_dict() as JSON."""
    flow = json.loads(invoke("flows", "get", emulator.seed.flow_id).stdout)
    assert flow["id"] == emulator.seed.flow_id
    assert flow["graph"]["nodes"][0]["id"] == "step_1"


def test_get_of_an_unknown_flow_fails(invoke: Invoke) -> None:
    """A 404 is status 1 with the SDK's description."""
    result = invoke("flows", "get", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("elasticio: NotFoundError: 404")


def test_start_by_pattern_starts_only_matching_inactive_flows(
    invoke: Invoke, emulator: Emulator
) -> None:
    """--match picks inactive flows by name (case-insensitive); --wait waits for active."""
    sandbox = emulator.seed.private_workspace_id
    before = [attrs.evolve(f) for f in flows_of(emulator, sandbox) if f.name.startswith("Stripe")]
    result = invoke("flows", "start", "-w", sandbox, "--match", "stripe*", "--wait")
    assert result.exit_code == 0, result.output
    stripe = [f for f in flows_of(emulator, sandbox) if f.name.startswith("Stripe")]
    assert {f.status for f in stripe} == {"active"}
    assert result.stdout.count("\nstarted Stripe ") == sum(f.status == "inactive" for f in before)
    assert "  failed:         0\n" in result.stdout
    assert "  429s absorbed:  0\n" in result.stdout


def test_start_reads_ids_from_stdin_and_reports_failures(
    invoke: Invoke, emulator: Emulator
) -> None:
    """'-' reads ids a line (first word); an item that fails makes the status 1 and is
    listed on stderr with its reason."""
    inactive = [
        f.id for f in flows_of(emulator, emulator.seed.workspace_id) if f.status == "inactive"
    ]
    lines = f"{inactive[0]}\tsome name\n{inactive[1]}\n\nmissing-flow\n"
    result = invoke("flows", "start", "-", "--concurrency", "2", input=lines)
    assert result.exit_code == 1
    assert emulator.platform.flows[inactive[0]].status == "active"
    assert emulator.platform.flows[inactive[1]].status == "active"
    assert "  done:           2 (2 started)\n" in result.stdout
    assert "  failed:         1\n" in result.stdout
    assert "missing-flow: NotFoundError: 404" in result.stderr


def test_stop_by_id(invoke: Invoke, emulator: Emulator) -> None:
    """``flows stop ID`` stops an active flow."""
    active = next(f.id for f in emulator.platform.flows.values() if f.status == "active")
    result = invoke("flows", "stop", active)
    assert result.exit_code == 0, result.output
    assert emulator.platform.flows[active].status == "inactive"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("flows", "start"), "name flows by id"),
        (("flows", "start", "x", "--match", "y", "-w", "w"), "not both"),
        (("flows", "stop", "--match", "y"), "--match needs --workspace"),
    ],
)
def test_bulk_selection_errors(invoke: Invoke, args: tuple[str, ...], message: str) -> None:
    """A missing or doubled selection is a usage error."""
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_delete_asks_first(invoke: Invoke, emulator: Emulator) -> None:
    """Without --yes the command asks; 'n' deletes nothing, 'y' deletes."""
    flow_id = emulator.seed.flow_id
    refused = invoke("flows", "delete", flow_id, input="n\n")
    assert refused.exit_code == 1
    assert flow_id in emulator.platform.flows
    accepted = invoke("flows", "delete", flow_id, input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert flow_id not in emulator.platform.flows


def test_delete_with_yes_by_pattern(invoke: Invoke, emulator: Emulator) -> None:
    """--yes deletes every matching flow without asking."""
    sandbox = emulator.seed.private_workspace_id
    before = len(flows_of(emulator, sandbox))
    result = invoke("flows", "delete", "-w", sandbox, "--match", "*SAP*", "--yes")
    assert result.exit_code == 0, result.output
    left = flows_of(emulator, sandbox)
    assert all("SAP" not in f.name for f in left)
    assert len(left) < before


def test_export_then_import_into_the_same_workspace_changes_nothing(
    invoke: Invoke, emulator: Emulator, tmp_path: Path
) -> None:
    """Re-importing an unchanged export matches every flow by id: all unchanged."""
    sandbox = emulator.seed.private_workspace_id
    assert invoke("flows", "export", "-w", sandbox, "-o", str(tmp_path)).exit_code == 0
    assert len(list(tmp_path.glob("*.json"))) == 100
    dry = invoke("flows", "import", "-w", sandbox, str(tmp_path), "--dry-run")
    assert dry.stdout.endswith("dry run: 0 to create, 0 to update, 100 unchanged\n")


def test_import_dry_run_shows_changes_and_makes_none(
    invoke: Invoke, emulator: Emulator, tmp_path: Path
) -> None:
    """An edited file is an update of the fields that differ; a file with an unknown id
    and name is a create; --dry-run sends no write."""
    flow = json.loads(invoke("flows", "get", emulator.seed.flow_id).stdout)
    edited = {**flow, "cron": "0 2 * * *"}
    new = {**flow, "id": "elsewhere", "name": "Brand new"}
    (tmp_path / "a.json").write_text(json.dumps(edited))
    (tmp_path / "b.json").write_text(json.dumps(new))
    writes_before = sum(r.method != "GET" for r in emulator.requests)
    dry = invoke("flows", "import", "-w", emulator.seed.workspace_id, str(tmp_path), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stdout.splitlines() == [
        f"update {flow['name']} ({flow['id']}): cron",
        "create Brand new",
        "dry run: 1 to create, 1 to update, 0 unchanged",
    ]
    assert sum(r.method != "GET" for r in emulator.requests) == writes_before
    done = invoke("flows", "import", "-w", emulator.seed.workspace_id, str(tmp_path))
    assert done.exit_code == 0, done.output
    assert emulator.platform.flows[flow["id"]].cron == "0 2 * * *"
    assert "  done:           2 (1 created, 1 updated)\n" in done.stdout


def test_import_refuses_a_file_that_is_no_flow(invoke: Invoke, tmp_path: Path) -> None:
    """A file without a name or graph is a usage error naming the file."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x"}')
    result = invoke("flows", "import", "-w", "w", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: not an exported flow" in result.stderr


def test_ctrl_c_stops_a_bulk_run_and_reports_what_was_done(
    invoke: Invoke, emulator: Emulator
) -> None:
    """KeyboardInterrupt mid-run: status 130, a summary of what finished, and no flow's
    start sent twice."""
    inactive = [
        f.id for f in flows_of(emulator, emulator.seed.workspace_id) if f.status == "inactive"
    ]
    transport = emulator.transport()
    starts: list[str] = []

    class Interrupting(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/start"):
                starts.append(request.url.path)
                if len(starts) == 6:
                    raise KeyboardInterrupt
            return await transport.handle_async_request(request)

    def make_client(**settings: object) -> object:
        return emulator.client(transport=Interrupting(), **settings)

    from click.testing import CliRunner

    from elasticio._cli.context import Connection
    from elasticio._cli.tree import cli

    result = CliRunner().invoke(
        cli,
        ["flows", "start", "--concurrency", "2", *inactive[:40]],
        obj=Connection(make_client=make_client),
    )
    assert result.exit_code == 130, result.output
    assert "Starting flows: interrupted\n" in result.stdout
    assert len(starts) == len(set(starts)) == 6
    # A start cut off in flight may have reached the platform: it is not counted as done,
    # and it is not sent again.
    started = sum(emulator.platform.flows[i].status == "active" for i in inactive[:40])
    done = 40 - int(result.stdout.rsplit("not finished:", 1)[1])
    assert f"  done:           {done} ({done} started)\n" in result.stdout
    assert done <= started <= done + 2


@pytest.mark.parametrize("arrived", [True, False])
def test_a_start_whose_connection_broke_is_checked_before_it_is_sent_again(
    emulator: Emulator, arrived: bool
) -> None:
    """A connection error on a start: the flow is read; started already, it is done;
    still inactive, the start is sent once more. Never two starts that both arrived."""
    from click.testing import CliRunner

    from elasticio._cli.context import Connection
    from elasticio._cli.tree import cli

    flow_id = emulator.seed.flow_id
    transport = emulator.transport()
    broken: list[str] = []

    class Breaking(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/start") and not broken:
                broken.append(request.url.path)
                if arrived:
                    await transport.handle_async_request(request)
                raise httpx.ReadError("connection reset", request=request)
            return await transport.handle_async_request(request)

    result = CliRunner().invoke(
        cli,
        ["flows", "start", flow_id],
        obj=Connection(make_client=lambda **kw: emulator.client(transport=Breaking(), **kw)),
    )
    assert result.exit_code == 0, result.output
    accepted = [r for r in emulator.requests if r.path.endswith("/start") and r.status == 202]
    assert len(accepted) == 1
    assert emulator.platform.flows[flow_id].status == "active"
