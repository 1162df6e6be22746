"""``client.logs``: the query sent for each filter, and the decoded page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import respx

from elasticio import AsyncClient, DecodeError, LogLine, PermissionDeniedError
from tests._support.docs import docs
from tests._support.wire import query


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/logs").respond(200, json=docs("logs/list"))
    page = await client.logs.list("ws1")
    assert query(route.calls.last.request) == [("workspace_id", "ws1")]
    assert page.total == 1
    (line,) = page.hits
    assert isinstance(line, LogLine)
    assert (line.flow_id, line.step_id, line.level, line.component_name) == (
        "5d3848406af31c0015c2300c",
        "step_1",
        30,
        "Timer",
    )
    assert line.timestamp == datetime(2020, 1, 13, 10, 35, 42, 49000, tzinfo=UTC)


async def test_every_filter_goes_as_the_docs_name_it(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Arrays repeat ``name[]``; times go in UTC with milliseconds; strings as given."""
    route = router.get("/v2/logs").respond(200, json={"total": 0, "hits": []})
    await client.logs.list(
        "ws1",
        flow_ids=["f1", "f2"],
        since=datetime(2020, 1, 12, 16, 50, 42, 215000, tzinfo=timezone(timedelta(hours=2))),
        until="2020-01-14T15:00:45.000Z",
        search="slug",
        levels=[40, 50],
        offset=20,
        limit=10,
    )
    assert query(route.calls.last.request) == sorted(
        [
            ("workspace_id", "ws1"),
            ("flow_ids[]", "f1"),
            ("flow_ids[]", "f2"),
            ("from", "2020-01-12T14:50:42.215Z"),
            ("to", "2020-01-14T15:00:45.000Z"),
            ("search", "slug"),
            ("levels[]", "40"),
            ("levels[]", "50"),
            ("offset", "20"),
            ("limit", "10"),
        ]
    )


async def test_a_naive_time_counts_as_utc(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/logs").respond(200, json={"total": 0, "hits": []})
    await client.logs.list("ws1", since=datetime(2020, 1, 1))
    assert ("from", "2020-01-01T00:00:00.000Z") in query(route.calls.last.request)


@pytest.mark.parametrize(
    ("answer", "pointer"),
    [
        ([], ""),
        ({"total": 1, "hits": {}}, "/hits"),
        ({"total": 1, "hits": [{"id": "l1", "level": "info"}]}, "/hits/0/level"),
        ({"total": "many", "hits": []}, "/total"),
    ],
)
async def test_an_answer_off_the_docs_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter, answer: object, pointer: str
) -> None:
    router.get("/v2/logs").respond(200, json=answer)
    with pytest.raises(DecodeError) as caught:
        await client.logs.list("ws1")
    assert caught.value.pointer == pointer


async def test_an_error_is_typed(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v2/logs").respond(403, json={"errors": [{"status": 403, "detail": "no"}]})
    with pytest.raises(PermissionDeniedError):
        await client.logs.list("ws1")
