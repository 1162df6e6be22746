"""The ``elasticio`` command: ``elasticio emulator serve``, ``elasticio demo``,
``elasticio --version``.

`COMMANDS` lists the subcommands, one function each (see `elasticio._cli.command`). The
emulator (starlette, uvicorn) and rich are imported only when a command runs, so
``elasticio --version`` and ``--help`` work without the ``emulator`` or ``demo`` extra.

Examples:
    ```console
    $ elasticio --version
    elasticio 0.1.0
    $ elasticio demo --flows-concurrency 64
    ```
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import elasticio
from elasticio._cli.command import Subcommands
from elasticio._cli.demo.wiring import demo_command
from elasticio._cli.emulator import emulator_command

__all__ = ["COMMANDS", "build_parser", "main"]

# One line per command, in the order `elasticio --help` lists them.
COMMANDS: tuple[Callable[[Subcommands], None], ...] = (emulator_command, demo_command)


def build_parser(prog: str = "elasticio") -> argparse.ArgumentParser:
    """The parser of the ``elasticio`` command with every subcommand in `COMMANDS`."""
    parser = argparse.ArgumentParser(prog=prog, description="Tools around the elastic.io API SDK.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {elasticio.__version__}")
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for register in COMMANDS:
        register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``elasticio`` command; returns the exit status (argparse exits on its own).

    Examples:
        >>> main(["demo", "--no-progress"])  # doctest: +SKIP
        0
    """
    parser = build_parser()
    args, forwarded = parser.parse_known_args(argv)
    if forwarded and not args.forwards:
        parser.error(f"unrecognized arguments: {' '.join(forwarded)}")  # exits with status 2
    args.forwarded = forwarded
    return int(args.run(args))
