"""``elasticio flows ...``: list, get, export, import, start, stop, delete.

Examples:
    ```console
    $ elasticio flows list --workspace WORKSPACE_ID --status inactive --sort -updated_at
    $ elasticio flows export --workspace WORKSPACE_ID --out flows/
    $ elasticio flows import --workspace OTHER_WORKSPACE_ID flows/ --dry-run
    $ elasticio flows start --workspace WORKSPACE_ID --match 'Shopify*' --wait
    ```
"""

from __future__ import annotations

import fnmatch
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from elasticio import APIConnectionError, AsyncClient, FlowSort, FlowStatus, FlowType
from elasticio._cli.bulk import concurrency_option, run_bulk
from elasticio._cli.context import Connection, fail, pass_connection, run_with_client
from elasticio._cli.output import Format, format_options, print_json, print_records
from elasticio._cli.transfer import Change, export_path, plan_import, read_exports

__all__ = ["FlowRef", "flows"]

COLUMNS = ("id", "name", "status", "current_status", "type", "cron")

workspace_option = click.option(
    "--workspace", "-w", "workspace_id", metavar="ID", help="The workspace's id."
)


@click.group()
def flows() -> None:
    """Flows of a workspace: list, read, export and import, start, stop, delete.

    \b
    Examples:
      elasticio flows list -w WORKSPACE_ID --status active
    """


@flows.command("list")
@click.option("--workspace", "-w", "workspace_id", metavar="ID", required=True)
@click.option("--status", type=click.Choice(["active", "inactive"]), help="Only these flows.")
@click.option("--type", "type_", type=click.Choice(["ordinary", "long_running"]))
@click.option("--user", "user_id", metavar="ID", help="Only the flows this user created.")
@click.option("--component", "component_id", metavar="ID", help="Only flows using it.")
@click.option("--has-draft/--no-draft", default=None, help="Only flows with (or without) a draft.")
@click.option("--search", metavar="WORDS", help="Words in the name or description.")
@click.option("--sort", metavar="FIELD", help="A field, '-' first for descending order.")
@format_options
@pass_connection
def list_flows(
    connection: Connection,
    workspace_id: str,
    status: FlowStatus | None,
    type_: FlowType | None,
    user_id: str | None,
    component_id: str | None,
    has_draft: bool | None,
    search: str | None,
    sort: FlowSort | None,
    output: Format | None,
) -> None:
    """List the flows of a workspace: a table on a terminal, tab-separated lines when
    piped, or JSON.

    \b
    Examples:
      elasticio flows list -w WORKSPACE_ID --search shopify --sort -updated_at --jsonl
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        listing = client.flows.list(
            workspace_id,
            status=status,
            type=type_,
            user_id=user_id,
            component_id=component_id,
            has_draft=has_draft,
            search=search,
            sort=sort,
        )
        return [flow.to_dict() async for flow in listing]

    print_records(run_with_client(connection, work), COLUMNS, output, title="Flows")


@flows.command("get")
@click.argument("flow_id")
@pass_connection
def get_flow(connection: Connection, flow_id: str) -> None:
    """Print one flow as JSON, graph included.

    \b
    Examples:
      elasticio flows get FLOW_ID
    """
    flow = run_with_client(connection, lambda client: client.flows.get(flow_id))
    print_json(flow.to_dict())


@flows.command("export")
@click.option("--workspace", "-w", "workspace_id", metavar="ID", required=True)
@click.option(
    "--out",
    "-o",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The directory for the files (made when missing).",
)
@click.option("--search", metavar="WORDS", help="Only flows with these words.")
@pass_connection
def export_flows(
    connection: Connection, workspace_id: str, directory: Path, search: str | None
) -> None:
    """Write every flow of a workspace to a JSON file of its own, ``<flow id>.json``,
    fit for ``flows import``.

    \b
    Examples:
      elasticio flows export -w WORKSPACE_ID -o flows/
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        return [flow.to_dict() async for flow in client.flows.list(workspace_id, search=search)]

    exported = run_with_client(connection, work)
    directory.mkdir(parents=True, exist_ok=True)
    for flow in exported:
        text = json.dumps(flow, indent=2, ensure_ascii=False) + "\n"
        export_path(directory, flow).write_text(text, encoding="utf-8")
    click.echo(f"exported {len(exported)} flows of {workspace_id} to {directory}")


@flows.command("import")
@click.option("--workspace", "-w", "workspace_id", metavar="ID", required=True)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; change nothing.")
@concurrency_option
@pass_connection
def import_flows(
    connection: Connection,
    workspace_id: str,
    paths: tuple[Path, ...],
    dry_run: bool,
    concurrency: int,
) -> None:
    """Create or update the flows of a workspace from export files (or directories of
    them). A file matches a flow of the workspace by id, then by name; a file that
    matches none creates an inactive flow. --dry-run prints each create and update (the
    fields it changes) and a count; it changes nothing.

    \b
    Examples:
      elasticio flows import -w WORKSPACE_ID flows/ --dry-run
    """
    try:
        exported = read_exports(paths)
    except ValueError as exc:
        fail(str(exc), 2)

    async def plan(client: AsyncClient) -> list[Change]:
        existing = [flow.to_dict() async for flow in client.flows.list(workspace_id)]
        return plan_import(exported, existing)

    if dry_run:
        changes = run_with_client(connection, plan)
        for change in changes:
            if change.action != "unchanged":
                click.echo(change.describe())
        counts = {a: sum(c.action == a for c in changes) for a in ("create", "update")}
        unchanged = len(changes) - sum(counts.values())
        click.echo(
            f"dry run: {counts['create']} to create, {counts['update']} to update, "
            f"{unchanged} unchanged"
        )
        return

    async def apply(client: AsyncClient, change: Change) -> str:
        if change.action == "unchanged":
            return "unchanged"
        fields = dict(change.fields)
        if change.flow_id is not None:
            await client.flows.update(change.flow_id, **fields)
            return "updated"
        name = fields.pop("name")
        graph = fields.pop("graph")
        await client.flows.create(workspace_id, name, graph=graph, **fields)
        return "created"

    status = run_bulk(
        connection,
        collect=plan,
        operation=apply,
        label=lambda change: change.name,
        title="Importing flows",
        concurrency=concurrency,
    )
    click.get_current_context().exit(status)


@attrs.frozen
class FlowRef:
    """A flow picked for a bulk command."""

    id: str
    name: str | None = None

    def label(self) -> str:
        return f"{self.name} ({self.id})" if self.name else self.id


def _ids_from(ids: Sequence[str]) -> list[str]:
    if list(ids) == ["-"]:
        stdin = sys.stdin
        return [line.split()[0] for line in stdin if line.strip()]
    return list(ids)


def _selector(
    ids: Sequence[str], match: str | None, workspace_id: str | None, status: FlowStatus | None
) -> Callable[[AsyncClient], Awaitable[list[FlowRef]]]:
    """The coroutine function that lists the flows a bulk command works on."""
    if bool(ids) == bool(match):
        raise click.UsageError("name flows by id (or '-' for stdin), or --match; not both")
    if match and not workspace_id:
        raise click.UsageError("--match needs --workspace")
    chosen = _ids_from(ids)

    async def collect(client: AsyncClient) -> list[FlowRef]:
        if not match:
            return [FlowRef(flow_id) for flow_id in chosen]
        assert workspace_id is not None  # noqa: S101 - checked above
        pattern = match.casefold()
        return [
            FlowRef(flow.id, flow.name)
            async for flow in client.flows.list(workspace_id, status=status)
            if fnmatch.fnmatchcase((flow.name or "").casefold(), pattern)
        ]

    return collect


selection = [
    click.argument("ids", nargs=-1, metavar="[FLOW_ID]... | -"),
    click.option("--match", metavar="PATTERN", help="Flows whose name matches this shell pattern."),
    workspace_option,
]


def _with_selection(command: Any) -> Any:
    for decorate in reversed(selection):
        command = decorate(command)
    return command


def _switch(verb: str, target: FlowStatus) -> click.Command:
    """``flows start`` or ``flows stop``."""
    other: FlowStatus = "inactive" if target == "active" else "active"
    title = "Starting flows" if verb == "start" else "Stopping flows"

    @click.command(verb)
    @_with_selection
    @click.option("--wait", is_flag=True, help=f"Wait until each flow is {target}.")
    @concurrency_option
    @pass_connection
    def command(
        connection: Connection,
        ids: tuple[str, ...],
        match: str | None,
        workspace_id: str | None,
        wait: bool,
        concurrency: int,
    ) -> None:
        collect = _selector(ids, match, workspace_id, other)

        async def send(client: AsyncClient, flow: FlowRef) -> None:
            if verb == "start":
                await client.flows.start(flow.id, wait=wait)
            else:
                await client.flows.stop(flow.id, wait=wait)

        async def switch(client: AsyncClient, flow: FlowRef) -> str:
            word = "started" if verb == "start" else "stopped"
            try:
                await send(client, flow)
            except APIConnectionError:
                # The SDK does not re-send a write whose connection broke: it may have
                # arrived. The flow's status tells: the platform sets it on accepting.
                if (await client.flows.get(flow.id)).status == target:
                    return word
                await send(client, flow)
            return word

        status = run_bulk(
            connection,
            collect=collect,
            operation=switch,
            label=FlowRef.label,
            title=title,
            concurrency=concurrency,
        )
        click.get_current_context().exit(status)

    command.help = (
        f"{verb.capitalize()} flows: by id, ids from stdin ('-'), or every {other} flow of a "
        f"workspace whose name matches --match.\n\n"
        f"\b\nExamples:\n  elasticio flows {verb} -w WORKSPACE_ID --match 'Shopify*' --wait\n"
        f"  elasticio flows list -w WORKSPACE_ID --status {other} | elasticio flows {verb} -"
    )
    return command


flows.add_command(_switch("start", "active"))
flows.add_command(_switch("stop", "inactive"))


@flows.command("delete")
@_with_selection
@click.option("--yes", "-y", is_flag=True, help="Do not ask.")
@concurrency_option
@pass_connection
def delete_flows(
    connection: Connection,
    ids: tuple[str, ...],
    match: str | None,
    workspace_id: str | None,
    yes: bool,
    concurrency: int,
) -> None:
    """Delete flows (by id, ids from stdin, or --match), after asking unless --yes.

    \b
    Examples:
      elasticio flows delete -w WORKSPACE_ID --match 'tmp-*' --yes
    """
    collect = _selector(ids, match, workspace_id, None)
    if not yes:
        chosen = run_with_client(connection, collect)
        if not chosen:
            click.echo("no flow to delete")
            return
        names = ", ".join(flow.label() for flow in chosen[:5])
        more = f" and {len(chosen) - 5} more" if len(chosen) > 5 else ""
        click.confirm(f"Delete {len(chosen)} flows: {names}{more}?", abort=True, err=True)

        async def confirmed(client: AsyncClient) -> list[FlowRef]:
            return chosen

        collect = confirmed

    async def delete(client: AsyncClient, flow: FlowRef) -> str:
        await client.flows.delete(flow.id)
        return "deleted"

    status = run_bulk(
        connection,
        collect=collect,
        operation=delete,
        label=FlowRef.label,
        title="Deleting flows",
        concurrency=concurrency,
    )
    click.get_current_context().exit(status)
