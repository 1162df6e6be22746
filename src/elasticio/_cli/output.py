"""How commands print: JSON for one record, and for lists a table, JSON or JSON lines.

A list is a rich table when stdout is a terminal, tab-separated lines otherwise (one
record a line, no header: fit for ``cut`` and ``xargs``); ``--json`` prints one JSON
array, ``--jsonl`` one JSON object a line.

Examples:
    >>> print_json({"id": "1"})
    {
      "id": "1"
    }
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias, TypeVar

import click

__all__ = ["Format", "format_options", "is_terminal", "print_json", "print_records"]

Format: TypeAlias = Literal["table", "json", "jsonl"]
F = TypeVar("F", bound=Callable[..., Any])


def is_terminal() -> bool:
    """True when stdout is a terminal."""
    return sys.stdout.isatty()


def print_json(value: Any) -> None:
    """``value`` as indented JSON on stdout."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def format_options(command: F) -> F:
    """Add ``--json`` and ``--jsonl`` to a list command, as its ``output`` argument."""
    command = click.option(
        "--jsonl",
        "output",
        flag_value="jsonl",
        help="One JSON object a line.",
    )(command)
    return click.option(
        "--json",
        "output",
        flag_value="json",
        help="One JSON array of the records.",
    )(command)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def print_records(
    records: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    output: Format | None,
    *,
    title: str = "",
) -> None:
    """Print ``records`` in the ``output`` format (None: a table); a table shows
    ``columns`` only, JSON every member."""
    if output == "json":
        print_json(list(records))
    elif output == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    elif is_terminal():
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, title=title or None)
        for record in records:
            table.add_row(*(_cell(record.get(column)) for column in columns))
        Console().print(table)
    else:
        for record in records:
            click.echo("\t".join(_cell(record.get(column)) for column in columns))
