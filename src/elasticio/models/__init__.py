"""Typed models of the platform's resources, structured from JSON:API documents."""

from elasticio.models._components import (
    Component,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
)

__all__ = ["Component", "ComponentDescriptor", "ComponentEnv", "ComponentVersion"]
