"""``client.v1.users``: the caller, and users the caller registers (API v1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

from elasticio._catalog.v1 import V1_USERS_CREATE, V1_USERS_DELETE, V1_USERS_ME
from elasticio._options import CallOptions
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._plain import structure_plain
from elasticio.models._v1 import V1Accepted, V1User
from elasticio.resources._base import Namespace

__all__ = ["V1Users"]


class V1Users(Namespace):
    """The caller, and registering and deleting users, in API v1. v2's ``client.users``
    shows the same users."""

    async def me(self, **options: Unpack[CallOptions]) -> V1User:
        """The caller.

        Examples:
            >>> me = await client.v1.users.me()
            >>> me.email
            'owner@example.com'
        """
        return await self._object(V1_USERS_ME, V1User, options=options)

    async def create(
        self,
        *,
        first_name: str,
        last_name: str,
        email: str,
        password: str,
        organizations: Sequence[str],
        company: str | Unset = UNSET,
        callback: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> V1User | V1Accepted:
        """Register a user who joins the ``organizations`` (contract ids).

        Without ``callback`` the answer is the new `V1User`, whose ``api_secret`` is
        the API key to act as them. With a ``callback`` URL the platform answers 202 and
        this returns a `V1Accepted`: the user, ``api_secret`` included, is POSTed to that
        URL once created (the emulator sends it only to a loopback URL).

        Examples:
            >>> user = await client.v1.users.create(
            ...     first_name="Ann",
            ...     last_name="Lee",
            ...     email="ann@example.com",
            ...     password="a-long-passphrase",
            ...     organizations=["CONTRACT_ID"],
            ... )
            >>> user.api_secret is not None
            True
        """
        body: dict[str, object] = {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "password": password,
            "organizations": [{"id": contract_id} for contract_id in organizations],
        }
        if not isinstance(company, Unset):
            body["company"] = company
        if not isinstance(callback, Unset):
            body["callback"] = callback
        response = await self._plain(V1_USERS_CREATE, body=body, options=options)
        if response.status_code == 202:
            return structure_plain(V1Accepted, response.json, request_id=response.request_id)
        return structure_plain(V1User, response.json, request_id=response.request_id)

    async def delete(self, user_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a user the caller registered (a `PermissionDeniedError` for any other).

        Examples:
            >>> user = await client.v1.users.create(
            ...     first_name="Bo",
            ...     last_name="Kim",
            ...     email="bo@example.com",
            ...     password="a-long-passphrase",
            ...     organizations=["CONTRACT_ID"],
            ... )
            >>> await client.v1.users.delete(user.id)
        """
        await self._plain(V1_USERS_DELETE, user_id=user_id, options=options)
