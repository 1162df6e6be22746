"""How a subcommand joins the ``elasticio`` command.

Each command module has a function that takes the subcommands of its parent and adds
its own parser with `add_command`, naming the function that runs it.

Examples:
    >>> def hello_command(subcommands: Subcommands) -> None:
    ...     add_command(subcommands, "hello", lambda args: 0, help="say nothing, succeed")
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

__all__ = ["Run", "Subcommands", "add_command"]

# A string: argparse's class is private, and subscripting it at run time is not promised.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers()`` returns: the subcommands a command is added to."""

Run: TypeAlias = Callable[[argparse.Namespace], int]
"""Runs a command from its parsed arguments; returns the exit status."""


def add_command(
    subcommands: Subcommands,
    name: str,
    run: Run | None,
    *,
    help: str,
    description: str | None = None,
    forwards: bool = False,
) -> argparse.ArgumentParser:
    """Add the parser of subcommand ``name``, run by ``run`` (None: it has subcommands).

    A command that ``forwards`` declares no options of its own, not even ``--help``:
    every argument after its name reaches ``run`` unparsed, as ``args.forwarded``, for
    the parser of the code it hands over to.
    """
    parser = subcommands.add_parser(
        name, help=help, description=description or help, add_help=not forwards
    )
    parser.set_defaults(run=run, forwards=forwards)
    return parser
