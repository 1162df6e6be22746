"""``client.contracts``: contracts, their members, invites and roles, suspension (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from elasticio._catalog._entry import Entry
from elasticio._catalog.v2 import (
    CONTRACTS_ADD_MEMBER,
    CONTRACTS_CREATE,
    CONTRACTS_DELETE,
    CONTRACTS_GET,
    CONTRACTS_INVITE,
    CONTRACTS_INVITES,
    CONTRACTS_LIST,
    CONTRACTS_MEMBERS,
    CONTRACTS_REMOVE_MEMBER,
    CONTRACTS_REVOKE_INVITE,
    CONTRACTS_ROLES,
    CONTRACTS_SUSPEND,
    CONTRACTS_UNSUSPEND,
    CONTRACTS_UPDATE,
    CONTRACTS_UPDATE_INVITE,
    CONTRACTS_UPDATE_MEMBER,
)
from elasticio._checks import strings
from elasticio._errors import UsageError
from elasticio._literals import Include
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._contracts import Contract, ContractInvite, ContractMember, ContractPolicy
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


def _roles(name: str, roles: Iterable[str] | str | Unset) -> list[str] | Unset:
    return roles if isinstance(roles, Unset) else list(strings(name, roles))


def _contract_attributes(
    *,
    name: str | Unset,
    available_roles: Iterable[Mapping[str, str]] | Unset,
    support_user_id: str | Unset | None,
    custom_data: Mapping[str, Any] | Unset,
    flow_stats_enabled_default: bool | Unset,
) -> dict[str, Any]:
    return {
        "name": name,
        "available_roles": available_roles
        if isinstance(available_roles, Unset)
        else [dict(role) for role in available_roles],
        "support_user_id": support_user_id,
        "custom_data": custom_data if isinstance(custom_data, Unset) else dict(custom_data),
        "flow_stats_enabled_default": flow_stats_enabled_default,
    }


class Contracts(Namespace):
    """Contracts: create, change, list, get and delete them; their members, invites and
    roles; suspend and unsuspend them.

    Creating, deleting, suspending a contract and adding members directly are for tenant
    admins; changing members and invites needs ``contracts.membership.edit``.

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

    async def create(
        self,
        name: str,
        *,
        available_roles: Iterable[Mapping[str, str]] | Unset = UNSET,
        support_user_id: str | Unset | None = UNSET,
        custom_data: Mapping[str, Any] | Unset = UNSET,
        flow_stats_enabled_default: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Contract:
        """A new, active contract without members (tenant admins only): add its first
        owner with `add_member` or `invite`. ``available_roles`` are
        ``{"scope": ..., "role": ...}`` objects; the owner roles are always available.
        ``custom_data`` is any JSON object up to 1 MB, not meant for secrets.

        Examples:
            >>> contract = await client.contracts.create(
            ...     "Partners", custom_data={"plan": "trial"}
            ... )
            >>> contract.status, contract.custom_data
            ('active', {'plan': 'trial'})
        """
        attributes = _contract_attributes(
            name=name,
            available_roles=available_roles,
            support_user_id=support_user_id,
            custom_data=custom_data,
            flow_stats_enabled_default=flow_stats_enabled_default,
        )
        body = self._body(CONTRACTS_CREATE, attributes=attributes)
        return await self._one(CONTRACTS_CREATE, Contract, body=body, options=options)

    async def update(
        self,
        contract_id: str,
        *,
        name: str | Unset = UNSET,
        available_roles: Iterable[Mapping[str, str]] | Unset = UNSET,
        support_user_id: str | Unset | None = UNSET,
        custom_data: Mapping[str, Any] | Unset = UNSET,
        flow_stats_enabled_default: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Contract:
        """Change what is given: the name (``contracts.contract.edit``), the available
        roles (``contracts.contract.edit_available_roles``), the custom data
        (``contracts.contract.edit_custom_data``).

        Examples:
            >>> contract = await client.contracts.update("CONTRACT_ID", name="Acme Corp")
            >>> contract.name
            'Acme Corp'
        """
        attributes = _contract_attributes(
            name=name,
            available_roles=available_roles,
            support_user_id=support_user_id,
            custom_data=custom_data,
            flow_stats_enabled_default=flow_stats_enabled_default,
        )
        body = self._body(CONTRACTS_UPDATE, id=contract_id, attributes=attributes)
        return await self._one(
            CONTRACTS_UPDATE, Contract, body=body, options=options, contract_id=contract_id
        )

    async def delete(
        self,
        contract_id: str,
        *,
        clear_empty_workspaces: bool = False,
        **options: Unpack[CallOptions],
    ) -> None:
        """Delete a contract with its workspaces, flows, credentials, teams and
        repositories (tenant admins only; the platform finishes the clean-up after it
        answers). Refused (`ConflictError`) while a flow of another contract uses one
        of its components. ``clear_empty_workspaces`` is sent as the
        ``is_clear_empty_workspaces`` query the platform requires.

        Examples:
            >>> contract = await client.contracts.create("Scratch")
            >>> await client.contracts.delete(contract.id)
        """
        params = {"is_clear_empty_workspaces": "true" if clear_empty_workspaces else "false"}
        await self._nothing(
            CONTRACTS_DELETE, params=params, options=options, contract_id=contract_id
        )

    async def _with_roles(
        self,
        entry: Entry,
        member_id: str,
        roles: Iterable[str] | str,
        options: CallOptions,
        **path: str,
    ) -> ContractMember:
        """Send a member's roles (to add or to change it) and read the member answered."""
        body = self._body(entry, id=member_id, attributes={"roles": _roles("roles", roles)})
        # params and files named, so that mypy holds **path to the path's placeholders.
        return await self._one(
            entry, ContractMember, params=None, body=body, files=None, options=options, **path
        )

    async def add_member(
        self,
        contract_id: str,
        user_id: str,
        *,
        roles: Iterable[str] | str,
        **options: Unpack[CallOptions],
    ) -> ContractMember:
        """Make a registered user a member at once, without an invitation (tenant admins
        only). The first member of a contract must be an ``owner`` (else
        `ConflictError`), as must someone already a member.

        Examples:
            >>> contract = await client.contracts.create("Partners")
            >>> member = await client.contracts.add_member(contract.id, "USER_ID", roles="owner")
            >>> member.roles
            ('owner',)
        """
        return await self._with_roles(
            CONTRACTS_ADD_MEMBER, user_id, roles, options, contract_id=contract_id
        )

    async def update_member(
        self,
        contract_id: str,
        user_id: str,
        *,
        roles: Iterable[str] | str,
        **options: Unpack[CallOptions],
    ) -> ContractMember:
        """Replace a member's contract roles (``contracts.membership.edit``). The last
        owner keeps the ``owner`` role (else `ConflictError`).

        Examples:
            >>> member = await client.contracts.update_member(
            ...     "CONTRACT_ID", "USER_ID", roles=["member"]
            ... )
            >>> member.roles
            ('member',)
        """
        return await self._with_roles(
            CONTRACTS_UPDATE_MEMBER,
            user_id,
            roles,
            options,
            contract_id=contract_id,
            user_id=user_id,
        )

    async def remove_member(
        self, contract_id: str, user_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Remove a member from the contract (``contracts.membership.edit``). The last
        owner cannot be removed: `ConflictError`.

        Examples:
            >>> await client.contracts.remove_member("CONTRACT_ID", "USER_ID")
        """
        await self._nothing(
            CONTRACTS_REMOVE_MEMBER, options=options, contract_id=contract_id, user_id=user_id
        )

    async def invites(
        self, contract_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[ContractInvite]:
        """The contract's pending invitations.

        Examples:
            >>> for invite in await client.contracts.invites("CONTRACT_ID"):
            ...     print(invite.email, invite.roles)
        """
        return await self._many(
            CONTRACTS_INVITES, ContractInvite, contract_id=contract_id, options=options
        )

    async def roles(self, contract_id: str, **options: Unpack[CallOptions]) -> ContractPolicy:
        """The roles available in the contract and its workspaces, with their permissions.

        Examples:
            >>> policy = await client.contracts.roles("CONTRACT_ID")
            >>> policy.permissions("contracts", "member")
            ('contracts.workspace.create',)
        """
        return await self._one(
            CONTRACTS_ROLES, ContractPolicy, options=options, contract_id=contract_id
        )

    async def invite(
        self,
        contract_id: str,
        email: str,
        *,
        roles: Iterable[str] | str,
        workspace_id: str | Unset | None = UNSET,
        workspace_roles: Iterable[str] | str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> ContractInvite:
        """Invite someone by email (``contracts.membership.edit``), optionally into one
        of the contract's workspaces, which needs ``workspaces.workspace.edit`` there.
        A contract without members must invite an ``owner`` first (else
        `ConflictError`).

        Examples:
            >>> invite = await client.contracts.invite(
            ...     "CONTRACT_ID", "ann@example.com", roles=["admin"],
            ...     workspace_id="WORKSPACE_ID", workspace_roles=["integrator"],
            ... )
            >>> invite.email, invite.workspace_roles
            ('ann@example.com', ('integrator',))
        """
        attributes = {
            "email": email,
            "roles": _roles("roles", roles),
            "workspace_id": workspace_id,
            "workspace_roles": _roles("workspace_roles", workspace_roles),
        }
        body = self._body(CONTRACTS_INVITE, attributes=attributes)
        return await self._one(
            CONTRACTS_INVITE, ContractInvite, body=body, options=options, contract_id=contract_id
        )

    async def update_invite(
        self,
        contract_id: str,
        invite_id: str,
        *,
        roles: Iterable[str] | str | Unset = UNSET,
        workspace_id: str | Unset | None = UNSET,
        workspace_roles: Iterable[str] | str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> ContractInvite:
        """Change what a pending invitation grants (``contracts.membership.edit``).

        Examples:
            >>> invite = await client.contracts.invite(
            ...     "CONTRACT_ID", "bo@example.com", roles="admin"
            ... )
            >>> invite = await client.contracts.update_invite(
            ...     "CONTRACT_ID", invite.id, roles="member"
            ... )
            >>> invite.roles
            ('member',)
        """
        attributes = {
            "roles": _roles("roles", roles),
            "workspace_id": workspace_id,
            "workspace_roles": _roles("workspace_roles", workspace_roles),
        }
        body = self._body(CONTRACTS_UPDATE_INVITE, id=invite_id, attributes=attributes)
        return await self._one(
            CONTRACTS_UPDATE_INVITE,
            ContractInvite,
            body=body,
            options=options,
            contract_id=contract_id,
            invite_id=invite_id,
        )

    async def revoke_invite(
        self, contract_id: str, invite_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Withdraw a pending invitation (``contracts.membership.edit``).

        Examples:
            >>> invite = await client.contracts.invite(
            ...     "CONTRACT_ID", "cy@example.com", roles="owner"
            ... )
            >>> await client.contracts.revoke_invite("CONTRACT_ID", invite.id)
        """
        await self._nothing(
            CONTRACTS_REVOKE_INVITE, options=options, contract_id=contract_id, invite_id=invite_id
        )

    async def suspend(self, contract_id: str, **options: Unpack[CallOptions]) -> None:
        """Suspend a contract (tenant admins): the platform stops its flows and, until
        `unsuspend`, refuses writes into it (the emulator answers 409, a
        `ConflictError`). The platform accepts at once (202) and finishes later.

        Examples:
            >>> contract = await client.contracts.create("Dormant")
            >>> await client.contracts.suspend(contract.id)
        """
        await self._nothing(CONTRACTS_SUSPEND, options=options, contract_id=contract_id)

    async def unsuspend(self, contract_id: str, **options: Unpack[CallOptions]) -> None:
        """Lift a contract's suspension (tenant admins); its flows stay stopped.

        Examples:
            >>> contract = await client.contracts.create("Dormant")
            >>> await client.contracts.suspend(contract.id)
            >>> await client.contracts.unsuspend(contract.id)
        """
        await self._nothing(CONTRACTS_UNSUSPEND, options=options, contract_id=contract_id)
