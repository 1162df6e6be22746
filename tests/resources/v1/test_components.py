"""``client.v1.components``: each endpoint's request and decoded result, against the v1
docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError, PermissionDeniedError
from tests._support.docs import docs


async def test_mine_reads_the_components_member(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """mine() is GET /v1/components/mine; the list is the answer's ``components``."""
    router.get("/v1/components/mine").respond(200, json=docs("v1/components/mine"))
    [component] = await client.v1.components.mine()
    assert component.repo_id == "MONGO_ID"
    assert component.data["title"] == "Component title"
    assert (component.name, component.team) == (None, None)


async def test_public_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/components/public").respond(200, json=docs("v1/components/public"))
    [component] = await client.v1.components.public()
    assert component.data["triggers"]["timer"]["type"] == "polling"


async def test_get_decodes_name_and_team(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v1/components/55828f5a630d500800000003").respond(
        200, json=docs("v1/components/get")
    )
    component = await client.v1.components.get("55828f5a630d500800000003")
    assert route.called
    assert (component.repo_id, component.name, component.team) == (
        "55828f5a630d500800000003",
        "mock-component",
        "elasticio",
    )
    assert component.data["sailor_version"] == "0.0.4"


async def test_an_answer_without_components_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/components/mine").respond(200, json={"components": {"x": 1}})
    with pytest.raises(DecodeError, match="expected an array"):
        await client.v1.components.mine()


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v1/components/c1").respond(403, json={"message": "Not yours"})
    with pytest.raises(PermissionDeniedError, match="Not yours"):
        await client.v1.components.get("c1")
