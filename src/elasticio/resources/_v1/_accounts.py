"""``client.v1.accounts``: the caller's accounts, which are v2's credentials (API v1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v1 import (
    V1_ACCOUNTS_CREATE,
    V1_ACCOUNTS_GET,
    V1_ACCOUNTS_LIST,
    V1_ACCOUNTS_UPDATE,
)
from elasticio._options import CallOptions
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._v1 import V1Account
from elasticio.resources._base import Namespace

__all__ = ["V1Accounts"]


def _account(
    name: str | Unset, type: str | Unset, keys: Mapping[str, Any] | Unset
) -> dict[str, Any]:
    given = {"name": name, "type": type, "keys": keys}
    return {key: value for key, value in given.items() if not isinstance(value, Unset)}


class V1Accounts(Namespace):
    """Accounts in API v1: list, get, create, update. An account is a credential of
    ``client.credentials``; its ``type`` is the component's id."""

    async def list(self, **options: Unpack[CallOptions]) -> list[V1Account]:
        """Every account the caller can read (one request; v1 does not page).

        Examples:
            >>> accounts = await client.v1.accounts.list()
            >>> "Petstore demo key" in [account.name for account in accounts]
            True
        """
        return await self._objects(V1_ACCOUNTS_LIST, V1Account, options=options)

    async def get(self, account_id: str, **options: Unpack[CallOptions]) -> V1Account:
        """One account, keys included.

        Examples:
            >>> account = await client.v1.accounts.get("CREDENTIAL_ID")
            >>> account.name
            'Petstore demo key'
        """
        return await self._object(
            V1_ACCOUNTS_GET, V1Account, account_id=account_id, options=options
        )

    async def create(
        self,
        type: str,
        *,
        name: str | Unset = UNSET,
        keys: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> V1Account:
        """An account for the component ``type`` (its id), optionally named, with its
        ``keys``.

        Examples:
            >>> account = await client.v1.accounts.create(
            ...     "COMPONENT_ID", name="Demo", keys={"apiKey": "k-1"}
            ... )
            >>> account.keys
            {'apiKey': 'k-1'}
        """
        body = _account(name, type, keys)
        return await self._object(V1_ACCOUNTS_CREATE, V1Account, body=body, options=options)

    async def update(
        self,
        account_id: str,
        *,
        name: str | Unset = UNSET,
        type: str | Unset = UNSET,
        keys: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> V1Account:
        """Change what is given: the name, the component, or the keys (replaced as a
        whole).

        Examples:
            >>> account = await client.v1.accounts.update("CREDENTIAL_ID", name="Renamed")
            >>> account.name
            'Renamed'
        """
        return await self._object(
            V1_ACCOUNTS_UPDATE,
            V1Account,
            body=_account(name, type, keys),
            account_id=account_id,
            options=options,
        )
