"""The ``elasticio`` console script: runs the command tree of `elasticio._cli.tree`.

click (and rich, for tables and progress bars) come with the ``cli`` extra; without
click, `main` prints a one-line hint and returns 1 instead of a traceback.

Examples:
    ```console
    $ elasticio --version
    elasticio 0.1.0
    $ elasticio flows list --workspace WORKSPACE_ID --json
    ```
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["INSTALL_HINT", "main"]

INSTALL_HINT = (
    "elasticio: the command needs the 'cli' extra (click, rich): "
    "pip install '.[cli]' in a source checkout, or the built wheel with [cli]"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``elasticio`` command on ``argv`` (default: the process's arguments) and
    return its exit status: 0 done, 1 failed, 2 a usage error, 130 interrupted.

    Examples:
        >>> main(["whoami"])  # doctest: +SKIP
        0
    """
    try:
        import click

        from elasticio._cli.tree import cli
    except ImportError as exc:
        if exc.name not in ("click", "rich"):
            raise
        print(INSTALL_HINT, file=sys.stderr)
        return 1
    try:
        result = cli.main(
            args=list(sys.argv[1:] if argv is None else argv),
            prog_name="elasticio",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted!", err=True)
        return 1
    return result if isinstance(result, int) else 0
