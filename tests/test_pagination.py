"""The generic Paginator: links.next, meta.total_pages, and where a list must stop."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from elasticio import (
    AsyncClient,
    ConfigurationError,
    DecodeError,
    ForeignOriginError,
    Page,
    PaginationError,
    Paginator,
    UsageError,
)
from elasticio._http import RequestSpec, Response
from elasticio._pagination import DEFAULT_MAX_PAGES
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


def paginator(fetch: Any, page_size: int | None = None, **options: Any) -> Paginator[str]:
    return Paginator(
        fetch=fetch,
        first=RequestSpec(method="GET", path="/v2/things", params={"q": "x"}),
        item=item_id,
        base_url=httpx.URL(BASE_URL),
        page_size=page_size,
        **options,
    )


# A guard, not the behaviour under test: a paginator that never stops fails the test
# after this many requests instead of hanging it.
ENDLESS_GUARD = 50


def endless(document: Any) -> Any:
    """A side effect answering ``document(n)`` to the n-th request (from 1), for ever."""

    calls = 0

    def answer(request: httpx.Request) -> httpx.Response:
        del request
        nonlocal calls
        calls += 1
        assert calls <= ENDLESS_GUARD, "the paginator did not stop"
        return httpx.Response(200, json=document(calls))

    return answer


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
    """A meta.page stuck at 1 (new items or not) raises DecodeError, not a loop."""
    route = router.get("/v2/components")
    route.side_effect = responses(
        *[page(str(n), meta={"page": 1, "total_pages": 3}) for n in range(1, 5)]
    )
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


# -- lists that never end ------------------------------------------------------------------


async def test_server_ignoring_page_number_with_huge_total_pages_raises(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """total_pages 10^9 and the same page whatever page[number] says: PaginationError at page 2."""
    route = router.get("/v2/components")
    route.side_effect = endless(lambda n: page("1", "2", meta={"total_pages": 10**9}))
    seen: list[str] = []

    async def walk() -> None:
        async for found in client.components.list(contract_id=CONTRACT_ID):
            seen.append(found.id)

    with pytest.raises(PaginationError) as caught:
        await walk()
    assert caught.value.pointer == "/data"
    assert caught.value.pages == 2
    assert seen == ["1", "2"]
    assert route.call_count == 2


async def test_links_next_minting_cursors_over_the_same_items_raises(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A new links.next cursor on every page with the same resources: PaginationError at page 2."""
    route = router.get("/v2/components")
    route.side_effect = endless(lambda n: page("1", links={"next": f"/v2/components?cursor={n}"}))
    with pytest.raises(PaginationError) as caught:
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert caught.value.pointer == "/data"
    assert route.call_count == 2


async def test_a_repeated_page_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """PaginationError is a DecodeError: code catching bad answers catches it too."""
    route = router.get("/v2/components")
    route.side_effect = endless(lambda n: page("1", meta={"total_pages": 3}))
    with pytest.raises(DecodeError):
        await client.components.list(contract_id=CONTRACT_ID).collect()


async def test_same_ids_of_another_type_are_another_page() -> None:
    """Pages are compared by (type, id): the same ids under another type are new items."""
    fetch = FakeFetch(
        page("a", meta={"total_pages": 2}, type_="x"),
        page("a", meta={"total_pages": 2}, type_="y"),
    )
    assert await paginator(fetch).collect() == ["a", "a"]


async def test_endless_links_next_stops_at_max_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """New items and a new cursor on every page: max_pages of the call ends it, typed."""
    route = router.get("/v2/components")
    route.side_effect = endless(
        lambda n: page(str(n), links={"next": f"/v2/components?cursor={n}"})
    )
    seen: list[str] = []

    async def walk() -> None:
        async for found in client.components.list(contract_id=CONTRACT_ID, max_pages=5):
            seen.append(found.id)

    with pytest.raises(PaginationError, match="max_pages=5") as caught:
        await walk()
    assert seen == ["1", "2", "3", "4", "5"]
    assert caught.value.pages == 5
    assert caught.value.pointer == "/links/next"
    assert route.call_count == 5


async def test_endless_total_pages_stops_at_max_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """total_pages 10^9 honoured page by page is cut at max_pages, naming meta.total_pages."""
    route = router.get("/v2/users")
    route.side_effect = endless(
        lambda n: page(str(n), meta={"page": n, "total_pages": 10**9}, type_="user")
    )
    with pytest.raises(PaginationError) as caught:
        await client.users.list(page_size=1, max_pages=3).collect()
    assert caught.value.pointer == "/meta/total_pages"
    assert route.call_count == 3


async def test_a_list_of_exactly_max_pages_ends_normally() -> None:
    """max_pages is the most pages fetched: a list that ends on that page raises nothing."""
    fetch = FakeFetch(page("a", meta={"total_pages": 2}), page("b", meta={"total_pages": 2}))
    assert await paginator(fetch, max_pages=2).collect() == ["a", "b"]


async def test_the_client_max_pages_applies_to_every_list(
    make_client: Any, router: respx.MockRouter
) -> None:
    """AsyncClient(max_pages=...) caps lists that do not set their own."""
    route = router.get("/v2/components")
    route.side_effect = endless(
        lambda n: page(str(n), links={"next": f"/v2/components?cursor={n}"})
    )
    client = make_client(max_pages=3)
    assert client.max_pages == 3
    with pytest.raises(PaginationError):
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert route.call_count == 3


async def test_a_list_call_overrides_the_client_max_pages(
    make_client: Any, router: respx.MockRouter
) -> None:
    """max_pages on the list call wins over the client's, in both directions."""
    route = router.get("/v2/components")
    route.side_effect = endless(
        lambda n: page(str(n), links={"next": f"/v2/components?cursor={n}"})
    )
    client = make_client(max_pages=3)
    with pytest.raises(PaginationError):
        await client.components.list(contract_id=CONTRACT_ID, max_pages=6).collect()
    assert route.call_count == 6


async def test_with_options_changes_max_pages(client: AsyncClient) -> None:
    """with_options(max_pages=...) makes a client with another cap; others keep theirs."""
    assert client.max_pages == DEFAULT_MAX_PAGES == 10_000
    assert client.with_options(max_pages=7).max_pages == 7
    assert client.with_options(max_retries=0).max_pages == DEFAULT_MAX_PAGES


async def test_the_default_cap_is_ten_thousand_pages() -> None:
    """Without a setting, a list that never ends stops after 10,000 pages."""
    calls = 0

    async def fetch(spec: RequestSpec) -> Response:
        nonlocal calls
        calls += 1
        assert calls <= DEFAULT_MAX_PAGES + 1, "the paginator did not stop"
        document = Document.parse(page(str(calls), links={"next": f"/v2/things?c={calls}"}))
        return Response(
            status_code=200,
            headers=httpx.Headers(),
            document=document,
            retries_taken=0,
            elapsed=0.0,
            method=spec.method,
            url=str(spec.url),
        )

    with pytest.raises(PaginationError) as caught:
        async for _ in paginator(fetch).pages():
            pass
    assert caught.value.pages == calls == 10_000


@pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True])
def test_a_bad_max_pages_on_a_list_call_is_a_usage_error(client: AsyncClient, bad: Any) -> None:
    """max_pages of a list call must be a whole number of at least 1: else UsageError."""
    with pytest.raises(UsageError, match="max_pages"):
        client.components.list(contract_id=CONTRACT_ID, max_pages=bad)


@pytest.mark.parametrize("bad", [0, 2.0, None])
async def test_a_bad_client_max_pages_is_a_configuration_error(
    make_client: Any, client: AsyncClient, bad: Any
) -> None:
    """max_pages of the client (or of with_options) must be a whole number: else
    ConfigurationError."""
    with pytest.raises(ConfigurationError, match="max_pages"):
        make_client(max_pages=bad)
    if bad is not None:
        with pytest.raises(ConfigurationError, match="max_pages"):
            client.with_options(max_pages=bad)
