"""``elasticio demo``: its options, the emulator it serves, and its exit status.

`demo` is the click command. Running it, `main` serves a fresh
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

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import TextIO

import attrs
import click

from elasticio import ElasticioError
from elasticio._cli.demo.workflow import (
    DEMO_POLL,
    DEMO_RETRY,
    DemoSummary,
    Reporter,
    describe_error,
    run_demo,
)

__all__ = ["DemoOptions", "demo", "main", "serve_and_run"]

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


def _rate(value: float) -> float | None:
    return value or None


@click.command(
    help=DESCRIPTION + "\n\n\b\nExamples:\n  elasticio demo --flows-concurrency 64 --rate-limit 20"
)
@click.option(
    "--flows-concurrency",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    metavar="N",
    help="Flows started at once.",
)
@click.option(
    "--rate-limit",
    type=click.FloatRange(min=0),
    default=40.0,
    show_default=True,
    metavar="N",
    help="Requests per second the emulator allows; 0 for no limit.",
)
@click.option(
    "--transition-delay",
    type=click.FloatRange(min=0),
    default=0.5,
    show_default=True,
    metavar="SECONDS",
    help="Lag between starting a flow and its being active.",
)
@click.option(
    "--execution-time",
    type=click.FloatRange(min=0),
    default=0.3,
    show_default=True,
    metavar="SECONDS",
    help="How long the credential check takes.",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the emulator's faults."
)
@click.option(
    "--no-progress",
    "progress",
    flag_value=False,
    default=True,
    help="Plain lines instead of progress bars (also when stdout is no terminal).",
)
def demo(
    flows_concurrency: int,
    rate_limit: float,
    transition_delay: float,
    execution_time: float,
    seed: int,
    progress: bool,
) -> None:
    options = DemoOptions(
        flows_concurrency=flows_concurrency,
        rate_limit=_rate(rate_limit),
        transition_delay=transition_delay,
        execution_time=execution_time,
        seed=seed,
        progress=progress,
    )
    click.get_current_context().exit(main(options))


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
        print(
            f"elasticio: {exc}; the demo needs the 'demo' extra: pip install '.[demo]' "
            "in a source checkout",
            file=sys.stderr,
        )
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
