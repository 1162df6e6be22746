"""Components, their build versions, descriptors and environment variables."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

import attrs

from elasticio._errors import DecodeError
from elasticio.jsonapi import Resource
from elasticio.models._declare import Model, included, model, to_one

__all__ = [
    "Component",
    "ComponentDescriptor",
    "ComponentEnv",
    "ComponentVersion",
    "ComponentsAPI",
]


class ComponentsAPI(Protocol):
    """The requests a component model may need to traverse its relationships."""

    async def versions(self, component_id: str) -> list[ComponentVersion]: ...

    async def descriptor(
        self, component_id: str, revision: str = "latest"
    ) -> ComponentDescriptor: ...


@model("descriptor")
class ComponentDescriptor(Model):
    """A component's ``component.json`` as built into one version.

    ``id`` is the descriptor id; ``version_id`` the revision it belongs to, when known.

    Examples:
        >>> descriptor = await client.components.descriptor("COMPONENT_ID")  # doctest: +SKIP
        >>> sorted(descriptor.actions)  # doctest: +SKIP
        ['createPet', 'deletePet']
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
    version_id: str | None = to_one("version")


@model("version")
class ComponentVersion(Model):
    """One build of a component; ``id`` is its git revision.

    ``date`` (sent as milliseconds since the epoch) is an aware UTC datetime.
    ``component_id`` comes from the ``component`` relationship, or from the request's
    path when the answer leaves it out.

    Examples:
        >>> [latest, *_] = await client.components.versions("COMPONENT_ID")  # doctest: +SKIP
        >>> latest.date.isoformat()  # doctest: +SKIP
        '2018-01-31T09:47:37.184000+00:00'
    """

    id: str
    version_number: int | None = None
    date: datetime | None = None
    component_id: str | None = to_one("component")

    async def descriptor(self) -> ComponentDescriptor:
        """This version's descriptor: from the document when included, else one request.

        Raises:
            DecodeError: the descriptor is not included and the version does not say
                which component it belongs to.
        """
        found = self._included_descriptor()
        if found is not None:
            return found
        binding = self._bound("ComponentVersion.descriptor()")
        if self.component_id is None:
            raise DecodeError(
                f"version {self.id} does not say which component it belongs to",
                pointer=f"{binding.resource.pointer}/relationships/component",
            )
        api: ComponentsAPI = binding.api
        return await api.descriptor(self.component_id, self.id)

    def _included_descriptor(self) -> ComponentDescriptor | None:
        """The descriptor the document holds for this version, if it holds one."""
        binding = self._bound("ComponentVersion.descriptor()")
        target = binding.related("descriptor")
        if not isinstance(target, Resource):
            return None
        return binding.build(ComponentDescriptor, target)


@model("component")
class Component(Model):
    """A component repository.

    ``access`` is ``team``, ``tenant`` or ``global``. ``latest_version`` comes from the
    document's ``included`` member (no request); it is None when the document lacks it,
    while ``latest_version_id`` still names it whenever the relationship does.

    Examples:
        >>> component = await client.components.get("COMPONENT_ID")  # doctest: +SKIP
        >>> (await component.descriptor()).title  # doctest: +SKIP
        'Petstore API'
    """

    id: str
    name: str | None = None
    team_name: str | None = None
    access: str | None = None
    whitelisted_contract_ids: tuple[str, ...] = ()
    docker_repo_name: str | None = None
    docker_target_tag: str | None = None
    icon: str | None = None
    latest_version: ComponentVersion | None = included("latest_version")
    latest_version_id: str | None = to_one("latest_version")

    async def versions(self) -> list[ComponentVersion]:
        """This component's versions: from the document when all are included, else a request."""
        binding = self._bound("Component.versions()")
        api: ComponentsAPI = binding.api
        if not binding.holds_all("versions"):
            return await api.versions(self.id)
        related = binding.related("versions")
        targets = related if isinstance(related, list) else []
        # Versions that leave out their component belong to this one.
        context = {**binding.context, "component_id": self.id}
        return [binding.build(ComponentVersion, target, context) for target in targets]

    async def descriptor(self, revision: str = "latest") -> ComponentDescriptor:
        """The descriptor of ``revision`` (default the latest build): from the document
        when it holds the latest build's, else one request."""
        binding = self._bound("Component.descriptor()")
        latest = self.latest_version
        if latest is not None and revision in ("latest", latest.id):
            found = latest._included_descriptor()
            if found is not None:
                return found
            revision = latest.id
        api: ComponentsAPI = binding.api
        return await api.descriptor(self.id, revision)


@model("component-env")
class ComponentEnv(Model):
    """A component's environment variables (``vars``), keyed by the component id.

    Examples:
        >>> env = await client.components.get_env("COMPONENT_ID")  # doctest: +SKIP
        >>> sorted(env.vars)  # doctest: +SKIP
        ['API_URL']
    """

    id: str
    # Environment variables often hold secrets (API keys, passwords): never in a repr.
    vars: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
