"""What a model needs to follow its relationships: its document, and an API to ask."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import attrs

from elasticio._errors import UsageError
from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import linked_identifiers, sdk_field

__all__ = ["Binding", "binding_field", "require_binding"]

API = TypeVar("API")


@attrs.frozen
class Binding(Generic[API]):
    """The document a model came from, the resource it was built from, and the API that
    fetches what the document does not hold."""

    api: API
    document: Document
    resource: Resource

    def related(self, name: str) -> Resource | list[Resource] | None:
        """Follow relationship ``name`` within the document, without a request."""
        return self.document.related(self.resource, name)

    def holds_all(self, name: str) -> bool:
        """True when the relationship's linkage is present and every target is included."""
        targets = linked_identifiers(self.resource, name)
        return targets is not None and all(
            self.document.resolve(target) is not None for target in targets
        )


def binding_field() -> Any:
    """The private ``_binding`` field of a model: not data, not compared, not shown."""
    return sdk_field(default=None, eq=False, repr=False, alias="binding")


def require_binding(binding: Binding[API] | None, what: str) -> Binding[API]:
    """The binding, or a clear error for a model built by hand."""
    if binding is None:
        raise UsageError(f"{what} needs a model returned by the client; this one was built by hand")
    return binding
