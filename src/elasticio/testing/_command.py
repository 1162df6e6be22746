"""The emulator's serve command: ``python -m elasticio.testing`` and ``elasticio emulator serve``.

Its options are declared and checked here, once; the ``elasticio`` command hands its
arguments over. The server libraries are imported only after the options parse, so
``--help`` and usage errors work without the ``emulator`` extra.

From a shell:

```console
$ python -m elasticio.testing --port 8000 --transition-delay 2
ELASTICIO_API_URI=http://127.0.0.1:8000
ELASTICIO_API_USERNAME=owner@example.com
ELASTICIO_API_KEY=emu-owner-api-key
```
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from elasticio._errors import UsageError

__all__ = ["serve_command"]

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")

DESCRIPTION = (
    "Serve an emulator of the elastic.io API v2 until SIGINT or SIGTERM. Once listening, "
    "print ELASTICIO_API_URI, ELASTICIO_API_USERNAME and ELASTICIO_API_KEY lines for the "
    "seeded owner to stdout."
)


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


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
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
        "--stop-inactive-conflict",
        action="store_true",
        help="answer 409 to a stop of a flow that is inactive (default: 202, as any stop)",
    )
    parser.add_argument(
        "--log-level", choices=LOG_LEVELS, default="warning", help="uvicorn's log level"
    )
    return parser


def _serve(args: argparse.Namespace) -> int:
    try:
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
        stop_inactive_conflict=args.stop_inactive_conflict,
    )
    return serve_until_signalled(
        Emulator(settings=settings),
        host=args.host,
        port=args.port,
        allow_remote=args.allow_remote,
        log_level=args.log_level,
        out=sys.stdout,
    )


def serve_command(
    argv: Sequence[str] | None = None, *, prog: str = "python -m elasticio.testing"
) -> int:
    """Serve a fresh emulator as the command-line options ``argv`` say, until SIGINT or SIGTERM.

    ``argv`` defaults to ``sys.argv[1:]``; ``prog`` names the command in usage lines. Once
    listening, it writes the three ``ELASTICIO_API_*`` lines to stdout. It returns the
    exit status: 0 after a signal, 1 when the address cannot be bound or the
    ``emulator`` extra is missing. Usage errors, a host that is not loopback without
    ``--allow-remote`` among them, exit with status 2 (``SystemExit``), as does ``--help``
    with 0.

    Examples:
        >>> serve_command(["--port", "8000", "--rate-limit", "20"])  # doctest: +SKIP
        ELASTICIO_API_URI=http://127.0.0.1:8000
        ELASTICIO_API_USERNAME=owner@example.com
        ELASTICIO_API_KEY=emu-owner-api-key
        0
    """
    parser = _parser(prog)
    args = parser.parse_args(argv)
    try:
        return _serve(args)
    except UsageError as exc:  # a host that is not loopback, without --allow-remote
        parser.error(str(exc))  # exits with status 2
