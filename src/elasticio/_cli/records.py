"""The read commands around flows: ``whoami``, ``components``, ``credentials``,
``workspaces``, ``contracts`` and ``executions verify-credential``.

Examples:
    ```console
    $ elasticio whoami
    $ elasticio components list --contract CONTRACT_ID --access private
    $ elasticio credentials list --workspace WORKSPACE_ID --json
    ```
"""

from __future__ import annotations

import json
from typing import Any

import click

from elasticio import AsyncClient, ComponentAccess, Credential, ExecutionFailedError
from elasticio._cli.context import Connection, fail, pass_connection, run_with_client
from elasticio._cli.output import Format, format_options, print_json, print_records

__all__ = [
    "components",
    "contracts",
    "credentials",
    "executions",
    "public_credential",
    "whoami",
    "workspaces",
]


@click.command()
@pass_connection
def whoami(connection: Connection) -> None:
    """Print who the credentials sign in as, and where.

    \b
    Examples:
      ELASTICIO_API_USERNAME=me@example.com ELASTICIO_API_KEY=... elasticio whoami
    """

    async def work(client: AsyncClient) -> dict[str, Any]:
        user = await client.users.me()
        return {**user.to_dict(), "base_url": str(client.base_url)}

    me = run_with_client(connection, work)
    for key in ("email", "id", "first_name", "last_name", "base_url"):
        if me.get(key) is not None:
            click.echo(f"{key}: {me[key]}")


async def _contract(client: AsyncClient, contract_id: str | None) -> str:
    """The contract given, else the caller's only contract."""
    if contract_id:
        return contract_id
    contracts = await client.contracts.list().collect()
    if len(contracts) != 1:
        fail(f"you are in {len(contracts)} contracts: name one with --contract", 2)
    return contracts[0].id


contract_option = click.option(
    "--contract",
    "contract_id",
    metavar="ID",
    help="The contract's id (default: your only contract).",
)


@click.group()
def components() -> None:
    """Components of a contract: list, their versions, their descriptors.

    \b
    Examples:
      elasticio components versions COMPONENT_ID
    """


@components.command("list")
@contract_option
@click.option("--access", type=click.Choice(["private", "public", "all"]), help="Filter.")
@format_options
@pass_connection
def list_components(
    connection: Connection,
    contract_id: str | None,
    access: ComponentAccess | None,
    output: Format | None,
) -> None:
    """List the components available to a contract.

    \b
    Examples:
      elasticio components list --access private
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        contract = await _contract(client, contract_id)
        listing = client.components.list(contract_id=contract, access=access)
        return [component.to_dict() async for component in listing]

    records = run_with_client(connection, work)
    print_records(records, ("id", "name", "team_name", "access"), output, title="Components")


@components.command("versions")
@click.argument("component_id")
@format_options
@pass_connection
def component_versions(connection: Connection, component_id: str, output: Format | None) -> None:
    """List the builds of a component.

    \b
    Examples:
      elasticio components versions COMPONENT_ID --json
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        return [v.to_dict() for v in await client.components.versions(component_id)]

    records = run_with_client(connection, work)
    print_records(records, ("id", "version_number", "date"), output, title="Versions")


@components.command("descriptor")
@click.argument("component_id")
@click.option("--revision", default="latest", show_default=True, help="A build's revision.")
@pass_connection
def component_descriptor(connection: Connection, component_id: str, revision: str) -> None:
    """Print the descriptor (component.json) of a build as JSON.

    \b
    Examples:
      elasticio components descriptor COMPONENT_ID --revision latest
    """
    descriptor = run_with_client(
        connection, lambda client: client.components.descriptor(component_id, revision)
    )
    print_json(descriptor.to_dict())


def public_credential(credential: Credential) -> dict[str, Any]:
    """A credential's record without its secrets: ``keys`` and ``extra`` are left out."""
    record = credential.to_dict()
    record.pop("keys", None)
    record.pop("extra", None)
    return record


@click.group()
def credentials() -> None:
    """Credentials of a workspace (their secrets are never printed).

    \b
    Examples:
      elasticio credentials list -w WORKSPACE_ID
    """


@credentials.command("list")
@click.option("--workspace", "-w", "workspace_id", metavar="ID", required=True)
@click.option("--component", "component_id", metavar="ID", help="Only this component's.")
@format_options
@pass_connection
def list_credentials(
    connection: Connection, workspace_id: str, component_id: str | None, output: Format | None
) -> None:
    """List the credentials of a workspace: names and ids, no secrets.

    \b
    Examples:
      elasticio credentials list -w WORKSPACE_ID --component COMPONENT_ID
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        listing = client.credentials.list(workspace_id=workspace_id, component_id=component_id)
        return [public_credential(credential) async for credential in listing]

    records = run_with_client(connection, work)
    print_records(records, ("id", "name", "component_id"), output, title="Credentials")


@click.group()
def workspaces() -> None:
    """Workspaces you are a member of.

    \b
    Examples:
      elasticio workspaces list
    """


@workspaces.command("list")
@click.option("--contract", "contract_id", metavar="ID", help="Only this contract's.")
@format_options
@pass_connection
def list_workspaces(connection: Connection, contract_id: str | None, output: Format | None) -> None:
    """List the workspaces you are a member of.

    \b
    Examples:
      elasticio workspaces list --contract CONTRACT_ID --jsonl
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        listing = client.workspaces.list(contract_id=contract_id)
        return [workspace.to_dict() async for workspace in listing]

    records = run_with_client(connection, work)
    print_records(records, ("id", "name", "type", "contract_id"), output, title="Workspaces")


@click.group()
def contracts() -> None:
    """Contracts you are a member of.

    \b
    Examples:
      elasticio contracts list
    """


@contracts.command("list")
@format_options
@pass_connection
def list_contracts(connection: Connection, output: Format | None) -> None:
    """List the contracts you are a member of.

    \b
    Examples:
      elasticio contracts list --json
    """

    async def work(client: AsyncClient) -> list[dict[str, Any]]:
        return [contract.to_dict() async for contract in client.contracts.list()]

    print_records(run_with_client(connection, work), ("id", "name"), output, title="Contracts")


@click.group()
def executions() -> None:
    """Executions a component runs for you: a credential check.

    \b
    Examples:
      elasticio executions verify-credential COMPONENT_ID -w WORKSPACE_ID --fields @keys.json
    """


def _fields(text: str) -> dict[str, Any]:
    if text.startswith("@"):
        with click.open_file(text[1:], encoding="utf-8") as source:
            text = source.read()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"not JSON: {exc}", param_hint="--fields") from exc
    if not isinstance(value, dict):
        raise click.BadParameter("must be a JSON object", param_hint="--fields")
    return value


@executions.command("verify-credential")
@click.argument("component_id")
@click.option("--workspace", "-w", "workspace_id", metavar="ID", required=True)
@click.option(
    "--fields",
    "fields_text",
    metavar="JSON|@FILE",
    required=True,
    help="The credential's fields, as JSON or @file ('@-': stdin).",
)
@click.option("--version", "version", default="latest", show_default=True, help="A build.")
@click.option("--timeout", type=click.FloatRange(min=0), help="Seconds to wait for the result.")
@pass_connection
def verify_credential(
    connection: Connection,
    component_id: str,
    workspace_id: str,
    fields_text: str,
    version: str,
    timeout: float | None,
) -> None:
    """Check credential fields against a component and wait for the verdict; exit 1
    when the component says they are not valid. The fields are never printed.

    \b
    Examples:
      elasticio executions verify-credential COMPONENT_ID -w WORKSPACE_ID --fields @keys.json
    """
    fields = _fields(fields_text)

    async def work(client: AsyncClient) -> Any:
        execution = await client.executions.verify_credential(
            component_id, version, workspace_id=workspace_id, fields=fields
        )
        try:
            return dict((await execution.result(timeout=timeout)).result)
        except ExecutionFailedError as exc:
            return {"verified": False, "reason": exc.reason}

    result = run_with_client(connection, work)
    print_json(result)
    if not (isinstance(result, dict) and result.get("verified") is True):
        click.get_current_context().exit(1)
