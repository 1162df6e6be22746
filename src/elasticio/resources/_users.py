"""``client.users``: the current user, a user by id, the tenant's users (API v2)."""

from __future__ import annotations

from elasticio._pagination import Paginator
from elasticio._paths import Endpoint
from elasticio.jsonapi import Document, Resource
from elasticio.models._users import User, user_from
from elasticio.resources._base import Namespace, of_type, one_resource

__all__ = ["Users"]

ME = Endpoint("GET", "/v2/users/me")
GET = Endpoint("GET", "/v2/users/{user_id}")
LIST = Endpoint("GET", "/v2/users")


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
        document = await self._client.fetch(ME.request())
        return self._user(document, one_resource(document, "user"))

    async def get(self, user_id: str) -> User:
        """One user by id."""
        document = await self._client.fetch(GET.request(user_id=user_id))
        return self._user(document, one_resource(document, "user"))

    def list(self, *, email: str | None = None, page_size: int | None = None) -> Paginator[User]:
        """Every user of the tenant (needs ``tenants.user.list_all``), or only the one
        whose email is ``email``. The API pages by 50 unless ``page_size`` says otherwise.
        Iterate with ``async for``."""
        return self._paginate(LIST.request(params={"email": email}), self._user, page_size)
