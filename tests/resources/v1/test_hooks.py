"""``client.v1.hooks``: the runtime's startup-data calls, below the base URL (no /v1)."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, NotFoundError
from tests._support.wire import body

PATH = "/sailor-support/hooks/task/t1/startup/data"


async def test_set_posts_the_value_as_json(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.post(PATH).respond(200, json={"state": 1})
    assert await client.v1.hooks.set_startup_data("t1", {"state": 1}) == {"state": 1}
    assert body(route.calls.last.request) == {"state": 1}


async def test_any_json_value_is_stored(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.post(PATH).respond(200, json=[1, "two"])
    assert await client.v1.hooks.set_startup_data("t1", [1, "two"]) == [1, "two"]
    assert body(route.calls.last.request) == [1, "two"]


async def test_read_and_forget(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get(PATH).respond(200, json={"state": 1})
    deleted = router.delete(PATH).respond(200, json={})
    assert await client.v1.hooks.startup_data("t1") == {"state": 1}
    assert await client.v1.hooks.delete_startup_data("t1") is None
    assert deleted.call_count == 1


async def test_errors_map_onto_the_tree(client: AsyncClient, router: respx.MockRouter) -> None:
    """409 and 404 keep the platform's message (sent in message and error)."""
    router.post(PATH).respond(409, json={"message": "already stored", "error": "already stored"})
    router.get(PATH).respond(404, json={"message": "nothing stored", "error": "nothing stored"})
    with pytest.raises(ConflictError, match="already stored"):
        await client.v1.hooks.set_startup_data("t1", {})
    with pytest.raises(NotFoundError, match="nothing stored"):
        await client.v1.hooks.startup_data("t1")
