"""``client.users``: the current user, a user by id, the tenant's users; creating and
deleting users, two-factor authentication, OpenID identities (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import (
    USERS_ADD_OPENID_IDENTITY,
    USERS_CREATE,
    USERS_DELETE,
    USERS_DISABLE_TOTP,
    USERS_GET,
    USERS_LIST,
    USERS_ME,
    USERS_REMOVE_OPENID_IDENTITY,
)
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.models._users import OpenIDIdentity, User
from elasticio.resources._base import Namespace

__all__ = ["Users"]


class Users(Namespace):
    """Users: yourself, one by id, or all of the tenant's; and, with the tenant
    permissions (``tenants.user.*``, ``tenants.oidc.*``), creating and deleting them.

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
        iss: str | None = None,
        sub: str | None = None,
        page_size: int | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[User]:
        """Every user of the tenant (needs ``tenants.user.list_all``), or only the one
        whose email is ``email``, or those with an OpenID identity of issuer ``iss``
        and/or subject ``sub`` (the API refuses ``iss`` or ``sub`` with ``email``). The
        API pages by 50 unless ``page_size`` says otherwise. Iterate with ``async for``.

        Examples:
            >>> async for user in client.users.list(page_size=100):
            ...     print(user.email)
            >>> [me] = await client.users.list(email="me@example.com").collect()
        """
        params = {"email": email, "iss": iss, "sub": sub}
        return self._list(USERS_LIST, User, params=params, page_size=page_size, options=options)

    async def create(
        self,
        *,
        email: str,
        password: str,
        first_name: str,
        last_name: str,
        **options: Unpack[CallOptions],
    ) -> User:
        """Create a user of the tenant (needs ``tenants.user.create``). The password must
        be 8 characters or more, with letters, digits and a special symbol.

        Raises:
            BadRequestError: the password is too weak, or a member is missing.
            ConflictError: a user has that email already (the emulator's answer).

        Examples:
            >>> user = await client.users.create(
            ...     email="ann@example.com", password="s3cret-pass", first_name="Ann",
            ...     last_name="Lee",
            ... )
            >>> user.email
            'ann@example.com'
        """
        attributes = {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "password": password,
        }
        body = self._body(USERS_CREATE, attributes=attributes)
        return await self._one(USERS_CREATE, User, body=body, options=options)

    async def disable_totp(self, user_id: str, **options: Unpack[CallOptions]) -> None:
        """Turn off a user's two-factor authentication (TOTP), dropping its secret and
        recovery codes (needs ``tenants.user.disable_totp``).

        Examples:
            >>> await client.users.disable_totp("USER_ID")
        """
        await self._nothing(USERS_DISABLE_TOTP, options=options, user_id=user_id)

    async def delete(self, user_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a user (needs ``tenants.user.delete``). Their SSH keys go with them, and
        so do the workspaces and contracts they are the only member of, or the last
        owner of; elsewhere their flows, credentials and teams pass to the next owner.

        Examples:
            >>> await client.users.delete("USER_ID")
        """
        await self._nothing(USERS_DELETE, options=options, user_id=user_id)

    async def add_openid_identity(
        self, user_id: str, *, iss: str, sub: str, **options: Unpack[CallOptions]
    ) -> OpenIDIdentity:
        """Link an OpenID identity to a user: the issuer URL ``iss`` and the subject
        ``sub`` (needs ``tenants.oidc.create``). A user may have several.

        Examples:
            >>> identity = await client.users.add_openid_identity(
            ...     "USER_ID", iss="https://idp.example.com", sub="ada"
            ... )
            >>> identity.iss, identity.sub
            ('https://idp.example.com', 'ada')
        """
        body = self._body(USERS_ADD_OPENID_IDENTITY, attributes={"iss": iss, "sub": sub})
        return await self._one(
            USERS_ADD_OPENID_IDENTITY, OpenIDIdentity, body=body, options=options, user_id=user_id
        )

    async def remove_openid_identity(
        self, user_id: str, identity_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Unlink one of a user's OpenID identities (needs ``tenants.oidc.delete``).

        Examples:
            >>> identity = await client.users.add_openid_identity(
            ...     "USER_ID", iss="https://idp.example.com", sub="ada"
            ... )
            >>> await client.users.remove_openid_identity("USER_ID", identity.id)
        """
        await self._nothing(
            USERS_REMOVE_OPENID_IDENTITY,
            options=options,
            user_id=user_id,
            identity_id=identity_id,
        )
