"""The applications built on the SDK: the ``elasticio`` command and its demo.

They import only the public names of ``elasticio`` and ``elasticio.testing``, as a
user's program would. ``elasticio._cli:main`` is the console script, and
``python -m elasticio`` runs it too.

Examples:
    >>> from elasticio._cli import main
    >>> main(["--version"])  # doctest: +SKIP
    elasticio 0.1.0
"""

from elasticio._cli.app import main

__all__ = ["main"]
