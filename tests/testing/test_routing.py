"""Routing: unknown paths, wrong methods, trailing slashes, encoded ids, bad bodies."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests.testing.helpers import data_of, error_of


async def test_unknown_path_is_404(api: httpx.AsyncClient) -> None:
    """A path no endpoint serves is 404 with a JSON:API error."""
    error_of(await api.get("/v2/no-such-thing"), 404)


async def test_wrong_method_is_405_with_allow(api: httpx.AsyncClient) -> None:
    """A known path with an unsupported method is 405 naming the allowed methods."""
    response = await api.put("/v2/users/me")
    error_of(response, 405)
    assert response.headers["allow"] == "GET"


async def test_trailing_slash_is_ignored(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``/v2/users/`` serves the same list as ``/v2/users`` (the docs use both)."""
    assert data_of(await api.get("/v2/users/")) == data_of(await api.get("/v2/users"))


async def test_encoded_slash_stays_in_its_segment(api: httpx.AsyncClient) -> None:
    """An id with an encoded ``/`` is one (unknown) id, not two path segments."""
    error = error_of(await api.get("/v2/flows/a%2Fb"), 404)
    assert "'a/b'" in error["detail"]


async def test_invalid_json_body_is_400(api: httpx.AsyncClient) -> None:
    """A body that is not JSON is 400."""
    response = await api.post(
        "/v2/flows", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    error_of(response, 400)


async def test_unknown_path_is_404_before_authentication(
    anonymous_api: httpx.AsyncClient,
) -> None:
    """Routing comes first: an unknown path is 404 even without credentials."""
    error_of(await anonymous_api.get("/v2/nothing-here"), 404)
