"""Members with roles, as contracts and workspaces both have them: one implementation of
the table of such records, of how a member looks, and of listing and including them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from elasticio.testing._areas.users.store import UserRecord, Users
from elasticio.testing._ids import IdFactory
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._query import includes
from elasticio.testing._table import Table

__all__ = [
    "OWNER",
    "Asked",
    "MemberTable",
    "MemberView",
    "Roles",
    "Scope",
    "member_attributes",
    "members_document",
    "scope_document",
]

Roles = list[str]
OWNER: tuple[str, ...] = ("owner",)


class Scope(Protocol):
    """A record with members: user id -> roles."""

    id: str
    members: dict[str, Roles]


S = TypeVar("S", bound=Scope)

MemberView = Callable[[UserRecord, Roles], Json]
"""How one member looks in the scope's answers."""


class MemberTable(Table[S]):
    """Records with members (contracts, workspaces)."""

    def __init__(
        self,
        kind: str,
        ids: IdFactory,
        users: Users,
        *,
        refs: Mapping[str, Table[Any]] | None = None,
    ) -> None:
        super().__init__(kind, ids, refs=refs)
        self.users = users

    def add_with_owners(self, record: S, owner_ids: Iterable[str]) -> S:
        """Add ``record``, then make ``owner_ids`` its members with the ``owner`` role."""
        self.add(record)
        for user_id in owner_ids:
            self.add_member(record.id, user_id, OWNER)
        return record

    def add_member(self, scope_id: str, user_id: str, roles: Sequence[str]) -> None:
        """Make a user a member with ``roles`` (replacing earlier roles)."""
        user = self.users[user_id]
        self[scope_id].members[user.id] = list(roles)

    def with_member(self, user_id: str) -> list[S]:
        """The records the user is a member of, in id order."""
        return self.where(lambda record: user_id in record.members)


def member_attributes(user: UserRecord, roles: Roles) -> dict[str, Any]:
    """What a member's resource says of them, whatever the scope."""
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "roles": list(roles),
    }


class _Tables(Protocol):
    @property
    def users(self) -> Users: ...


class Asked(Protocol):
    """What the member answers read of the request (a ``Call``)."""

    @property
    def platform(self) -> _Tables: ...

    @property
    def query(self) -> Mapping[str, str]: ...

    @property
    def path(self) -> str: ...


def _members(call: Asked, scope: Scope, view: MemberView) -> list[Json]:
    users = call.platform.users
    return [view(users[user_id], roles) for user_id, roles in scope.members.items()]


def members_document(call: Asked, scope: Scope, view: MemberView) -> Json:
    """The answer listing every member of ``scope``, as ``view`` shows them."""
    return document(_members(call, scope, view), self_link=call.path)


def scope_document(call: Asked, scope: Scope, view: MemberView, data: Json) -> Json:
    """The answer showing ``scope`` as ``data``; ``include=members,invites`` adds its
    members to ``included`` (and no invites: the emulator has none)."""
    wanted = includes(call.query, ("members", "invites"))
    included = None
    if wanted:
        included = _members(call, scope, view) if "members" in wanted else []
    return document(data, included=included, self_link=call.path)
