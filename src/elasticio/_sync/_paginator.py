"""The synchronous face of a `Paginator`: an ordinary iterator that pages itself."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import Generic, TypeVar

from elasticio._errors import UsageError
from elasticio._pagination import Page, Paginator
from elasticio._sync._portal import Portal

__all__ = ["SyncPaginator"]

T = TypeVar("T")


def _drive(portal: Portal, source: AsyncIterator[T]) -> Iterator[T]:
    """``source``'s values, each fetched on the portal's loop; a loop left early closes it."""
    try:
        while True:
            try:
                yield portal.run(anext(source))  # type: ignore[arg-type]
            except StopAsyncIteration:
                return
    finally:
        aclose = getattr(source, "aclose", None)
        if aclose is not None and not portal.closed:
            with contextlib.suppress(UsageError):
                # Refused only inside a running loop (a collection there): the loop's
                # own shutdown closes the source then.
                portal.run(aclose())


class SyncPaginator(Generic[T]):
    """An iterator over every item of a list endpoint, fetching pages as needed: what a
    list method of the synchronous [`Client`][elasticio.Client] returns.

    It has the [`Paginator`][elasticio.Paginator]'s limits and errors, and its ways to
    read: item by item, page by page, or all at once.

    Examples:
        >>> from elasticio import Client
        >>> with Client() as client:
        ...     for flow in client.flows.list("WORKSPACE_ID"):
        ...         print(flow.name)
    """

    def __init__(self, portal: Portal, paginator: Paginator[T]) -> None:
        self._portal = portal
        self._paginator = paginator

    def __repr__(self) -> str:
        paginator = getattr(self, "_paginator", None)
        return f"<SyncPaginator of {'(nothing)' if paginator is None else repr(paginator)}>"

    @property
    def paginator(self) -> Paginator[T]:
        """The async paginator this one reads."""
        return self._paginator

    def __iter__(self) -> Iterator[T]:
        return _drive(self._portal, aiter(self._paginator))

    def pages(self) -> Iterator[Page[T]]:
        """Iterate page by page rather than item by item.

        Raises:
            PaginationError: the list does not end (see
                [`Paginator.pages`][elasticio.Paginator.pages]).
        """
        return _drive(self._portal, self._paginator.pages())

    def collect(self) -> list[T]:
        """Every item, in a list (the pages are fetched on the client's loop in one go)."""
        return self._portal.run(self._paginator.collect())
