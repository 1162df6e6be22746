"""``elasticio emulator serve``: the emulator's own serve command, under the ``elasticio`` name.

The options are those of ``python -m elasticio.testing``, parsed by
`elasticio.testing.serve_command`; this command only hands them over.

Examples:
    ```console
    $ elasticio emulator serve --port 8000 --transition-delay 2
    ELASTICIO_API_URI=http://127.0.0.1:8000
    ELASTICIO_API_USERNAME=owner@example.com
    ELASTICIO_API_KEY=emu-owner-api-key
    ```
"""

from __future__ import annotations

import argparse

from elasticio._cli.command import Subcommands, add_command

__all__ = ["emulator_command", "serve"]

PROG = "elasticio emulator serve"


def serve(args: argparse.Namespace) -> int:
    """Serve a fresh emulator until SIGINT or SIGTERM, as the forwarded options say."""
    # Imported here: elasticio.testing loads the whole emulator when its extra is installed.
    from elasticio.testing import serve_command

    return serve_command(args.forwarded, prog=PROG)


def emulator_command(subcommands: Subcommands) -> None:
    """``elasticio emulator ...``: the platform emulator of `elasticio.testing`."""
    emulator = add_command(
        subcommands, "emulator", None, help="run the elastic.io platform emulator"
    )
    actions = emulator.add_subparsers(title="actions", metavar="ACTION", required=True)
    add_command(
        actions, "serve", serve, help="serve the emulator over HTTP on loopback", forwards=True
    )
