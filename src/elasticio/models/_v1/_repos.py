"""Repositories and component descriptors as API v1 shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Component", "V1Repo"]


@plain_model()
class V1Repo(PlainModel):
    """A component repository: its ``name``, ``team_id`` and whether it is shared
    (``is_public``). v2 shows it as a `Component`.

    Examples:
        >>> V1Repo(id="r1", name="petstore", team_id="t1").is_public
        False
    """

    id: str
    name: str | None = None
    team_id: str | None = None
    is_public: bool = False


@plain_model()
class V1Component(PlainModel):
    """A component's latest descriptor (``data``, its ``component.json``) and the id of
    its repository (``repo_id``); one component read alone also names the repository
    (``name``) and its team (``team``).

    Examples:
        >>> component = V1Component(repo_id="r1", data={"title": "Petstore API"})
        >>> component.data["title"]
        'Petstore API'
    """

    repo_id: str
    data: Mapping[str, Any] = attrs.field(factory=dict)
    name: str | None = None
    team: str | None = None
