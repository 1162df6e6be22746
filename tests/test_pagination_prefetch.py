"""The Paginator fetches ahead, boundedly, and never leaves a fetch behind."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any

import httpx
import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, Paginator, UsageError
from elasticio._http import RequestSpec, Response
from elasticio.jsonapi import Document, Resource
from tests._support.offline import BASE_URL
from tests.test_cancellation import (
    connections_in_use,
    loopback_client,
    serve,  # noqa: F401 (the loopback server fixture)
    settled,
)
from tests.test_pagination import item_id, page


def numbered(count: int, per_page: int = 2) -> list[Any]:
    """``count`` pages of ``per_page`` things each, chained by ``links.next``."""
    pages = []
    for number in range(1, count + 1):
        ids = [f"{number}.{n}" for n in range(1, per_page + 1)]
        links = {"next": f"/v2/things?page[number]={number + 1}"} if number < count else None
        pages.append(page(*ids, links=links, type_="thing"))
    return pages


class Fetch:
    """A ``fetch`` answering pages in turn; page numbers in ``hang`` wait for ever, those
    in ``fail`` raise NotFoundError. Records which pages were asked for, and which
    fetches were cancelled."""

    def __init__(
        self,
        documents: list[Any],
        *,
        hang: frozenset[int] = frozenset(),
        fail: frozenset[int] = frozenset(),
    ) -> None:
        self.documents = [Document.parse(d) for d in documents]
        self.hang, self.fail = hang, fail
        self.asked: list[int] = []
        self.cancelled: list[int] = []

    async def __call__(self, spec: RequestSpec) -> Response:
        number = len(self.asked) + 1
        self.asked.append(number)
        try:
            if number in self.hang:
                await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled.append(number)
            raise
        if number in self.fail:
            raise NotFoundError(status_code=404)
        return Response(
            status_code=200,
            headers=httpx.Headers(),
            document=self.documents[number - 1],
            retries_taken=0,
            elapsed=0.0,
            method=spec.method,
            url=str(spec.url or spec.path),
        )


def things(fetch: Fetch, **options: Any) -> Paginator[str]:
    return Paginator(
        fetch=fetch,
        first=RequestSpec(method="GET", path="/v2/things"),
        item=item_id,
        base_url=httpx.URL(BASE_URL),
        **options,
    )


async def settle() -> None:
    """Let every ready task run until none is left to (each fake fetch answers at once)."""
    for _ in range(20):
        await asyncio.sleep(0)


async def read_into(seen: list[str], paginator: Paginator[str]) -> None:
    async for thing in paginator:
        seen.append(thing)


def others() -> set[asyncio.Task[Any]]:
    return asyncio.all_tasks() - {asyncio.current_task()}  # type: ignore[operator]


@pytest.mark.parametrize(("prefetch", "asked"), [(0, [1]), (1, [1, 2]), (2, [1, 2, 3])])
async def test_it_fetches_at_most_prefetch_pages_ahead(prefetch: int, asked: list[int]) -> None:
    fetch = Fetch(numbered(5))
    async with aclosing(aiter(things(fetch, prefetch=prefetch))) as items:
        assert await anext(items) == "1.1"
        await settle()
        assert fetch.asked == asked


async def test_reading_a_page_lets_the_next_one_be_fetched() -> None:
    fetch = Fetch(numbered(5))
    async with aclosing(aiter(things(fetch))) as items:
        assert [await anext(items) for _ in range(3)] == ["1.1", "1.2", "2.1"]
        await settle()
        assert fetch.asked == [1, 2, 3]


@pytest.mark.parametrize("prefetch", [0, 1, 3])
async def test_every_item_comes_once_in_order(prefetch: int) -> None:
    ids = await things(Fetch(numbered(4)), prefetch=prefetch).collect()
    assert ids == [f"{p}.{n}" for p in range(1, 5) for n in (1, 2)]


async def test_pages_fetch_ahead_too() -> None:
    fetch = Fetch(numbered(3))
    async with aclosing(things(fetch).pages()) as pages:
        first = await anext(pages)
        await settle()
        assert (first.number, first.items, fetch.asked) == (1, ("1.1", "1.2"), [1, 2])


async def test_an_error_fetching_ahead_is_raised_after_the_page_before() -> None:
    fetch = Fetch(numbered(3), fail=frozenset({2}))
    seen: list[str] = []
    with pytest.raises(NotFoundError):
        await read_into(seen, things(fetch))
    assert seen == ["1.1", "1.2"]


async def test_a_bad_item_raises_where_it_stands() -> None:
    def strict(response: Response, resource: Resource) -> str:
        if resource.id == "1.2":
            raise DecodeError("bad item", pointer="/data/1")
        return item_id(response, resource)

    seen: list[str] = []
    paginator = Paginator(
        fetch=Fetch(numbered(2)),
        first=RequestSpec(method="GET", path="/v2/things"),
        item=strict,
        base_url=httpx.URL(BASE_URL),
    )
    with pytest.raises(DecodeError):
        await read_into(seen, paginator)
    assert seen == ["1.1"]


async def test_closing_the_items_cancels_the_fetch_ahead() -> None:
    fetch = Fetch(numbered(3), hang=frozenset({2}))
    async with aclosing(aiter(things(fetch))) as items:
        await anext(items)
        await settle()
        assert fetch.asked == [1, 2]
    assert fetch.cancelled == [2]
    assert not others()


async def test_breaking_out_of_the_loop_cancels_the_fetch_ahead() -> None:
    fetch = Fetch(numbered(3), hang=frozenset({2}))
    async for _ in things(fetch):
        await settle()
        break
    await settle()  # the loop closes an abandoned generator in a task of its own
    assert fetch.cancelled == [2]
    assert not others()


async def test_an_exception_in_the_loop_cancels_the_fetch_ahead() -> None:
    fetch = Fetch(numbered(3), hang=frozenset({2}))

    async def fail_in_the_loop() -> None:
        async for _ in things(fetch):
            await settle()
            raise LookupError

    with pytest.raises(LookupError):
        await fail_in_the_loop()
    await settle()
    assert fetch.cancelled == [2]
    assert not others()


async def test_cancelling_the_reader_cancels_the_fetch_ahead() -> None:
    fetch = Fetch(numbered(3), hang=frozenset({2}))
    reader = asyncio.create_task(things(fetch).collect())
    await settle()
    assert fetch.asked == [1, 2]
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    assert fetch.cancelled == [2]
    assert not others()


async def test_prefetch_must_be_a_whole_number() -> None:
    with pytest.raises(UsageError, match="prefetch"):
        things(Fetch([]), prefetch=-1)


async def test_a_list_method_takes_the_prefetch_option(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.get("/v2/components")
    route.side_effect = [
        httpx.Response(200, json=page("1", links={"next": "/v2/components?page[number]=2"})),
        httpx.Response(200, json=page("2")),
    ]
    components = client.components.list(contract_id="C1", prefetch=0)
    async with aclosing(aiter(components)) as items:
        assert (await anext(items)).id == "1"
        await settle()
        assert route.call_count == 1
        assert (await anext(items)).id == "2"
    assert route.call_count == 2


# --- over a socket: the fetch ahead gives its connection back ---------------------------------


def answer(body: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/vnd.api+json\r\n"
        b"content-length: %d\r\n\r\n%s" % (len(body), body)
    )


async def first_page_then_hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer the first request with a page linking to a second; hold every later one."""
    first = json.dumps(page("1", "2", links={"next": "/v2/components?page[number]=2"}))
    answered = False
    while await reader.readline():
        while await reader.readline() not in (b"\r\n", b""):
            pass
        if answered:
            await asyncio.Event().wait()
        writer.write(answer(first.encode()))
        await writer.drain()
        answered = True


async def test_leaving_the_loop_early_leaks_no_connection(
    serve: Callable[..., Awaitable[str]],  # noqa: F811 (the fixture imported above)
) -> None:
    """A ``break`` while the next page is on the wire: the request ends, its slot and its
    connection are free again."""
    base_url = await serve(first_page_then_hold)
    async with loopback_client(base_url) as c:
        components = c.components.list(contract_id="C1")
        async with aclosing(aiter(components)) as items:
            assert (await anext(items)).id == "1"
            for _ in range(200):  # until the fetch ahead is on the wire
                if connections_in_use(c):
                    break
                await asyncio.sleep(0)
            assert connections_in_use(c) == 1
        await settled(c)
        assert c._core.slots is not None
        assert c._core.slots._value == 2
        assert connections_in_use(c) == 0
