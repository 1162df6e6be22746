"""What every command shares: the connection settings, the client they build, and how a
command's coroutine is run and its SDK errors reported.

The root group puts a `Connection` in click's ``ctx.obj``; a test passes its own
(``CliRunner().invoke(cli, args, obj=Connection(make_client=emulator.client))``) to
run the commands against an emulator in process.

Examples:
    >>> connection = Connection(email="me@example.com", api_key="...")
    >>> connection.client()  # doctest: +SKIP
    <AsyncClient base_url='https://api.elastic.io'>
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn, TypeVar

import attrs
import click

from elasticio import AsyncClient, ElasticioError

__all__ = ["Connection", "describe_error", "fail", "pass_connection", "run_with_client"]

T = TypeVar("T")

_REASON_MAX = 200


@attrs.define(kw_only=True)
class Connection:
    """How to reach the platform: flags first, then the SDK's ``ELASTICIO_API_*``
    variables (read by `AsyncClient` itself for whatever is left None)."""

    email: str | None = None
    api_key: str | None = attrs.field(default=None, repr=False)
    base_url: str | None = None
    max_retries: int | None = None
    make_client: Callable[..., AsyncClient] = AsyncClient

    def client(self, **settings: Any) -> AsyncClient:
        """A new client with these settings (the values given only)."""
        given = {
            "email": self.email,
            "api_key": self.api_key,
            "base_url": self.base_url,
            "max_retries": self.max_retries,
        }
        return self.make_client(**{k: v for k, v in given.items() if v is not None}, **settings)


pass_connection = click.make_pass_decorator(Connection, ensure=True)
"""Hands a command the `Connection` of the root group."""


def describe_error(error: BaseException) -> str:
    """``Type: message`` on one line, cut to 200 characters (the SDK's messages carry no
    credentials)."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= _REASON_MAX else text[: _REASON_MAX - 1] + "…"


def fail(message: str, status: int = 1) -> NoReturn:
    """Print ``elasticio: message`` to stderr and exit with ``status``."""
    click.echo(f"elasticio: {message}", err=True)
    raise click.exceptions.Exit(status)


def run_with_client(
    connection: Connection, work: Callable[[AsyncClient], Awaitable[T]], **settings: Any
) -> T:
    """Run ``work(client)`` on a fresh event loop with a client that is closed after; an
    SDK error ends the command with its description and status 1."""

    async def run() -> T:
        async with connection.client(**settings) as client:
            return await work(client)

    try:
        return asyncio.run(run())
    except ElasticioError as exc:
        fail(describe_error(exc))
