"""The async paginator every list endpoint shares."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping
from contextlib import aclosing
from typing import Any, Generic, TypeVar

import attrs
import httpx

from elasticio._checks import whole_number
from elasticio._errors import PaginationError
from elasticio._http import RequestSpec, Response, build_request, same_origin_url
from elasticio.jsonapi import Document, Resource

__all__ = ["DEFAULT_MAX_PAGES", "DEFAULT_PREFETCH", "Page", "Paginator", "next_page"]

T = TypeVar("T")

PAGE_NUMBER = "page[number]"
PAGE_SIZE = "page[size]"

DEFAULT_MAX_PAGES = 10_000
"""The most pages a list fetches unless told otherwise: far more than any real list
needs, few enough that a server which never stops saying "more" is caught."""

DEFAULT_PREFETCH = 1
"""How many pages a list fetches ahead of the one being read, unless told otherwise."""

_END = object()


@attrs.frozen
class Page(Generic[T]):
    """One page of a list: its items, and the response and document they came from."""

    items: tuple[T, ...]
    response: Response = attrs.field(repr=False)
    number: int

    @property
    def document(self) -> Document:
        """The page's decoded JSON:API document."""
        return self.response.document


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def next_page(
    base_url: httpx.URL, spec: RequestSpec, document: Document, number: int
) -> RequestSpec | None:
    """The request for the page after ``document``, or None when it was the last.

    ``links.next`` wins when present (resolved against the base URL; another origin is
    refused). Otherwise ``meta.total_pages`` with ``page[number]``. An empty page ends
    the list whatever the metadata says.
    """
    if not document.primary:
        return None
    link = document.links.get("next")
    if isinstance(link, Mapping):
        link = link.get("href")
    if isinstance(link, str) and link:
        # The link replaces path and query; the call's headers and timeout stay.
        return attrs.evolve(spec, path="", params={}, url=same_origin_url(base_url, link))
    total_pages = _int(document.meta.get("total_pages"))
    current = _int(document.meta.get("page")) or number
    if total_pages is not None and current < total_pages:
        params = {**spec.params, PAGE_NUMBER: current + 1}
        return attrs.evolve(spec, params=params)
    return None


def _identities(document: Document) -> tuple[tuple[str, str], ...] | None:
    """The (type, id) of every resource of a page, in order; None when one has no id,
    since pages of anonymous resources cannot be told apart."""
    keys = tuple((r.type, r.id) for r in document.primary if r.id is not None)
    return keys if keys and len(keys) == len(document.primary) else None


def _led_on_by(document: Document) -> str:
    """The member of ``document`` that asked for another page, as a JSON pointer."""
    return "/links/next" if document.links.get("next") else "/meta/total_pages"


def _page_key(base_url: httpx.URL, spec: RequestSpec) -> tuple[Any, ...]:
    """What identifies the page a request asks for: its URL, query order aside."""
    url = build_request(base_url, spec, headers={}).url
    return (
        spec.method,
        url.scheme,
        url.host,
        url.port,
        url.path,
        *sorted(url.params.multi_items()),
    )


class Paginator(Generic[T]):
    """An async iterator over every item of a list endpoint, fetching pages as needed.

    While the caller reads one page, the next is already on its way: at most
    ``prefetch`` pages ahead (default `DEFAULT_PREFETCH`; 0 fetches a page only when it
    is reached). Items are built one by one as they are reached, so a malformed item
    raises [`DecodeError`][elasticio.DecodeError] where it stands. It fetches at most
    ``max_pages`` pages (default `DEFAULT_MAX_PAGES`), and stops with a
    [`PaginationError`][elasticio.PaginationError] when the pages would never end; an
    error fetching a page ahead is raised when that page is reached.

    Leaving the loop early (``break``, an exception, a cancellation) stops the fetch
    ahead; `contextlib.aclosing` makes that happen before the loop's next statement.

    Examples:
        >>> components = client.components.list(contract_id="CONTRACT_ID")
        >>> async for component in components:  # doctest: +SKIP
        ...     print(component.name)
    """

    def __init__(
        self,
        *,
        fetch: Callable[[RequestSpec], Awaitable[Response]],
        first: RequestSpec,
        item: Callable[[Response, Resource], T],
        base_url: httpx.URL,
        page_size: int | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        prefetch: int = DEFAULT_PREFETCH,
    ) -> None:
        whole_number("max_pages", max_pages, 1)
        whole_number("prefetch", prefetch, 0)
        if page_size is not None:
            whole_number("page_size", page_size, 1)
            first = attrs.evolve(first, params={**first.params, PAGE_SIZE: page_size})
        self._fetch = fetch
        self._first = first
        self._item = item
        self._base_url = base_url
        self._max_pages = max_pages
        self._prefetch = prefetch

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async with aclosing(self._responses()) as responses:
            async for response, _ in responses:
                build = self._item
                for resource in response.document.primary:
                    yield build(response, resource)

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Iterate page by page rather than item by item.

        Raises:
            PaginationError: the list does not end: the next page is one already asked
                for, a page holds the same resources as the one before (a server that
                ignores ``page[number]``), or there would be more than ``max_pages``.
        """
        async with aclosing(self._responses()) as responses:
            async for response, number in responses:
                yield Page(
                    items=tuple(self._item(response, r) for r in response.document.primary),
                    response=response,
                    number=number,
                )

    def _responses(self) -> AsyncGenerator[tuple[Response, int], None]:
        if self._prefetch == 0:
            return self._walk()
        return self._ahead()

    async def _ahead(self) -> AsyncGenerator[tuple[Response, int], None]:
        """`_walk`, run by a task of its own up to ``prefetch`` pages ahead of the reader."""
        queue: asyncio.Queue[Any] = asyncio.Queue()
        window = asyncio.Semaphore(self._prefetch)
        producer = asyncio.create_task(self._produce(queue, window))
        try:
            while True:
                got = await queue.get()
                if got is _END:
                    return
                if isinstance(got, Exception):
                    raise got
                window.release()  # the page is read now, no longer ahead
                yield got
        finally:
            if not producer.done():
                producer.cancel()
                # Its request ends (and gives back its connection) before the list does.
                await asyncio.wait({producer})

    async def _produce(self, queue: asyncio.Queue[Any], window: asyncio.Semaphore) -> None:
        """Fetch page after page into ``queue`` while ``window`` allows; then `_END`, or
        the error that ended the list, for the reader to raise where it stands."""
        try:
            async with aclosing(self._walk()) as pages:
                while True:
                    await window.acquire()
                    got = await anext(pages, _END)
                    queue.put_nowait(got)
                    if got is _END:
                        return
        except Exception as exc:
            queue.put_nowait(exc)

    async def _walk(self) -> AsyncGenerator[tuple[Response, int], None]:
        """Each page's response and number, fetched one after the other."""
        spec: RequestSpec | None = self._first
        number = 1
        # Every page asked for, the first included: a server whose links.next (or whose
        # meta.page) leads back to a fetched page would otherwise be followed forever.
        seen: set[tuple[Any, ...]] = set()
        previous: Document | None = None
        previous_items: tuple[tuple[str, str], ...] | None = None
        while spec is not None:
            fetched = number - 1
            if previous is not None and number > self._max_pages:
                raise PaginationError(
                    f"the list goes on past max_pages={self._max_pages}; pass a larger"
                    " max_pages to fetch more",
                    pages=fetched,
                    pointer=_led_on_by(previous),
                )
            key = _page_key(self._base_url, spec)
            if key in seen:
                followed_link = previous is not None and bool(previous.links.get("next"))
                raise PaginationError(
                    "the next page is one already fetched; the list would never end",
                    pages=fetched,
                    pointer="/links/next" if followed_link else "/meta/page",
                )
            seen.add(key)
            response = await self._fetch(spec)
            document = response.document
            items = _identities(document)
            if items is not None and items == previous_items:
                raise PaginationError(
                    f"page {number} holds the same resources as page {fetched}; the server"
                    " ignores the page asked for, and the list would never end",
                    pages=number,
                    pointer="/data",
                )
            yield response, number
            spec = next_page(self._base_url, spec, document, number)
            previous = document
            previous_items = items
            number += 1

    async def collect(self) -> list[T]:
        """Every item, in a list."""
        return [item async for item in self]
