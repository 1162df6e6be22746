"""The generic Paginator: links.next, meta.total_pages, and where a list must stop."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from elasticio import (
    AsyncClient,
    DecodeError,
    ForeignOriginError,
    Page,
    Paginator,
    UsageError,
)
from elasticio._http import RequestSpec, Response
from elasticio.jsonapi import Document, Resource
from tests._support.offline import BASE_URL

CONTRACT_ID = "C1"


def component(id_: str) -> dict[str, Any]:
    return {"type": "component", "id": id_, "attributes": {"name": f"component {id_}"}}


def page(
    *ids: str,
    links: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
    type_: str = "component",
) -> Any:
    """A list document of components (or bare resources of ``type_``) with the given ids."""
    items = [component(i) if type_ == "component" else {"type": type_, "id": i} for i in ids]
    document: dict[str, Any] = {"data": items}
    if links is not None:
        document["links"] = links
    if meta is not None:
        document["meta"] = meta
    return document


def responses(*documents: Any) -> list[httpx.Response]:
    return [httpx.Response(200, json=d) for d in documents]


def params(route: respx.Route) -> list[dict[str, str]]:
    """The query of every call the route received, in order."""
    return [dict(call.request.url.params) for call in route.calls]


class FakeFetch:
    """A ``fetch`` for a Paginator built directly: answers documents in turn, records specs."""

    def __init__(self, *documents: Any) -> None:
        self.documents = [Document.parse(d) for d in documents]
        self.specs: list[RequestSpec] = []

    async def __call__(self, spec: RequestSpec) -> Response:
        self.specs.append(spec)
        return Response(
            status_code=200,
            headers=httpx.Headers({"X-Request-ID": f"page-{len(self.specs)}"}),
            document=self.documents[len(self.specs) - 1],
            retries_taken=0,
            elapsed=0.0,
            method=spec.method,
            url=str(spec.url or spec.path),
        )


def item_id(response: Response, resource: Resource) -> str:
    del response
    assert resource.id is not None
    return resource.id


def paginator(fetch: FakeFetch, page_size: int | None = None) -> Paginator[str]:
    return Paginator(
        fetch=fetch,
        first=RequestSpec(method="GET", path="/v2/things", params={"q": "x"}),
        item=item_id,
        base_url=httpx.URL(BASE_URL),
        page_size=page_size,
    )


# -- links.next ----------------------------------------------------------------------------


async def test_follows_a_relative_links_next(client: AsyncClient, router: respx.MockRouter) -> None:
    """A relative links.next is resolved against the base URL and requested as given."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", links={"next": "/v2/components?contract_id=C1&cursor=abc"}),
        page("2"),
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2"]
    assert params(route) == [{"contract_id": "C1"}, {"contract_id": "C1", "cursor": "abc"}]


async def test_follows_an_absolute_same_origin_links_next(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An absolute links.next on the API's own origin is followed."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", links={"next": f"{BASE_URL}/v2/components?contract_id=C1&page[number]=2"}),
        page("2"),
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2"]
    assert params(route)[1] == {"contract_id": "C1", "page[number]": "2"}


async def test_follows_a_links_next_link_object(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A JSON:API 1.1 link object ``{"href": ...}`` as links.next is followed."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", links={"next": {"href": "/v2/components?contract_id=C1&cursor=b"}}),
        page("2"),
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2"]
    assert params(route)[1]["cursor"] == "b"


@pytest.mark.parametrize(
    "foreign",
    [
        "https://evil.example/v2/components?page[number]=2",
        "https://api.elastic.io.evil.example/v2/components",
        "http://api.elastic.io/v2/components?page[number]=2",
        "https://api.elastic.io:8443/v2/components?page[number]=2",
        "//evil.example/v2/components",
    ],
)
async def test_refuses_a_links_next_on_another_origin(
    client: AsyncClient, router: respx.MockRouter, foreign: str
) -> None:
    """A links.next on another scheme, host or port raises ForeignOriginError, unrequested."""
    route = router.get("/v2/components")
    route.side_effect = responses(page("1", links={"next": foreign}), page("2"))
    with pytest.raises(ForeignOriginError):
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert route.call_count == 1
    assert len(router.calls) == 1


async def test_links_next_wins_over_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """With both present, links.next is followed and page[number] is not invented."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", links={"next": "/v2/components?cursor=z"}, meta={"total_pages": 5}),
        page("2"),
    )
    await client.components.list(contract_id=CONTRACT_ID).collect()
    assert params(route)[1] == {"cursor": "z"}


async def test_null_links_next_means_no_next_page(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """``links.next: null`` ends the list when there is no total_pages either."""
    route = router.get("/v2/components")
    route.side_effect = responses(page("1", links={"self": "/v2/components", "next": None}))
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1"]
    assert route.call_count == 1


async def test_links_next_back_to_a_fetched_page_raises(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A links.next pointing at a page already fetched raises DecodeError, not a loop."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", links={"next": "/v2/components?contract_id=C1&cursor=2"}),
        page("2", links={"next": "/v2/components?contract_id=C1&cursor=2"}),
        page("3"),
    )
    with pytest.raises(DecodeError) as caught:
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert caught.value.pointer == "/links/next"
    assert route.call_count == 2


async def test_links_next_back_to_the_first_page_raises_before_refetching(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A links.next naming the first page (query in another order) is caught at once."""
    route = router.get("/v2/users")
    route.side_effect = responses(
        page("1", links={"next": "/v2/users?page[size]=10&email=a%40b.c"}, type_="user"),
        page("1", type_="user"),
    )
    with pytest.raises(DecodeError) as caught:
        await client.users.list(email="a@b.c", page_size=10).collect()
    assert caught.value.pointer == "/links/next"
    assert route.call_count == 1


# -- meta.total_pages ----------------------------------------------------------------------


async def test_total_pages_drives_page_number(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Without links.next, pages 2..total_pages are asked for with page[number]."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", meta={"page": 1, "total_pages": 3}),
        page("2", meta={"page": 2, "total_pages": 3}),
        page("3", meta={"page": 3, "total_pages": 3}),
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2", "3"]
    assert params(route) == [
        {"contract_id": "C1"},
        {"contract_id": "C1", "page[number]": "2"},
        {"contract_id": "C1", "page[number]": "3"},
    ]


async def test_total_pages_without_meta_page_counts_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """total_pages alone (no meta.page) still walks 1, 2, ... up to total_pages."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", meta={"total_pages": 2}), page("2", meta={"total_pages": 2})
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2"]
    assert route.call_count == 2


async def test_page_size_is_sent_on_every_page(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """page_size becomes page[size] on the first page and on every later one."""
    route = router.get("/v2/users")
    route.side_effect = responses(
        page("1", meta={"page": 1, "total_pages": 2}, type_="user"),
        page("2", meta={"page": 2, "total_pages": 2}, type_="user"),
    )
    await client.users.list(page_size=1).collect()
    assert [p.get("page[size]") for p in params(route)] == ["1", "1"]
    assert [p.get("page[number]") for p in params(route)] == [None, "2"]


async def test_empty_page_stops_despite_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An empty page ends the list even when total_pages promises more."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", meta={"page": 1, "total_pages": 9}),
        page(meta={"page": 2, "total_pages": 9}),
        page("3", meta={"page": 3, "total_pages": 9}),
    )
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1"]
    assert route.call_count == 2


async def test_empty_page_stops_despite_links_next(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An empty page ends the list even when it carries a links.next."""
    route = router.get("/v2/components")
    route.side_effect = responses(page(links={"next": "/v2/components?cursor=2"}), page("2"))
    assert await client.components.list(contract_id=CONTRACT_ID).collect() == []
    assert route.call_count == 1


async def test_stops_after_the_first_page_without_next_or_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """With neither links.next nor meta.total_pages (the docs' own example), one request."""
    route = router.get("/v2/components")
    route.side_effect = responses(page("1", "2", meta={}, links={"self": "/v2/components"}))
    ids = [c.id async for c in client.components.list(contract_id=CONTRACT_ID)]
    assert ids == ["1", "2"]
    assert route.call_count == 1


async def test_stuck_meta_page_raises_instead_of_looping(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A server that ignores page[number] (meta.page stays 1) raises DecodeError, not a loop."""
    route = router.get("/v2/components")
    route.side_effect = responses(*[page("1", meta={"page": 1, "total_pages": 3})] * 4)
    with pytest.raises(DecodeError) as caught:
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert caught.value.pointer == "/meta/page"
    assert route.call_count == 2


# -- page_size, pages(), collect() ---------------------------------------------------------


@pytest.mark.parametrize("page_size", [0, -1])
def test_page_size_below_one_is_refused(client: AsyncClient, page_size: int) -> None:
    """page_size < 1 raises UsageError before any request."""
    with pytest.raises(UsageError):
        client.users.list(page_size=page_size)


def test_paginator_refuses_page_size_below_one() -> None:
    """The Paginator itself refuses page_size 0 with a UsageError (a ValueError too)."""
    with pytest.raises(UsageError, match="page_size"):
        paginator(FakeFetch(), page_size=0)


async def test_pages_yields_numbered_pages(client: AsyncClient, router: respx.MockRouter) -> None:
    """pages() yields Page objects numbered from 1, each with its items and document."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        page("1", "2", meta={"page": 1, "total_pages": 2}),
        page("3", meta={"page": 2, "total_pages": 2}),
    )
    pages = [p async for p in client.components.list(contract_id=CONTRACT_ID).pages()]
    assert all(isinstance(p, Page) for p in pages)
    assert [p.number for p in pages] == [1, 2]
    assert [[c.id for c in p.items] for p in pages] == [["1", "2"], ["3"]]
    assert pages[1].document.meta["page"] == 2


async def test_collect_returns_every_item_in_order() -> None:
    """collect() on a Paginator gives every item of every page, in order."""
    fetch = FakeFetch(
        page("a", "b", meta={"total_pages": 2}),
        page("c", meta={"total_pages": 2}),
    )
    assert await paginator(fetch).collect() == ["a", "b", "c"]


async def test_paginator_keeps_the_first_query_on_later_pages() -> None:
    """A direct Paginator keeps the first request's params and adds page[number] and size."""
    fetch = FakeFetch(page("a", meta={"total_pages": 2}), page("b", meta={"total_pages": 2}))
    await paginator(fetch, page_size=1).collect()
    assert [dict(s.params) for s in fetch.specs] == [
        {"q": "x", "page[size]": 1},
        {"q": "x", "page[size]": 1, "page[number]": 2},
    ]
    assert [s.path for s in fetch.specs] == ["/v2/things", "/v2/things"]


async def test_paginator_follows_links_next_as_a_url() -> None:
    """A direct Paginator turns links.next into a same-origin absolute URL request."""
    fetch = FakeFetch(page("a", links={"next": "/v2/things?cursor=2"}), page("b"))
    assert await paginator(fetch).collect() == ["a", "b"]
    assert fetch.specs[1].url == httpx.URL(f"{BASE_URL}/v2/things?cursor=2")


async def test_paginator_is_lazy() -> None:
    """Building a Paginator sends nothing; items are fetched only as iteration needs them."""
    fetch = FakeFetch(page("a", meta={"total_pages": 2}), page("b", meta={"total_pages": 2}))
    pages = paginator(fetch)
    assert fetch.specs == []
    iterator = aiter(pages)
    assert await anext(iterator) == "a"
    assert len(fetch.specs) == 1
