"""Users as API v1 shows them, and the answer to a registration with a callback."""

from __future__ import annotations

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Accepted", "V1User"]


@plain_model(extra_repr=False)
class V1User(PlainModel):
    """A user: names, ``email``, ``company``; a user just registered also carries
    ``api_secret``, the API key to call the API as them (never shown in a repr, and
    unknown members are left out of it too).

    Examples:
        >>> user = V1User(id="u1", email="ann@example.com", api_secret="s3cr3t")
        >>> "s3cr3t" in repr(user), user.api_secret
        (False, 's3cr3t')
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    company: str | None = None
    api_secret: str | None = attrs.field(default=None, repr=False)


@plain_model()
class V1Accepted(PlainModel):
    """The platform took a request to finish later (v1's 202 ``{"message": "accepted"}``):
    a registration with a callback, whose user goes to the callback URL.

    Examples:
        >>> V1Accepted(message="accepted").message
        'accepted'
    """

    message: str | None = None
