"""What contract and workspace memberships share: a member and a pending invite.

Contracts and workspaces send members and invites of their own JSON:API types with the
same attributes; the shape is declared here once, and ``ContractMember``,
``WorkspaceMember``, ``ContractInvite`` and ``WorkspaceInvite`` only name their type.
"""

from __future__ import annotations

from elasticio.models._declare import Model, model, to_one

__all__ = ["Invitation", "Membership"]


@model("contract-member", "member")
class Membership(Model):
    """A user's membership of a contract or a workspace, with the ``roles`` they hold there.

    The API identifies a member by the user's id; ``user_id`` comes from the ``user``
    relationship when the answer has one, and is the member's ``id`` otherwise.

    Examples:
        >>> from elasticio import WorkspaceMember
        >>> WorkspaceMember(id="59d2", roles=("admin",)).user_id
        '59d2'
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    roles: tuple[str, ...] = ()
    user_id: str = to_one("user")

    def __attrs_post_init__(self) -> None:
        # Left out (no relationship, not given): the member's id, which is the user's.
        # Set once, while the frozen member is being built.
        if not self.user_id:
            object.__setattr__(self, "user_id", self.id)


@model("contract-invite", "workspace-invite")
class Invitation(Model):
    """A pending invitation, by ``email``, to hold ``roles`` in a contract or a workspace."""

    id: str
    email: str | None = None
    roles: tuple[str, ...] = ()
