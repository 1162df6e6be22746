"""``client.secrets``: the auth secrets of a workspace (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    SECRETS_CREATE,
    SECRETS_DELETE,
    SECRETS_GET,
    SECRETS_LIST,
    SECRETS_REFRESH,
    SECRETS_UPDATE,
)
from elasticio._errors import DecodeError, UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._auth import AuthSecret
from elasticio.resources._base import Namespace

__all__ = ["Secrets"]


class Secrets(Namespace):
    """Auth secrets of a workspace: list, get, create, refresh, update, delete.

    A secret holds the tokens (or other credentials) obtained with an auth client, in
    clear text; [`AuthSecret`][elasticio.AuthSecret] keeps them out of its repr.

    Examples:
        >>> secret = await client.secrets.get("WORKSPACE_ID", "SECRET_ID")  # doctest: +SKIP
    """

    def list(
        self,
        workspace_id: str,
        *,
        user_id: str | None = None,
        auth_client_id: str | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[AuthSecret]:
        """The auth secrets of a workspace, only one user's or one auth client's when
        ``user_id`` or ``auth_client_id`` is given (one request: the API does not page
        them). Iterate with ``async for``.

        Examples:
            >>> async for secret in client.secrets.list("WORKSPACE_ID"):
            ...     print(secret.name, secret.state)
            Petstore account ready
        """
        params = {"filter[user]": user_id, "filter[auth_client]": auth_client_id}
        return self._list(
            SECRETS_LIST, AuthSecret, params=params, options=options, workspace_id=workspace_id
        )

    async def get(
        self, workspace_id: str, secret_id: str, **options: Unpack[CallOptions]
    ) -> AuthSecret:
        """One auth secret of a workspace, its credentials included.

        Examples:
            >>> secret = await client.secrets.get("WORKSPACE_ID", "SECRET_ID")
            >>> sorted(secret.credentials)
            ['access_token', 'expires_in', 'refresh_token']
        """
        return await self._one(
            SECRETS_GET, AuthSecret, workspace_id=workspace_id, secret_id=secret_id, options=options
        )

    async def create(
        self,
        workspace_id: str,
        *,
        name: str,
        auth_client_id: str,
        credentials: Mapping[str, Any],
        state: str = "ready",
        error: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> AuthSecret:
        """Create an auth secret in a workspace for an auth client usable there.

        For an ``oauth2`` client ``credentials`` holds ``access_token`` and, if there is
        one, ``refresh_token`` (``expires_in`` defaults to the client's
        ``token_expires_in``); other clients take any ``credentials``. ``state`` is
        ``ready`` or ``error`` (then with ``error``, what went wrong).

        Examples:
            >>> secret = await client.secrets.create(
            ...     "WORKSPACE_ID",
            ...     name="Petstore (second account)",
            ...     auth_client_id="AUTH_CLIENT_ID",
            ...     credentials={"access_token": "...", "refresh_token": "..."},
            ... )
        """
        attributes = {
            "name": name,
            "state": state,
            "error": error,
            "credentials": dict(credentials),
        }
        body = self._body(
            SECRETS_CREATE,
            attributes=attributes,
            relationships={"auth_client": Identifier("auth-client", auth_client_id)},
        )
        return await self._one(
            SECRETS_CREATE, AuthSecret, body=body, workspace_id=workspace_id, options=options
        )

    async def refresh(
        self, workspace_id: str, secret_id: str, **options: Unpack[CallOptions]
    ) -> AuthSecret:
        """Have the platform refresh a secret's access token now, and return the secret.

        The docs' example answers with a list of one secret; one secret alone is accepted
        too.

        Raises:
            DecodeError: the answer holds no secret, or several.

        Examples:
            >>> secret = await client.secrets.refresh("WORKSPACE_ID", "SECRET_ID")
            >>> secret.state
            'ready'
        """
        found = await self._many(
            SECRETS_REFRESH,
            AuthSecret,
            workspace_id=workspace_id,
            secret_id=secret_id,
            options=options,
        )
        if len(found) != 1:
            raise DecodeError(
                f"expected one auth secret in the answer to a refresh, got {len(found)}",
                pointer="/data",
            )
        return found[0]

    async def update(
        self,
        workspace_id: str,
        secret_id: str,
        *,
        name: str | Unset = UNSET,
        state: str | Unset = UNSET,
        error: str | Unset = UNSET,
        credentials: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> AuthSecret:
        """Rename a secret, set its state (and error), or replace its credentials; what is
        left out stays as it is.

        ``credentials`` replaces the stored credentials as a whole, it is not merged.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> secret = await client.secrets.update(
            ...     "WORKSPACE_ID", "SECRET_ID", state="error", error="Token revoked"
            ... )
        """
        if all(isinstance(v, Unset) for v in (name, state, error, credentials)):
            raise UsageError("secrets.update() needs name, state, error or credentials")
        attributes = {
            "name": name,
            "state": state,
            "error": error,
            "credentials": credentials if isinstance(credentials, Unset) else dict(credentials),
        }
        body = self._body(SECRETS_UPDATE, id=secret_id, attributes=attributes)
        return await self._one(
            SECRETS_UPDATE,
            AuthSecret,
            body=body,
            workspace_id=workspace_id,
            secret_id=secret_id,
            options=options,
        )

    async def delete(
        self, workspace_id: str, secret_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete an auth secret.

        Examples:
            >>> await client.secrets.delete("WORKSPACE_ID", "SECRET_ID")
        """
        await self._nothing(
            SECRETS_DELETE, workspace_id=workspace_id, secret_id=secret_id, options=options
        )
