"""``client.users``: the current user, a user by id, the tenant's users (API v2)."""

from __future__ import annotations

from elasticio._catalog.v2 import USERS_GET, USERS_LIST, USERS_ME
from elasticio._pagination import Paginator
from elasticio.jsonapi import Document, Resource
from elasticio.models._users import User, user_from
from elasticio.resources._base import Namespace, of_type, one_resource, request

__all__ = ["Users"]


class Users(Namespace):
    """Users: yourself, one by id, or all of the tenant's.

    Example:
        >>> me = await client.users.me()  # doctest: +SKIP
        >>> print(me.email)  # doctest: +SKIP
    """

    def _user(self, document: Document, resource: Resource) -> User:
        return user_from(document, of_type(resource, "user"))

    async def me(self) -> User:
        """The user the client signs in as; a cheap check that the credentials work."""
        document = await self._client.fetch(request(USERS_ME))
        return self._user(document, one_resource(document, "user"))

    async def get(self, user_id: str) -> User:
        """One user by id."""
        document = await self._client.fetch(request(USERS_GET, user_id=user_id))
        return self._user(document, one_resource(document, "user"))

    def list(self, *, email: str | None = None, page_size: int | None = None) -> Paginator[User]:
        """Every user of the tenant (needs ``tenants.user.list_all``), or only the one
        whose email is ``email``. The API pages by 50 unless ``page_size`` says otherwise.
        Iterate with ``async for``."""
        return self._paginate(request(USERS_LIST, params={"email": email}), self._user, page_size)
