"""The ``elasticio`` command tree, on click: the root group, its connection options, and
every command in the order ``elasticio --help`` lists them.

Commands import rich, the emulator and the demo's display only when they run, so
``--help``, ``--version`` and shell completion stay quick.

Examples:
    ```console
    $ elasticio --help
    $ eval "$(_ELASTICIO_COMPLETE=bash_source elasticio)"
    ```
"""

from __future__ import annotations

import click

import elasticio
from elasticio._cli.api import api
from elasticio._cli.context import Connection
from elasticio._cli.demo.wiring import demo
from elasticio._cli.emulator import emulator
from elasticio._cli.flows import flows
from elasticio._cli.records import (
    components,
    contracts,
    credentials,
    executions,
    whoami,
    workspaces,
)

__all__ = ["COMMANDS", "cli"]


class _Ordered(click.Group):
    """Lists its commands in the order they were added, not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=_Ordered, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    elasticio.__version__, "--version", prog_name="elasticio", message="%(prog)s %(version)s"
)
@click.option("--email", metavar="EMAIL", help="Sign in as (default: $ELASTICIO_API_USERNAME).")
@click.option("--api-key", metavar="KEY", help="Your API key (default: $ELASTICIO_API_KEY).")
@click.option(
    "--base-url",
    metavar="URL",
    help="The API's URL (default: $ELASTICIO_API_URI, else https://api.elastic.io).",
)
@click.option("--max-retries", type=click.IntRange(min=0), help="Retries of a failed request.")
@click.pass_context
def cli(
    ctx: click.Context,
    email: str | None,
    api_key: str | None,
    base_url: str | None,
    max_retries: int | None,
) -> None:
    """The elastic.io platform from a shell: flows, components, credentials, any API
    request; the platform emulator and a demo.

    Credentials come from the flags or from ELASTICIO_API_USERNAME, ELASTICIO_API_KEY
    and ELASTICIO_API_URI, as the SDK reads them. Shell completion:
    eval "$(_ELASTICIO_COMPLETE=bash_source elasticio)" (zsh_source, fish_source).

    \b
    Examples:
      export ELASTICIO_API_USERNAME=me@example.com ELASTICIO_API_KEY=...
      elasticio whoami
      elasticio flows list -w WORKSPACE_ID --status active
    """
    connection = ctx.ensure_object(Connection)
    for name, value in (
        ("email", email),
        ("api_key", api_key),
        ("base_url", base_url),
        ("max_retries", max_retries),
    ):
        if value is not None:
            setattr(connection, name, value)


COMMANDS: tuple[click.Command, ...] = (
    whoami,
    api,
    flows,
    components,
    credentials,
    workspaces,
    contracts,
    executions,
    emulator,
    demo,
)
"""Every command of ``elasticio``, in the order of its help."""

for command in COMMANDS:
    cli.add_command(command)
