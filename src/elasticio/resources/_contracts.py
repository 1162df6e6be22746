"""``client.contracts``: the caller's contracts, one contract, its members (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Unpack

from elasticio._catalog.v2 import CONTRACTS_GET, CONTRACTS_LIST, CONTRACTS_MEMBERS
from elasticio._checks import strings
from elasticio._errors import UsageError
from elasticio._literals import Include
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.models._contracts import Contract, ContractMember
from elasticio.resources._base import Namespace

__all__ = ["Contracts", "Include", "include_param"]


_INCLUDABLE = ("members", "invites")


def include_param(include: Iterable[Include] | Include) -> str | None:
    """The ``include`` query value for ``members`` and/or ``invites``; None for neither.

    Examples:
        >>> include_param(("members", "invites"))
        'members,invites'
    """
    names = strings("include", include)
    unknown = [name for name in names if name not in _INCLUDABLE]
    if unknown:
        raise UsageError(f"include may name 'members' and 'invites', not {unknown[0]!r}")
    return ",".join(dict.fromkeys(names)) or None


class Contracts(Namespace):
    """Contracts the caller belongs to, and their members.

    Examples:
        >>> contract = await client.contracts.get(  # doctest: +SKIP
        ...     "CONTRACT_ID", include=("members",)
        ... )
        >>> [m.email for m in contract.members or ()]  # doctest: +SKIP
    """

    def list(
        self, *, page_size: int | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[Contract]:
        """The contracts the caller is a member of; the API pages by 20 unless
        ``page_size`` says otherwise. Iterate with ``async for``.

        Examples:
            >>> async for contract in client.contracts.list():
            ...     print(contract.id, contract.name)
        """
        return self._list(CONTRACTS_LIST, Contract, page_size=page_size, options=options)

    async def get(
        self,
        contract_id: str,
        *,
        include: Iterable[Include] | Include = (),
        **options: Unpack[CallOptions],
    ) -> Contract:
        """One contract. ``include`` (``"members"`` and/or ``"invites"``) has the
        response carry those too, as ``Contract.members`` and ``Contract.invites``.

        Examples:
            >>> contract = await client.contracts.get("CONTRACT_ID", include=["members", "invites"])
            >>> [member.email for member in contract.members or ()]
            ['owner@example.com', 'guest@example.com']
        """
        params = {"include": include_param(include)}
        return await self._one(
            CONTRACTS_GET, Contract, params=params, contract_id=contract_id, options=options
        )

    async def members(
        self, contract_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[ContractMember]:
        """The members of a contract, with their contract roles.

        Examples:
            >>> for member in await client.contracts.members("CONTRACT_ID"):
            ...     print(member.email, member.roles)
            owner@example.com ('owner',)
        """
        return await self._many(
            CONTRACTS_MEMBERS, ContractMember, contract_id=contract_id, options=options
        )
