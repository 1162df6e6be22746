"""Components, their build versions, descriptors and environment variables."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

import attrs

from elasticio._errors import DecodeError
from elasticio.jsonapi import Document, Resource
from elasticio.models._binding import Binding, binding_field, require_binding
from elasticio.models._structure import linked_id, sdk_field, structure_resource

__all__ = [
    "Component",
    "ComponentDescriptor",
    "ComponentEnv",
    "ComponentVersion",
    "ComponentsAPI",
    "component_from",
    "descriptor_from",
    "env_from",
    "version_from",
]


class ComponentsAPI(Protocol):
    """The requests a component model may need to traverse its relationships."""

    async def versions(self, component_id: str) -> list[ComponentVersion]: ...

    async def descriptor(
        self, component_id: str, revision: str = "latest"
    ) -> ComponentDescriptor: ...


@attrs.frozen(kw_only=True)
class ComponentDescriptor:
    """A component's ``component.json`` as built into one version.

    ``id`` is the descriptor id; ``version_id`` the revision it belongs to, when known.
    """

    id: str
    title: str | None = None
    description: str | None = None
    repo_name: str | None = None
    team_name: str | None = None
    short_revision: str | None = None
    is_latest: bool | None = None
    icon: str | None = None
    language: str | None = None
    sailor_version: str | None = None
    service: str | None = None
    actions: Mapping[str, Any] = attrs.field(factory=dict)
    triggers: Mapping[str, Any] = attrs.field(factory=dict)
    credentials: Mapping[str, Any] = attrs.field(factory=dict)
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    version_id: str | None = sdk_field(default=None)


@attrs.frozen(kw_only=True)
class ComponentVersion:
    """One build of a component; ``id`` is its git revision."""

    id: str
    version_number: int | None = None
    date: int | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    component_id: str | None = sdk_field(default=None)
    _binding: Binding[ComponentsAPI] | None = binding_field()

    @property
    def built_at(self) -> datetime | None:
        """``date`` (milliseconds since the epoch) as an aware datetime."""
        return None if self.date is None else datetime.fromtimestamp(self.date / 1000, tz=UTC)

    async def descriptor(self) -> ComponentDescriptor:
        """This version's descriptor: from the document when included, else one request."""
        binding = require_binding(self._binding, "ComponentVersion.descriptor()")
        target = binding.related("descriptor")
        if isinstance(target, Resource):
            return descriptor_from(binding.document, target)
        if self.component_id is None:
            raise DecodeError(
                f"version {self.id} does not say which component it belongs to",
                pointer=f"{binding.resource.pointer}/relationships/component",
            )
        return await binding.api.descriptor(self.component_id, self.id)


@attrs.frozen(kw_only=True)
class Component:
    """A component repository.

    ``access`` is ``team``, ``tenant`` or ``global``. ``latest_version`` comes from the
    document's ``included`` member (no request); it is None when the document lacks it.
    """

    id: str
    name: str | None = None
    team_name: str | None = None
    access: str | None = None
    whitelisted_contract_ids: tuple[str, ...] = ()
    docker_repo_name: str | None = None
    docker_target_tag: str | None = None
    icon: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    latest_version: ComponentVersion | None = sdk_field(default=None)
    latest_version_id: str | None = sdk_field(default=None)
    _binding: Binding[ComponentsAPI] | None = binding_field()

    async def versions(self) -> list[ComponentVersion]:
        """This component's versions: from the document when all are included, else a request."""
        binding = require_binding(self._binding, "Component.versions()")
        if binding.holds_all("versions"):
            related = binding.related("versions")
            targets = related if isinstance(related, list) else []
            return [version_from(binding.api, binding.document, t, self.id) for t in targets]
        return await binding.api.versions(self.id)

    async def descriptor(self, revision: str = "latest") -> ComponentDescriptor:
        """The descriptor of ``revision`` (default the latest build)."""
        binding = require_binding(self._binding, "Component.descriptor()")
        latest = self.latest_version
        if latest is not None and revision in ("latest", latest.id):
            return await latest.descriptor()
        return await binding.api.descriptor(self.id, revision)


@attrs.frozen(kw_only=True)
class ComponentEnv:
    """A component's environment variables (``vars``), keyed by the component id."""

    id: str
    # Environment variables often hold secrets (API keys, passwords): never in a repr.
    vars: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    extra: Mapping[str, Any] = attrs.field(factory=dict)


def descriptor_from(document: Document, resource: Resource) -> ComponentDescriptor:
    """Structure a ``descriptor`` resource."""
    del document  # descriptors have nothing to traverse
    return structure_resource(
        ComponentDescriptor,
        resource,
        version_id=linked_id(resource, "version"),
    )


def version_from(
    api: ComponentsAPI, document: Document, resource: Resource, component_id: str | None = None
) -> ComponentVersion:
    """Structure a ``version`` resource, bound for traversal."""
    return structure_resource(
        ComponentVersion,
        resource,
        component_id=linked_id(resource, "component") or component_id,
        binding=Binding(api, document, resource),
    )


def component_from(api: ComponentsAPI, document: Document, resource: Resource) -> Component:
    """Structure a ``component`` resource, its latest version resolved from ``included``."""
    latest = document.related(resource, "latest_version")
    latest_version = (
        version_from(api, document, latest, resource.id) if isinstance(latest, Resource) else None
    )
    return structure_resource(
        Component,
        resource,
        latest_version=latest_version,
        latest_version_id=linked_id(resource, "latest_version"),
        binding=Binding(api, document, resource),
    )


def env_from(document: Document, resource: Resource) -> ComponentEnv:
    """Structure a ``component-env`` resource."""
    del document
    return structure_resource(ComponentEnv, resource)
