"""Developer teams as API v1 shows them."""

from __future__ import annotations

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Team"]


@plain_model()
class V1Team(PlainModel):
    """A developer team: its ``name`` and the ids of its ``members`` (users).

    Examples:
        >>> V1Team(id="t1", name="My team", members=("u1",)).members
        ('u1',)
    """

    id: str
    name: str | None = None
    members: tuple[str, ...] = ()
