"""``elasticio demo``: its options, the emulator it serves, and its exit status.

`demo_command` adds the subcommand. Running it, `main` serves a fresh
emulator on 127.0.0.1 (`serve_and_run`), runs the workflow over the socket under
the display, prints the summary and returns the exit status: 0 when every flow started
and the credential was verified, 1 otherwise, 130 on Ctrl-C. rich and the emulator are
imported only then, so the parser builds without the ``demo`` extra.

Examples:
    ```console
    $ elasticio demo --flows-concurrency 32 --rate-limit 40
    ```
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import TextIO

import attrs

from elasticio import ElasticioError
from elasticio._cli.command import Subcommands, add_command
from elasticio._cli.demo.workflow import (
    DEMO_POLL,
    DEMO_RETRY,
    DemoSummary,
    Reporter,
    describe_error,
    run_demo,
)

__all__ = [
    "DemoOptions",
    "add_demo_arguments",
    "demo",
    "demo_command",
    "main",
    "serve_and_run",
]

DESCRIPTION = (
    "Serve an emulator on 127.0.0.1 and, over the socket: walk the components, "
    "their versions and descriptors; page through the flows; start every "
    "inactive flow concurrently, waiting until each is active while the "
    "emulator answers 429s; verify a credential; then print a summary. The "
    "exit status is 1 when a flow failed to start (or the credential check "
    "failed), 0 otherwise."
)


@attrs.frozen(kw_only=True)
class DemoOptions:
    """The knobs of ``elasticio demo``: the emulator's settings and the demo's own."""

    flows_concurrency: int = 32
    rate_limit: float | None = 40.0
    transition_delay: float = 0.5
    execution_time: float = 0.3
    seed: int = 0
    progress: bool = True


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


def _seconds(text: str) -> float:
    number = float(text)
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {text}")
    return number


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
    """Run the demo with the parsed options (see `main`)."""
    options = DemoOptions(
        flows_concurrency=args.flows_concurrency,
        rate_limit=args.rate_limit,
        transition_delay=args.transition_delay,
        execution_time=args.execution_time,
        seed=args.seed,
        progress=args.progress,
    )
    return main(options)


def demo_command(subcommands: Subcommands) -> None:
    """``elasticio demo``: a bulk automation against the emulator, with progress bars."""
    add_demo_arguments(
        add_command(
            subcommands,
            "demo",
            demo,
            help="start every inactive flow of a served emulator, under a rate limit",
            description=DESCRIPTION,
        )
    )


async def serve_and_run(options: DemoOptions, reporter: Reporter) -> DemoSummary:
    """Serve a fresh emulator on 127.0.0.1 and run the demo against it over the socket.

    The client and the server are closed however the run ends, cancellation included.
    """
    # Imported here: the emulator needs the server libraries of the `demo` extra.
    from elasticio.testing import Emulator, EmulatorSettings, serve_emulator

    settings = EmulatorSettings(
        rate_limit=options.rate_limit,
        transition_delay=options.transition_delay,
        execution_time=options.execution_time,
    )
    emulator = Emulator(settings=settings, seed=options.seed)
    seed = emulator.seed
    async with (
        serve_emulator(emulator, host="127.0.0.1", port=0) as served,
        served.client(retry=DEMO_RETRY, poll=DEMO_POLL) as client,
    ):
        return await run_demo(
            client,
            contract_id=seed.contract_id,
            workspace_ids=(seed.workspace_id, seed.private_workspace_id),
            credential_id=seed.credential_ids["petstore"],
            concurrency=options.flows_concurrency,
            reporter=reporter,
        )


def main(
    options: DemoOptions,
    *,
    out: TextIO | None = None,
    run: Callable[[DemoOptions, Reporter], Coroutine[None, None, DemoSummary]] = serve_and_run,
) -> int:
    """Run the demo, print its summary to ``out`` (stdout) and return the exit status.

    Progress bars are drawn when ``options.progress`` is set and ``out`` is a terminal;
    plain lines otherwise. Ctrl-C stops the run cleanly with status 130. ``run`` does
    the work (tests pass one that needs no socket).

    Examples:
        >>> main(DemoOptions(rate_limit=None, progress=False))  # doctest: +SKIP
        0
    """
    try:
        from elasticio._cli.demo.display import Display
    except ImportError as exc:
        print(f"elasticio: {exc}; the demo needs: pip install 'elasticio[demo]'", file=sys.stderr)
        return 1
    display = Display(sys.stdout if out is None else out, progress=options.progress)
    try:
        with display.reporter() as reporter:
            summary = asyncio.run(run(options, reporter))
    except KeyboardInterrupt:
        display.message("elasticio demo: interrupted")
        return 130
    except ElasticioError as exc:
        display.message(f"elasticio demo: {describe_error(exc)}")
        return 1
    display.summary(summary)
    return summary.exit_status
