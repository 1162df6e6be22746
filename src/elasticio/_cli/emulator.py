"""``elasticio emulator serve``: the emulator's own serve command, under the ``elasticio`` name.

The options are those of ``python -m elasticio.testing``, parsed by
`elasticio.testing.serve_command`; this command only hands them over, ``--help``
included.

Examples:
    ```console
    $ elasticio emulator serve --port 8000 --transition-delay 2
    ELASTICIO_API_URI=http://127.0.0.1:8000
    ELASTICIO_API_USERNAME=owner@example.com
    ELASTICIO_API_KEY=emu-owner-api-key
    ```
"""

from __future__ import annotations

import click

__all__ = ["PROG", "emulator"]

PROG = "elasticio emulator serve"


@click.group()
def emulator() -> None:
    """Run the elastic.io platform emulator (needs the 'emulator' extra).

    \b
    Examples:
      elasticio emulator serve --port 8000 --rate-limit 20
    """


@emulator.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("arguments", nargs=-1, type=click.UNPROCESSED)
def serve(arguments: tuple[str, ...]) -> None:
    """Serve a fresh, seeded emulator on loopback until Ctrl-C or SIGTERM; prints the
    ELASTICIO_API_* variables that reach it. Options: see --help.

    \b
    Examples:
      elasticio emulator serve --port 0 --transition-delay 2
    """
    # Imported here: elasticio.testing loads the whole emulator when its extra is installed.
    from elasticio.testing import serve_command

    try:
        status = serve_command(list(arguments), prog=PROG)
    except SystemExit as exc:  # argparse's usage errors and --help
        status = exc.code if isinstance(exc.code, int) else 2
    click.get_current_context().exit(status)
