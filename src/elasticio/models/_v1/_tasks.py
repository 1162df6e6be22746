"""Tasks (flows) and their steps as API v1 shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Step", "V1Task"]


@plain_model()
class V1Task(PlainModel):
    """A task (an API v2 flow) as v1's task calls answer it: its ``id`` and, after a
    start, stop, suspend or delete, its new ``status`` (``active``, ``inactive``,
    ``suspended``, ``deleted``).

    Examples:
        >>> V1Task(id="t1", status="active").status
        'active'
    """

    id: str
    status: str | None = None


@plain_model(extra_repr=False)
class V1Step(PlainModel):
    """One step of a task as the component runtime reads it: ``config`` (the step's
    fields over its account's keys, so it is kept out of the repr), ``snapshot`` (the
    state the step stored, any JSON value), ``variables``, ``is_passthrough``, the
    component's id ``comp_id`` and the trigger or action ``function``.

    Examples:
        >>> step = V1Step(id="step_1", config={"apiKey": "secret"}, function="timer")
        >>> "secret" in repr(step)
        False
    """

    id: str
    comp_id: str | None = None
    function: str | None = None
    config: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    snapshot: Any = None
    variables: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    is_passthrough: bool | None = None
