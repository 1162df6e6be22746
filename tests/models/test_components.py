"""Component models: structuring, equality, repr, and traversal within and beyond a document."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import respx

from elasticio import (
    AsyncClient,
    Component,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
    DecodeError,
    UsageError,
)
from elasticio.jsonapi import Document
from elasticio.models._declare import structure
from tests._support.components import COMPONENT_ID, CONTRACT_ID, DESCRIPTOR_ID, REVISION, docs

OLD_REVISION = "1111111111111111111111111111111111111111"


class NoRequests:
    """A ComponentsAPI that fails the test if a model asks it for anything."""

    async def versions(self, component_id: str) -> list[ComponentVersion]:
        raise AssertionError(f"unexpected versions({component_id!r}) request")

    async def descriptor(self, component_id: str, revision: str = "latest") -> ComponentDescriptor:
        raise AssertionError(f"unexpected descriptor({component_id!r}, {revision!r}) request")


def version(number: int, revision: str) -> dict[str, Any]:
    return {
        "type": "version",
        "id": revision,
        "attributes": {"version_number": number, "date": 1517392057184},
        "relationships": {"component": {"data": {"type": "component", "id": COMPONENT_ID}}},
    }


def component_with_versions(*included: dict[str, Any], linked: tuple[str, ...]) -> Document:
    """A component whose ``versions`` relationship has data for ``linked`` revisions."""
    return Document.parse(
        {
            "data": {
                "type": "component",
                "id": COMPONENT_ID,
                "attributes": {"name": "n"},
                "relationships": {
                    "versions": {"data": [{"type": "version", "id": r} for r in linked]}
                },
            },
            "included": list(included),
        }
    )


# -- structuring ---------------------------------------------------------------------------


def test_component_is_structured_from_its_attributes() -> None:
    """A component resource becomes a Component with every documented attribute."""
    document = Document.parse(docs("get_in_workspace"))
    component = structure(Component, document, document.primary[0])
    assert (component.id, component.name, component.team_name, component.access) == (
        COMPONENT_ID,
        "component name",
        "{team_name}",
        "team",
    )
    assert component.whitelisted_contract_ids == (CONTRACT_ID,)
    assert component.latest_version_id == REVISION


def test_version_is_structured_from_its_attributes() -> None:
    """A version resource becomes a ComponentVersion knowing its component."""
    document = Document.parse(docs("versions"))
    built = structure(ComponentVersion, document, document.primary[0])
    assert (built.id, built.version_number, built.date, built.component_id) == (
        REVISION,
        1,
        datetime(2017, 10, 23, 10, 34, 49, 997000, tzinfo=UTC),
        COMPONENT_ID,
    )


def test_descriptor_is_structured_from_its_attributes() -> None:
    """A descriptor resource becomes a ComponentDescriptor with its mappings and version."""
    document = Document.parse(docs("list"))
    resource = document.get("descriptor", DESCRIPTOR_ID)
    assert resource is not None
    descriptor = structure(ComponentDescriptor, document, resource)
    assert (descriptor.title, descriptor.service, descriptor.language) == (
        "Data mapper",
        "mapper",
        "nodejs",
    )
    assert descriptor.actions["map"] == {"title": "Mapper", "main": "./map.js"}
    assert descriptor.fields == {"mapper": {"viewClass": "MapperView"}}
    assert descriptor.triggers == {}
    assert descriptor.version_id == REVISION


def test_env_is_structured_from_its_attributes() -> None:
    """A component-env resource becomes a ComponentEnv."""
    document = Document.parse(docs("env"))
    env = structure(ComponentEnv, document, document.primary[0])
    assert env == ComponentEnv(id=COMPONENT_ID, vars={"MY_ENV_VAR": "env_var_value"})


def test_unknown_attributes_are_kept_in_extra() -> None:
    """Attributes a model has no field for are kept, untouched, in ``extra``."""
    document = Document.parse(
        {
            "data": {
                "type": "component",
                "id": "C",
                "attributes": {"name": "n", "flavour": {"deep": [1, 2]}, "stars": 5},
            }
        }
    )
    component = structure(Component, document, document.primary[0])
    assert component.name == "n"
    assert component.extra == {"flavour": {"deep": [1, 2]}, "stars": 5}


def test_extra_is_read_only() -> None:
    """``extra`` is a read-only view: a model cannot be changed through it."""
    document = Document.parse({"data": {"type": "version", "id": "V", "attributes": {"x": 1}}})
    built = structure(ComponentVersion, document, document.primary[0])
    with pytest.raises(TypeError):
        built.extra["x"] = 2  # type: ignore[index]


def test_optional_attributes_may_be_absent() -> None:
    """A resource with no attributes at all structures with defaults."""
    document = Document.parse({"data": {"type": "component", "id": "C"}})
    component = structure(Component, document, document.primary[0])
    assert component == Component(id="C")
    assert (component.name, component.whitelisted_contract_ids, component.extra) == (None, (), {})
    assert component.latest_version is None


def test_optional_attributes_may_be_null() -> None:
    """``null`` for an optional scalar attribute gives None."""
    document = Document.parse(
        {"data": {"type": "version", "id": "V", "attributes": {"version_number": None}}}
    )
    assert structure(ComponentVersion, document, document.primary[0]).version_number is None


def test_an_id_attribute_does_not_replace_the_resource_id() -> None:
    """An attribute named ``id`` (JSON:API forbids it) never changes the model's identity."""
    document = Document.parse(
        {"data": {"type": "component", "id": "C1", "attributes": {"id": "C2", "name": "n"}}}
    )
    assert structure(Component, document, document.primary[0]).id == "C1"


def test_date_is_an_aware_utc_datetime_from_milliseconds() -> None:
    """``date``, sent as milliseconds since the epoch, is an aware UTC datetime."""
    document = Document.parse(
        {"data": {"type": "version", "id": "V", "attributes": {"date": 1517392057184}}}
    )
    built = structure(ComponentVersion, document, document.primary[0])
    assert built.date == datetime(2018, 1, 31, 9, 47, 37, 184000, tzinfo=UTC)
    assert built.date is not None
    assert built.date.utcoffset() == timedelta(0)


def test_date_is_none_without_a_date() -> None:
    """A version without ``date`` has None for it."""
    document = Document.parse({"data": {"type": "version", "id": "V"}})
    assert structure(ComponentVersion, document, document.primary[0]).date is None


@pytest.mark.parametrize("millis", [10**20, -(10**20)], ids=["far-future", "far-past"])
def test_an_out_of_range_date_is_a_decode_error(millis: int) -> None:
    """A ``date`` no datetime can hold raises DecodeError naming it, not an OverflowError."""
    document = Document.parse(
        {"data": {"type": "version", "id": "V", "attributes": {"date": millis}}}
    )
    with pytest.raises(DecodeError) as caught:
        structure(ComponentVersion, document, document.primary[0])
    assert caught.value.pointer == "/data"
    assert "date" in caught.value.reason


@pytest.mark.parametrize("model", [Component, ComponentVersion, ComponentDescriptor, ComponentEnv])
def test_a_resource_of_another_type_is_a_decode_error(model: type[Any]) -> None:
    """Each component model refuses a resource of a type it is not built from."""
    document = Document.parse({"data": {"type": "flow", "id": "F"}})
    with pytest.raises(DecodeError) as caught:
        structure(model, document, document.primary[0])
    assert caught.value.pointer == "/data/type"
    assert "'flow'" in str(caught.value)


# -- to_dict and to_json -------------------------------------------------------------------


def test_component_to_dict_holds_its_data_and_latest_version() -> None:
    """to_dict() gives JSON-safe data: tuples as lists, the date in ISO 8601, no binding."""
    document = Document.parse(docs("get"))
    component = structure(Component, document, document.primary[0], api=NoRequests())
    data = component.to_dict()
    assert data["id"] == COMPONENT_ID
    assert (data["name"], data["access"], data["whitelisted_contract_ids"]) == (
        "component name",
        "team",
        [],
    )
    assert data["latest_version_id"] == REVISION
    assert data["latest_version"] == {
        "id": REVISION,
        "version_number": 7,
        "date": "2017-12-13T16:42:19.032000+00:00",
        "component_id": COMPONENT_ID,
        "extra": {},
    }
    assert "_binding" not in data
    assert "binding" not in data


def test_component_to_json_is_to_dict_as_text() -> None:
    """to_json() is the JSON text of to_dict()."""
    document = Document.parse(docs("get"))
    component = structure(Component, document, document.primary[0])
    assert json.loads(component.to_json()) == component.to_dict()


def test_env_to_dict_holds_the_variables() -> None:
    """to_dict() keeps ``vars`` (only the repr hides them): it is the caller's own data."""
    document = Document.parse(docs("env"))
    env = structure(ComponentEnv, document, document.primary[0])
    assert env.to_dict() == {
        "id": COMPONENT_ID,
        "vars": {"MY_ENV_VAR": "env_var_value"},
        "extra": {},
    }


# -- equality and repr ---------------------------------------------------------------------


def test_models_compare_equal_regardless_of_binding() -> None:
    """A decoded model equals the same data built by hand: the binding is not data."""
    document = Document.parse(docs("update"))
    decoded = structure(Component, document, document.primary[0])
    by_hand = Component(
        id=COMPONENT_ID,
        name="name",
        team_name="team_name",
        access="tenant",
        whitelisted_contract_ids=(CONTRACT_ID,),
    )
    assert decoded == by_hand


def test_models_from_different_documents_compare_equal() -> None:
    """The same component decoded from two documents (two bindings) compares equal."""
    first = Document.parse(docs("get"))
    second = Document.parse(docs("get"))
    a = structure(Component, first, first.primary[0])
    b = structure(Component, second, second.primary[0])
    assert a == b
    assert a.latest_version == b.latest_version


def test_models_differ_when_data_differs() -> None:
    """Equality still looks at the data: another name makes another component."""
    assert Component(id="C", name="a") != Component(id="C", name="b")


def test_repr_does_not_show_the_binding() -> None:
    """The repr shows the data, not the binding, its document or the API object."""
    document = Document.parse(docs("get"))
    text = repr(structure(Component, document, document.primary[0], api=NoRequests()))
    assert text.startswith("Component(id=")
    assert "binding" not in text
    assert "Document" not in text
    assert "NoRequests" not in text


# -- traversal: latest_version and versions() ----------------------------------------------


async def test_latest_version_is_resolved_from_included_without_a_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """``latest_version`` is the included version: one request for get(), none after."""
    route = router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("get"))
    component = await client.components.get(COMPONENT_ID)
    latest = component.latest_version
    assert latest is not None
    assert (latest.id, latest.version_number, latest.component_id) == (REVISION, 7, COMPONENT_ID)
    assert len(router.calls) == route.call_count == 1


async def test_versions_uses_included_when_it_holds_every_target() -> None:
    """versions() answers from the document, in linkage order, when all targets are there."""
    document = component_with_versions(
        version(1, OLD_REVISION), version(2, REVISION), linked=(REVISION, OLD_REVISION)
    )
    component = structure(Component, document, document.primary[0], api=NoRequests())
    versions = await component.versions()
    assert [(v.id, v.version_number) for v in versions] == [(REVISION, 2), (OLD_REVISION, 1)]


async def test_versions_requests_when_a_target_is_missing(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """versions() makes one request when the document lacks one of the linked versions."""
    served = {
        "data": {
            "type": "component",
            "id": COMPONENT_ID,
            "relationships": {
                "versions": {
                    "data": [
                        {"type": "version", "id": REVISION},
                        {"type": "version", "id": OLD_REVISION},
                    ]
                }
            },
        },
        "included": [version(2, REVISION)],
    }
    router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=served)
    route = router.get(f"/v2/components/{COMPONENT_ID}/versions").respond(
        200, json=docs("versions")
    )
    component = await client.components.get(COMPONENT_ID)
    versions = await component.versions()
    assert route.call_count == 1
    assert [v.version_number for v in versions] == [1]


async def test_versions_requests_when_the_relationship_has_only_links(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs' list example links versions without data: versions() makes ONE request."""
    router.get("/v2/components").respond(200, json=docs("list"))
    route = router.get(f"/v2/components/{COMPONENT_ID}/versions").respond(
        200, json=docs("versions")
    )
    [component] = await client.components.list(contract_id="C1").collect()
    versions = await component.versions()
    assert route.call_count == 1
    assert route.calls.last.request.url.path == f"/v2/components/{COMPONENT_ID}/versions"
    assert [(v.id, v.component_id) for v in versions] == [(REVISION, COMPONENT_ID)]


# -- traversal: descriptors ----------------------------------------------------------------


async def test_version_descriptor_comes_from_included(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """version.descriptor() answers from included when the document holds it."""
    route = router.get("/v2/components").respond(200, json=docs("list"))
    [component] = await client.components.list(contract_id="C1").collect()
    assert component.latest_version is not None
    descriptor = await component.latest_version.descriptor()
    assert (descriptor.id, descriptor.title) == (DESCRIPTOR_ID, "Data mapper")
    assert len(router.calls) == route.call_count == 1


async def test_version_descriptor_requests_when_not_included(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """version.descriptor() makes one request to .../versions/{rev}/descriptor otherwise."""
    router.get(f"/v2/components/{COMPONENT_ID}/versions").respond(200, json=docs("versions"))
    path = f"/v2/components/{COMPONENT_ID}/versions/{REVISION}/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    [built] = await client.components.versions(COMPONENT_ID)
    descriptor = await built.descriptor()
    assert route.call_count == 1
    assert descriptor.short_revision == "cf0a2d9"


async def test_version_without_its_component_raises_decode_error() -> None:
    """A version that names no component, descriptor not included: DecodeError, no request."""
    document = Document.parse(
        {
            "data": [
                {
                    "type": "version",
                    "id": REVISION,
                    "relationships": {"descriptor": {"data": {"type": "descriptor", "id": "D"}}},
                }
            ]
        }
    )
    built = structure(ComponentVersion, document, document.primary[0], api=NoRequests())
    with pytest.raises(DecodeError) as caught:
        await built.descriptor()
    assert caught.value.pointer == "/data/0/relationships/component"
    assert REVISION in str(caught.value)


async def test_component_descriptor_comes_from_included(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """component.descriptor() gives the latest descriptor from included, with no request."""
    route = router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("get"))
    component = await client.components.get(COMPONENT_ID)
    descriptor = await component.descriptor()
    assert (descriptor.short_revision, descriptor.credentials["fields"]["apiKey"]["label"]) == (
        "df7cf1d",
        "API key",
    )
    assert len(router.calls) == route.call_count == 1


async def test_component_descriptor_of_a_latest_version_without_its_descriptor(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A latest version included without its descriptor (nor its component) leads to one
    request for that revision of this component."""
    served = {
        "data": [
            {
                "type": "component",
                "id": COMPONENT_ID,
                "relationships": {"latest_version": {"data": {"type": "version", "id": REVISION}}},
            }
        ],
        "included": [{"type": "version", "id": REVISION, "attributes": {"version_number": 2}}],
    }
    router.get("/v2/components").respond(200, json=served)
    path = f"/v2/components/{COMPONENT_ID}/versions/{REVISION}/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    [component] = await client.components.list(contract_id="C1").collect()
    assert component.latest_version is not None
    assert component.latest_version.component_id is None
    descriptor = await component.descriptor()
    assert route.call_count == 1
    assert descriptor.short_revision == "cf0a2d9"


async def test_included_versions_without_their_component_belong_to_it() -> None:
    """Versions read from the component's document know the component even when their own
    ``component`` relationship is left out."""
    bare = {"type": "version", "id": REVISION, "attributes": {"version_number": 2}}
    document = component_with_versions(bare, linked=(REVISION,))
    component = structure(Component, document, document.primary[0], api=NoRequests())
    [built] = await component.versions()
    assert (built.id, built.component_id) == (REVISION, COMPONENT_ID)


async def test_component_descriptor_of_another_revision_requests_it(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """component.descriptor(rev) for a revision other than the latest makes one request."""
    router.get(f"/v2/components/{COMPONENT_ID}").respond(200, json=docs("get"))
    path = f"/v2/components/{COMPONENT_ID}/versions/{OLD_REVISION}/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    component = await client.components.get(COMPONENT_ID)
    await component.descriptor(OLD_REVISION)
    assert route.call_count == 1


async def test_component_descriptor_without_latest_version_requests_latest(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A component with no latest version in its document asks for .../versions/latest."""
    router.post("/v2/components").respond(201, json=docs("create"))
    path = f"/v2/components/{COMPONENT_ID}/versions/latest/descriptor"
    route = router.get(path).respond(200, json=docs("descriptor"))
    component = await client.components.create(name="n", team_id="T1")
    await component.descriptor()
    assert route.call_count == 1


# -- models built by hand ------------------------------------------------------------------


async def test_hand_built_component_versions_raises_usage_error() -> None:
    """Component.versions() on a model built by hand raises UsageError."""
    with pytest.raises(UsageError, match=r"Component\.versions\(\)"):
        await Component(id="C").versions()


async def test_hand_built_component_descriptor_raises_usage_error() -> None:
    """Component.descriptor() on a model built by hand raises UsageError."""
    with pytest.raises(UsageError, match=r"Component\.descriptor\(\)"):
        await Component(id="C").descriptor()


async def test_hand_built_version_descriptor_raises_usage_error() -> None:
    """ComponentVersion.descriptor() on a model built by hand raises UsageError."""
    with pytest.raises(UsageError, match=r"ComponentVersion\.descriptor\(\)"):
        await ComponentVersion(id="V", component_id="C").descriptor()


def test_component_env_vars_never_appear_in_a_repr() -> None:
    """Environment variables may hold secrets, so ComponentEnv's repr leaves them out."""
    env = ComponentEnv(id="c1", vars={"API_TOKEN": "s3cr3t-value"})
    assert "s3cr3t-value" not in repr(env)
