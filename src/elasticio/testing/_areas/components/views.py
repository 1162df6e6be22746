"""How components, their versions, descriptors and environments look in answers."""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas.components.store import ComponentRecord, ComponentVersionRecord
from elasticio.testing._jsonapi import Json, resource, to_one
from elasticio.testing._time import millis

__all__ = [
    "component_included",
    "component_resource",
    "descriptor_resource",
    "env_resource",
    "version_resource",
]


def component_resource(component: ComponentRecord, team_name: str, *, whitelist: bool) -> Json:
    attributes: dict[str, Any] = {
        "name": component.name,
        "team_name": team_name,
        "access": component.access,
    }
    if whitelist:
        attributes["whitelisted_contract_ids"] = list(component.whitelisted_contract_ids)
    for name in ("icon", "docker_repo_name", "docker_target_tag"):
        value = getattr(component, name)
        if value is not None:
            attributes[name] = value
    base = f"/v2/components/{component.id}"
    relationships: dict[str, Any] = {"versions": {"links": {"related": f"{base}/versions"}}}
    if component.latest is not None:
        relationships["latest_version"] = to_one(
            "version", component.latest.revision, self_link=f"{base}/versions/latest"
        )
    return resource(
        "component",
        component.id,
        self_link=base,
        attributes=attributes,
        relationships=relationships,
    )


def version_resource(component: ComponentRecord, version: ComponentVersionRecord) -> Json:
    base = f"/v2/components/{component.id}"
    return resource(
        "version",
        version.revision,
        self_link=f"/v2/versions/{version.revision}",
        attributes={"date": millis(version.date), "version_number": version.number},
        relationships={
            "descriptor": to_one(
                "descriptor",
                version.revision,
                self_link=f"{base}/versions/{version.revision}/descriptor",
            ),
            "component": to_one("component", component.id, self_link=base),
        },
    )


def descriptor_resource(
    component: ComponentRecord, version: ComponentVersionRecord, team_name: str
) -> Json:
    attributes = {
        "repo_name": component.name,
        "team_name": team_name,
        "short_revision": version.revision[:7],
        "is_latest": version is component.latest,
        **version.descriptor,
    }
    return resource(
        "descriptor",
        version.revision,
        self_link=f"/v2/descriptors/{version.revision}",
        attributes=attributes,
        relationships={
            "version": to_one(
                "version",
                version.revision,
                self_link=f"/v2/{component.id}/versions/{version.revision}",
            )
        },
    )


def component_included(component: ComponentRecord, team_name: str) -> list[Json]:
    """The latest version and its descriptor, as lists and gets include them."""
    if component.latest is None:
        return []
    return [
        version_resource(component, component.latest),
        descriptor_resource(component, component.latest, team_name),
    ]


def env_resource(component: ComponentRecord) -> Json:
    return resource(
        "component-env",
        component.id,
        self_link=f"/v2/component-envs/{component.id}",
        attributes={"vars": component.env},
    )
