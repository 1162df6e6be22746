"""``client.components``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

import httpx
import pytest
import respx

from elasticio import (
    AsyncClient,
    Component,
    ComponentEnv,
    DecodeError,
)
from tests._support.components import (
    COMPONENT_ID,
    CONTRACT_ID,
    REVISION,
    TEAM_ID,
    WORKSPACE_ID,
    docs,
)
from tests._support.wire import body, query

# -- list ----------------------------------------------------------------------------------


async def test_list_sends_contract_id_only(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() without ``access`` sends only contract_id: no filter[access], no paging."""
    route = router.get("/v2/components").respond(200, json=docs("list"))
    await client.components.list(contract_id=CONTRACT_ID).collect()
    request = route.calls.last.request
    assert request.method == "GET"
    assert request.url.path == "/v2/components"
    assert query(request) == [("contract_id", CONTRACT_ID)]
    assert request.content == b""


async def test_list_sends_access_filter_when_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list(access=...) adds filter[access] beside contract_id."""
    route = router.get("/v2/components").respond(200, json=docs("list"))
    await client.components.list(contract_id=CONTRACT_ID, access="public").collect()
    assert query(route.calls.last.request) == [
        ("contract_id", CONTRACT_ID),
        ("filter[access]", "public"),
    ]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list example gives one Component with its latest version from included."""
    router.get("/v2/components").respond(200, json=docs("list"))
    components = await client.components.list(contract_id=CONTRACT_ID).collect()
    assert len(components) == 1
    component = components[0]
    assert (component.id, component.name, component.team_name, component.access) == (
        COMPONENT_ID,
        "name",
        "team_name",
        "tenant",
    )
    assert component.latest_version_id == REVISION
    assert component.latest_version is not None
    assert component.latest_version.version_number == 69


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list whose items are not components raises DecodeError at the item's type."""
    payload = {"data": [{"type": "user", "id": "U1", "attributes": {"email": "a@b.c"}}]}
    router.get("/v2/components").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.components.list(contract_id=CONTRACT_ID).collect()
    assert caught.value.pointer == "/data/0/type"


async def test_list_follows_links_next(client: AsyncClient, router: respx.MockRouter) -> None:
    """The lists are not paged by the docs, yet a links.next a server sends is followed."""
    first = {
        "data": [{"type": "component", "id": "C1"}],
        "links": {"next": "/v2/components?contract_id=K&page[number]=2"},
    }
    route = router.get("/v2/components")
    route.side_effect = [
        httpx.Response(200, json=first),
        httpx.Response(200, json={"data": [{"type": "component", "id": "C2"}]}),
    ]
    ids = [c.id async for c in client.components.list(contract_id="K")]
    assert ids == ["C1", "C2"]
    assert route.call_count == 2


@pytest.mark.parametrize("method", ["list", "list_all", "list_in_workspace"])
def test_the_component_lists_take_no_page_size(client: AsyncClient, method: str) -> None:
    """The docs page none of the component lists, so none of them offers ``page_size``."""
    parameters = inspect.signature(getattr(client.components, method)).parameters
    assert "page_size" not in parameters


async def test_list_all_sends_no_query_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list_all() is GET /v2/components/all with no query when contract_id is not given."""
    route = router.get("/v2/components/all").respond(200, json=docs("list_all"))
    components = await client.components.list_all().collect()
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("GET", "/v2/components/all")
    assert query(request) == []
    assert [c.id for c in components] == [COMPONENT_ID]


async def test_list_all_sends_contract_id_when_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list_all(contract_id=...) sends it as the only query parameter."""
    route = router.get("/v2/components/all").respond(200, json=docs("list_all"))
    await client.components.list_all(contract_id=CONTRACT_ID).collect()
    assert query(route.calls.last.request) == [("contract_id", CONTRACT_ID)]


async def test_list_in_workspace_uses_the_singular_workspace_path(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list_in_workspace() is GET /v2/workspace/{id}/components and keeps the whitelist."""
    route = router.get(f"/v2/workspace/{WORKSPACE_ID}/components").respond(
        200, json=docs("list_in_workspace")
    )
    components = await client.components.list_in_workspace(WORKSPACE_ID).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path) == (
        "GET",
        f"/v2/workspace/{WORKSPACE_ID}/components",
    )
    assert query(request) == []
    assert components[0].whitelisted_contract_ids == (CONTRACT_ID,)


# -- get -----------------------------------------------------------------------------------


async def test_get_decodes_the_component(client: AsyncClient, router: respx.MockRouter) -> None:
    """get() is GET /v2/components/{id} and returns the component with its latest version."""
    route = router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("get"))
    component = await client.components.get(COMPONENT_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == (
        "GET",
        f"/v2/components/{COMPONENT_ID}",
        [],
    )
    assert (component.id, component.name, component.access) == (
        COMPONENT_ID,
        "component name",
        "team",
    )
    assert component.latest_version is not None
    assert (component.latest_version.id, component.latest_version.version_number) == (REVISION, 7)


async def test_get_with_workspace_uses_the_whitelist_aware_path(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(workspace_id=...) is GET /v2/workspace/{ws}/components/{id}."""
    path = f"/v2/workspace/{WORKSPACE_ID}/components/{COMPONENT_ID}"
    route = router.get(path).respond(200, json=docs("get_in_workspace"))
    component = await client.components.get(COMPONENT_ID, workspace_id=WORKSPACE_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])
    assert component.whitelisted_contract_ids == (CONTRACT_ID,)


async def test_get_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() answered with a user raises DecodeError pointing at /data/type."""
    payload = {"data": {"type": "user", "id": COMPONENT_ID, "attributes": {"email": "a@b.c"}}}
    router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.components.get(COMPONENT_ID)
    assert caught.value.pointer == "/data/type"
    assert "'user'" in str(caught.value)


async def test_get_refuses_a_list(client: AsyncClient, router: respx.MockRouter) -> None:
    """get() answered with a list of components raises DecodeError rather than pick one."""
    router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("list"))
    with pytest.raises(DecodeError) as caught:
        await client.components.get(COMPONENT_ID)
    assert caught.value.pointer == "/data"


async def test_get_refuses_null_data(client: AsyncClient, router: respx.MockRouter) -> None:
    """get() answered with ``data: null`` raises DecodeError."""
    router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json={"data": None})
    with pytest.raises(DecodeError):
        await client.components.get(COMPONENT_ID)


# -- versions and descriptors --------------------------------------------------------------


async def test_versions_decodes_each_build(client: AsyncClient, router: respx.MockRouter) -> None:
    """versions() is GET /v2/components/{id}/versions and returns the builds in order."""
    route = router.get(f"/v2/components/{COMPONENT_ID}/versions").respond(
        200, json=docs("versions")
    )
    versions = await client.components.versions(COMPONENT_ID)
    request = route.calls.last.request
    assert (request.method, query(request)) == ("GET", [])
    assert [(v.id, v.version_number, v.date, v.component_id) for v in versions] == [
        (REVISION, 1, datetime(2017, 10, 23, 10, 34, 49, 997000, tzinfo=UTC), COMPONENT_ID)
    ]


async def test_versions_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """versions() answered with descriptors raises DecodeError at the item's type."""
    router.get(f"/v2/components/{COMPONENT_ID}/versions").respond(
        200, json={"data": [{"type": "descriptor", "id": REVISION}]}
    )
    with pytest.raises(DecodeError) as caught:
        await client.components.versions(COMPONENT_ID)
    assert caught.value.pointer == "/data/0/type"


async def test_descriptor_by_revision(client: AsyncClient, router: respx.MockRouter) -> None:
    """descriptor(id, rev) is GET /v2/components/{id}/versions/{rev}/descriptor."""
    path = f"/v2/components/{COMPONENT_ID}/versions/{REVISION}/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    descriptor = await client.components.descriptor(COMPONENT_ID, REVISION)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])
    assert (descriptor.id, descriptor.title, descriptor.short_revision) == (
        REVISION,
        "title",
        "cf0a2d9",
    )
    assert descriptor.is_latest is True
    assert descriptor.version_id == REVISION
    assert descriptor.credentials["fields"]["apiKey"]["label"] == "API key"


async def test_descriptor_defaults_to_latest(client: AsyncClient, router: respx.MockRouter) -> None:
    """descriptor(id) asks for the ``latest`` revision."""
    path = f"/v2/components/{COMPONENT_ID}/versions/latest/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    descriptor = await client.components.descriptor(COMPONENT_ID)
    assert route.call_count == 1
    assert descriptor.title == "title"


async def test_descriptor_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """descriptor() answered with a version raises DecodeError."""
    path = f"/v2/components/{COMPONENT_ID}/versions/latest/descriptor"
    router.get(path).respond(200, json={"data": {"type": "version", "id": REVISION}})
    with pytest.raises(DecodeError) as caught:
        await client.components.descriptor(COMPONENT_ID)
    assert caught.value.pointer == "/data/type"


# -- create, update, delete ----------------------------------------------------------------


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() with every documented member sends exactly the docs' request example."""
    route = router.post("/v2/components").respond(201, json=docs("create"))
    await client.components.create(
        name="mycomponent",
        team_id=TEAM_ID,
        contract_id=CONTRACT_ID,
        docker_repo_name="dockername",
        docker_target_tag="dockertag",
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/components", [])
    assert request.headers["Content-Type"] == "application/json"
    assert body(request) == docs("create_request")


async def test_create_omits_arguments_left_unset(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(name, team_id) sends neither null attributes nor a contract relationship."""
    route = router.post("/v2/components").respond(201, json=docs("create"))
    await client.components.create(name="mycomponent", team_id=TEAM_ID)
    assert body(route.calls.last.request) == {
        "data": {
            "type": "component",
            "attributes": {"name": "mycomponent"},
            "relationships": {"team": {"data": {"type": "team", "id": TEAM_ID}}},
        }
    }


async def test_create_sends_the_icon_when_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(icon=...) sends the base64 icon as an attribute."""
    route = router.post("/v2/components").respond(201, json=docs("create"))
    await client.components.create(name="mycomponent", team_id=TEAM_ID, icon="iVBORw0KGgo=")
    assert body(route.calls.last.request)["data"]["attributes"] == {
        "name": "mycomponent",
        "icon": "iVBORw0KGgo=",
    }


async def test_create_decodes_the_created_component(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's component, without a latest version."""
    router.post("/v2/components").respond(201, json=docs("create"))
    component = await client.components.create(name="mycomponent", team_id=TEAM_ID)
    assert component == Component(
        id=COMPONENT_ID,
        name="{REPOSITORY_NAME}",
        team_name="{TEAM_NAME}",
        access="team",
        docker_repo_name="dockername",
        docker_target_tag="dockertag",
    )


async def test_update_sends_the_docs_request_body_with_the_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() sends the docs' PATCH example plus the ``id`` JSON:API requires in a PATCH."""
    route = router.patch(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("update"))
    await client.components.update(
        COMPONENT_ID, access="tenant", whitelisted_contract_ids=[CONTRACT_ID]
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == (
        "PATCH",
        f"/v2/components/{COMPONENT_ID}",
        [],
    )
    example = docs("update_request")
    assert body(request) == {"data": {**example["data"], "id": COMPONENT_ID}}


async def test_update_sends_only_access_when_only_access_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(access=...) leaves whitelisted_contract_ids out of the body."""
    route = router.patch(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("update"))
    await client.components.update(COMPONENT_ID, access="tenant")
    assert body(route.calls.last.request) == {
        "data": {"type": "component", "id": COMPONENT_ID, "attributes": {"access": "tenant"}}
    }


async def test_update_sends_a_whitelist_tuple_as_an_array(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(whitelisted_contract_ids=(...)) sends a JSON array and no access."""
    route = router.patch(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("update"))
    await client.components.update(COMPONENT_ID, whitelisted_contract_ids=("C1", "C2"))
    assert body(route.calls.last.request)["data"]["attributes"] == {
        "whitelisted_contract_ids": ["C1", "C2"]
    }


async def test_update_decodes_the_updated_component(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() returns the component from the 200, whitelist included."""
    router.patch(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("update"))
    component = await client.components.update(COMPONENT_ID, access="tenant")
    assert component == Component(
        id=COMPONENT_ID,
        name="name",
        team_name="team_name",
        access="tenant",
        whitelisted_contract_ids=(CONTRACT_ID,),
    )


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete() is DELETE /v2/components/{id} without a body; a 204 is success."""
    route = router.delete(f"/v2/components/{COMPONENT_ID}").respond(
        204, headers={"Content-Type": "application/json"}
    )
    await client.components.delete(COMPONENT_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "DELETE",
        f"/v2/components/{COMPONENT_ID}",
        b"",
    )


async def test_delete_version_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete_version() is DELETE /v2/components/{id}/versions/{rev}; a 204 is success."""
    path = f"/v2/components/{COMPONENT_ID}/versions/{REVISION}"
    route = router.delete(path).respond(204)
    await client.components.delete_version(COMPONENT_ID, REVISION)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("DELETE", path, b"")


# -- env and docker pull -------------------------------------------------------------------


async def test_get_env_decodes_the_variables(client: AsyncClient, router: respx.MockRouter) -> None:
    """get_env() is GET /v2/components/{id}/env and returns the component-env."""
    route = router.get(f"/v2/components/{COMPONENT_ID}/env").respond(200, json=docs("env"))
    env = await client.components.get_env(COMPONENT_ID)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")
    assert env == ComponentEnv(id=COMPONENT_ID, vars={"MY_ENV_VAR": "env_var_value"})


async def test_get_env_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get_env() answered with a component raises DecodeError."""
    router.get(f"/v2/components/{COMPONENT_ID}/env").respond(200, json=docs("get"))
    with pytest.raises(DecodeError) as caught:
        await client.components.get_env(COMPONENT_ID)
    assert caught.value.pointer == "/data/type"


async def test_set_env_puts_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """set_env() is a PUT whose body is exactly the docs' request example."""
    route = router.put(f"/v2/components/{COMPONENT_ID}/env").respond(200, json=docs("env_put"))
    env = await client.components.set_env(COMPONENT_ID, {"MY_ENV_VAR": "env_var_value"})
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PUT", f"/v2/components/{COMPONENT_ID}/env")
    assert body(request) == docs("env_put_request")
    assert env.vars == {"MY_ENV_VAR": "env_var_value"}


async def test_docker_pull_defaults_to_latest(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """docker_pull(id) POSTs to .../docker-pull/latest without a body and accepts an empty 200."""
    path = f"/v2/components/{COMPONENT_ID}/docker-pull/latest"
    route = router.post(path).respond(200, headers={"Content-Type": "application/json"})
    await client.components.docker_pull(COMPONENT_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("POST", path, b"")


async def test_docker_pull_without_a_revision_leaves_it_out(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """docker_pull(id, revision=None) POSTs to .../docker-pull, the path without a version."""
    path = f"/v2/components/{COMPONENT_ID}/docker-pull"
    route = router.post(path).respond(200)
    await client.components.docker_pull(COMPONENT_ID, revision=None)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("POST", path, b"")
    assert len(router.calls) == 1


async def test_docker_pull_of_a_revision(client: AsyncClient, router: respx.MockRouter) -> None:
    """docker_pull(id, rev) POSTs to .../docker-pull/{rev}."""
    route = router.post(f"/v2/components/{COMPONENT_ID}/docker-pull/{REVISION}").respond(200)
    await client.components.docker_pull(COMPONENT_ID, REVISION)
    assert route.call_count == 1
