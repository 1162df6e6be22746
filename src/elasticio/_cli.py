"""The ``elasticio`` command: ``elasticio emulator serve``, ``elasticio demo``,
``elasticio --version``.

Each command is a function that adds its parser to the subcommands and names the function
that runs it; :data:`COMMANDS` lists them, one line each. The emulator (starlette,
uvicorn) is imported only when a command needs it, so ``elasticio --version`` and
``--help`` work without the ``emulator`` extra.

Example:
    .. code-block:: console

        $ elasticio emulator serve --port 8000 --transition-delay 2
        ELASTICIO_API_URI=http://127.0.0.1:8000
        ELASTICIO_API_USERNAME=owner@example.com
        ELASTICIO_API_KEY=emu-owner-api-key
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from elasticio._errors import UsageError
from elasticio._version import version

if TYPE_CHECKING:
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = [
    "COMMANDS",
    "CommandError",
    "add_demo_arguments",
    "add_serve_arguments",
    "build_parser",
    "demo",
    "main",
    "serve",
]

Run: TypeAlias = Callable[[argparse.Namespace], int]

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


class CommandError(Exception):
    """Arguments that parse but do not make sense together; reported like a usage error."""


def command(
    subcommands: Subcommands,
    name: str,
    run: Run | None,
    *,
    help: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """Add the parser of subcommand ``name``, run by ``run`` (None: it has subcommands)."""
    parser = subcommands.add_parser(name, help=help, description=description or help)
    parser.set_defaults(run=run, command_parser=parser)
    return parser


# ---------------------------------------------------------------------------------------
# elasticio emulator serve


def _port(text: str) -> int:
    number = int(text)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {number}")
    return number


def _positive(text: str) -> float:
    number = float(text)
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return number


def _seconds(text: str) -> float:
    number = float(text)
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {text}")
    return number


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``elasticio emulator serve`` (and ``python -m elasticio.testing``)."""
    parser.add_argument(
        "--port", type=_port, required=True, help="the port to listen on; 0 picks a free one"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that is not loopback; the emulator's API keys are public",
    )
    parser.add_argument(
        "--rate-limit",
        type=_positive,
        metavar="N",
        help="requests per second allowed to each user (default: no limit)",
    )
    parser.add_argument(
        "--transition-delay",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="lag between starting or stopping a flow and its current_status (default: 0)",
    )
    parser.add_argument(
        "--execution-time",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="how long a component execution takes to give its result (default: 0)",
    )
    parser.add_argument(
        "--log-level", choices=LOG_LEVELS, default="warning", help="uvicorn's log level"
    )
    parser.set_defaults(run=serve)


def serve(args: argparse.Namespace) -> int:
    """Serve a fresh emulator until SIGINT or SIGTERM (see ``serve_until_signalled``)."""
    try:
        import logging

        from elasticio.testing import Emulator, EmulatorSettings
        from elasticio.testing._serve import serve_until_signalled
    except ImportError as exc:
        print(f"elasticio: {exc}", file=sys.stderr)
        return 1
    # Logs go to stderr: stdout carries only the three ELASTICIO_API_* lines.
    logging.basicConfig(stream=sys.stderr, format="%(levelname)s: %(message)s")
    settings = EmulatorSettings(
        rate_limit=args.rate_limit,
        transition_delay=args.transition_delay,
        execution_time=args.execution_time,
    )
    try:
        return serve_until_signalled(
            Emulator(settings=settings),
            host=args.host,
            port=args.port,
            allow_remote=args.allow_remote,
            log_level=args.log_level,
            out=sys.stdout,
        )
    except UsageError as exc:  # a host that is not loopback, without --allow-remote
        raise CommandError(str(exc)) from exc


def emulator_command(subcommands: Subcommands) -> None:
    """``elasticio emulator ...``: the platform emulator of :mod:`elasticio.testing`."""
    emulator = command(subcommands, "emulator", None, help="run the elastic.io platform emulator")
    actions = emulator.add_subparsers(title="actions", metavar="ACTION", required=True)
    add_serve_arguments(
        command(
            actions,
            "serve",
            serve,
            help="serve the emulator over HTTP on loopback",
            description=(
                "Serve an emulator of the elastic.io API v2 until SIGINT or SIGTERM. "
                "Once listening, print ELASTICIO_API_URI, ELASTICIO_API_USERNAME and "
                "ELASTICIO_API_KEY lines for the seeded owner to stdout."
            ),
        )
    )


# ---------------------------------------------------------------------------------------
# elasticio demo


def _count(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {text}")
    return number


def _rate(text: str) -> float | None:
    number = float(text)
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {text}")
    return number or None


def add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``elasticio demo``."""
    parser.add_argument(
        "--flows-concurrency",
        type=_count,
        default=32,
        metavar="N",
        help="flows started at once (default: 32)",
    )
    parser.add_argument(
        "--rate-limit",
        type=_rate,
        default=40.0,
        metavar="N",
        help="requests per second the emulator allows; 0 for no limit (default: 40)",
    )
    parser.add_argument(
        "--transition-delay",
        type=_seconds,
        default=0.5,
        metavar="SECONDS",
        help="lag between starting a flow and its being active (default: 0.5)",
    )
    parser.add_argument(
        "--execution-time",
        type=_seconds,
        default=0.3,
        metavar="SECONDS",
        help="how long the credential check takes (default: 0.3)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seed of the emulator's random fault generator (default: 0)",
    )
    parser.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="print plain lines instead of progress bars (also when stdout is no terminal)",
    )


def demo(args: argparse.Namespace) -> int:
    """Run the demo against a fresh emulator on loopback (see :mod:`elasticio._demo`)."""
    try:
        from elasticio._demo import DemoOptions
        from elasticio._demo import main as demo_main
    except ImportError as exc:
        print(f"elasticio: {exc}; the demo needs: pip install 'elasticio[demo]'", file=sys.stderr)
        return 1
    options = DemoOptions(
        flows_concurrency=args.flows_concurrency,
        rate_limit=args.rate_limit,
        transition_delay=args.transition_delay,
        execution_time=args.execution_time,
        seed=args.seed,
        progress=args.progress,
    )
    return demo_main(options)


def demo_command(subcommands: Subcommands) -> None:
    """``elasticio demo``: a bulk automation against the emulator, with progress bars."""
    add_demo_arguments(
        command(
            subcommands,
            "demo",
            demo,
            help="start every inactive flow of a served emulator, under a rate limit",
            description=(
                "Serve an emulator on 127.0.0.1 and, over the socket: walk the components, "
                "their versions and descriptors; page through the flows; start every "
                "inactive flow concurrently, waiting until each is active while the "
                "emulator answers 429s; verify a credential; then print a summary. The "
                "exit status is 1 when a flow failed to start (or the credential check "
                "failed), 0 otherwise."
            ),
        )
    )


# One line per command, in the order `elasticio --help` lists them.
COMMANDS: tuple[Callable[[Subcommands], None], ...] = (emulator_command, demo_command)


def build_parser(prog: str = "elasticio") -> argparse.ArgumentParser:
    """The parser of the ``elasticio`` command with every subcommand in :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(prog=prog, description="Tools around the elastic.io API SDK.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for register in COMMANDS:
        register(subcommands)
    return parser


def _run(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except CommandError as exc:
        command_parser: argparse.ArgumentParser = args.command_parser
        command_parser.error(str(exc))  # exits with status 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``elasticio`` command; returns the exit status (argparse exits on its own)."""
    return _run(build_parser(), argv)


def serve_main(argv: Sequence[str] | None = None, *, prog: str) -> int:
    """``python -m elasticio.testing``: ``elasticio emulator serve`` as a command of its own."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Serve an emulator of the elastic.io API v2 on loopback."
    )
    parser.set_defaults(command_parser=parser)
    add_serve_arguments(parser)
    return _run(parser, argv)
