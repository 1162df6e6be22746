"""Users of the platform: they sign in with their email and API key."""

from __future__ import annotations

from datetime import datetime

import attrs

from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._table import Table
from elasticio.testing._time import EmulatorClock

__all__ = ["UserRecord", "Users"]


@attrs.define(kw_only=True)
class UserRecord:
    """A platform user; signs in with ``email`` and ``api_key`` (never shown in a repr)."""

    id: str = attrs.field(init=False, default="")
    email: str
    api_key: str = attrs.field(repr=False)
    first_name: str
    last_name: str
    registered: datetime
    last_login: datetime
    tenant_admin: bool = False
    # OpenID identities: id -> (issuer, subject), for the ``iss``/``sub`` user filters.
    identities: dict[str, tuple[str, str]] = attrs.Factory(dict)
    # Whether two-factor authentication (TOTP) is set up; disable-totp turns it off.
    totp: bool = False
    company: str | None = None
    # Who registered the user through API v1 (``POST /v1/users``): only they may delete it.
    registered_by: str | None = None


class Users(Table[UserRecord]):
    """The users, with unique emails (compared without case)."""

    def __init__(self, ids: IdFactory, clock: EmulatorClock) -> None:
        super().__init__("user", ids)
        self._clock = clock

    def create(
        self,
        *,
        email: str,
        api_key: str | None = None,
        first_name: str = "Test",
        last_name: str = "User",
        tenant_admin: bool = False,
        registered: datetime | None = None,
    ) -> UserRecord:
        """A new user; the API key is derived from the id when not given.

        Raises:
            ValueError: a user has that email already.
        """
        if self.by_email(email) is not None:
            raise ValueError(f"a user with the email {email!r} exists already")
        when = registered or self._clock.wall()
        user = self.add(
            UserRecord(
                email=email,
                api_key=api_key or "",
                first_name=first_name,
                last_name=last_name,
                registered=when,
                last_login=when,
                tenant_admin=tenant_admin,
            )
        )
        user.api_key = api_key or "emu-" + revision(f"api-key:{user.id}")[:32]
        return user

    def by_email(self, email: str) -> UserRecord | None:
        wanted = email.casefold()
        return next((u for u in self.values() if u.email.casefold() == wanted), None)
