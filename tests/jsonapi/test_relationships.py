"""Relationships: linkage, resolution through the identity index, cycles, lazy validation."""

from __future__ import annotations

from typing import Any

import pytest

from elasticio.jsonapi import DecodeError, Document, Identifier, Relationship, Resource
from tests._support.docs import load_fixture


def flow(relationships: dict[str, Any]) -> dict[str, Any]:
    return {"type": "flow", "id": "f1", "relationships": relationships}


def one(document: dict[str, Any]) -> tuple[Document, Resource]:
    """The document and its first primary resource."""
    doc = Document.parse(document)
    return doc, doc.primary[0]


USERS = [{"type": "user", "id": "u1"}, {"type": "user", "id": "u2"}]


# --- the Relationship objects ----------------------------------------------------------


def test_to_one_linkage_is_an_identifier() -> None:
    """`data: {type, id}` decodes to an Identifier, and the relationship is not to-many."""
    _, resource = one({"data": flow({"user": {"data": {"type": "user", "id": "u1"}}})})
    relationship = resource.relationships["user"]
    assert relationship.data == Identifier("user", "u1")
    assert relationship.has_data is True
    assert relationship.is_to_many is False


def test_to_many_linkage_is_a_tuple_of_identifiers() -> None:
    """`data: [...]` decodes to a tuple of Identifiers in order."""
    _, resource = one({"data": flow({"users": {"data": USERS}})})
    relationship = resource.relationships["users"]
    assert relationship.data == (Identifier("user", "u1"), Identifier("user", "u2"))
    assert relationship.is_to_many is True


def test_empty_to_many_is_an_empty_tuple() -> None:
    """`data: []` is an empty to-many relationship, distinct from null."""
    _, resource = one({"data": flow({"users": {"data": []}})})
    relationship = resource.relationships["users"]
    assert relationship.data == ()
    assert relationship.has_data is True
    assert relationship.is_to_many is True


def test_to_one_null_is_none_with_has_data() -> None:
    """`data: null` gives data None and has_data true."""
    _, resource = one({"data": flow({"user": {"data": None}})})
    relationship = resource.relationships["user"]
    assert relationship.data is None
    assert relationship.has_data is True
    assert relationship.is_to_many is False


def test_links_only_relationship_has_no_data() -> None:
    """A relationship given only by links keeps them, with has_data false."""
    _, resource = one({"data": flow({"versions": {"links": {"related": "/v2/x/versions"}}})})
    relationship = resource.relationships["versions"]
    assert relationship == Relationship(links={"related": "/v2/x/versions"})
    assert relationship.has_data is False


def test_relationship_meta_and_unknown_members_are_kept() -> None:
    """A relationship's meta is kept, and members outside the spec land in extra."""
    _, resource = one({"data": flow({"user": {"data": None, "meta": {"n": 1}, "hint": "x"}})})
    relationship = resource.relationships["user"]
    assert relationship.meta == {"n": 1}
    assert relationship.extra == {"hint": "x"}


def test_identifier_meta_is_kept_but_not_compared() -> None:
    """An identifier's meta is kept, and two identifiers differing only in meta are equal."""
    linkage = {"type": "user", "id": "u1", "meta": {"role": "owner"}}
    _, resource = one({"data": flow({"user": {"data": linkage}})})
    identifier = resource.linkage("user")
    assert isinstance(identifier, Identifier)
    assert identifier.meta == {"role": "owner"}
    assert identifier == Identifier("user", "u1")
    assert hash(identifier) == hash(Identifier("user", "u1"))


def test_resource_without_relationships_has_none() -> None:
    """A resource with no relationships member has an empty mapping of them."""
    _, resource = one({"data": {"type": "a", "id": "1"}})
    assert dict(resource.relationships) == {}


def test_relationships_are_built_once() -> None:
    """Resource.relationships is built on first use and then reused."""
    _, resource = one({"data": flow({"users": {"data": USERS}})})
    assert resource.relationships is resource.relationships


def test_linkage_gives_the_data_or_none() -> None:
    """Resource.linkage(name) is the relationship's data, None for an unknown name."""
    _, resource = one({"data": flow({"users": {"data": USERS}})})
    assert resource.linkage("users") == (Identifier("user", "u1"), Identifier("user", "u2"))
    assert resource.linkage("owner") is None


# --- Document.related ------------------------------------------------------------------


def test_related_to_one_gives_the_included_resource() -> None:
    """A to-one relationship resolves to the included resource, the same object get() gives."""
    doc, resource = one(
        {"data": flow({"user": {"data": USERS[0]}}), "included": [USERS[0] | {"x": 1}]}
    )
    target = doc.related(resource, "user")
    assert target is doc.get("user", "u1")
    assert target is doc.included[0]


def test_related_to_many_gives_targets_in_linkage_order() -> None:
    """A to-many relationship resolves to a list, in the order of its linkage."""
    doc, resource = one({"data": flow({"users": {"data": USERS[::-1]}}), "included": USERS})
    assert doc.related(resource, "users") == [doc.included[1], doc.included[0]]


def test_related_to_many_skips_targets_the_document_lacks() -> None:
    """Targets not in data or included are left out of a to-many result."""
    doc, resource = one({"data": flow({"users": {"data": USERS}}), "included": USERS[1:]})
    assert doc.related(resource, "users") == [doc.get("user", "u2")]


def test_related_to_one_missing_from_the_document_is_none() -> None:
    """A to-one target the document does not include resolves to None."""
    doc, resource = one({"data": flow({"user": {"data": USERS[0]}})})
    assert doc.related(resource, "user") is None


def test_related_empty_to_many_is_an_empty_list() -> None:
    """An empty to-many relationship resolves to an empty list."""
    doc, resource = one({"data": flow({"users": {"data": []}})})
    assert doc.related(resource, "users") == []


@pytest.mark.parametrize(
    "relationships",
    [
        {"user": {"data": None}},
        {"user": {"links": {"related": "/v2/users/u1"}}},
        {"other": {"data": None}},
        {},
    ],
    ids=["null", "links-only", "absent", "no-relationships"],
)
def test_related_without_a_target_is_none(relationships: dict[str, Any]) -> None:
    """A null, links-only or absent relationship resolves to None."""
    doc, resource = one({"data": flow(relationships), "included": USERS})
    assert doc.related(resource, "user") is None


def test_related_points_into_primary_data() -> None:
    """An included resource's relationship can resolve to a primary resource, as that object."""
    doc = Document.parse(
        {
            "data": [{"type": "component", "id": "c1"}],
            "included": [
                {
                    "type": "version",
                    "id": "v1",
                    "relationships": {"component": {"data": {"type": "component", "id": "c1"}}},
                },
                {"type": "component", "id": "c1"},
            ],
        }
    )
    assert doc.related(doc.included[0], "component") is doc.primary[0]


def test_cycle_resolves_back_and_forth_to_the_same_objects() -> None:
    """A → B → A: following the cycle returns the very same objects every time."""
    doc = Document.parse(
        {
            "data": {
                "type": "a",
                "id": "1",
                "relationships": {"b": {"data": {"type": "b", "id": "2"}}},
            },
            "included": [
                {"type": "b", "id": "2", "relationships": {"a": {"data": {"type": "a", "id": "1"}}}}
            ],
        }
    )
    a = doc.primary[0]
    b = doc.related(a, "b")
    assert isinstance(b, Resource)
    assert doc.related(b, "a") is a
    back = doc.related(b, "a")
    assert isinstance(back, Resource)
    assert doc.related(back, "b") is b


def test_self_referencing_resource_resolves_to_itself() -> None:
    """A resource whose relationship names itself resolves to itself."""
    doc, resource = one(
        {
            "data": {
                "type": "a",
                "id": "1",
                "relationships": {"me": {"data": {"type": "a", "id": "1"}}},
            }
        }
    )
    assert doc.related(resource, "me") is resource


def test_repr_of_a_cycle_does_not_recurse() -> None:
    """The repr of resources in a cycle, and of the whole document, stays short."""
    doc = Document.parse(
        {
            "data": {
                "type": "a",
                "id": "1",
                "relationships": {"b": {"data": {"type": "b", "id": "2"}}},
            },
            "included": [
                {"type": "b", "id": "2", "relationships": {"a": {"data": {"type": "a", "id": "1"}}}}
            ],
        }
    )
    assert repr(doc.related(doc.primary[0], "b")) == "Resource(type='b', id='2')"
    assert len(repr(doc)) < 1000


# --- lazy validation of identifiers inside relationships -------------------------------

BAD_LINKAGE = [
    ({"user": {"data": {"type": "user", "id": 1}}}, "user", "/data/0/relationships/user/data/id"),
    ({"user": {"data": {"id": "u1"}}}, "user", "/data/0/relationships/user/data/type"),
    ({"user": {"data": "u1"}}, "user", "/data/0/relationships/user/data"),
    ({"user": {"data": 7}}, "user", "/data/0/relationships/user/data"),
    (
        {"users": {"data": [USERS[0], {"type": "user", "id": None}]}},
        "users",
        "/data/0/relationships/users/data/1/id",
    ),
    ({"users": {"data": [USERS[0], "u2"]}}, "users", "/data/0/relationships/users/data/1"),
    ({"users": {"data": [["user", "u1"]]}}, "users", "/data/0/relationships/users/data/0"),
    ({"users": {"data": [{"type": "user"}]}}, "users", "/data/0/relationships/users/data/0/id"),
    ({"user": 5}, "user", "/data/0/relationships/user"),
    ({"user": None}, "user", "/data/0/relationships/user"),
    ({"user": [USERS[0]]}, "user", "/data/0/relationships/user"),
    ({"user": "u1"}, "user", "/data/0/relationships/user"),
    ({"a/b~c": {"data": 1}}, "a/b~c", "/data/0/relationships/a~1b~0c/data"),
]
BAD_LINKAGE_IDS = [
    "int-id",
    "no-type",
    "string",
    "number",
    "to-many-null-id",
    "to-many-string",
    "to-many-array",
    "to-many-no-id",
    "not-an-object",
    "null-relationship",
    "array-relationship",
    "string-relationship",
    "escaped-name",
]


@pytest.mark.parametrize(("relationships", "name", "pointer"), BAD_LINKAGE, ids=BAD_LINKAGE_IDS)
def test_bad_linkage_does_not_fail_the_parse(
    relationships: dict[str, Any], name: str, pointer: str
) -> None:
    """Identifiers inside relationships are not checked while the document is decoded."""
    doc = Document.parse({"data": [flow(relationships)]})
    assert doc.primary[0].id == "f1"


@pytest.mark.parametrize(("relationships", "name", "pointer"), BAD_LINKAGE, ids=BAD_LINKAGE_IDS)
def test_bad_linkage_raises_on_reading_relationships(
    relationships: dict[str, Any], name: str, pointer: str
) -> None:
    """Reading Resource.relationships raises DecodeError with the identifier's pointer."""
    resource = Document.parse({"data": [flow(relationships)]}).primary[0]
    with pytest.raises(DecodeError) as caught:
        _ = resource.relationships
    assert caught.value.pointer == pointer


@pytest.mark.parametrize(("relationships", "name", "pointer"), BAD_LINKAGE, ids=BAD_LINKAGE_IDS)
def test_bad_linkage_raises_on_reading_linkage(
    relationships: dict[str, Any], name: str, pointer: str
) -> None:
    """Resource.linkage(name) raises DecodeError with the identifier's pointer."""
    resource = Document.parse({"data": [flow(relationships)]}).primary[0]
    with pytest.raises(DecodeError) as caught:
        resource.linkage(name)
    assert caught.value.pointer == pointer


@pytest.mark.parametrize(("relationships", "name", "pointer"), BAD_LINKAGE, ids=BAD_LINKAGE_IDS)
def test_bad_linkage_raises_on_related(
    relationships: dict[str, Any], name: str, pointer: str
) -> None:
    """Document.related raises DecodeError with the same pointer as Resource.relationships."""
    doc = Document.parse({"data": [flow(relationships)]})
    with pytest.raises(DecodeError) as caught:
        doc.related(doc.primary[0], name)
    assert caught.value.pointer == pointer


def test_bad_linkage_in_included_names_the_included_resource() -> None:
    """A bad identifier in an included resource is reported under /included/<n>."""
    doc = Document.parse(
        {"data": None, "included": [USERS[0], flow({"user": {"data": {"type": 1, "id": "u"}}})]}
    )
    with pytest.raises(DecodeError) as caught:
        doc.related(doc.included[1], "user")
    assert caught.value.pointer == "/included/1/relationships/user/data/type"


@pytest.mark.parametrize("member", ["links", "meta"])
def test_relationship_links_or_meta_not_an_object_raises(member: str) -> None:
    """A relationship's links or meta that is not an object raises on Resource.relationships."""
    resource = Document.parse({"data": flow({"user": {"data": None, member: []}})}).primary[0]
    with pytest.raises(DecodeError) as caught:
        _ = resource.relationships
    assert caught.value.pointer == f"/data/relationships/user/{member}"


def test_one_bad_relationship_does_not_stop_related_on_another() -> None:
    """Document.related only checks the relationship it follows."""
    doc, resource = one(
        {
            "data": flow({"bad": {"data": 1}, "user": {"data": USERS[0]}}),
            "included": USERS,
        }
    )
    assert doc.related(resource, "user") is doc.get("user", "u1")


# --- the model case from the docs ------------------------------------------------------


@pytest.fixture
def component_list() -> Document:
    """The docs' component list response, decoded."""
    return Document.parse(load_fixture("components/list.json"))


def test_component_resolves_to_its_latest_version(component_list: Document) -> None:
    """component.latest_version resolves to the included version."""
    component = component_list.primary[0]
    version = component_list.related(component, "latest_version")
    assert isinstance(version, Resource)
    assert (version.type, version.attributes["version_number"]) == ("version", 69)
    assert version is component_list.get("version", "{GIT_REVISION}")


def test_version_resolves_to_its_descriptor(component_list: Document) -> None:
    """component → latest_version → descriptor resolves entirely from included."""
    version = component_list.related(component_list.primary[0], "latest_version")
    assert isinstance(version, Resource)
    descriptor = component_list.related(version, "descriptor")
    assert isinstance(descriptor, Resource)
    assert descriptor.attributes["title"] == "Data mapper"
    assert descriptor.links["self"].startswith("/v2/descriptors/")


def test_descriptor_points_back_to_the_same_version(component_list: Document) -> None:
    """The descriptor's version relationship closes the cycle on the very same object."""
    version = component_list.related(component_list.primary[0], "latest_version")
    assert isinstance(version, Resource)
    descriptor = component_list.related(version, "descriptor")
    assert isinstance(descriptor, Resource)
    assert component_list.related(descriptor, "version") is version


def test_version_points_back_to_the_primary_component(component_list: Document) -> None:
    """The included version's component relationship resolves to the primary resource."""
    component = component_list.primary[0]
    version = component_list.related(component, "latest_version")
    assert isinstance(version, Resource)
    assert component_list.related(version, "component") is component


def test_component_versions_relationship_is_links_only(component_list: Document) -> None:
    """The versions relationship has only a related link: kept, with has_data false."""
    relationship = component_list.primary[0].relationships["versions"]
    assert relationship.has_data is False
    assert relationship.links["related"] == "/v2/components/{COMPONENT_ID}/versions"
    assert component_list.related(component_list.primary[0], "versions") is None


def test_component_list_keeps_top_level_links_and_meta(component_list: Document) -> None:
    """The list's own links and (empty) meta are kept."""
    assert component_list.links == {"self": "/v2/components"}
    assert dict(component_list.meta) == {}
    assert len(component_list.resources) == 3
