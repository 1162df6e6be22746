"""``client.users``: the current user, a user by id, the tenant's users (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import USERS_GET, USERS_LIST, USERS_ME
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.models._users import User
from elasticio.resources._base import Namespace

__all__ = ["Users"]


class Users(Namespace):
    """Users: yourself, one by id, or all of the tenant's.

    Examples:
        >>> me = await client.users.me()  # doctest: +SKIP
        >>> print(me.email)  # doctest: +SKIP
    """

    async def me(self, **options: Unpack[CallOptions]) -> User:
        """The user the client signs in as; a cheap check that the credentials work.

        Examples:
            >>> me = await client.users.me()
            >>> me.email
            'me@example.com'
        """
        return await self._one(USERS_ME, User, options=options)

    async def get(self, user_id: str, **options: Unpack[CallOptions]) -> User:
        """One user by id.

        Examples:
            >>> user = await client.users.get("USER_ID")
            >>> user.registered.year
            2024
        """
        return await self._one(USERS_GET, User, options=options, user_id=user_id)

    def list(
        self,
        *,
        email: str | None = None,
        page_size: int | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[User]:
        """Every user of the tenant (needs ``tenants.user.list_all``), or only the one
        whose email is ``email``. The API pages by 50 unless ``page_size`` says otherwise.
        Iterate with ``async for``.

        Examples:
            >>> async for user in client.users.list(page_size=100):
            ...     print(user.email)
            >>> [me] = await client.users.list(email="me@example.com").collect()
        """
        return self._list(
            USERS_LIST, User, params={"email": email}, page_size=page_size, options=options
        )
